import { aCycle, aFrameworkVersion, aRequest, aSubject, completeAnswers, draftOf, stateOf, TestFrameworkVersion } from '../support/feedback-factories';
import { snapshotReports, reportUrl } from '../support/report-factories';
import { aPerson, aTeam, TestPerson } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import type { HttpClient } from '../support/http-client';

interface Mail {
  recipient: string;
  subject: string;
  text: string;
}

/**
 * A leaver who is a subject, and HR chose "remove": they leave every draft and running cycle, the
 * requests about them are withdrawn, each asked rater is told once, a started draft stays readable
 * by its rater alone until the cycle closes, and no report is made for them.
 */
describe('removing a subject (leaver, "remove")', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let hr: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    version = await aFrameworkVersion(t.db, a.org.id);
    hr = await signedIn(a.admin);
  });
  afterAll(() => t.close());

  async function signedIn(person: { id: string; organizationId: string; role: 'admin' | 'member' }): Promise<HttpClient> {
    const client = t.client();
    await client.signInAs(person);
    return client;
  }
  const outbox = async (): Promise<Mail[]> => (await hr.get('/api/outbox')).body.items as Mail[];
  const mailsTo = async (person: TestPerson): Promise<Mail[]> => (await outbox()).filter((m) => m.recipient === person.email);
  const removedAt = async (cycleId: string, personId: string): Promise<(Date | null)[]> =>
    (await t.db.query(`SELECT removed_at FROM cycle_subjects WHERE cycle_id = $1 AND person_id = $2`, [cycleId, personId])).map(
      (r: { removed_at: Date | null }) => r.removed_at,
    );
  const half = () => {
    const all = completeAnswers(version);
    return { answers: all.answers.slice(0, 2), comments: [{ questionId: version.openQuestionIds[0], text: 'They listened before answering, every time.' }] };
  };

  describe('with drafts present', () => {
    let leaver: TestPerson;
    let stays: TestPerson;
    let unstarted: TestPerson;
    let started: TestPerson;
    let submitter: TestPerson;
    let proposed: TestPerson;
    let cycle: Awaited<ReturnType<typeof aCycle>>;
    let nominating: Awaited<ReturnType<typeof aCycle>>;
    let draftCycle: Awaited<ReturnType<typeof aCycle>>;
    const ids: Record<string, string> = {};
    let startedDraft: ReturnType<typeof half>;
    let otherOrg: { cycleId: string; requestId: string };

    beforeAll(async () => {
      leaver = await aPerson(t.db, a.org.id, { name: 'Lena Leaving', department: 'Collections' });
      stays = await aPerson(t.db, a.org.id, { name: 'Stan Staying', department: 'Learning' });
      unstarted = await aPerson(t.db, a.org.id, { name: 'Una Unstarted' });
      started = await aPerson(t.db, a.org.id, { name: 'Stella Started' });
      submitter = await aPerson(t.db, a.org.id, { name: 'Sam Submitted' });
      proposed = await aPerson(t.db, a.org.id, { name: 'Pia Proposed' });
      cycle = await aCycle(t.db, a.org.id, version.id, { state: 'collecting', name: 'Spring 360' });
      nominating = await aCycle(t.db, a.org.id, version.id, { state: 'nominating', name: 'Nominating 360' });
      draftCycle = await aCycle(t.db, a.org.id, version.id, { state: 'draft', name: 'Draft 360' });
      for (const c of [cycle, nominating]) {
        await aSubject(t.db, c, leaver);
        await aSubject(t.db, c, stays);
      }
      await aSubject(t.db, draftCycle, leaver);
      await aSubject(t.db, draftCycle, stays);
      ids.self = await aRequest(t.db, cycle, { subjectId: leaver.id, raterId: leaver.id });
      ids.unstarted = await aRequest(t.db, cycle, { subjectId: leaver.id, raterId: unstarted.id });
      ids.started = await aRequest(t.db, cycle, { subjectId: leaver.id, raterId: started.id });
      ids.submitted = await aRequest(t.db, cycle, { subjectId: leaver.id, raterId: submitter.id });
      ids.proposed = await aRequest(t.db, cycle, { subjectId: leaver.id, raterId: proposed.id, state: 'proposed' });
      ids.nominating = await aRequest(t.db, nominating, { subjectId: leaver.id, raterId: unstarted.id });
      ids.aboutStays = await aRequest(t.db, cycle, { subjectId: stays.id, raterId: started.id });
      ids.aboutStaysOpen = await aRequest(t.db, cycle, { subjectId: stays.id, raterId: unstarted.id });

      startedDraft = half();
      const startedClient = await signedIn(started);
      expect((await startedClient.put(`/api/feedback-requests/${ids.started}/draft`, startedDraft)).status).toBe(200);
      expect((await startedClient.put(`/api/feedback-requests/${ids.aboutStays}/draft`, half())).status).toBe(200);
      const submitterClient = await signedIn(submitter);
      expect((await submitterClient.post(`/api/feedback-requests/${ids.submitted}/submit`, completeAnswers(version))).status).toBe(200);

      // Another organisation with the same shape: nothing here may touch it.
      const bVersion = await aFrameworkVersion(t.db, b.org.id);
      const bCycle = await aCycle(t.db, b.org.id, bVersion.id, { state: 'collecting' });
      await aSubject(t.db, bCycle, b.member);
      const bRequest = await aRequest(t.db, bCycle, { subjectId: b.member.id, raterId: b.peer.id });
      await t.db.query(`INSERT INTO responses (request_id, organization_id, cycle_id, draft) VALUES ($1, $2, $3, '{"answers":[],"comments":[]}')`, [
        bRequest,
        b.org.id,
        bCycle.id,
      ]);
      otherOrg = { cycleId: bCycle.id, requestId: bRequest };

      const done = await hr.post(`/api/people/${leaver.id}/deactivate`, { subjectHandling: 'remove' });
      expect(done.status).toBe(200);
    });

    it('takes them out of every draft and running cycle: the draft row goes, running ones are marked', async () => {
      expect(await removedAt(draftCycle.id, leaver.id)).toEqual([]);
      expect(await removedAt(cycle.id, leaver.id)).toEqual([expect.any(Date)]);
      expect(await removedAt(nominating.id, leaver.id)).toEqual([expect.any(Date)]);
      expect(await removedAt(cycle.id, stays.id)).toEqual([null]);
      expect((await hr.get(`/api/cycles/${cycle.id}`)).body.subjectCount).toBe(1);
      const listed = await hr.get(`/api/cycles/${cycle.id}/subjects`);
      expect(listed.body.items.map((s: { personId: string }) => s.personId)).toEqual([stays.id]);
      expect((await hr.get(`/api/cycles/${cycle.id}/subjects/${leaver.id}/requests`)).status).toBe(404);
    });

    it('withdraws unanswered requests with a reason; submitted ones stay; other subjects are untouched', async () => {
      expect(await stateOf(t.db, ids.unstarted)).toBe('declined');
      expect(await stateOf(t.db, ids.started)).toBe('declined');
      expect(await stateOf(t.db, ids.self)).toBe('declined');
      expect(await stateOf(t.db, ids.nominating)).toBe('declined');
      expect(await stateOf(t.db, ids.proposed)).toBe('rejected');
      expect(await stateOf(t.db, ids.submitted)).toBe('submitted');
      expect(await stateOf(t.db, ids.aboutStays)).toBe('in_progress');
      expect(await stateOf(t.db, ids.aboutStaysOpen)).toBe('open');
      expect(await draftOf(t.db, ids.aboutStays)).not.toBeNull();
      const [withdrawn] = await t.db.query(`SELECT reason, withdrawn_at FROM feedback_requests WHERE id = $1`, [ids.unstarted]);
      expect(withdrawn.reason).toMatch(/no longer part of this cycle/);
      expect(withdrawn.withdrawn_at).toBeInstanceOf(Date);
    });

    it('keeps the started draft, readable (read-only) by its rater alone', async () => {
      const rater = await signedIn(started);
      const view = await rater.get(`/api/feedback-requests/${ids.started}`);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ state: 'declined', canEdit: false, withdrawnReason: expect.stringMatching(/no longer part of this cycle/) });
      expect(view.body.draft.answers).toEqual(startedDraft.answers);
      expect(view.body.draft.comments).toEqual(startedDraft.comments);
      // Read-only: no save, no submit.
      expect((await rater.put(`/api/feedback-requests/${ids.started}/draft`, half())).status).toBe(409);
      expect((await rater.post(`/api/feedback-requests/${ids.started}/submit`, {})).status).toBe(409);
      expect(await stateOf(t.db, ids.started)).toBe('declined');
      // The rater's list says so.
      const tasks = await rater.get('/api/feedback-requests?mine=true');
      const mine = tasks.body.cycles.flatMap((c: { requests: { id: string }[] }) => c.requests);
      expect(mine.find((r: { id: string }) => r.id === ids.started)).toMatchObject({
        state: 'declined',
        withdrawn: true,
        draftKept: true,
        canAnswer: false,
        reason: expect.stringMatching(/no longer part of this cycle/),
      });
      expect(mine.find((r: { id: string }) => r.id === ids.aboutStays)).toMatchObject({ withdrawn: false, draftKept: false, canAnswer: true });
      const other = await (await signedIn(unstarted)).get('/api/feedback-requests?mine=true');
      const theirs = other.body.cycles.flatMap((c: { requests: { id: string }[] }) => c.requests);
      expect(theirs.find((r: { id: string }) => r.id === ids.unstarted)).toMatchObject({ withdrawn: true, draftKept: false });
      // A proposal never put to its rater stays out of their list.
      const proposedList = await (await signedIn(proposed)).get('/api/feedback-requests?mine=true');
      expect(proposedList.body.cycles.flatMap((c: { requests: { id: string }[] }) => c.requests.map((r) => r.id))).not.toContain(ids.proposed);
    });

    it('lets nobody else read that draft: HR, other raters, the other subject, another organisation', async () => {
      for (const who of [a.admin, unstarted, submitter, stays, a.manager, b.admin]) {
        const response = await (await signedIn(who)).get(`/api/feedback-requests/${ids.started}`);
        expect(response.status).toBe(404);
        expect(JSON.stringify(response.body)).not.toContain('listened before answering');
      }
      const cycleList = await hr.get(`/api/feedback-requests?cycleId=${cycle.id}`);
      expect(JSON.stringify(cycleList.body)).not.toContain('listened before answering');
    });

    it('tells each asked rater once, in their own words; nobody else is mailed', async () => {
      // One notice per withdrawn request: the unstarted rater was asked in two cycles.
      const toUnstarted = await mailsTo(unstarted);
      expect(toUnstarted.map((m) => m.subject).sort()).toEqual([
        'No need to answer about Lena Leaving in Nominating 360',
        'No need to answer about Lena Leaving in Spring 360',
      ]);
      for (const mail of toUnstarted) {
        expect(mail.text).toContain('You do not need to answer it');
        expect(mail.text).not.toContain('draft');
      }
      const [toStarted, ...moreStarted] = await mailsTo(started);
      expect(toStarted.text).toContain('Your draft was not submitted and will not be used');
      expect(toStarted.text).toContain(`/feedback/${ids.started}`);
      expect(moreStarted).toEqual([]);
      expect(await mailsTo(submitter)).toEqual([]);
      expect(await mailsTo(proposed)).toEqual([]);
      expect(await mailsTo(leaver)).toEqual([]);

      // Once: doing it again (reactivated, then removed again) sends nothing new.
      await hr.post(`/api/people/${leaver.id}/reactivate`);
      expect((await hr.post(`/api/people/${leaver.id}/deactivate`, { subjectHandling: 'remove' })).status).toBe(200);
      expect(await mailsTo(unstarted)).toHaveLength(2);
      expect(await mailsTo(started)).toHaveLength(1);
    });

    it('explains it in the audit log without counting who had answered', async () => {
      const audit = await hr.get(`/api/audit-events?targetId=${cycle.id}&action=cycle.subject_removed`);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0].details).toEqual({ personId: leaver.id, cause: 'left' });
      const deactivated = await hr.get(`/api/audit-events?targetId=${leaver.id}&action=person.deactivated`);
      expect(deactivated.body.items[0].details).toMatchObject({ subjectHandling: 'remove' });
      expect(deactivated.body.items[0].details).not.toHaveProperty('withdrawnAbout');
      const drafted = await hr.get(`/api/audit-events?targetId=${draftCycle.id}&action=cycle.subject_removed`);
      expect(drafted.body.items[0].details).toEqual({ personId: leaver.id, cause: 'left' });
    });

    it("HR's progress no longer counts them", async () => {
      const progress = await hr.get(`/api/cycles/${cycle.id}/progress`);
      expect(progress.status).toBe(200);
      expect(progress.body.bySubject.map((s: { subjectId: string }) => s.subjectId)).toEqual([stays.id]);
      expect(progress.body.overall.total).toBe(progress.body.bySubject[0].total);
      expect(progress.body.byDepartment.map((d: { department: string | null }) => d.department)).toEqual(['Learning']);
    });

    it('at close deletes the kept drafts (and only those), makes no report for them, and the cycle releases', async () => {
      expect((await hr.post(`/api/cycles/${cycle.id}/close`)).status).toBe(200);
      expect(await draftOf(t.db, ids.started)).toBeNull();
      expect(await draftOf(t.db, ids.aboutStays)).not.toBeNull();
      expect(await draftOf(t.db, ids.submitted)).not.toBeNull();
      const view = await (await signedIn(started)).get(`/api/feedback-requests/${ids.started}`);
      expect(view.body).toMatchObject({ state: 'declined', withdrawnReason: expect.any(String), draft: { answers: [], comments: [] } });

      const result = await snapshotReports(t, a.org.id, cycle.id);
      expect(result).toBeDefined();
      const snapshots: { subject_id: string }[] = await t.db.query(`SELECT subject_id FROM report_snapshots WHERE cycle_id = $1`, [cycle.id]);
      expect(snapshots.map((s) => s.subject_id)).toEqual([stays.id]);
      expect((await hr.post(`/api/cycles/${cycle.id}/release`)).status).toBe(200);
      expect((await hr.get(reportUrl(cycle.id, leaver.id))).status).toBe(404);
      expect((await hr.get(reportUrl(cycle.id, stays.id))).status).toBe(200);
    });

    it('leaves the other organisation untouched', async () => {
      const [row] = await t.db.query(`SELECT state, withdrawn_at FROM feedback_requests WHERE id = $1`, [otherOrg.requestId]);
      expect(row).toEqual({ state: 'open', withdrawn_at: null });
      expect(await draftOf(t.db, otherOrg.requestId)).not.toBeNull();
      expect(await removedAt(otherOrg.cycleId, b.member.id)).toEqual([null]);
    });

    it('tells the leaver nothing of who had answered, should they come back as HR', async () => {
      // Only unanswered requests were withdrawn: were they shown as declined beside the answered
      // one, the leaver, back and made HR, would read in the cycle's request list who had answered.
      expect((await hr.post(`/api/people/${leaver.id}/reactivate`, {})).status).toBe(200);
      await t.db.query(`UPDATE people SET role = 'admin' WHERE id = $1`, [leaver.id]);
      const back = await signedIn({ ...leaver, role: 'admin' });
      const list = await back.get(`/api/feedback-requests?cycleId=${cycle.id}&subjectId=${leaver.id}&limit=100`);
      expect(list.status).toBe(200);
      const seen = new Map((list.body.items as { id: string; state: string; reason: string | null }[]).map((r) => [r.id, r]));
      for (const id of [ids.unstarted, ids.started, ids.submitted]) expect(seen.get(id)).toMatchObject({ state: 'open', reason: null });
      const filtered = await back.get(`/api/feedback-requests?cycleId=${cycle.id}&subjectId=${leaver.id}&state=declined&limit=100`);
      expect((filtered.body.items as { id: string }[]).map((r) => r.id)).not.toContain(ids.unstarted);
    });
  });

  it('"keep" changes nothing about them as a subject', async () => {
    const kept = await aPerson(t.db, a.org.id, { name: 'Kit Kept' });
    const rater = await aPerson(t.db, a.org.id, { name: 'Rob Rater' });
    const cycle = await aCycle(t.db, a.org.id, version.id, { state: 'collecting' });
    await aSubject(t.db, cycle, kept);
    const request = await aRequest(t.db, cycle, { subjectId: kept.id, raterId: rater.id });
    expect((await (await signedIn(rater)).put(`/api/feedback-requests/${request}/draft`, half())).status).toBe(200);
    expect((await hr.post(`/api/people/${kept.id}/deactivate`, { subjectHandling: 'keep' })).status).toBe(200);
    expect(await stateOf(t.db, request)).toBe('in_progress');
    expect(await draftOf(t.db, request)).not.toBeNull();
    expect(await removedAt(cycle.id, kept.id)).toEqual([null]);
    expect(await mailsTo(rater)).toEqual([]);
    const progress = await hr.get(`/api/cycles/${cycle.id}/progress`);
    expect(progress.body.bySubject.map((s: { subjectId: string }) => s.subjectId)).toEqual([kept.id]);
  });

  it('HR removing a subject from a draft cycle goes through the same place; running cycles and other roles refused', async () => {
    const person = await aPerson(t.db, a.org.id, { name: 'Dee Draft' });
    const draft = await aCycle(t.db, a.org.id, version.id, { state: 'draft' });
    const running = await aCycle(t.db, a.org.id, version.id, { state: 'collecting' });
    await aSubject(t.db, draft, person);
    await aSubject(t.db, running, person);
    expect((await (await signedIn(a.member)).delete(`/api/cycles/${draft.id}/subjects/${person.id}`)).status).toBe(403);
    expect((await (await signedIn(b.admin)).delete(`/api/cycles/${draft.id}/subjects/${person.id}`)).status).toBe(404);
    expect((await hr.delete(`/api/cycles/${running.id}/subjects/${person.id}`)).status).toBe(409);
    expect(await removedAt(running.id, person.id)).toEqual([null]);
    expect((await hr.delete(`/api/cycles/${draft.id}/subjects/${person.id}`)).status).toBe(204);
    expect(await removedAt(draft.id, person.id)).toEqual([]);
    expect((await hr.delete(`/api/cycles/${draft.id}/subjects/${person.id}`)).status).toBe(404);
    const audit = await hr.get(`/api/audit-events?targetId=${draft.id}&action=cycle.subject_removed`);
    expect(audit.body.items.map((e: { details: unknown }) => e.details)).toEqual([{ personId: person.id, cause: 'removed_by_hr' }]);
  });
});
