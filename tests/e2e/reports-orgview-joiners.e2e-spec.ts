import { aPerson, aTeam, TestPerson } from '../support/factories';
import { aFrameworkVersion, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, snapshotReports, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The previous-cycle comparison while people join, leave and move (domain heatmapChange has the
 * rule and why it holds). k = 3, cells of at least 5; every measure of a person is their rating.
 *
 *   Then: Sales without reports 3 ×5 (Mia's five reports); Ops without reports 2 ×4 (Lee among them).
 *   Now:  the same five in Sales and a joiner rated 5 (Mia's six); Ops without reports 2 ×4 and a
 *         joiner; Lee moved into Ops with reports, beside four leads rated 4.
 *
 * What an attacker would like: the joiner's rating, as 6 × now − 5 × then. What they get: two
 * means, each shown in its own cycle's view, their difference, and never the earlier count.
 */
describe('organisation view and team view: comparison across joiners, leavers and movers', () => {
  let t: TestApp;
  let version: TestFrameworkVersion;
  let now: TestCycle;
  let then: TestCycle;
  let mia: TestPerson;
  let hr: HttpClient;
  let a: Awaited<ReturnType<typeof aTeam>>;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    version = await aFrameworkVersion(t.db, a.org.id, { behaviours: 2, statements: 1, openQuestions: 0 });
    then = await aReportCycle(t.db, a.org.id, version.id, { state: 'released', name: 'Spring', closedAt: new Date(Date.now() - 200 * 86_400_000) });
    now = await aReportCycle(t.db, a.org.id, version.id, { state: 'released', name: 'Autumn' });
    mia = await aPerson(t.db, a.org.id, { name: 'Mia Manager', department: 'Sales' });
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
    for (let i = 0; i < 5; i++) {
      const stayer = await aPerson(t.db, a.org.id, { department: 'Sales', managerId: mia.id, withLogin: false });
      await rate(then, stayer, 'Sales', false, mia.id, 3);
      await rate(now, stayer, 'Sales', false, mia.id, 3);
    }
    const joiner = await aPerson(t.db, a.org.id, { department: 'Sales', managerId: mia.id, withLogin: false });
    await rate(now, joiner, 'Sales', false, mia.id, 5);
    const lee = await aPerson(t.db, a.org.id, { name: 'Lee Mover', department: 'Ops', withLogin: false });
    await rate(then, lee, 'Ops', false, a.manager.id, 2);
    await rate(now, lee, 'Ops', true, a.manager.id, 4);
    for (let i = 0; i < 3; i++) {
      const person = await aPerson(t.db, a.org.id, { department: 'Ops', withLogin: false });
      await rate(then, person, 'Ops', false, a.manager.id, 2);
      await rate(now, person, 'Ops', false, a.manager.id, 2);
    }
    for (let i = 0; i < 2; i++) {
      const person = await aPerson(t.db, a.org.id, { department: 'Ops', withLogin: false });
      await rate(now, person, 'Ops', false, a.manager.id, 2);
    }
    for (let i = 0; i < 4; i++) {
      const lead = await aPerson(t.db, a.org.id, { department: 'Ops', withLogin: false });
      await rate(now, lead, 'Ops', true, a.manager.id, 4);
    }
    await snapshotReports(t, a.org.id, then.id);
    await snapshotReports(t, a.org.id, now.id);
    hr = t.client();
    await hr.signInAs(a.admin);
  });
  afterAll(() => t.close());

  it('compares a department of five with the same five and a joiner: two shown means and their difference, no earlier count', async () => {
    const map = (await hr.get(`/api/reports/cycles/${now.id}/heatmap`)).body;
    const sales = map.departments.find((d: { department: string }) => d.department === 'Sales');
    for (let m = 0; m < map.measures.length; m++) {
      expect(sales.cells[m]).toEqual({ shown: true, mean: 20 / 6, n: 6, previousMean: 3, change: 20 / 6 - 3 });
      expect(sales.withoutReports[m]).toEqual(sales.cells[m]);
    }
    // The earlier count is said only by the earlier cycle's own view, as it always was.
    const earlier = (await hr.get(`/api/reports/cycles/${then.id}/heatmap`)).body;
    expect(earlier.departments.find((d: { department: string }) => d.department === 'Sales').cells[0]).toEqual({ shown: true, mean: 3, n: 5 });
    const csv = (await hr.get(`/api/reports/cycles/${now.id}/heatmap.csv?department=Sales`)).text.trim().split('\n');
    expect(csv[1].split(',')).toEqual(['Sales', 'Everyone', 'Influence index', 'index', '3.33', '6', '3.00', '0.33', '']);
  });

  it('prints no change where the group was hidden before, whoever joined it since', async () => {
    const map = (await hr.get(`/api/reports/cycles/${now.id}/heatmap`)).body;
    const ops = map.departments.find((d: { department: string }) => d.department === 'Ops');
    for (let m = 0; m < map.measures.length; m++) {
      // Four without reports then (hidden), five now: shown, compared with nothing.
      expect(ops.withoutReports[m]).toEqual({ shown: true, mean: 2, n: 5 });
      // Nobody with reports then; Lee moved in beside four leads.
      expect(ops.withReports[m]).toEqual({ shown: true, mean: 4, n: 5 });
      // The department as a whole was 4 people then: hidden, so no change.
      expect(ops.cells[m]).toEqual({ shown: true, mean: 3, n: 10 });
    }
  });

  it('gives the manager the same comparison for a team that gained a joiner, and nothing per person', async () => {
    const manager = t.client();
    await manager.signInAs(mia);
    const view = (await manager.get(`/api/reports/cycles/${now.id}/team`)).body;
    expect(view.eligible).toBe(true);
    for (const cell of view.team) expect(cell).toEqual({ shown: true, mean: 20 / 6, n: 6, previousMean: 3, change: 20 / 6 - 3 });
    const earlier = (await manager.get(`/api/reports/cycles/${then.id}/team`)).body;
    expect(earlier.team[0]).toEqual({ shown: true, mean: 3, n: 5 });
  });
});
