import { JOB_NAMES, JobsService } from '@lib/jobs';
import { StorePulseFailureCodes1795401810000 } from '../../migrations/1795401810000-StorePulseFailureCodes';
import { aPerson, aTeam, TestPerson } from '../support/factories';
import { aFrameworkVersion, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { anOpenRequest, aReportCycle, aReportSubject, aResponse, reportUrl, snapshotReports } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The follow-up pulse of a development plan, by role: Mo Member (k = 3) made a plan on behaviours
 * 1 and 3 from a released report rated by Maya Manager, four peers and Lee, who leaves. Mo asks for
 * a pulse; the job (scoped to org A) asks the original raters still active plus whom Mo added,
 * about behaviours 1 and 3 only; they answer, Mo closes it and sees then vs now. Nobody else reads
 * it — Maya only while the plan is shared; HR sees that a pulse cycle exists, never its content.
 */
describe('follow-up pulse', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let cycle: TestCycle;
  let peers: TestPerson[];
  let lee: TestPerson;
  let added: TestPerson;
  let busy: TestPerson;
  const as = new Map<string, HttpClient>();
  const client = (p: { email: string }): HttpClient => as.get(p.email)!;
  const url = (cycleId: string, suffix = ''): string => `/api/plans/cycles/${cycleId}/pulse${suffix}`;
  const jobs = (): JobsService => t.app.get(JobsService);

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    version = await aFrameworkVersion(t.db, a.org.id);
    cycle = await aReportCycle(t.db, a.org.id, version.id, { state: 'released', name: 'Spring 360' });
    await aReportSubject(t.db, cycle, a.member.id, { managerId: a.manager.id, department: 'Collections' });
    peers = [];
    for (let i = 1; i <= 4; i++) peers.push(await aPerson(t.db, a.org.id, { name: `Peer ${i}`, department: 'Collections' }));
    lee = await aPerson(t.db, a.org.id, { name: 'Lee Leaver' });
    added = await aPerson(t.db, a.org.id, { name: 'Ada Added' });
    busy = await aPerson(t.db, a.org.id, { name: 'Bo Busy' });
    await aResponse(t.db, cycle, version, { subjectId: a.member.id, raterId: a.member.id, relationship: 'self', ratings: [4, 4, 4, 4, 4, 4] });
    await aResponse(t.db, cycle, version, { subjectId: a.member.id, raterId: a.manager.id, relationship: 'manager', ratings: [2, 2, 3, 3, 2, 2] });
    for (const rater of [...peers, lee]) {
      await aResponse(t.db, cycle, version, { subjectId: a.member.id, raterId: rater.id, relationship: 'peer', ratings: [2, 2, 3, 3, 2, 2] });
    }
    await snapshotReports(t, a.org.id, cycle.id);
    for (const person of [a.admin, a.manager, a.member, a.colleague, a.peer, b.admin, b.member, ...peers, added]) {
      const c = t.client();
      await c.signInAs(person);
      as.set(person.email, c);
    }
  });
  afterAll(() => t.close());

  const aPlan = async (): Promise<void> => {
    const r = await client(a.member).put(`/api/plans/cycles/${cycle.id}`, {
      items: [
        { behaviourKey: 'behaviour_1', action: 'Agree one outcome with the team each Monday', evidence: 'They can name it on Friday' },
        { behaviourKey: 'behaviour_3', action: 'Ask the quietest person first', evidence: 'More voices in the retro' },
      ],
    });
    expect(r.status).toBe(200);
  };

  it('answers 401 without a session', async () => {
    const anonymous = t.client();
    expect((await anonymous.get(url(cycle.id))).status).toBe(401);
    expect((await anonymous.post(url(cycle.id), {})).status).toBe(401);
    expect((await anonymous.post(url(cycle.id, '/close'), {})).status).toBe(401);
  });

  it('needs a plan first: without one the subject gets plan_not_found', async () => {
    const r = await client(a.member).get(url(cycle.id));
    expect([r.status, r.body.code]).toEqual([404, 'plan_not_found']);
    expect((await client(a.member).post(url(cycle.id), {})).body.code).toBe('plan_not_found');
  });

  it('nobody else opens or asks: not the manager, HR, a colleague, a rater, another organisation, nor a malformed id', async () => {
    await aPlan();
    for (const person of [a.manager, a.admin, a.colleague, a.peer, peers[0], b.admin, b.member]) {
      for (const r of [
        await client(person).get(url(cycle.id)),
        await client(person).post(url(cycle.id), {}),
        await client(person).post(url(cycle.id, '/close'), {}),
      ]) {
        expect([person.name, r.status, r.body.code]).toEqual([person.name, 404, 'report_not_found']);
      }
    }
    expect((await client(a.member).get(url('not-a-uuid'))).status).toBe(404);
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM pulse_requests`);
    expect(n).toBe(0);
  });

  it('before asking: the weeks it would wait, and k', async () => {
    const r = await client(a.member).get(url(cycle.id));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ cycleId: cycle.id, defaultWeeks: 8, threshold: 3, pulse: null });
  });

  it('refuses a bad ask with a clear 4xx, and stores nothing', async () => {
    const bad: [object, number][] = [
      [{ weeks: 0 }, 400],
      [{ weeks: 53 }, 400],
      [{ weeks: 2.5 }, 400],
      [{ weeks: 'soon' }, 400],
      [{ addRaterIds: ['not-a-uuid'] }, 400],
      [{ addRaterIds: Array.from({ length: 21 }, () => added.id) }, 400],
      [{ extra: true }, 400],
      [{ addRaterIds: [a.member.id] }, 422],
      [{ addRaterIds: [added.id, added.id] }, 422],
      [{ addRaterIds: [b.member.id] }, 422],
      [{ addRaterIds: [peers[0].id] }, 422],
    ];
    for (const [body, status] of bad) {
      const r = await client(a.member).post(url(cycle.id), body);
      expect([JSON.stringify(body).slice(0, 50), r.status, typeof r.body.message]).toEqual([JSON.stringify(body).slice(0, 50), status, 'string']);
    }
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM pulse_requests`);
    expect(n).toBe(0);
  });

  it("holds the organisation's cap per rater across open requests: someone at the cap cannot be added", async () => {
    await t.db.query(`UPDATE organizations SET rater_open_request_cap = 1 WHERE id = $1`, [a.org.id]);
    const other = await aReportCycle(t.db, a.org.id, version.id, { state: 'collecting' });
    await aReportSubject(t.db, other, a.colleague.id);
    await anOpenRequest(t.db, other, { subjectId: a.colleague.id, raterId: busy.id, relationship: 'peer' });
    const r = await client(a.member).post(url(cycle.id), { addRaterIds: [busy.id] });
    expect([r.status, r.body.code]).toEqual([422, 'invalid_pulse']);
    expect(r.body.message).toContain('as many open requests as the organisation allows');
    await t.db.query(`UPDATE organizations SET rater_open_request_cap = 10 WHERE id = $1`, [a.org.id]);
  });

  it('refuses a pulse that could not reach k raters who can still be asked', async () => {
    await t.db.query(`UPDATE people SET active = false WHERE id = ANY($1::uuid[])`, [[a.manager.id, ...peers.map((p) => p.id), lee.id]]);
    const r = await client(a.member).post(url(cycle.id), {});
    expect([r.status, r.body.code]).toEqual([422, 'invalid_pulse']);
    expect(r.body.message).toContain('at least 3 raters');
    await t.db.query(`UPDATE people SET active = true WHERE id = ANY($1::uuid[])`, [[a.manager.id, ...peers.map((p) => p.id), lee.id]]);
  });

  let pulseId: string;

  it('asks for a pulse 8 weeks after the report by default: scheduled, its start a job naming the organisation', async () => {
    const before = jobs().heldJobs(JOB_NAMES.pulseStart).length;
    const r = await client(a.member).post(url(cycle.id), { addRaterIds: [added.id] });
    expect(r.status).toBe(201);
    expect(r.body.pulse).toMatchObject({
      progress: 'scheduled',
      weeks: 8,
      addedRaters: 1,
      failure: null,
      comparison: null,
      behaviours: [
        { key: 'behaviour_1', name: 'Behaviour 1' },
        { key: 'behaviour_3', name: 'Behaviour 3' },
      ],
    });
    const released = new Date(r.body.releasedAt).getTime();
    expect(new Date(r.body.pulse.startsAt).getTime() - released).toBe(8 * 7 * 24 * 3600 * 1000);
    // The pulse never names the original raters, to the subject or anyone.
    expect(JSON.stringify(r.body)).not.toContain(peers[0].id);
    const held = jobs().heldJobs(JOB_NAMES.pulseStart);
    expect(held).toHaveLength(before + 1);
    [{ id: pulseId }] = await t.db.query(`SELECT id FROM pulse_requests WHERE cycle_id = $1`, [cycle.id]);
    expect(held.at(-1)!.data).toEqual({ organizationId: a.org.id, pulseId });
    expect((await client(a.member).post(url(cycle.id), {})).body.code).toBe('pulse_exists');
    expect((await client(a.member).post(url(cycle.id, '/close'), {})).body.code).toBe('pulse_not_collecting');
  });

  it("the job runs in its organisation's scope: another organisation's id finds nothing", async () => {
    await jobs().runNow(JOB_NAMES.pulseStart, { organizationId: b.org.id, pulseId });
    await expect(jobs().runNow(JOB_NAMES.pulseStart, { pulseId })).rejects.toThrow(/names no organisation/);
    const [row]: { pulse_cycle_id: string | null; failure: string | null }[] = await t.db.query(
      `SELECT pulse_cycle_id, failure FROM pulse_requests WHERE id = $1`,
      [pulseId],
    );
    expect(row).toEqual({ pulse_cycle_id: null, failure: null });
  });

  let pulseCycleId: string;

  it('starts: the original raters still active (not Lee, who left) plus the added one, about the plan’s behaviours only', async () => {
    await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [lee.id]);
    await jobs().runNow(JOB_NAMES.pulseStart, { organizationId: a.org.id, pulseId });
    // Run twice, it starts one cycle.
    await jobs().runNow(JOB_NAMES.pulseStart, { organizationId: a.org.id, pulseId });
    const cycles: { id: string; origin: string; owner_id: string; parent_cycle_id: string; state: string; behaviour_keys: string[] }[] = await t.db.query(
      `SELECT id, origin, owner_id, parent_cycle_id, state, behaviour_keys FROM cycles WHERE parent_cycle_id = $1`,
      [cycle.id],
    );
    expect(cycles).toHaveLength(1);
    pulseCycleId = cycles[0].id;
    expect(cycles[0]).toMatchObject({ origin: 'pulse', owner_id: a.member.id, state: 'collecting', behaviour_keys: ['behaviour_1', 'behaviour_3'] });
    const raters: { rater_id: string }[] = await t.db.query(`SELECT rater_id FROM feedback_requests WHERE cycle_id = $1 AND rater_id <> subject_id`, [
      pulseCycleId,
    ]);
    expect(raters.map((r) => r.rater_id).sort()).toEqual([a.manager.id, ...peers.map((p) => p.id), added.id].sort());
    const page = await client(a.member).get(url(cycle.id));
    expect(page.body.pulse).toMatchObject({ progress: 'collecting', comparison: null });
  });

  it('raters answer only the chosen behaviours’ statements, on the same scale', async () => {
    for (const rater of [...peers, added]) {
      const [{ id }]: { id: string }[] = await t.db.query(`SELECT id FROM feedback_requests WHERE cycle_id = $1 AND rater_id = $2`, [pulseCycleId, rater.id]);
      const questionnaire = await client(rater).get(`/api/feedback-requests/${id}`);
      expect(questionnaire.status).toBe(200);
      const behaviours: { key: string; statements: { id: string }[] }[] = questionnaire.body.behaviours;
      expect(behaviours.map((x) => x.key)).toEqual(['behaviour_1', 'behaviour_3']);
      const answers = behaviours.flatMap((x) => x.statements.map((s) => ({ questionId: s.id, rating: 4 })));
      expect((await client(rater).put(`/api/feedback-requests/${id}/draft`, { answers })).status).toBe(200);
      expect((await client(rater).post(`/api/feedback-requests/${id}/submit`, {})).status).toBe(200);
    }
  });

  it('HR sees that a pulse cycle exists, never its content: no detail, progress, report or heatmap', async () => {
    const list = await client(a.admin).get('/api/cycles');
    expect(JSON.stringify(list.body)).not.toContain('Behaviour 1');
    for (const path of [
      `/api/cycles/${pulseCycleId}`,
      `/api/cycles/${pulseCycleId}/progress`,
      `/api/cycles/${pulseCycleId}/subjects`,
      reportUrl(pulseCycleId, a.member.id),
      `/api/reports/cycles/${pulseCycleId}/heatmap`,
    ]) {
      const r = await client(a.admin).get(path);
      expect([path, r.status]).toEqual([path, 404]);
    }
    expect((await client(b.admin).get(`/api/cycles/${pulseCycleId}`)).status).toBe(404);
  });

  it('the subject closes it; once its report is stored, then vs now per behaviour from the two published reports', async () => {
    const closed = await client(a.member).post(url(cycle.id, '/close'), {});
    expect(closed.status).toBe(201);
    expect(closed.body.pulse).toMatchObject({ progress: 'computing', comparison: null });
    await jobs().runHeld(JOB_NAMES.reportsSnapshot);
    const page = await client(a.member).get(url(cycle.id));
    expect(page.body.pulse.progress).toBe('ready');
    // Then: all others rated behaviours 1 and 3 at 2 (manager and five peers); now: 4 (manager did not answer).
    expect(page.body.pulse.comparison).toEqual({
      behaviours: [
        { key: 'behaviour_1', name: 'Behaviour 1', change: { shown: true, then: 2, now: 4, delta: 2 } },
        { key: 'behaviour_3', name: 'Behaviour 3', change: { shown: true, then: 2, now: 4, delta: 2 } },
      ],
      total: { shown: true, then: 2, now: 4, delta: 2 },
    });
    expect((await client(a.member).post(url(cycle.id, '/close'), {})).body.code).toBe('pulse_not_collecting');
    // The pulse's own report, as any report: HR never reads it.
    expect((await client(a.admin).get(reportUrl(pulseCycleId, a.member.id))).status).toBe(404);
  });

  it("HR's cycle list and audit trail show only that a pulse happened: never its raters, answers or numbers", async () => {
    const list = await client(a.admin).get('/api/cycles');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(pulseCycleId);
    const audit = await client(a.admin).get('/api/audit-events?limit=200');
    expect(audit.status).toBe(200);
    type Event = { action: string; targetId: string | null; details: Record<string, unknown>; actorId: string | null };
    const aboutPulse = (audit.body.items as Event[]).filter((e) => JSON.stringify(e).includes(pulseCycleId) || e.action.startsWith('pulse.'));
    // That it was asked for and started — by the subject; no rater, no answer, no number (the rest
    // of a cycle a person owns, its closing included, stays out of HR's trail).
    expect([...new Set(aboutPulse.map((e) => e.action))].sort()).toEqual(['cycle.pulse_started', 'pulse.asked']);
    for (const e of aboutPulse) expect(e.actorId).toBe(a.member.id);
    const text = JSON.stringify(aboutPulse);
    for (const rater of [...peers, added]) expect(text).not.toContain(rater.id);
    expect(text).not.toMatch(/behaviour_\d|"(then|now|delta|mean)"/);
  });

  it('the manager sees the same then vs now only while the plan is shared with them; nobody else ever', async () => {
    expect((await client(a.manager).get('/api/plans/shared')).body.items).toEqual([]);
    await client(a.member).put(`/api/plans/cycles/${cycle.id}/share`);
    const shared = await client(a.manager).get('/api/plans/shared');
    const mine = await client(a.member).get(url(cycle.id));
    expect(shared.body.items).toHaveLength(1);
    expect(shared.body.items[0].pulse).toEqual(mine.body.pulse);
    for (const person of [a.admin, a.colleague, peers[0], b.admin]) expect((await client(person).get('/api/plans/shared')).body.items).toEqual([]);
    await client(a.member).delete(`/api/plans/cycles/${cycle.id}/share`);
    expect((await client(a.manager).get('/api/plans/shared')).body.items).toEqual([]);
  });

  /** Another subject of the same report, with a plan on behaviour 2 and their own raters. */
  const aSubjectWithPlan = async (name: string, managerId: string | null, raters: TestPerson[]): Promise<TestPerson> => {
    const subject = await aPerson(t.db, a.org.id, { name, department: 'Collections', managerId });
    await aReportSubject(t.db, cycle, subject.id, { managerId, department: 'Collections' });
    await aResponse(t.db, cycle, version, { subjectId: subject.id, raterId: subject.id, relationship: 'self', ratings: [3, 3, 3, 3, 3, 3] });
    for (const rater of raters) {
      const relationship = rater.id === managerId ? 'manager' : 'peer';
      await aResponse(t.db, cycle, version, { subjectId: subject.id, raterId: rater.id, relationship, ratings: [3, 3, 3, 3, 3, 3] });
    }
    await snapshotReports(t, a.org.id, cycle.id);
    const c = t.client();
    await c.signInAs(subject);
    as.set(subject.email, c);
    const plan = await c.put(`/api/plans/cycles/${cycle.id}`, {
      items: [{ behaviourKey: 'behaviour_2', action: 'Say no kindly', evidence: 'Fewer late nights' }],
    });
    expect(plan.status).toBe(200);
    return subject;
  };
  const pulseOf = async (subject: TestPerson): Promise<string> => {
    const [{ id }]: { id: string }[] = await t.db.query(`SELECT id FROM pulse_requests WHERE cycle_id = $1 AND subject_id = $2`, [cycle.id, subject.id]);
    return id;
  };

  it('a pulse that can no longer reach k raters when it starts says so, and asks nobody', async () => {
    const raters = [await aPerson(t.db, a.org.id), await aPerson(t.db, a.org.id), await aPerson(t.db, a.org.id)];
    const nia = await aSubjectWithPlan('Nia Newcomer', null, raters);
    expect((await client(nia).post(url(cycle.id), { weeks: 2 })).body.pulse.progress).toBe('scheduled');
    await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [raters[2].id]);
    await jobs().runNow(JOB_NAMES.pulseStart, { organizationId: a.org.id, pulseId: await pulseOf(nia) });
    const page = await client(nia).get(url(cycle.id));
    expect(page.body.pulse).toMatchObject({ progress: 'not_started', comparison: null });
    // A code, never a sentence: the reader's app words it (with the page's threshold), in any language.
    expect(page.body.pulse.failure).toBe('too_few_raters');
    expect(page.body.threshold).toBe(3);
    expect((await client(nia).put('/api/auth/me/language', { language: 'de' })).status).toBe(200);
    expect((await client(nia).get(url(cycle.id))).body.pulse).toMatchObject({ progress: 'not_started', failure: 'too_few_raters' });

    // Migration 1795401810000: the sentences stored before it become their codes, and a code nothing else may be.
    const id = await pulseOf(nia);
    const migration = new StorePulseFailureCodes1795401810000();
    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const after = async (sentence: string): Promise<string> => {
        await migration.down(runner);
        await runner.query(`UPDATE pulse_requests SET failure = $2 WHERE id = $1`, [id, sentence]);
        await migration.up(runner);
        const [row]: { failure: string }[] = await runner.query(`SELECT failure FROM pulse_requests WHERE id = $1`, [id]);
        return row.failure;
      };
      await expect(after('A pulse needs at least 3 raters who can still be asked; add people to reach it')).resolves.toBe('too_few_raters');
      await expect(after('You can no longer ask for feedback in this organisation.')).resolves.toBe('no_longer_member');
      await expect(after('addRaterIds has people the pulse asks already: x')).resolves.toBe('cannot_start');
      await runner.query('SAVEPOINT words');
      await expect(runner.query(`UPDATE pulse_requests SET failure = 'Something in English' WHERE id = $1`, [id])).rejects.toThrow(/pulse_requests_failure_ck/);
      await runner.query('ROLLBACK TO SAVEPOINT words');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM cycles WHERE parent_cycle_id = $1 AND owner_id = $2`, [cycle.id, nia.id]);
    expect(n).toBe(0);
  });

  it("is never read under a smaller k than the report it follows: the original's k when it is above the organisation's", async () => {
    const strict = await aReportCycle(t.db, a.org.id, version.id, { state: 'released', name: 'Strict 360', settings: { anonymityThreshold: 4 } });
    const kai = await aPerson(t.db, a.org.id, { name: 'Kai Strict', department: 'Collections' });
    await aReportSubject(t.db, strict, kai.id, { managerId: null, department: 'Collections' });
    await aResponse(t.db, strict, version, { subjectId: kai.id, raterId: kai.id, relationship: 'self', ratings: [3, 3, 3, 3, 3, 3] });
    const raters = [];
    for (let i = 0; i < 4; i++) raters.push(await aPerson(t.db, a.org.id, { department: 'Collections' }));
    for (const rater of raters) {
      await aResponse(t.db, strict, version, { subjectId: kai.id, raterId: rater.id, relationship: 'peer', ratings: [3, 3, 3, 3, 3, 3] });
    }
    await snapshotReports(t, a.org.id, strict.id);
    const c = t.client();
    await c.signInAs(kai);
    as.set(kai.email, c);
    const plan = await c.put(`/api/plans/cycles/${strict.id}`, {
      items: [{ behaviourKey: 'behaviour_2', action: 'Say no kindly', evidence: 'Fewer late nights' }],
    });
    expect(plan.status).toBe(200);
    expect((await c.post(url(strict.id), { weeks: 2 })).status).toBe(201);
    const [{ id }]: { id: string }[] = await t.db.query(`SELECT id FROM pulse_requests WHERE cycle_id = $1 AND subject_id = $2`, [strict.id, kai.id]);
    await jobs().runNow(JOB_NAMES.pulseStart, { organizationId: a.org.id, pulseId: id });
    const [pulse]: { k: number }[] = await t.db.query(
      `SELECT (settings->>'anonymityThreshold')::int AS k FROM cycles WHERE parent_cycle_id = $1 AND owner_id = $2`,
      [strict.id, kai.id],
    );
    expect(pulse).toEqual({ k: 4 });
  });

  it('closes on its own when its answering time is up; a manager who answered it anonymously sees its progress, never its numbers', async () => {
    const raters = [a.manager, ...peers.slice(0, 3)];
    const cora = await aSubjectWithPlan('Cora Second', a.manager.id, raters);
    await client(cora).post(url(cycle.id), {});
    const pulseId = await pulseOf(cora);
    await jobs().runNow(JOB_NAMES.pulseStart, { organizationId: a.org.id, pulseId });
    const [{ id: coraCycle }]: { id: string }[] = await t.db.query(`SELECT id FROM cycles WHERE parent_cycle_id = $1 AND owner_id = $2`, [cycle.id, cora.id]);
    for (const rater of raters) {
      const [{ id }]: { id: string }[] = await t.db.query(`SELECT id FROM feedback_requests WHERE cycle_id = $1 AND rater_id = $2`, [coraCycle, rater.id]);
      const questionnaire = await client(rater).get(`/api/feedback-requests/${id}`);
      const answers = (questionnaire.body.behaviours as { statements: { id: string }[] }[]).flatMap((x) =>
        x.statements.map((q) => ({ questionId: q.id, rating: 5 })),
      );
      await client(rater).put(`/api/feedback-requests/${id}/draft`, { answers });
      expect((await client(rater).post(`/api/feedback-requests/${id}/submit`, {})).status).toBe(200);
    }
    // Its start queued the closing job for its closing date, as for every cycle a person owns.
    const closing = jobs()
      .heldJobs(JOB_NAMES.ownedCycleClose)
      .filter((job) => (job.data as { cycleId: string }).cycleId === coraCycle);
    const [{ deadline }]: { deadline: string }[] = await t.db.query(`SELECT settings->>'responseDeadline' AS deadline FROM cycles WHERE id = $1`, [coraCycle]);
    expect(closing).toEqual([{ name: JOB_NAMES.ownedCycleClose, data: { organizationId: a.org.id, cycleId: coraCycle }, startAfter: new Date(deadline) }]);
    // The closing job of another organisation's scope finds nothing; its own closes the pulse.
    await jobs().runNow(JOB_NAMES.ownedCycleClose, { organizationId: b.org.id, cycleId: coraCycle });
    expect((await client(cora).get(url(cycle.id))).body.pulse.progress).toBe('collecting');
    await jobs().runNow(JOB_NAMES.ownedCycleClose, { organizationId: a.org.id, cycleId: coraCycle });
    await jobs().runHeld(JOB_NAMES.reportsSnapshot);
    const mine = await client(cora).get(url(cycle.id));
    expect(mine.body.pulse.progress).toBe('ready');
    expect(mine.body.pulse.comparison.behaviours).toEqual([{ key: 'behaviour_2', name: 'Behaviour 2', change: { shown: true, then: 3, now: 5, delta: 2 } }]);
    await client(cora).put(`/api/plans/cycles/${cycle.id}/share`);
    const shared = (await client(a.manager).get('/api/plans/shared')).body.items.find((i: { subject: { id: string } }) => i.subject.id === cora.id);
    expect(shared.pulse).toMatchObject({ progress: 'ready', comparison: null });
  });
});
