import { aPerson, aTeam, TestPerson } from '../support/factories';
import { aFrameworkVersion, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, moveCycle, snapshotReports, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The organisation view's comparison with the previous cycle and its CSV, and the managers' team
 * view (k = 3, cells of at least 5). Each subject is rated the same on every statement by three
 * peers, so every measure of a person equals that rating.
 *
 *   Now (released):  Sales without reports 3,3,4,4,5,5 (Mia's six reports)
 *                    Ops with reports 3,3,3,3,3 (three are Nia's reports), Ops without 2,2,2,2,2
 *                    (two are Nia's, three Max's)
 *   Then (released, earlier, same framework): Sales without 3 ×6 (Mia's), Ops without 2 ×5.
 *
 * Mia's team is one whole shown cell: shown, with its change. Nia's five reports split both Ops
 * cells (3 of 5 and 2 of 5): Ops minus her team would leave 2 + 3 people, so it is hidden. Max
 * has three reports: fewer than five.
 */
describe('organisation view: comparison, CSV; team view', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let now: TestCycle;
  let then: TestCycle;
  let mia: TestPerson;
  let nia: TestPerson;
  let max: TestPerson;
  let hr: HttpClient;
  const as = async (person: TestPerson): Promise<HttpClient> => {
    const client = t.client();
    await client.signInAs(person);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    version = await aFrameworkVersion(t.db, a.org.id, { behaviours: 3, statements: 1, openQuestions: 0 });
    then = await aReportCycle(t.db, a.org.id, version.id, { state: 'released', name: 'Spring', closedAt: new Date(Date.now() - 200 * 86_400_000) });
    now = await aReportCycle(t.db, a.org.id, version.id, { state: 'released', name: 'Autumn' });
    mia = await aPerson(t.db, a.org.id, { name: 'Mia Manager', department: 'Sales' });
    nia = await aPerson(t.db, a.org.id, { name: 'Nia Manager', department: 'Ops' });
    max = await aPerson(t.db, a.org.id, { name: 'Max Manager', department: 'Ops' });
    const raters: TestPerson[] = [];
    for (let i = 0; i < 3; i++) raters.push(await aPerson(t.db, a.org.id, { withLogin: false }));
    const rate = async (cycle: TestCycle, person: TestPerson, department: string, hasReports: boolean, managerId: string, rating: number) => {
      await aReportSubject(t.db, cycle, person.id, { department, hasReports, managerId });
      await uniformResponses(
        t.db,
        cycle,
        version,
        person.id,
        raters.map((r) => ({ id: r.id, relationship: 'peer' as const })),
        rating,
      );
    };
    for (const rating of [3, 3, 4, 4, 5, 5]) {
      const person = await aPerson(t.db, a.org.id, { department: 'Sales', managerId: mia.id, withLogin: false });
      await rate(now, person, 'Sales', false, mia.id, rating);
      await rate(then, person, 'Sales', false, mia.id, 3);
    }
    for (let i = 0; i < 5; i++) {
      // Ops with reports: Nia manages three of them (the other two report to someone outside the cycle).
      const lead = await aPerson(t.db, a.org.id, { department: 'Ops', withLogin: false });
      await rate(now, lead, 'Ops', true, i < 3 ? nia.id : a.manager.id, 3);
      // Ops without reports: two are Nia's, three Max's.
      const person = await aPerson(t.db, a.org.id, { department: 'Ops', withLogin: false });
      await rate(now, person, 'Ops', false, i < 2 ? nia.id : max.id, 2);
      await rate(then, person, 'Ops', false, max.id, 2);
    }
    await snapshotReports(t, a.org.id, then.id);
    await snapshotReports(t, a.org.id, now.id);
    hr = await as(a.admin);
  });
  afterAll(() => t.close());

  describe('comparison with the previous cycle', () => {
    it('prints a change where the cell is shown in both cycles, and nothing where either is hidden or empty', async () => {
      const map = (await hr.get(`/api/reports/cycles/${now.id}/heatmap`)).body;
      expect(map.previousCycle).toEqual({ cycleId: then.id, cycleName: 'Spring', minCellSize: 5 });
      const sales = map.departments.find((d: { department: string }) => d.department === 'Sales');
      const ops = map.departments.find((d: { department: string }) => d.department === 'Ops');
      for (let m = 0; m < map.measures.length; m++) {
        expect(sales.cells[m]).toEqual({ shown: true, mean: 4, n: 6, previousMean: 3, change: 1 });
        expect(ops.withoutReports[m]).toEqual({ shown: true, mean: 2, n: 5, previousMean: 2, change: 0 });
        // Nobody with reports in Ops then: no comparison.
        expect(ops.withReports[m]).toEqual({ shown: true, mean: 3, n: 5 });
        expect(map.levels.withReports[m]).toEqual({ shown: true, mean: 3, n: 5 });
        expect(map.organisation[m]).toMatchObject({ shown: true, n: 16, previousMean: 28 / 11 });
        expect(map.organisation[m].change).toBeCloseTo(49 / 16 - 28 / 11, 10);
      }
      // The earlier cycle compares with nothing.
      expect((await hr.get(`/api/reports/cycles/${then.id}/heatmap`)).body.previousCycle).toBeNull();
    });

    it('compares only with a closed or released cycle of the same framework', async () => {
      const other = await aFrameworkVersion(t.db, a.org.id, { behaviours: 3, statements: 1, openQuestions: 0 });
      const elsewhere = await aReportCycle(t.db, a.org.id, other.id, { state: 'released', closedAt: new Date(Date.now() - 86_400_000) });
      const collecting = await aReportCycle(t.db, a.org.id, version.id, { state: 'collecting' });
      expect((await hr.get(`/api/reports/cycles/${now.id}/heatmap`)).body.previousCycle.cycleId).toBe(then.id);
      await t.db.query(`DELETE FROM cycles WHERE id = ANY($1)`, [[elsewhere.id, collecting.id]]);
    });
  });

  describe('CSV export', () => {
    const csv = (query = '') => hr.get(`/api/reports/cycles/${now.id}/heatmap.csv${query}`);
    const lines = (text: string): string[][] =>
      text
        .trim()
        .split('\n')
        .map((l) => l.split(','));

    it('is exactly the page for the same filter: departments at a level, and the whole organisation', async () => {
      const response = await csv('?level=with_reports');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="organisation-view-${now.id}.csv"`);
      const rows = lines(response.text);
      expect(rows[0]).toEqual(['department', 'level', 'measure', 'kind', 'mean', 'n', 'previous_mean', 'change', 'note']);
      // Ops, Sales, then the organisation; five measures each.
      expect(rows).toHaveLength(1 + 3 * 5);
      expect(rows[1]).toEqual(['Ops', 'With direct reports', 'Influence index', 'index', '3.00', '5', '', '', '']);
      expect(rows[6]).toEqual(['Sales', 'With direct reports', 'Influence index', 'index', '', '', '', '', 'no data']);
      expect(rows[11]).toEqual(['Whole organisation', 'With direct reports', 'Influence index', 'index', '3.00', '5', '', '', '']);
    });

    it('filters to one department, with the comparison', async () => {
      const rows = lines((await csv('?department=Sales')).text);
      expect(rows).toHaveLength(1 + 5);
      expect(rows[1]).toEqual(['Sales', 'Everyone', 'Influence index', 'index', '4.00', '6', '3.00', '1.00', '']);
      expect(rows.slice(1).every((r) => r[0] === 'Sales')).toBe(true);
    });

    it('refuses filters that name nothing, unknown parameters and a minimum', async () => {
      const unknown = await csv('?department=Nowhere');
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ code: 'invalid_heatmap_filter', errors: [{ field: 'department' }] });
      expect((await csv('?noDepartment=true')).status).toBe(422); // everyone here has a department
      expect((await csv('?department=Sales&noDepartment=true')).status).toBe(422);
      expect((await csv('?level=managers')).status).toBe(400);
      expect((await csv(`?department=${'x'.repeat(201)}`)).status).toBe(400);
      expect((await csv('?minCellSize=3')).status).toBe(400);
      expect((await csv('?extra=1')).status).toBe(400);
    });

    it('is for HR of the organisation, once the cycle is closed, and audited', async () => {
      expect((await (await as(a.member)).get(`/api/reports/cycles/${now.id}/heatmap.csv`)).status).toBe(403);
      expect((await (await as(b.admin)).get(`/api/reports/cycles/${now.id}/heatmap.csv`)).status).toBe(404);
      expect((await t.client().get(`/api/reports/cycles/${now.id}/heatmap.csv`)).status).toBe(401);
      const collecting = await aReportCycle(t.db, a.org.id, version.id, { state: 'collecting' });
      expect((await hr.get(`/api/reports/cycles/${collecting.id}/heatmap.csv`)).status).toBe(404);
      const [event] = (await hr.get(`/api/audit-events?targetId=${now.id}:heatmap&action=heatmap.exported`)).body.items;
      expect(event).toMatchObject({ actorName: 'Hr Admin', details: { format: 'csv', cycleId: now.id } });
    });
  });

  describe('team view', () => {
    const team = async (person: TestPerson, cycleId = now.id) => (await as(person)).get(`/api/reports/cycles/${cycleId}/team`);

    it("shows a manager's direct reports as one group beside the organisation, with quadrant counts and the change since last cycle", async () => {
      const response = await team(mia);
      expect(response.status).toBe(200);
      const view = response.body;
      expect(view).toMatchObject({ cycleId: now.id, cycleName: 'Autumn', threshold: 3, minCellSize: 5, eligible: true });
      expect(view.previousCycle).toEqual({ cycleId: then.id, cycleName: 'Spring', minCellSize: 5 });
      expect(view.measures).toHaveLength(5);
      for (let m = 0; m < 5; m++) {
        expect(view.team[m]).toEqual({ shown: true, mean: 4, n: 6, previousMean: 3, change: 1 });
        expect(view.organisation[m]).toEqual({ shown: true, mean: 49 / 16, n: 16 });
      }
      // 3, 3 are emerging; 4, 4, 5, 5 high on both.
      expect(view.quadrants).toEqual({ shown: true, counts: { manager_leader: 4, leader_without_title: 0, manager: 0, emerging: 2, notShown: 0 } });
      const [event] = (await hr.get(`/api/audit-events?targetId=${now.id}:team`)).body.items;
      expect(event).toMatchObject({ action: 'team.viewed', actorName: 'Mia Manager' });
    });

    it('hides the team where the organisation view minus the team would leave a small group', async () => {
      const view = (await team(nia)).body;
      expect(view.eligible).toBe(true);
      expect(view.team.every((c: object) => JSON.stringify(c) === JSON.stringify({ shown: false, reason: 'complementary' }))).toBe(true);
      expect(view.team[0]).not.toHaveProperty('change');
    });

    it('says nothing but "too few" to a manager of fewer than the minimum', async () => {
      const view = (await team(max)).body;
      expect(view).toEqual({
        cycleId: now.id,
        cycleName: 'Autumn',
        threshold: 3,
        minCellSize: 5,
        measures: expect.any(Array),
        eligible: false,
        team: [],
        organisation: [],
        quadrants: { shown: false },
        previousCycle: null,
      });
    });

    it('shows no quadrant counts when the cycle does not let managers read their reports', async () => {
      const settings = (await t.db.query(`SELECT settings FROM cycles WHERE id = $1`, [now.id]))[0].settings;
      await moveCycle(t.db, now.id, 'released', { reportVisibility: { ...settings.reportVisibility, manager: 'never' } });
      try {
        const view = (await team(mia)).body;
        expect(view.quadrants).toEqual({ shown: false, reason: 'manager_cannot_see_reports' });
        expect(view.team[0]).toMatchObject({ shown: true, mean: 4, n: 6 });
      } finally {
        await moveCycle(t.db, now.id, 'released', { reportVisibility: settings.reportVisibility });
      }
    });

    it('is 404 for anyone who managed nobody in the cycle, before release, and across organisations', async () => {
      expect((await team(a.member)).status).toBe(404);
      expect((await team(a.admin)).status).toBe(404); // HR, but nobody's manager here
      expect((await team(b.manager)).status).toBe(404);
      expect((await team(b.admin)).status).toBe(404);
      expect((await (await as(mia)).get('/api/reports/cycles/not-a-uuid/team')).status).toBe(404);
      expect((await (await as(mia)).get(`/api/reports/cycles/${now.id}/team?extra=1`)).status).toBe(400);
      expect((await t.client().get(`/api/reports/cycles/${now.id}/team`)).status).toBe(401);
      await moveCycle(t.db, now.id, 'closed');
      try {
        expect((await team(mia)).status).toBe(404);
      } finally {
        await moveCycle(t.db, now.id, 'released');
      }
    });

    it('lists the released cycles in which you managed someone', async () => {
      expect((await (await as(mia)).get('/api/reports/team')).body.items.map((c: { cycleId: string }) => c.cycleId)).toEqual([now.id, then.id]);
      expect((await (await as(nia)).get('/api/reports/team')).body.items.map((c: { cycleId: string }) => c.cycleId)).toEqual([now.id]);
      expect((await (await as(a.member)).get('/api/reports/team')).body.items).toEqual([]);
      expect((await (await as(b.manager)).get('/api/reports/team')).body.items).toEqual([]);
    });
  });
});
