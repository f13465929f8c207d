import { JOB_NAMES, JobsService } from '@lib/jobs';
import { aCycle, aRequest, aRequestsWorld, aSubject, completeAnswers, RequestsWorld, stateOf, TestCycle } from '../support/feedback-factories';
import { startTestApp, TestApp } from '../support/test-app';

/** What happens to a request: the manager approves or rejects, the rater declines, HR or the subject removes it; the lists. */
describe('feedback requests: decisions and lists', () => {
  let t: TestApp;
  let a: RequestsWorld['a'];
  let version: RequestsWorld['version'];
  let p: RequestsWorld['p'];
  let as: RequestsWorld['as'];
  let ask: RequestsWorld['ask'];
  let listUrl: RequestsWorld['listUrl'];
  let itemFor: RequestsWorld['itemFor'];
  let aNominatingCycle: RequestsWorld['aNominatingCycle'];

  beforeAll(async () => {
    t = await startTestApp();
    ({ a, version, p, as, ask, listUrl, itemFor, aNominatingCycle } = await aRequestsWorld(t));
  });
  afterAll(() => t.close());

  describe('the manager approves or rejects', () => {
    let cycle: TestCycle;
    let first: string;
    let second: string;
    beforeAll(async () => {
      cycle = await aNominatingCycle();
      const response = await ask(as(a.member), cycle.id, a.member.id, [p(0).id, p(1).id]);
      first = itemFor(response, p(0).id).id;
      second = itemFor(response, p(1).id).id;
    });

    it('lists proposals awaiting the manager, and none for others', async () => {
      const approvals = await as(a.manager).get(`/api/feedback-requests?mine=approvals&cycleId=${cycle.id}`);
      expect(approvals.status).toBe(200);
      expect(approvals.body.kind).toBe('approvals');
      expect(approvals.body.items).toEqual([
        expect.objectContaining({
          id: first,
          cycleId: cycle.id,
          subject: expect.objectContaining({ id: a.member.id }),
          rater: expect.objectContaining({ name: 'Ada Archivist' }),
          relationship: 'peer',
        }),
        expect.objectContaining({ id: second, rater: expect.objectContaining({ name: 'Ben Builder' }) }),
      ]);
      expect((await as(a.colleague).get('/api/feedback-requests?mine=approvals')).body.items).toEqual([]);
      const managerView = await as(a.manager).get(listUrl(cycle.id, a.member.id));
      expect(itemFor(managerView, p(0).id)).toMatchObject({ canDecide: true, canRemove: false });
    });

    it('approves (proposed → open), once', async () => {
      const approved = await as(a.manager).post(`/api/feedback-requests/${first}/approve`);
      expect(approved.status).toBe(200);
      expect(approved.body).toEqual({
        id: first,
        cycleId: cycle.id,
        subjectId: a.member.id,
        raterId: p(0).id,
        relationship: 'peer',
        state: 'open',
        reason: null,
      });
      // The rater hears of it through the cycle's invitation job, queued by the approval (a minute
      // later, so that a burst of approvals makes one mail per rater).
      const jobs = t.app.get(JobsService);
      expect(jobs.heldJobs(JOB_NAMES.cycleInvitations)).toContainEqual({
        name: JOB_NAMES.cycleInvitations,
        data: { organizationId: a.org.id, cycleId: cycle.id },
        startAfter: expect.any(Date),
      });
      const mailsTo = async (email: string) => (await as(a.admin).get('/api/outbox')).body.items.filter((m: { recipient: string }) => m.recipient === email);
      expect(await mailsTo(p(0).email)).toEqual([]);
      await jobs.runHeld(JOB_NAMES.cycleInvitations);
      expect(await mailsTo(p(0).email)).toHaveLength(1);

      const again = await as(a.manager).post(`/api/feedback-requests/${first}/approve`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('not_awaiting_approval');
      const tasks = await as(p(0)).get('/api/feedback-requests?mine=true');
      expect(tasks.body.cycles.find((c: { id: string }) => c.id === cycle.id).requests).toEqual([
        expect.objectContaining({ id: first, state: 'open', relationship: 'peer', canAnswer: true, subject: expect.objectContaining({ name: 'Mo Member' }) }),
      ]);
    });

    it('rejects with a reason the subject sees, and the subject may then ask that person again', async () => {
      expect((await as(a.manager).post(`/api/feedback-requests/${second}/reject`, {})).status).toBe(400);
      expect((await as(a.manager).post(`/api/feedback-requests/${second}/reject`, { reason: '   ' })).status).toBe(400);
      expect((await as(a.manager).post(`/api/feedback-requests/${second}/reject`, { reason: 'x'.repeat(1001) })).status).toBe(400);
      expect(await stateOf(t.db, second)).toBe('proposed');
      const rejected = await as(a.admin).post(`/api/feedback-requests/${second}/reject`, { reason: 'Ben joined last week' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ state: 'rejected', reason: 'Ben joined last week' });
      const view = await as(a.member).get(listUrl(cycle.id, a.member.id));
      expect(itemFor(view, p(1).id)).toMatchObject({ state: 'rejected', reason: 'Ben joined last week', canRemove: false });
      expect((await ask(as(a.member), cycle.id, a.member.id, [p(1).id])).status).toBe(201);
    });

    it('never tells the manager that a rater has submitted', async () => {
      const submitted = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(5).id, state: 'submitted' });
      const open = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(6).id, state: 'open' });
      const onSubmitted = await as(a.manager).post(`/api/feedback-requests/${submitted}/approve`);
      const onOpen = await as(a.manager).post(`/api/feedback-requests/${open}/approve`);
      expect(onSubmitted.status).toBe(409);
      expect({ ...onSubmitted.body, requestId: undefined }).toEqual({ ...onOpen.body, requestId: undefined });
      expect(onSubmitted.text).not.toMatch(/submitted/);
      // The subject's withdraw attempt reads the same for both as well.
      const withdrawSubmitted = await as(a.member).delete(`/api/feedback-requests/${submitted}`);
      const withdrawOpen = await as(a.member).delete(`/api/feedback-requests/${open}`);
      expect(withdrawSubmitted.status).toBe(409);
      expect(withdrawSubmitted.body.message).toBe(withdrawOpen.body.message);
      expect(withdrawSubmitted.text).not.toMatch(/submitted/);
    });

    it('refuses decisions once the cycle is closed', async () => {
      const closed = await aNominatingCycle();
      const proposal = await aRequest(t.db, closed, { subjectId: a.member.id, raterId: p(3).id, state: 'proposed' });
      await t.db.query(`UPDATE cycles SET state = 'closed' WHERE id = $1`, [closed.id]);
      const response = await as(a.manager).post(`/api/feedback-requests/${proposal}/approve`);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('cycle_not_open');
    });
  });

  describe('a rater declines', () => {
    it('with a reason: the subject sees it declined and is told by mail, and may ask someone else', async () => {
      const cycle = await aNominatingCycle({}, 'collecting');
      const id = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(2).id, state: 'open' });
      await as(p(2)).put(`/api/feedback-requests/${id}/draft`, { answers: [{ questionId: version.statementIds[0], rating: 2 }] });
      expect((await as(p(2)).post(`/api/feedback-requests/${id}/decline`, {})).status).toBe(400);
      expect((await as(a.member).post(`/api/feedback-requests/${id}/decline`, { reason: 'x' })).status).toBe(403);

      const declined = await as(p(2)).post(`/api/feedback-requests/${id}/decline`, { reason: 'I am on leave until June' });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ id, state: 'declined', reason: 'I am on leave until June' });
      expect((await t.db.query(`SELECT 1 FROM responses WHERE request_id = $1`, [id])).length).toBe(0);

      const view = await as(a.member).get(listUrl(cycle.id, a.member.id));
      expect(itemFor(view, p(2).id)).toMatchObject({ state: 'declined', reason: 'I am on leave until June', rater: { name: 'Cy Curator' } });
      const outbox = await as(a.admin).get('/api/outbox');
      const mail = outbox.body.items.find((m: { recipient: string; subject: string }) => m.recipient === a.member.email && m.subject.includes('Cy Curator'));
      expect(mail).toBeDefined();
      expect(mail.text).toContain('I am on leave until June');
      expect(mail.text).toContain(`/cycles/${cycle.id}/subjects/${a.member.id}/requests`);
      expect(mail.text).toContain('You can ask someone else in their place');

      expect((await as(p(2)).post(`/api/feedback-requests/${id}/decline`, { reason: 'again' })).status).toBe(409);
      const again = await ask(as(a.member), cycle.id, a.member.id, [p(2).id]);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('rater_declined');
      expect((await ask(as(a.member), cycle.id, a.member.id, [p(3).id])).status).toBe(201);
      expect((await as(p(2)).get('/api/feedback-requests?mine=true')).body.cycles.find((c: { id: string }) => c.id === cycle.id).requests[0]).toMatchObject({
        state: 'declined',
        canAnswer: false,
      });
    });

    it('after the nomination deadline, the mail tells the subject whether they can ask someone else, as their page does', async () => {
      const cycle = await aNominatingCycle({ nominationDeadline: new Date(Date.now() + 86_400_000) }, 'collecting');
      const peer = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(0).id, state: 'open' });
      const report = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(5).id, relationship: 'direct_report', state: 'open' });
      await t.db.query(`UPDATE feedback_requests SET created_at = now() - interval '1 day' WHERE cycle_id = $1`, [cycle.id]);
      await t.db.query(`UPDATE cycles SET nomination_deadline = now() - interval '1 hour' WHERE id = $1`, [cycle.id]);
      const mailAbout = async (rater: { name: string }) =>
        (await as(a.admin).get('/api/outbox')).body.items.find(
          (m: { recipient: string; subject: string; text: string }) =>
            m.recipient === a.member.email && m.subject.includes(rater.name) && m.text.includes(cycle.id),
        );

      // A direct report is not the subject's to replace once nominations have closed: HR can add someone.
      expect((await as(p(5)).post(`/api/feedback-requests/${report}/decline`, { reason: 'Too new to the team' })).status).toBe(200);
      const noReplacement = await mailAbout(p(5));
      expect(noReplacement.text).toContain('HR can still add a rater');
      expect(noReplacement.text).not.toContain('in their place');
      expect((await as(a.member).get(listUrl(cycle.id, a.member.id))).body.canRequest).toBe(false);

      // A peer is.
      expect((await as(p(0)).post(`/api/feedback-requests/${peer}/decline`, { reason: 'Never worked together' })).status).toBe(200);
      expect((await mailAbout(p(0))).text).toContain('You can ask someone else in their place');
      expect((await as(a.member).get(listUrl(cycle.id, a.member.id))).body.canRequest).toBe(true);
    });

    it('not after the cycle has closed', async () => {
      const cycle = await aNominatingCycle({}, 'closed');
      const id = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(2).id, state: 'open' });
      const response = await as(p(2)).post(`/api/feedback-requests/${id}/decline`, { reason: 'late' });
      expect(response.status).toBe(409);
      expect(await stateOf(t.db, id)).toBe('open');
    });
  });

  describe('removing a rater', () => {
    let cycle: TestCycle;
    beforeAll(async () => {
      cycle = await aNominatingCycle();
    });

    it('the subject withdraws a proposal, but not a request already put to the rater', async () => {
      const proposal = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(0).id, state: 'proposed' });
      const open = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(1).id, state: 'open' });
      expect((await as(a.member).delete(`/api/feedback-requests/${proposal}`)).status).toBe(204);
      expect(await stateOf(t.db, proposal)).toBeUndefined();
      const refused = await as(a.member).delete(`/api/feedback-requests/${open}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('not_withdrawable');
      expect(await stateOf(t.db, open)).toBe('open');
    });

    it('HR removes any rater who has not submitted, and the removal is audited', async () => {
      const started = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(2).id, state: 'in_progress' });
      const submitted = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(3).id, state: 'submitted' });
      expect((await as(a.admin).delete(`/api/feedback-requests/${started}`)).status).toBe(204);
      expect(await stateOf(t.db, started)).toBeUndefined();
      const refused = await as(a.admin).delete(`/api/feedback-requests/${submitted}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('already_submitted');
      expect(await stateOf(t.db, submitted)).toBe('submitted');
      const audit = await as(a.admin).get(`/api/audit-events?targetId=${started}`);
      expect(audit.body.items[0]).toMatchObject({ action: 'feedback_request.removed', details: { raterId: p(2).id } });
    });
  });

  describe("HR's view", () => {
    it('lists every request of a cycle with its real state, filters, and pages', async () => {
      const cycle = await aNominatingCycle({}, 'collecting');
      await aRequest(t.db, cycle, { subjectId: a.colleague.id, raterId: p(0).id, state: 'submitted' });
      await aRequest(t.db, cycle, { subjectId: a.colleague.id, raterId: p(1).id, state: 'in_progress' });
      await aRequest(t.db, cycle, { subjectId: a.colleague.id, raterId: p(2).id, state: 'declined' });
      const all = await as(a.admin).get(`/api/feedback-requests?cycleId=${cycle.id}`);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ kind: 'cycle', total: 5 });
      const states = all.body.items.filter((x: { subject: { id: string } }) => x.subject.id === a.colleague.id).map((x: { state: string }) => x.state);
      expect(states.sort()).toEqual(['declined', 'in_progress', 'submitted']);
      const submitted = await as(a.admin).get(`/api/feedback-requests?cycleId=${cycle.id}&state=submitted`);
      expect(submitted.body.items).toEqual([expect.objectContaining({ rater: expect.objectContaining({ id: p(0).id }), submittedAt: expect.any(String) })]);
      const page = await as(a.admin).get(`/api/feedback-requests?cycleId=${cycle.id}&limit=2&offset=4`);
      expect(page.body).toMatchObject({ total: 5, items: [expect.anything()] });
      expect((await as(a.admin).get(`/api/feedback-requests?cycleId=${cycle.id}&limit=501`)).status).toBe(400);
    });

    it('an HR admin who is a subject sees their own raters as a subject does', async () => {
      const cycle = await aNominatingCycle({}, 'collecting');
      const submitted = await aRequest(t.db, cycle, { subjectId: a.admin.id, raterId: p(0).id, state: 'submitted' });
      const own = await as(a.admin).get(listUrl(cycle.id, a.admin.id));
      expect(own.body.viewer).toBe('subject');
      expect(itemFor(own, p(0).id)).toMatchObject({ state: 'open', canRemove: false });
      const filtered = await as(a.admin).get(`/api/feedback-requests?cycleId=${cycle.id}&state=submitted`);
      expect(filtered.body.items.map((x: { id: string }) => x.id)).not.toContain(submitted);
      const listed = await as(a.admin).get(`/api/feedback-requests?cycleId=${cycle.id}&subjectId=${a.admin.id}`);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: submitted, state: 'open', submittedAt: null })]);
      expect((await as(a.admin).delete(`/api/feedback-requests/${submitted}`)).body.code).toBe('not_withdrawable');
    });
  });

  it('my tasks: grouped by cycle, newest first, with deadline and progress', async () => {
    const rater = p(4);
    const older = await aNominatingCycle({ responseDeadline: new Date('2030-01-31T17:00:00Z') }, 'collecting');
    const newer = await aNominatingCycle({}, 'collecting');
    const draftCycle = await aCycle(t.db, a.org.id, version.id, { state: 'draft' });
    await aSubject(t.db, draftCycle, a.member);
    await aRequest(t.db, draftCycle, { subjectId: a.member.id, raterId: rater.id });
    const one = await aRequest(t.db, older, { subjectId: a.member.id, raterId: rater.id });
    const two = await aRequest(t.db, older, { subjectId: a.colleague.id, raterId: rater.id });
    const three = await aRequest(t.db, newer, { subjectId: a.member.id, raterId: rater.id });
    await as(rater).put(`/api/feedback-requests/${one}/draft`, { answers: [{ questionId: version.statementIds[0], rating: null }] });
    expect((await as(rater).post(`/api/feedback-requests/${two}/submit`, completeAnswers(version))).status).toBe(200);

    const tasks = await as(rater).get('/api/feedback-requests?mine=true');
    expect(tasks.status).toBe(200);
    const mine = tasks.body.cycles.filter((c: { id: string }) => [older.id, newer.id, draftCycle.id].includes(c.id));
    expect(mine.map((c: { id: string }) => c.id)).toEqual([newer.id, older.id]);
    expect(mine[1]).toMatchObject({ state: 'collecting', responseDeadline: '2030-01-31T17:00:00.000Z' });
    expect(mine[1].requests).toEqual([
      expect.objectContaining({
        id: two,
        subject: expect.objectContaining({ name: 'Cora Colleague' }),
        state: 'submitted',
        progress: { answered: 6, total: 6 },
        canAnswer: false,
      }),
      expect.objectContaining({ id: one, state: 'in_progress', progress: { answered: 1, total: 6 }, canAnswer: true, submittedAt: null }),
    ]);
    expect(mine[0].requests.map((r: { id: string }) => r.id)).toEqual([three]);
    const filtered = await as(rater).get(`/api/feedback-requests?mine=true&cycleId=${older.id}`);
    expect(filtered.body.cycles.map((c: { id: string }) => c.id)).toEqual([older.id]);
  });
});
