import { PlansService } from '@lib/reports';
import { aPerson, aTeam, TestPerson } from '../support/factories';
import { aFrameworkVersion, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, aResponse, snapshotReports } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Development plans, by role: the subject (Mo Member, reporting to Maya Manager) makes a plan from
 * a released report and shares it with Maya; nobody else reads it — not HR, not a colleague, not
 * another organisation's HR with org A's ids; a manager change or a leaver ends the share.
 */
describe('development plans', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let cycle: TestCycle;
  let nell: TestPerson;
  const as = new Map<string, HttpClient>();
  const client = (p: { email: string }): HttpClient => as.get(p.email)!;
  const url = (cycleId: string, suffix = ''): string => `/api/plans/cycles/${cycleId}${suffix}`;
  const aPlan = (key = 'behaviour_1') => ({
    items: [{ behaviourKey: key, action: 'Agree one outcome with the team each Monday', evidence: 'They can name it on Friday' }],
  });

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    nell = await aPerson(t.db, a.org.id, { name: 'Nell New-Manager' });
    version = await aFrameworkVersion(t.db, a.org.id);
    cycle = await aReportCycle(t.db, a.org.id, version.id, { state: 'released' });
    await aReportSubject(t.db, cycle, a.member.id, { managerId: a.manager.id, department: 'Collections' });
    await aResponse(t.db, cycle, version, { subjectId: a.member.id, raterId: a.member.id, relationship: 'self', ratings: [5, 5, 5, 5, 5, 5] });
    await aResponse(t.db, cycle, version, { subjectId: a.member.id, raterId: a.manager.id, relationship: 'manager', ratings: [2, 2, 4, 4, 3, 3] });
    for (let i = 0; i < 3; i++) {
      const rater = await aPerson(t.db, a.org.id, { withLogin: false });
      await aResponse(t.db, cycle, version, { subjectId: a.member.id, raterId: rater.id, relationship: 'peer', ratings: [2, 2, 4, 4, 3, 3] });
    }
    await snapshotReports(t, a.org.id, cycle.id);
    for (const person of [a.admin, a.manager, a.member, a.colleague, a.peer, nell, b.admin]) {
      const c = t.client();
      await c.signInAs(person);
      as.set(person.email, c);
    }
  });
  afterAll(() => t.close());

  it('answers 401 without a session', async () => {
    const anonymous = t.client();
    expect((await anonymous.get(url(cycle.id))).status).toBe(401);
    expect((await anonymous.put(url(cycle.id), aPlan())).status).toBe(401);
    expect((await anonymous.put(url(cycle.id, '/share'))).status).toBe(401);
    expect((await anonymous.delete(url(cycle.id, '/share'))).status).toBe(401);
    expect((await anonymous.get('/api/plans/shared')).status).toBe(401);
    expect((await anonymous.get(url(cycle.id, '/organisation'))).status).toBe(401);
  });

  it('the subject sees what their report suggests, every behaviour, and whom a share would reach', async () => {
    const page = await client(a.member).get(url(cycle.id));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ cycleId: cycle.id, plan: null, manager: { id: a.manager.id, name: 'Maya Manager' } });
    expect(page.body.behaviours.map((x: { key: string }) => x.key)).toEqual(['behaviour_1', 'behaviour_2', 'behaviour_3']);
    // Behaviour 1 is rated lowest by all others, and self rated it 3 points higher.
    expect(page.body.suggestions[0]).toEqual({
      behaviourKey: 'behaviour_1',
      name: 'Behaviour 1',
      reasons: [{ kind: 'development_area' }, { kind: 'blind_spot', statement: 'Statement behaviour_1.1' }],
    });
  });

  it('nobody else opens a plan page: not the manager, HR, a colleague, another organisation, nor a malformed id', async () => {
    for (const person of [a.manager, a.admin, a.colleague, a.peer, b.admin]) {
      const r = await client(person).get(url(cycle.id));
      expect([person.name, r.status, r.body.code]).toEqual([person.name, 404, 'report_not_found']);
      expect((await client(person).put(url(cycle.id), aPlan())).status).toBe(404);
    }
    expect((await client(a.member).get(url('not-a-uuid'))).status).toBe(404);
  });

  it('refuses a bad plan with a clear 400, and changes nothing', async () => {
    const bad = [
      {},
      { items: [] },
      { items: [1, 2, 3, 4].map((n) => ({ ...aPlan().items[0], behaviourKey: `behaviour_${n}` })) },
      aPlan('no_such_behaviour'),
      { items: [aPlan().items[0], aPlan().items[0]] },
      { items: [{ ...aPlan().items[0], action: '   ' }] },
      { items: [{ ...aPlan().items[0], evidence: 'x'.repeat(1001) }] },
      { ...aPlan(), extra: true },
    ];
    for (const body of bad) {
      const r = await client(a.member).put(url(cycle.id), body);
      // 400 for a malformed body, 422 for a well-formed plan this report cannot hold.
      expect([JSON.stringify(body).slice(0, 60), [400, 422].includes(r.status)]).toEqual([JSON.stringify(body).slice(0, 60), true]);
      expect(r.body.message).toEqual(expect.any(String));
    }
    expect((await client(a.member).get(url(cycle.id))).body.plan).toBeNull();
  });

  it('saves and replaces the plan; sharing needs a plan first', async () => {
    expect((await client(a.member).put(url(cycle.id, '/share'))).body.code).toBe('plan_not_found');
    const saved = await client(a.member).put(url(cycle.id), aPlan());
    expect(saved.status).toBe(200);
    expect(saved.body.plan).toMatchObject({ items: [{ behaviourKey: 'behaviour_1', name: 'Behaviour 1' }], sharedWith: null });
    const replaced = await client(a.member).put(url(cycle.id), {
      items: [aPlan().items[0], { behaviourKey: 'behaviour_3', action: 'Ask a quiet colleague first', evidence: 'More voices in the retro' }],
    });
    expect(replaced.body.plan.items.map((i: { name: string }) => i.name)).toEqual(['Behaviour 1', 'Behaviour 3']);
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM development_plans WHERE cycle_id = $1`, [cycle.id]);
    expect(n).toBe(1);
    // What a progress view elsewhere can ask for: the chosen behaviours, nothing more.
    await expect(t.app.get(PlansService).planBehaviours(a.org.id, a.member.id)).resolves.toEqual([
      { cycleId: cycle.id, behaviourKeys: ['behaviour_1', 'behaviour_3'] },
    ]);
  });

  it('a share reaches the manager with a guide of questions; nobody else; withdrawing ends it', async () => {
    expect((await client(a.manager).get('/api/plans/shared')).body.items).toEqual([]);
    const shared = await client(a.member).put(url(cycle.id, '/share'));
    expect(shared.body.plan.sharedWith).toEqual({ id: a.manager.id, name: 'Maya Manager' });
    const seen = await client(a.manager).get('/api/plans/shared');
    expect(seen.body.items).toHaveLength(1);
    expect(seen.body.items[0]).toMatchObject({ cycleId: cycle.id, subject: { id: a.member.id, name: 'Mo Member' } });
    const questions: string[] = seen.body.items[0].guide.flatMap((s: { questions: string[] }) => s.questions);
    expect(questions.join(' ')).toContain('Behaviour 3');
    for (const q of questions) expect(q).toMatch(/\?$/);
    for (const person of [a.admin, a.colleague, a.peer, nell, b.admin]) expect((await client(person).get('/api/plans/shared')).body.items).toEqual([]);

    await client(a.member).delete(url(cycle.id, '/share'));
    expect((await client(a.manager).get('/api/plans/shared')).body.items).toEqual([]);
    expect((await client(a.member).get(url(cycle.id))).body.plan.sharedWith).toBeNull();
  });

  it("the report's strengths join the guide only when the manager may read the report", async () => {
    await client(a.member).put(url(cycle.id, '/share'));
    const withReport = (await client(a.manager).get('/api/plans/shared')).body.items[0].guide[0].questions.join(' ');
    expect(withReport).toContain('Colleagues see');
    await t.db.query(`UPDATE cycles SET settings = settings || '{"reportVisibility": {"subject": "on_release", "manager": "never"}}'::jsonb WHERE id = $1`, [
      cycle.id,
    ]);
    const without = (await client(a.manager).get('/api/plans/shared')).body.items[0].guide[0].questions.join(' ');
    expect(without).not.toContain('Colleagues see');
    await t.db.query(
      `UPDATE cycles SET settings = settings || '{"reportVisibility": {"subject": "on_release", "manager": "on_release"}}'::jsonb WHERE id = $1`,
      [cycle.id],
    );
  });

  it('a manager change ends the share: the old manager loses it, the new one gets it only when shared again', async () => {
    await client(a.member).put(url(cycle.id, '/share'));
    await t.db.query(`UPDATE people SET manager_id = $2 WHERE id = $1`, [a.member.id, nell.id]);
    expect((await client(a.manager).get('/api/plans/shared')).body.items).toEqual([]);
    expect((await client(nell).get('/api/plans/shared')).body.items).toEqual([]);
    const page = await client(a.member).get(url(cycle.id));
    expect(page.body).toMatchObject({ manager: { id: nell.id }, plan: { sharedWith: null } });
    await client(a.member).put(url(cycle.id, '/share'));
    expect((await client(nell).get('/api/plans/shared')).body.items).toHaveLength(1);
    await t.db.query(`UPDATE people SET manager_id = $2 WHERE id = $1`, [a.member.id, a.manager.id]);
  });

  it('a leaver loses access: a deactivated subject’s share ends; with no manager, sharing is a 409', async () => {
    await client(a.member).put(url(cycle.id, '/share'));
    expect((await client(a.manager).get('/api/plans/shared')).body.items).toHaveLength(1);
    await t.db.query(`UPDATE people SET active = false, deactivated_at = now() WHERE id = $1`, [a.member.id]);
    expect((await client(a.manager).get('/api/plans/shared')).body.items).toEqual([]);
    await t.db.query(`UPDATE people SET active = true, deactivated_at = NULL WHERE id = $1`, [a.member.id]);
    await t.db.query(`UPDATE people SET manager_id = NULL WHERE id = $1`, [a.member.id]);
    const refused = await client(a.member).put(url(cycle.id, '/share'));
    expect([refused.status, refused.body.code]).toEqual([409, 'no_manager']);
    await t.db.query(`UPDATE people SET manager_id = $2 WHERE id = $1`, [a.member.id, a.manager.id]);
  });

  it('HR sees counts only, and plan counts only once the window has closed; members and other organisations see nothing', async () => {
    const early = await client(a.admin).get(url(cycle.id, '/organisation'));
    expect(early.status).toBe(200);
    expect(early.body.plans).toBeNull();
    expect(early.body.followership.departments).toEqual([expect.objectContaining({ department: 'Collections' })]);
    await t.db.query(`UPDATE cycles SET released_at = now() - interval '29 days' WHERE id = $1`, [cycle.id]);
    const later = await client(a.admin).get(url(cycle.id, '/organisation'));
    // One person in the cycle: below every threshold, so hidden, and never a name or an id.
    expect(later.body.plans.organisation).toEqual({ shown: false, reason: 'below_threshold' });
    expect(JSON.stringify(later.body)).not.toContain(a.member.id);
    expect((await client(a.member).get(url(cycle.id, '/organisation'))).status).toBe(403);
    expect((await client(b.admin).get(url(cycle.id, '/organisation'))).status).toBe(404);
    expect((await client(a.admin).get(url('not-a-uuid', '/organisation'))).status).toBe(404);
  });
});
