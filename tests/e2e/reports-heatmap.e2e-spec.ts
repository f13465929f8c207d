import { aPerson, aTeam, TestPerson } from '../support/factories';
import { aFrameworkVersion, TestCycle } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, moveCycle, snapshotReports, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The organisation heatmap (k = 3, cells of at least 5 people). Each person is rated the same on
 * every statement by three peers, so their influence and management indices equal that rating.
 *
 *   Alpha  with reports 4, 5        without 3, 3, 4, 2     (6 people, mean 3.5)
 *   Beta   without 2, 3, 4, 5, 1 (+ one person only self-rated: no shown value)   (5, mean 3)
 *   Gamma  without 5, 5, 5                                  (3: too few)
 *
 * Gamma is hidden; with the organisation total shown, Alpha (the smallest other row) must go
 * too, or total − Alpha − Beta would give Gamma back. "With reports" (2) is too few, and then
 * "without reports" would give it back from the total, so it goes as well.
 */
describe('organisation heatmap', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let cycle: TestCycle;
  let hr: HttpClient;
  const url = (query = ''): string => `/api/reports/cycles/${cycle.id}/heatmap${query}`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    const version = await aFrameworkVersion(t.db, a.org.id, { behaviours: 3, statements: 1, openQuestions: 0 });
    cycle = await aReportCycle(t.db, a.org.id, version.id, { state: 'closed' });
    const raters: TestPerson[] = [];
    for (let i = 0; i < 3; i++) raters.push(await aPerson(t.db, a.org.id, { withLogin: false }));
    const people: [string, boolean, number | null][] = [
      ['Alpha', true, 4],
      ['Alpha', true, 5],
      ['Alpha', false, 3],
      ['Alpha', false, 3],
      ['Alpha', false, 4],
      ['Alpha', false, 2],
      ['Beta', false, 2],
      ['Beta', false, 3],
      ['Beta', false, 4],
      ['Beta', false, 5],
      ['Beta', false, 1],
      ['Beta', false, null],
      ['Gamma', false, 5],
      ['Gamma', false, 5],
      ['Gamma', false, 5],
    ];
    for (const [department, hasReports, rating] of people) {
      const person = await aPerson(t.db, a.org.id, { department: 'Somewhere else', withLogin: false });
      await aReportSubject(t.db, cycle, person.id, { department, hasReports });
      if (rating === null) await uniformResponses(t.db, cycle, version, person.id, [{ id: person.id, relationship: 'self' }], 5);
      else
        await uniformResponses(
          t.db,
          cycle,
          version,
          person.id,
          raters.map((r) => ({ id: r.id, relationship: 'peer' as const })),
          rating,
        );
    }
    await snapshotReports(t, a.org.id, cycle.id);
    hr = t.client();
    await hr.signInAs(a.admin);
  });
  afterAll(() => t.close());

  it('shows departments × measures with small departments and their complements suppressed', async () => {
    const response = await hr.get(url());
    expect(response.status).toBe(200);
    const map = response.body;
    expect(map).toMatchObject({ cycleId: cycle.id, cycleState: 'closed', threshold: 3, minCellSize: 5 });
    expect(map.measures).toEqual([
      { key: 'index:influence', name: 'Influence index', kind: 'index' },
      { key: 'index:management', name: 'Management index', kind: 'index' },
      { key: 'behaviour:behaviour_1', name: 'Behaviour 1', kind: 'management' },
      { key: 'behaviour:behaviour_2', name: 'Behaviour 2', kind: 'influence' },
      { key: 'behaviour:behaviour_3', name: 'Behaviour 3', kind: 'influence' },
    ]);
    const row = (name: string) => map.departments.find((d: { department: string }) => d.department === name);
    expect(map.departments.map((d: { department: string }) => d.department)).toEqual(['Alpha', 'Beta', 'Gamma']);
    // Every measure is the same here (uniform ratings): check them all.
    for (let m = 0; m < map.measures.length; m++) {
      expect(row('Gamma').cells[m]).toEqual({ shown: false, reason: 'below_threshold' });
      expect(row('Alpha').cells[m]).toEqual({ shown: false, reason: 'complementary' });
      expect(row('Beta').cells[m]).toEqual({ shown: true, mean: 3, n: 5 });
      expect(row('Beta').withoutReports[m]).toEqual({ shown: true, mean: 3, n: 5 });
      expect(row('Beta').withReports[m]).toEqual({ shown: false, reason: 'no_data' });
      expect(row('Alpha').withReports[m]).toEqual({ shown: false, reason: 'below_threshold' });
      expect(row('Alpha').withoutReports[m]).toEqual({ shown: false, reason: 'below_threshold' });
      expect(map.levels.withReports[m]).toEqual({ shown: false, reason: 'below_threshold' });
      expect(map.levels.withoutReports[m]).toEqual({ shown: false, reason: 'complementary' });
      expect(map.organisation[m].shown).toBe(true);
      expect(map.organisation[m].n).toBe(14);
      expect(map.organisation[m].mean).toBeCloseTo(51 / 14, 10);
    }
    // No shown number lets Gamma's mean (5) be computed: total minus the shown rows still holds 9 people.
    const shownSum = (cells: { shown: boolean; mean?: number; n?: number }[]) => cells.filter((c) => c.shown).reduce((s, c) => s + c.mean! * c.n!, 0);
    expect(51 - shownSum(map.departments.map((d: { cells: unknown[] }) => d.cells[0]))).toBeCloseTo(36, 10);
  });

  it('refuses a minimum in the request: one cycle has one minimum, so two views cannot be subtracted', async () => {
    const refused = await hr.get(url('?minCellSize=3'));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      statusCode: 400,
      code: 'validation_failed',
      errors: [{ field: 'minCellSize', message: expect.stringContaining('heatmapMinCellSize') }],
    });
    expect(refused.body.message).toMatch(/cycle's heatmapMinCellSize setting/);
    expect((await hr.get(url('?minCellSize=5'))).status).toBe(400);
    const unknown = await hr.get(url('?extra=1'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'extra', message: 'property extra should not exist' }]);
    expect((await hr.get(url('?constructor=1'))).body.errors).toEqual([{ field: 'constructor', message: 'property constructor should not exist' }]);
    // Without a parameter, the same view as ever.
    expect((await hr.get(url())).body.minCellSize).toBe(5);
  });

  it("uses the cycle's setting, which HR may change until close and never after", async () => {
    await moveCycle(t.db, cycle.id, 'collecting');
    expect((await hr.get(url())).status).toBe(404);
    const below = await hr.patch(`/api/cycles/${cycle.id}`, { settings: { heatmapMinCellSize: 2 } });
    expect(below.status).toBe(422);
    expect(below.body.errors).toEqual([{ field: 'heatmapMinCellSize', message: expect.stringMatching(/from 3 to 100/) }]);
    const set = await hr.patch(`/api/cycles/${cycle.id}`, { settings: { heatmapMinCellSize: 3 } });
    expect(set.status).toBe(200);
    expect(set.body.settings.heatmapMinCellSize).toBe(3);
    expect(set.body.editableSettings).toContain('heatmapMinCellSize');
    const [change] = (await hr.get(`/api/audit-events?targetId=${cycle.id}&action=cycle.updated`)).body.items;
    expect(change).toMatchObject({ actorName: 'Hr Admin', details: { settings: ['heatmapMinCellSize'] } });

    await moveCycle(t.db, cycle.id, 'closed');
    const three = (await hr.get(url())).body;
    expect(three.minCellSize).toBe(3);
    // Gamma (3) shows now; Alpha's two people with reports may not, so Alpha's total goes
    // (else Alpha − Alpha without reports would give them back).
    expect(three.departments.map((d: { cells: { shown: boolean; mean?: number }[] }) => d.cells[0])).toEqual([
      { shown: false, reason: 'complementary' },
      { shown: true, mean: 3, n: 5 },
      { shown: true, mean: 5, n: 3 },
    ]);
    expect(three.departments[0].withReports[0]).toEqual({ shown: false, reason: 'below_threshold' });
    expect(three.departments[0].withoutReports[0]).toEqual({ shown: true, mean: 3, n: 4 });

    // From close on it is locked: 409 naming the field, nothing written, every view the same.
    const back = await hr.patch(`/api/cycles/${cycle.id}`, { settings: { heatmapMinCellSize: 5 } });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({ code: 'setting_locked', fields: ['heatmapMinCellSize'] });
    const closed = (await hr.get(`/api/cycles/${cycle.id}`)).body;
    expect(closed.settings.heatmapMinCellSize).toBe(3);
    expect(closed.editableSettings).toEqual([]);
    expect((await hr.get(url())).body).toEqual(three);
    await moveCycle(t.db, cycle.id, 'released');
    expect((await hr.patch(`/api/cycles/${cycle.id}`, { settings: { heatmapMinCellSize: 7 } })).status).toBe(409);
    expect((await hr.get(url())).body).toEqual({ ...three, cycleState: 'released' });
    await moveCycle(t.db, cycle.id, 'closed');
  });

  it('gives cycles stored before the setting existed 5, or k when higher (no migration)', async () => {
    const version = await aFrameworkVersion(t.db, a.org.id, { behaviours: 1, statements: 1, openQuestions: 0 });
    for (const [k, expected] of [
      [3, 5],
      [7, 7],
    ]) {
      const old = await aReportCycle(t.db, a.org.id, version.id, { state: 'closed', settings: { anonymityThreshold: k } });
      await t.db.query(`UPDATE cycles SET settings = settings - 'heatmapMinCellSize' WHERE id = $1`, [old.id]);
      expect((await hr.get(`/api/reports/cycles/${old.id}/heatmap`)).body).toMatchObject({ threshold: k, minCellSize: expected });
      expect((await hr.get(`/api/cycles/${old.id}`)).body.settings.heatmapMinCellSize).toBe(expected);
    }
  });

  it('is for HR of the organisation, once the cycle is closed', async () => {
    const member = t.client();
    await member.signInAs(a.member);
    expect((await member.get(url())).status).toBe(403);
    const otherHr = t.client();
    await otherHr.signInAs(b.admin);
    expect((await otherHr.get(url())).status).toBe(404);
    expect((await t.client().get(url())).status).toBe(401);
    expect((await hr.get('/api/reports/cycles/not-a-uuid/heatmap')).status).toBe(404);
    await moveCycle(t.db, cycle.id, 'collecting');
    expect((await hr.get(url())).status).toBe(404);
    await moveCycle(t.db, cycle.id, 'released');
    expect((await hr.get(url())).status).toBe(200);
  });

  it('audits each view', async () => {
    const trail = (await hr.get(`/api/audit-events?targetType=report&targetId=${cycle.id}:heatmap`)).body;
    expect(trail.items.length).toBeGreaterThanOrEqual(3);
    expect(trail.items[0]).toMatchObject({ action: 'heatmap.viewed', actorName: 'Hr Admin', details: { cycleId: cycle.id } });
  });
});
