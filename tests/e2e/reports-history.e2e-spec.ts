import { aPerson, aTeam, TestPerson } from '../support/factories';
import { aFrameworkVersion, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, reportUrl, snapshotReports, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

interface HistoryPoint {
  cycleName: string;
  current: boolean;
  influence: number | null;
  management: number | null;
  behaviours: { key: string; mean: number | null }[];
}

/**
 * The report's history: every earlier released cycle of Mo on the same framework, each with what
 * its own report showed, and the summary the report opens with. k = 3 throughout.
 *
 *   Early 2024    released, 3 peers rate 2 (one of them Ada, who later becomes HR and did not rate Now)
 *   Thin 2024     released, only 2 peers rate 5: the report hid everything but self
 *   Never 2025    released, managers never see reports; 3 peers rate 3
 *   Unreleased    closed, not released: never part of the history
 *   Other fw      released, another framework: never part of it
 *   Now 2026      released, 3 peers rate 4 (the report being read)
 *   Later 2027    released but later: never part of it
 */
describe('report history and summary', () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let now: TestCycle;
  let ada: TestPerson;
  const readers = new Map<string, HttpClient>();

  const history = async (reader: TestPerson, subjectId = team.member.id): Promise<HistoryPoint[]> => {
    const response = await readers.get(reader.email)!.get(reportUrl(now.id, subjectId));
    expect(response.status).toBe(200);
    return response.body.history as HistoryPoint[];
  };
  const names = (points: HistoryPoint[]): string[] => points.map((p) => p.cycleName);

  beforeAll(async () => {
    t = await startTestApp();
    team = await aTeam(t.db, 'History Org');
    const org = team.org.id;
    version = await aFrameworkVersion(t.db, org, { behaviours: 2, statements: 2, openQuestions: 0 });
    const otherVersion = await aFrameworkVersion(t.db, org, { behaviours: 2, statements: 2, openQuestions: 0 });
    ada = await aPerson(t.db, org, { name: 'Ada Later-HR' });
    const peers = [ada, await aPerson(t.db, org, { withLogin: false }), await aPerson(t.db, org, { withLogin: false })];
    const cycleWith = async (
      v: TestFrameworkVersion,
      name: string,
      state: 'closed' | 'released',
      closedAt: string,
      raters: TestPerson[],
      rating: number,
      manager: 'on_release' | 'never' = 'on_release',
    ): Promise<TestCycle> => {
      const cycle = await aReportCycle(t.db, org, v.id, {
        state,
        name,
        closedAt: new Date(closedAt),
        settings: { reportVisibility: { subject: 'on_release', manager } },
      });
      await aReportSubject(t.db, cycle, team.member.id, { managerId: team.manager.id });
      await uniformResponses(
        t.db,
        cycle,
        v,
        team.member.id,
        [{ id: team.member.id, relationship: 'self' }, ...raters.map((p) => ({ id: p.id, relationship: 'peer' as const }))],
        rating,
      );
      await snapshotReports(t, org, cycle.id);
      return cycle;
    };
    await cycleWith(version, 'Early 2024', 'released', '2024-03-01T00:00:00Z', peers, 2);
    await cycleWith(version, 'Thin 2024', 'released', '2024-09-01T00:00:00Z', peers.slice(1), 5);
    await cycleWith(version, 'Never 2025', 'released', '2025-03-01T00:00:00Z', peers, 3, 'never');
    await cycleWith(version, 'Unreleased 2025', 'closed', '2025-09-01T00:00:00Z', peers, 1);
    await cycleWith(otherVersion, 'Other framework 2025', 'released', '2025-10-01T00:00:00Z', peers, 1);
    now = await cycleWith(version, 'Now 2026', 'released', '2026-03-01T00:00:00Z', peers.slice(1).concat(team.peer), 4);
    await cycleWith(version, 'Later 2027', 'released', '2027-03-01T00:00:00Z', peers, 1);
    // Ada becomes HR after rating Mo anonymously in Early 2024 (she did not rate Now 2026).
    await t.db.query(`UPDATE people SET role = 'admin' WHERE id = $1`, [ada.id]);
    for (const person of [team.admin, team.manager, team.member, team.colleague, ada]) {
      const client = t.client();
      await client.signInAs(person);
      readers.set(person.email, client);
    }
  });
  afterAll(() => t.close());

  it('shows the subject every earlier released cycle on the same framework, oldest first, then this one', async () => {
    const points = await history(team.member);
    expect(names(points)).toEqual(['Early 2024', 'Thin 2024', 'Never 2025', 'Now 2026']);
    expect(points.map((p) => [p.influence, p.management, p.current])).toEqual([
      [2, 2, false],
      // Two peers are fewer than k: that report hid its numbers, and so does the history.
      [null, null, false],
      [3, 3, false],
      [4, 4, true],
    ]);
    expect(points[1].behaviours.every((b) => b.mean === null)).toBe(true);
    expect(points[3].behaviours.map((b) => b.mean)).toEqual([4, 4]);
  });

  it('leaves out each earlier cycle whose report the reader may not read today', async () => {
    // The manager never saw Never 2025's reports, so neither its point nor the trend against it.
    expect(names(await history(team.manager))).toEqual(['Early 2024', 'Thin 2024', 'Now 2026']);
    // Ada rated Early 2024 and Never 2025 anonymously: as HR now she could subtract her own ratings from them.
    expect(names(await history(ada))).toEqual(['Thin 2024', 'Now 2026']);
    expect(names(await history(team.admin))).toEqual(['Early 2024', 'Thin 2024', 'Never 2025', 'Now 2026']);
  });

  it('opens with a summary of the numbers the report shows, its change only with the trend', async () => {
    const own = (await readers.get(team.member.email)!.get(reportUrl(now.id, team.member.id))).body;
    expect(own.overview).toMatchObject({
      profile: own.profile,
      strongest: { mean: 4 },
      largestBlindSpot: null,
      influence: [{ directions: ['sideways'], mean: 4 }],
      change: { influence: { shown: true, previous: 3, current: 4, delta: 1 }, largestRise: { delta: 1 }, largestFall: null },
    });
    const managers = (await readers.get(team.manager.email)!.get(reportUrl(now.id, team.member.id))).body;
    expect(managers.trend).toBeNull();
    expect(managers.overview.change).toBeNull();
    expect(managers.overview.strongest).toEqual(own.overview.strongest);
  });

  it('gives anyone else no report, history or summary', async () => {
    expect((await readers.get(team.colleague.email)!.get(reportUrl(now.id, team.member.id))).status).toBe(404);
    const other = await aTeam(t.db, 'Elsewhere');
    const outsider = t.client();
    await outsider.signInAs(other.admin);
    expect((await outsider.get(reportUrl(now.id, team.member.id))).status).toBe(404);
  });

  it('builds the summary of a report stored before summaries existed from its stored numbers', async () => {
    const before = (await readers.get(team.admin.email)!.get(reportUrl(now.id, team.member.id))).body;
    await t.db.query(`UPDATE report_snapshots SET format = 1, report = report::jsonb - 'overview' WHERE organization_id = $1 AND cycle_id = $2`, [
      team.org.id,
      now.id,
    ]);
    const after = (await readers.get(team.admin.email)!.get(reportUrl(now.id, team.member.id))).body;
    expect(after.overview).toEqual(before.overview);
  });

  it("reads a report stored with the earlier summary shape (one direction per entry) in today's shape", async () => {
    const before = (await readers.get(team.admin.email)!.get(reportUrl(now.id, team.member.id))).body;
    await t.db.query(
      `UPDATE report_snapshots SET format = 2,
        report = report::jsonb || jsonb_build_object('overview', coalesce(report::jsonb -> 'overview', '{}') || '{"influence": [{"direction": "sideways", "mean": 4}]}')
        WHERE organization_id = $1 AND cycle_id = $2`,
      [team.org.id, now.id],
    );
    const after = (await readers.get(team.admin.email)!.get(reportUrl(now.id, team.member.id))).body;
    expect(after.overview).toEqual(before.overview);
    expect(after.overview.influence).toEqual([{ directions: ['sideways'], mean: 4 }]);
  });
});
