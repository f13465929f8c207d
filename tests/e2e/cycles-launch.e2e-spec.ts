import { JobsService } from '@lib/jobs';
import { aDraftCycle, aLaunchedCycle, requestsOf, runHeldJobs } from '../support/cycle-factories';
import { anOrganization, aPerson, aTeam, TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The org chart used here:
 *   Dana (director, no manager) ← Maya (manager) ← Mo, Cora, and Xavier (inactive)
 *   Pat (no manager, no reports), Hana (HR admin, no manager)
 */
describe('cycle launch, subjects and progress', () => {
  let t: TestApp;
  let hr: HttpClient;
  let otherHr: HttpClient;
  let org: { id: string };
  let admin: TestPerson, dana: TestPerson, maya: TestPerson, mo: TestPerson, cora: TestPerson, xavier: TestPerson, pat: TestPerson;

  beforeAll(async () => {
    t = await startTestApp();
    org = await anOrganization(t.db, { name: 'Launch Org' });
    admin = await aPerson(t.db, org.id, { name: 'Hana Hr', role: 'admin', department: 'People' });
    dana = await aPerson(t.db, org.id, { name: 'Dana Director', department: 'Board' });
    maya = await aPerson(t.db, org.id, { name: 'Maya Manager', department: 'Collections', managerId: dana.id });
    mo = await aPerson(t.db, org.id, { name: 'Mo Member', department: 'Collections', managerId: maya.id });
    cora = await aPerson(t.db, org.id, { name: 'Cora Colleague', department: 'Collections', managerId: maya.id });
    xavier = await aPerson(t.db, org.id, { name: 'Xavier Left', department: 'Collections', managerId: maya.id });
    pat = await aPerson(t.db, org.id, { name: 'Pat Peer', department: 'Learning' });
    await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [xavier.id]);
    hr = t.client();
    await hr.signInAs(admin);
    const other = await aTeam(t.db, 'Other Org');
    otherHr = t.client();
    await otherHr.signInAs(other.admin);
  });
  afterAll(() => t.close());

  const pair = (subject: TestPerson, rater: TestPerson, relationship: string, state = 'open') => ({
    subject_id: subject.id,
    rater_id: rater.id,
    relationship,
    state,
  });
  const sorted = (rows: ReturnType<typeof pair>[]) =>
    [...rows].sort((x, y) => x.subject_id.localeCompare(y.subject_id) || x.relationship.localeCompare(y.relationship) || x.rater_id.localeCompare(y.rater_id));

  describe('subjects', () => {
    it('adds chosen people, a department or everyone, once each', async () => {
      const cycle = await aDraftCycle(hr);
      const url = `/api/cycles/${cycle.id}/subjects`;
      expect((await hr.post(url, { personIds: [mo.id, cora.id, mo.id] })).body).toEqual({ added: 2, alreadyIncluded: 0, total: 2, requestsCreated: 0 });
      expect((await hr.post(url, { department: 'Collections' })).body).toEqual({ added: 1, alreadyIncluded: 2, total: 3, requestsCreated: 0 });
      // Everyone active: Xavier has left.
      expect((await hr.post(url, { everyone: true })).body).toEqual({ added: 3, alreadyIncluded: 3, total: 6, requestsCreated: 0 });
      const list = (await hr.get(url)).body;
      expect(list.total).toBe(6);
      expect(list.items.map((s: { name: string }) => s.name)).toEqual(['Cora Colleague', 'Dana Director', 'Hana Hr', 'Maya Manager', 'Mo Member', 'Pat Peer']);
      expect(list.items.find((s: { personId: string }) => s.personId === mo.id)).toMatchObject({
        department: 'Collections',
        managerId: maya.id,
        managerName: 'Maya Manager',
        hasReports: false,
        requests: { requested: 0, submitted: 0, responseRate: null },
      });
      expect(list.items.find((s: { personId: string }) => s.personId === maya.id).hasReports).toBe(true);
      const page = (await hr.get(`${url}?search=ma&limit=1&offset=0`)).body;
      expect(page).toMatchObject({ total: 1, items: [expect.objectContaining({ name: 'Maya Manager' })] });
      expect((await hr.get(`${url}?limit=5000`)).status).toBe(400);
    });

    it.each([
      ['two selections', (ids: string[]) => ({ personIds: ids, everyone: true }), 422],
      ['no selection', () => ({}), 422],
      ['everyone: false', () => ({ everyone: false }), 400],
      ['a malformed id', () => ({ personIds: ['nope'] }), 400],
      ['an empty list', () => ({ personIds: [] }), 400],
      ['someone of another organisation', (ids: string[]) => ({ personIds: [...ids, '00000000-0000-4000-8000-000000000000'] }), 422],
      ['someone who has left', (ids: string[]) => ({ personIds: [...ids, xavier.id] }), 422],
    ])('refuses %s and adds nobody', async (_name, body, status) => {
      const cycle = await aDraftCycle(hr);
      const res = await hr.post(`/api/cycles/${cycle.id}/subjects`, body([mo.id]));
      expect(res.status).toBe(status);
      expect((await hr.get(`/api/cycles/${cycle.id}/subjects`)).body.total).toBe(0);
    });

    it('refuses foreign people by id without saying who they are', async () => {
      const cycle = await aDraftCycle(otherHr);
      const res = await otherHr.post(`/api/cycles/${cycle.id}/subjects`, { personIds: [mo.id] });
      expect(res.status).toBe(422);
      expect(res.body.message).not.toContain('Mo');
    });

    it('removes a subject in draft only', async () => {
      const cycle = await aDraftCycle(hr);
      await hr.post(`/api/cycles/${cycle.id}/subjects`, { personIds: [mo.id, cora.id] });
      expect((await hr.delete(`/api/cycles/${cycle.id}/subjects/${mo.id}`)).status).toBe(204);
      expect((await hr.delete(`/api/cycles/${cycle.id}/subjects/${mo.id}`)).status).toBe(404);
      expect((await hr.get(`/api/cycles/${cycle.id}/subjects`)).body.items.map((s: { personId: string }) => s.personId)).toEqual([cora.id]);
      await hr.post(`/api/cycles/${cycle.id}/launch`);
      const res = await hr.delete(`/api/cycles/${cycle.id}/subjects/${cora.id}`);
      expect(res).toMatchObject({ status: 409, body: { code: 'subjects_locked' } });
    });

    it('adds subjects while nominating, with their org-chart requests, but not once collecting', async () => {
      const cycle = await aLaunchedCycle(hr, [mo.id]);
      const jobs = t.app.get(JobsService);
      await jobs.runHeld();
      const res = await hr.post(`/api/cycles/${cycle.id}/subjects`, { personIds: [cora.id, mo.id] });
      expect(res.body).toEqual({ added: 1, alreadyIncluded: 1, total: 2, requestsCreated: 2 });
      expect(jobs.heldJobs('cycle.invitations')).toEqual([{ name: 'cycle.invitations', data: { organizationId: org.id, cycleId: cycle.id } }]);
      expect((await requestsOf(t, cycle.id)).filter((r) => r.subject_id === cora.id)).toEqual(sorted([pair(cora, maya, 'manager'), pair(cora, cora, 'self')]));
      await hr.post(`/api/cycles/${cycle.id}/start-collecting`);
      const late = await hr.post(`/api/cycles/${cycle.id}/subjects`, { personIds: [pat.id] });
      expect(late).toMatchObject({ status: 409, body: { code: 'subjects_locked' } });
      await jobs.runHeld();
    });
  });

  describe('launch', () => {
    it('creates self, manager and direct-report requests from the org chart as it is at launch', async () => {
      const cycle = await aLaunchedCycle(hr, [dana.id, maya.id, mo.id, cora.id, pat.id, admin.id]);
      expect(sorted(await requestsOf(t, cycle.id))).toEqual(
        sorted([
          pair(dana, dana, 'self'),
          pair(dana, maya, 'direct_report'),
          pair(maya, maya, 'self'),
          pair(maya, dana, 'manager'),
          pair(maya, mo, 'direct_report'),
          pair(maya, cora, 'direct_report'),
          pair(mo, mo, 'self'),
          pair(mo, maya, 'manager'),
          pair(cora, cora, 'self'),
          pair(cora, maya, 'manager'),
          // Pat and Hana have no manager: no manager request, and no reports either.
          pair(pat, pat, 'self'),
          pair(admin, admin, 'self'),
        ]),
      );
      const frozen = await t.db.query(`SELECT person_id, manager_id, department, has_reports FROM cycle_subjects WHERE cycle_id = $1 AND person_id = ANY($2)`, [
        cycle.id,
        [maya.id, mo.id, pat.id],
      ]);
      expect(frozen).toEqual(
        expect.arrayContaining([
          { person_id: maya.id, manager_id: dana.id, department: 'Collections', has_reports: true },
          { person_id: mo.id, manager_id: maya.id, department: 'Collections', has_reports: false },
          { person_id: pat.id, manager_id: null, department: 'Learning', has_reports: false },
        ]),
      );
      // The org chart changes afterwards; the cycle keeps what it froze.
      await t.db.query(`UPDATE people SET manager_id = $2, department = 'Learning' WHERE id = $1`, [mo.id, pat.id]);
      const [mine] = await t.db.query(`SELECT manager_id, department FROM cycle_subjects WHERE cycle_id = $1 AND person_id = $2`, [cycle.id, mo.id]);
      expect(mine).toEqual({ manager_id: maya.id, department: 'Collections' });
      await t.db.query(`UPDATE people SET manager_id = $2, department = 'Collections' WHERE id = $1`, [mo.id, maya.id]);
      const audit = await hr.get(`/api/audit-events?targetId=${cycle.id}&action=cycle.launched`);
      expect(audit.body.items[0].details).toEqual({ state: 'nominating', requests: 12 });
      await runHeldJobs(t);
    });

    it('asks for no self review when the cycle says so', async () => {
      const cycle = await aLaunchedCycle(hr, [mo.id, pat.id], { settings: { selfReview: false } });
      expect(await requestsOf(t, cycle.id)).toEqual([pair(mo, maya, 'manager')]);
      await runHeldJobs(t);
    });

    it('keeps peers nominated in draft and never asks the same rater twice about a subject', async () => {
      const cycle = await aDraftCycle(hr);
      await hr.post(`/api/cycles/${cycle.id}/subjects`, { personIds: [mo.id] });
      // As the feedback library does: peers nominated before launch (one of them is Mo's manager).
      await t.db.query(
        `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state)
         VALUES ($1, $2, $3, $4, 'peer', 'open'), ($1, $2, $3, $5, 'peer', 'proposed'), ($1, $2, $3, $6, 'peer', 'rejected')`,
        [org.id, cycle.id, mo.id, pat.id, maya.id, cora.id],
      );
      expect((await hr.post(`/api/cycles/${cycle.id}/launch`)).status).toBe(200);
      expect(sorted(await requestsOf(t, cycle.id))).toEqual(
        sorted([pair(mo, mo, 'self'), pair(mo, pat, 'peer'), pair(mo, maya, 'peer', 'proposed'), pair(mo, cora, 'peer', 'rejected')]),
      );
      await runHeldJobs(t);
    });

    it('drops subjects who left before launch', async () => {
      const leaver = await aPerson(t.db, org.id, { name: 'Lee Leaver', managerId: maya.id });
      const cycle = await aDraftCycle(hr);
      await hr.post(`/api/cycles/${cycle.id}/subjects`, { personIds: [leaver.id, mo.id] });
      await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [leaver.id]);
      const launched = await hr.post(`/api/cycles/${cycle.id}/launch`);
      expect(launched.body.subjectCount).toBe(1);
      expect((await requestsOf(t, cycle.id)).every((r) => r.subject_id === mo.id && r.rater_id !== leaver.id)).toBe(true);
      await runHeldJobs(t);
    });

    it('queues one invitation job after commit', async () => {
      const jobs = t.app.get(JobsService);
      await jobs.runHeld();
      const cycle = await aLaunchedCycle(hr, [mo.id]);
      expect(jobs.heldJobs()).toEqual([{ name: 'cycle.invitations', data: { organizationId: org.id, cycleId: cycle.id } }]);
      await jobs.runHeld();
    });
  });

  describe('progress', () => {
    it('reports response rates overall, by relationship, department and subject, and who has not answered', async () => {
      const cycle = await aLaunchedCycle(hr, [maya.id, mo.id, pat.id]);
      await runHeldJobs(t);
      // Requests: maya{self, dana mgr, mo dr, cora dr}, mo{self, maya mgr}, pat{self} + a declined peer and a proposed one.
      await t.db.query(
        `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state)
         VALUES ($1, $2, $3, $4, 'peer', 'declined'), ($1, $2, $3, $5, 'peer', 'proposed')`,
        [org.id, cycle.id, pat.id, cora.id, dana.id],
      );
      const set = (subject: TestPerson, rater: TestPerson, state: string) =>
        t.db.query(`UPDATE feedback_requests SET state = $4 WHERE cycle_id = $1 AND subject_id = $2 AND rater_id = $3`, [
          cycle.id,
          subject.id,
          rater.id,
          state,
        ]);
      await set(maya, maya, 'submitted');
      await set(maya, mo, 'submitted');
      await set(maya, cora, 'in_progress');
      await set(mo, mo, 'submitted');
      const progress = await hr.get(`/api/cycles/${cycle.id}/progress`);
      expect(progress.status).toBe(200);
      const body = progress.body;
      const counts = (requested: number, submitted: number, inProgress: number, extra: Record<string, number> = {}) => ({
        requested,
        submitted,
        inProgress,
        notStarted: requested - submitted - inProgress,
        proposed: 0,
        declined: 0,
        rejected: 0,
        ...extra,
        responseRate: requested ? Math.round((submitted / requested) * 1000) / 1000 : null,
      });
      expect(body).toMatchObject({ cycleId: cycle.id, state: 'nominating', overall: counts(7, 3, 1, { proposed: 1, declined: 1 }) });
      expect(body.byRelationship).toEqual([
        { relationship: 'self', ...counts(3, 2, 0) },
        { relationship: 'manager', ...counts(2, 0, 0) },
        { relationship: 'peer', ...counts(0, 0, 0, { proposed: 1, declined: 1 }) },
        { relationship: 'direct_report', ...counts(2, 1, 1) },
      ]);
      expect(body.byDepartment).toEqual([
        { department: 'Collections', ...counts(6, 3, 1) },
        { department: 'Learning', ...counts(1, 0, 0, { proposed: 1, declined: 1 }) },
      ]);
      expect(body.bySubject).toEqual([
        { subjectId: maya.id, name: 'Maya Manager', department: 'Collections', progressHidden: false, ...counts(4, 2, 1) },
        { subjectId: mo.id, name: 'Mo Member', department: 'Collections', progressHidden: false, ...counts(2, 1, 0) },
        { subjectId: pat.id, name: 'Pat Peer', department: 'Learning', progressHidden: false, ...counts(1, 0, 0, { proposed: 1, declined: 1 }) },
      ]);
      expect(body.pendingRaters).toEqual({
        total: 4,
        items: [
          { raterId: cora.id, name: 'Cora Colleague', email: cora.email, department: 'Collections', notStarted: 0, inProgress: 1 },
          { raterId: dana.id, name: 'Dana Director', email: dana.email, department: 'Board', notStarted: 1, inProgress: 0 },
          { raterId: maya.id, name: 'Maya Manager', email: maya.email, department: 'Collections', notStarted: 1, inProgress: 0 },
          { raterId: pat.id, name: 'Pat Peer', email: pat.email, department: 'Learning', notStarted: 1, inProgress: 0 },
        ],
      });
      const subjects = (await hr.get(`/api/cycles/${cycle.id}/subjects`)).body.items;
      expect(subjects.find((s: { personId: string }) => s.personId === maya.id).requests).toEqual(counts(4, 2, 1));
    });

    it('never shows an HR admin who is a subject which of their own raters have answered, in any count or list', async () => {
      // Hedda runs cycles too, and is reviewed in this one: by Dana (her manager), Pat and Cora (peers HR added).
      const hedda = await aPerson(t.db, org.id, { name: 'Hedda Hr', role: 'admin', department: 'People', managerId: dana.id });
      const asHedda = t.client();
      await asHedda.signInAs(hedda);
      const cycle = await aLaunchedCycle(hr, [hedda.id, mo.id], { settings: { selfReview: false, maxOpenRequestsPerRater: 1 } });
      const peers = await hr.post(`/api/cycles/${cycle.id}/subjects/${hedda.id}/requests`, { raterIds: [pat.id, cora.id] });
      expect(peers.status).toBe(201);
      await runHeldJobs(t);

      // Everything Hedda can read about this cycle's progress, and what asking Pat (busy with her request) gets her.
      const heddaSees = async () => ({
        progress: (await asHedda.get(`/api/cycles/${cycle.id}/progress`)).body,
        subjects: (await asHedda.get(`/api/cycles/${cycle.id}/subjects`)).body,
        requests: (await asHedda.get(`/api/feedback-requests?cycleId=${cycle.id}`)).body,
        ownRaters: (await asHedda.get(`/api/cycles/${cycle.id}/subjects/${hedda.id}/requests`)).body,
        candidatesForMo: (await asHedda.get(`/api/cycles/${cycle.id}/rater-candidates?subjectId=${mo.id}&limit=50`)).body,
        // The request id differs per request by design; everything else must not.
        askPatForMo: await asHedda
          .post(`/api/cycles/${cycle.id}/subjects/${mo.id}/requests`, { raterIds: [pat.id] })
          .then((r) => ({ status: r.status, body: { ...r.body, requestId: undefined } })),
      });
      const before = await heddaSees();
      const asked = { requested: 3, submitted: 0, inProgress: 0, notStarted: 3, proposed: 0, declined: 0, rejected: 0, responseRate: 0 };
      expect(before.progress.bySubject.find((r: { subjectId: string }) => r.subjectId === hedda.id)).toEqual({
        subjectId: hedda.id,
        name: 'Hedda Hr',
        department: 'People',
        progressHidden: true,
        ...asked,
      });
      expect(before.progress.byDepartment.find((r: { department: string }) => r.department === 'People')).toMatchObject(asked);
      // Dana, Pat and Cora are asked about Hedda only: they are not on Hedda's list of who has not answered.
      expect(before.progress.pendingRaters).toEqual({ total: 1, items: [expect.objectContaining({ raterId: maya.id })] });
      expect(before.subjects.items.find((s: { personId: string }) => s.personId === hedda.id)).toMatchObject({ progressHidden: true, requests: asked });
      expect(before.subjects.items.find((s: { personId: string }) => s.personId === mo.id).progressHidden).toBe(false);
      expect(before.candidatesForMo.items.find((c: { id: string }) => c.id === pat.id)).toMatchObject({ openRequests: 1, status: 'at_capacity' });
      expect(before.askPatForMo).toMatchObject({ status: 409, body: { code: 'rater_at_capacity' } });

      // Cora starts a draft, Pat submits, through the API as raters do.
      const requestOf = async (rater: TestPerson) => {
        const client = t.client();
        await client.signInAs(rater);
        const tasks = (await client.get(`/api/feedback-requests?mine=true&cycleId=${cycle.id}`)).body.cycles[0].requests;
        const questionnaire = (await client.get(`/api/feedback-requests/${tasks.find((r: { subject: { id: string } }) => r.subject.id === hedda.id).id}`)).body;
        const answers = questionnaire.behaviours.flatMap((b: { statements: { id: string }[] }) => b.statements.map((s) => ({ questionId: s.id, rating: 4 })));
        return { client, id: questionnaire.id as string, answers };
      };
      const cora$ = await requestOf(cora);
      expect((await cora$.client.put(`/api/feedback-requests/${cora$.id}/draft`, { answers: cora$.answers.slice(0, 2) })).status).toBe(200);
      const pat$ = await requestOf(pat);
      expect((await pat$.client.post(`/api/feedback-requests/${pat$.id}/submit`, { answers: pat$.answers, comments: [] })).status).toBe(200);

      expect(await heddaSees()).toEqual(before);
      // The preview says what the send will do, and names nobody asked about Hedda only.
      const preview = (await asHedda.get(`/api/cycles/${cycle.id}/reminders`)).body;
      expect(preview).toMatchObject({ running: true, raterCount: 1, raters: [{ raterId: maya.id, openRequests: 1 }], nextAllowedAt: null });
      const reminders = await asHedda.post(`/api/cycles/${cycle.id}/reminders`);
      expect(reminders.body.raterCount).toBe(1); // Maya, for Mo; never Hedda's own raters
      expect((await asHedda.get(`/api/cycles/${cycle.id}/reminders`)).body.nextAllowedAt).toEqual(expect.any(String));

      // Another HR admin follows Hedda's raters like anyone's.
      const theirs = (await hr.get(`/api/cycles/${cycle.id}/progress`)).body;
      expect(theirs.bySubject.find((r: { subjectId: string }) => r.subjectId === hedda.id)).toMatchObject({
        progressHidden: false,
        submitted: 1,
        inProgress: 1,
        notStarted: 1,
      });
      expect(theirs.pendingRaters.items.map((r: { raterId: string }) => r.raterId).sort()).toEqual([cora.id, dana.id, maya.id].sort());
    });

    it('is empty but well-formed for a draft', async () => {
      const cycle = await aDraftCycle(hr);
      const body = (await hr.get(`/api/cycles/${cycle.id}/progress`)).body;
      expect(body).toMatchObject({
        state: 'draft',
        overall: { requested: 0, responseRate: null },
        byRelationship: [],
        byDepartment: [],
        bySubject: [],
        pendingRaters: { total: 0, items: [] },
      });
    });
  });

  describe('send reminder now', () => {
    it('queues reminders for raters with open requests, once per interval', async () => {
      const cycle = await aLaunchedCycle(hr, [mo.id, cora.id]);
      await runHeldJobs(t);
      await t.db.query(`UPDATE feedback_requests SET state = 'submitted' WHERE cycle_id = $1 AND rater_id = $2`, [cycle.id, cora.id]);
      const preview = (await hr.get(`/api/cycles/${cycle.id}/reminders`)).body;
      expect(preview).toMatchObject({ running: true, raterCount: 2, lastSentAt: null, nextAllowedAt: null });
      expect(preview.raters.map((r: { raterId: string }) => r.raterId).sort()).toEqual([mo.id, maya.id].sort());
      const res = await hr.post(`/api/cycles/${cycle.id}/reminders`);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ slot: expect.stringMatching(/^manual:\d{4}-\d\d-\d\dT\d\d:\d\d$/), raterCount: 2 });
      const again = await hr.post(`/api/cycles/${cycle.id}/reminders`);
      expect(again).toMatchObject({ status: 429, body: { code: 'reminders_too_soon' } });
      expect(await runHeldJobs(t, 'cycle.reminders')).toBe(1);
      const mails = await t.db.query(`SELECT recipient, subject FROM mail_messages WHERE dedupe_key LIKE $1 ORDER BY recipient`, [`reminder:${cycle.id}:%`]);
      expect(mails).toEqual([mo.email, maya.email].sort().map((recipient) => ({ recipient, subject: `Reminder: feedback for ${cycle.name}` })));
      const audit = await hr.get(`/api/audit-events?targetId=${cycle.id}&action=cycle.reminders_sent`);
      expect(audit.body.items).toHaveLength(1);
    });

    it('keeps the interval free when the reminder job cannot be queued, so HR can try again at once', async () => {
      const cycle = await aLaunchedCycle(hr, [mo.id]);
      await runHeldJobs(t);
      const jobs = t.app.get(JobsService);
      const send = jest.spyOn(jobs, 'send').mockRejectedValueOnce(new Error('the job queue is unreachable'));
      try {
        const failed = await hr.post(`/api/cycles/${cycle.id}/reminders`);
        expect(failed.status).toBe(500);
      } finally {
        send.mockRestore();
      }
      expect(jobs.heldJobs('cycle.reminders')).toEqual([]);
      const [{ reminders_sent_at }] = await t.db.query(`SELECT reminders_sent_at FROM cycles WHERE id = $1`, [cycle.id]);
      expect(reminders_sent_at).toBeNull();
      expect((await hr.get(`/api/audit-events?targetId=${cycle.id}&action=cycle.reminders_sent`)).body.items).toEqual([]);
      const retried = await hr.post(`/api/cycles/${cycle.id}/reminders`);
      expect(retried.status).toBe(202);
      expect(jobs.heldJobs('cycle.reminders')).toEqual([
        { name: 'cycle.reminders', data: { organizationId: org.id, cycleId: cycle.id, slot: retried.body.slot } },
      ]);
      await runHeldJobs(t);
    });

    it('refuses reminders for a cycle that is not running (409)', async () => {
      const cycle = await aLaunchedCycle(hr, [mo.id]);
      await hr.post(`/api/cycles/${cycle.id}/close`);
      expect((await hr.post(`/api/cycles/${cycle.id}/reminders`)).status).toBe(409);
      expect(t.app.get(JobsService).heldJobs('cycle.reminders')).toEqual([]);
      await runHeldJobs(t, 'cycle.invitations');
    });
  });
});
