import { aPerson, aTeam, TestPerson } from '../support/factories';
import { aFrameworkVersion, aRequest, completeAnswers, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, moveCycle, reportUrl, snapshotReports } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The followership question, end to end: a nomination is part of a submission (same transaction,
 * optional, at most three, never oneself nor one's reporting line, only active colleagues of the
 * same organisation); the report shows how many named the subject only with k who cannot read it,
 * never who, and never to a reader who named them.
 */
describe('followership', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let cycle: TestCycle;
  let raters: TestPerson[];
  let leaver: TestPerson;
  const as = new Map<string, HttpClient>();
  const client = (p: { email: string }): HttpClient => as.get(p.email)!;
  const submit = (rater: TestPerson, requestId: string, colleaguesNamed?: string[]) =>
    client(rater).post(`/api/feedback-requests/${requestId}/submit`, { ...completeAnswers(version), ...(colleaguesNamed ? { colleaguesNamed } : {}) });
  const nominations = async (): Promise<number> => {
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM followership_nominations WHERE cycle_id = $1`, [cycle.id]);
    return n;
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    version = await aFrameworkVersion(t.db, a.org.id);
    cycle = await aReportCycle(t.db, a.org.id, version.id, { state: 'collecting', settings: { anonymityThreshold: 3 } });
    raters = [];
    for (let i = 0; i < 4; i++) raters.push(await aPerson(t.db, a.org.id, { name: `Rater ${i + 1}`, department: 'Learning' }));
    leaver = await aPerson(t.db, a.org.id, { name: 'Lee Leaver' });
    await t.db.query(`UPDATE people SET active = false, deactivated_at = now() WHERE id = $1`, [leaver.id]);
    await aReportSubject(t.db, cycle, a.colleague.id, { managerId: a.manager.id, department: 'Collections' });
    await aReportSubject(t.db, cycle, a.peer.id, { department: 'Learning' });
    for (const person of [a.admin, a.manager, a.member, a.colleague, a.peer, b.admin, ...raters]) {
      const c = t.client();
      await c.signInAs(person);
      as.set(person.email, c);
    }
  });
  afterAll(() => t.close());

  it("refuses oneself, one's managers and direct reports, leavers, other organisations and unknown ids: nothing is submitted", async () => {
    const maya = await aRequest(t.db, cycle, { subjectId: a.peer.id, raterId: a.manager.id });
    const mo = await aRequest(t.db, cycle, { subjectId: a.peer.id, raterId: a.member.id });
    const cases: [TestPerson, string, string[]][] = [
      [a.manager, maya, [a.manager.id]],
      [a.manager, maya, [a.colleague.id]],
      [a.member, mo, [a.manager.id]],
      [a.member, mo, [leaver.id]],
      [a.member, mo, [b.admin.id]],
      [a.member, mo, ['00000000-0000-4000-8000-000000000000']],
    ];
    for (const [rater, request, named] of cases) {
      const r = await submit(rater, request, named);
      expect([rater.name, r.status, r.body.code]).toEqual([rater.name, 422, 'invalid_answers']);
    }
    for (const body of [
      { colleaguesNamed: [a.peer.id, a.admin.id, raters[0].id, raters[1].id] },
      { colleaguesNamed: [a.peer.id, a.peer.id] },
      { colleaguesNamed: ['x'] },
    ]) {
      expect((await client(a.member).post(`/api/feedback-requests/${mo}/submit`, { ...completeAnswers(version), ...body })).status).toBe(400);
    }
    expect(await nominations()).toBe(0);
    const [{ state }]: { state: string }[] = await t.db.query(`SELECT state FROM feedback_requests WHERE id = $1`, [mo]);
    expect(state).not.toBe('submitted');
    // A sibling is outside Mo's line: allowed.
    expect((await submit(a.member, mo, [a.colleague.id])).status).toBe(200);
    expect(await nominations()).toBe(1);
  });

  it('is idempotent: a retry, or naming the same colleague in another questionnaire, adds nothing', async () => {
    const first = await aRequest(t.db, cycle, { subjectId: a.peer.id, raterId: raters[0].id });
    const second = await aRequest(t.db, cycle, { subjectId: a.colleague.id, raterId: raters[0].id });
    expect((await submit(raters[0], first, [a.colleague.id])).status).toBe(200);
    expect((await submit(raters[0], first, [a.colleague.id])).status).toBe(200);
    expect((await submit(raters[0], second, [a.colleague.id])).status).toBe(200);
    expect(await nominations()).toBe(2);
  });

  it('the report counts at close: shown with k nominators who cannot read it, hidden from a reader who named them, never who', async () => {
    for (const rater of raters.slice(1, 2)) {
      const request = await aRequest(t.db, cycle, { subjectId: a.peer.id, raterId: rater.id });
      expect((await submit(rater, request, [a.colleague.id])).status).toBe(200);
    }
    // HR names Cora too: HR reads every report, so this one never counts towards k.
    const hrRequest = await aRequest(t.db, cycle, { subjectId: a.peer.id, raterId: a.admin.id });
    expect((await submit(a.admin, hrRequest, [a.colleague.id])).status).toBe(200);
    await moveCycle(t.db, cycle.id, 'released');
    await snapshotReports(t, a.org.id, cycle.id);
    // Mo, rater 1, rater 2 (anonymous) and HR: 4 named, 3 anonymous.
    const cora = await client(a.colleague).get(reportUrl(cycle.id, a.colleague.id));
    expect(cora.status).toBe(200);
    expect(cora.body.followership).toEqual({ shown: true, named: 4 });
    for (const r of raters) expect(cora.text).not.toContain(r.id);
    expect(cora.text).not.toContain(a.member.id);
    expect((await client(a.admin).get(reportUrl(cycle.id, a.colleague.id))).body.followership).toEqual({ shown: false, reason: 'reader_named' });
    // Nobody named Pat: "fewer than k", the same as one or two.
    expect((await client(a.peer).get(reportUrl(cycle.id, a.peer.id))).body.followership).toEqual({ shown: false, reason: 'fewer_than_threshold' });
  });

  it('with one anonymous nominator fewer it is hidden, and a counted nominator who becomes HR later never sees it', async () => {
    await t.db.query(`DELETE FROM followership_nominations WHERE cycle_id = $1 AND nominator_id = $2`, [cycle.id, raters[1].id]);
    await moveCycle(t.db, cycle.id, 'closed');
    await snapshotReports(t, a.org.id, cycle.id);
    await moveCycle(t.db, cycle.id, 'released');
    expect((await client(a.colleague).get(reportUrl(cycle.id, a.colleague.id))).body.followership).toEqual({
      shown: false,
      reason: 'fewer_than_threshold',
    });
    await t.db.query(`INSERT INTO followership_nominations (organization_id, cycle_id, nominator_id, nominee_id) VALUES ($1, $2, $3, $4)`, [
      a.org.id,
      cycle.id,
      raters[1].id,
      a.colleague.id,
    ]);
    await moveCycle(t.db, cycle.id, 'closed');
    await snapshotReports(t, a.org.id, cycle.id);
    await moveCycle(t.db, cycle.id, 'released');
    // Rater 2 named Cora but did not rate her (rater 1 did, and would be refused her report altogether).
    await t.db.query(`UPDATE people SET role = 'admin' WHERE id = $1`, [raters[1].id]);
    const promoted = t.client();
    await promoted.signInAs(raters[1]);
    expect((await promoted.get(reportUrl(cycle.id, a.colleague.id))).status).toBe(200);
    expect((await promoted.get(reportUrl(cycle.id, a.colleague.id))).body.followership).toEqual({ shown: false, reason: 'reader_named' });
    expect((await client(a.colleague).get(reportUrl(cycle.id, a.colleague.id))).body.followership).toEqual({ shown: true, named: 4 });
  });

  it("HR's organisation view counts per department with the heatmap's suppression", async () => {
    const view = await client(a.admin).get(`/api/plans/cycles/${cycle.id}/organisation`);
    expect(view.status).toBe(200);
    // Two people in the cycle: every cell is below the minimum size.
    expect(view.body.followership.organisation).toMatchObject({ shown: false });
    expect(JSON.stringify(view.body)).not.toContain(a.colleague.id);
  });
});
