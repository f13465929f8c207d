import type { FeedbackRelationship } from '@lib/cycles';
import { aPerson, anOrganization, TEST_PASSWORD, TestPerson } from '../support/factories';
import { aFrameworkVersion, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, moveCycle, reportUrl, snapshotReports, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';
import { StoreAnonymousRaters1795400300000 } from '../../migrations/1795400300000-StoreAnonymousRaters';

type Visibility = 'on_close' | 'on_release' | 'never';

const RATED_ANONYMOUSLY = 'report_rated_anonymously';
const FORMATS = ['', '.csv', '.pdf'] as const;

/**
 * Readers never count (DESIGN.md, "Who may see what"): whether a rater counted toward k is
 * decided at close; who reads is decided now. Every path by which someone whose rating a report
 * counted as anonymous could later become able to read it is refused — the report in every
 * format, the lists that link to it, its trend inside a later report, its cells in the
 * organisation view — while the other readers keep theirs.
 */
describe('readers never count', () => {
  let t: TestApp;
  let version: TestFrameworkVersion;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function login(person: TestPerson): Promise<HttpClient> {
    const client = t.client();
    const response = await client.login(person.email, TEST_PASSWORD);
    expect(response.status).toBe(200);
    return client;
  }

  /** Status and code of the page, the CSV and the PDF (they must agree). */
  async function outcome(client: HttpClient, cycleId: string, subjectId: string): Promise<string> {
    const results = await Promise.all(FORMATS.map((suffix) => client.get(reportUrl(cycleId, subjectId, suffix))));
    for (const r of results) expect(r.status).toBe(results[0].status);
    return results[0].status === 200 ? '200' : `${results[0].status} ${JSON.parse(results[0].text).code}`;
  }

  const listed = async (client: HttpClient): Promise<string[]> =>
    (await client.get('/api/reports/mine')).body.items.map((i: { cycleId: string; subject: { id: string } }) => `${i.cycleId}:${i.subject.id}`);

  /** An organisation with HR (Hana), a subject (Sam) under a manager (Mia), and peers who can sign in. */
  async function anOrg(name: string) {
    const org = await anOrganization(t.db, { name });
    const hana = await aPerson(t.db, org.id, { name: 'Hana Hr', role: 'admin' });
    const mia = await aPerson(t.db, org.id, { name: 'Mia Manager', department: 'Ops' });
    const sam = await aPerson(t.db, org.id, { name: 'Sam Subject', department: 'Ops', managerId: mia.id });
    const peers = [
      await aPerson(t.db, org.id, { name: 'Pia Peer', department: 'Ops' }),
      await aPerson(t.db, org.id, { name: 'Paz Peer', department: 'Ops' }),
      await aPerson(t.db, org.id, { name: 'Pim Peer', department: 'Ops' }),
    ];
    version = await aFrameworkVersion(t.db, org.id);
    return { org, hana, mia, sam, peers, hr: await login(hana) };
  }

  /** A cycle about `subject` (frozen manager `managerId`) in `collecting`, with the given raters' submitted answers. */
  async function aCycleAbout(
    org: { id: string },
    subject: TestPerson,
    managerId: string | null,
    raters: { person: TestPerson; relationship: FeedbackRelationship; rating: number }[],
    settings: { manager?: Visibility; showManagerSeparately?: boolean; closedAt?: Date; name?: string } = {},
  ): Promise<TestCycle> {
    const cycle = await aReportCycle(t.db, org.id, version.id, {
      state: 'collecting',
      name: settings.name,
      settings: {
        anonymityThreshold: 3,
        showManagerSeparately: settings.showManagerSeparately ?? true,
        reportVisibility: { subject: 'on_release', manager: settings.manager ?? 'on_release' },
      },
    });
    await aReportSubject(t.db, cycle, subject.id, { managerId });
    for (const r of raters) await uniformResponses(t.db, cycle, version, subject.id, [{ id: r.person.id, relationship: r.relationship }], r.rating);
    return cycle;
  }

  async function closeAndRelease(org: { id: string }, cycle: TestCycle, closedAt?: Date): Promise<void> {
    await moveCycle(t.db, cycle.id, 'closed');
    if (closedAt) await t.db.query(`UPDATE cycles SET closed_at = $2 WHERE id = $1`, [cycle.id, closedAt]);
    await snapshotReports(t, org.id, cycle.id);
    await moveCycle(t.db, cycle.id, 'released');
  }

  async function patchPerson(hr: HttpClient, person: TestPerson, body: Record<string, unknown>): Promise<void> {
    const response = await hr.patch(`/api/people/${person.id}`, body);
    expect(response.status).toBe(200);
  }

  it('refuses a peer made HR admin after release the report (page, CSV, PDF) with a clear 403, and records no view', async () => {
    const { org, sam, peers, hr } = await anOrg('Peer promoted');
    const [p1, p2, p3] = peers;
    const cycle = await aCycleAbout(org, sam, null, [
      { person: sam, relationship: 'self', rating: 3 },
      { person: p1, relationship: 'peer', rating: 5 },
      { person: p2, relationship: 'peer', rating: 4 },
      { person: p3, relationship: 'peer', rating: 3 },
    ]);
    await closeAndRelease(org, cycle);
    // What the P1 would subtract from: peers mean 4.00 over 3 respondents.
    const full = await hr.get(reportUrl(cycle.id, sam.id));
    expect(full.status).toBe(200);
    expect(full.body.behaviours[0].cells.peer).toMatchObject({ shown: true, mean: 4, n: 3 });

    await patchPerson(hr, p1, { role: 'admin' });
    const promoted = await login(p1);
    expect(await outcome(promoted, cycle.id, sam.id)).toBe(`403 ${RATED_ANONYMOUSLY}`);
    const refused = await promoted.get(reportUrl(cycle.id, sam.id));
    expect(refused.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      code: RATED_ANONYMOUSLY,
      message: expect.stringMatching(/^You gave anonymous feedback for this report, so you cannot read it/),
      requestId: expect.any(String),
    });
    // The refusal is no view: the audit trail holds nothing of p1 about this report.
    const views = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND target_type = 'report'`, [p1.id]);
    expect(views[0].n).toBe(0);
    // Others keep their access, and nobody else learns anything from p1's refusal.
    expect(await outcome(hr, cycle.id, sam.id)).toBe('200');
    expect(await outcome(await login(sam), cycle.id, sam.id)).toBe('200');
    expect(await outcome(await login(p2), cycle.id, sam.id)).toBe('404 report_not_found');
  });

  it('refuses a manager made HR whose rating the report pooled as anonymous (managers never read in that cycle)', async () => {
    const { org, mia, sam, peers, hr } = await anOrg('Manager promoted');
    const cycle = await aCycleAbout(
      org,
      sam,
      mia.id,
      [
        { person: mia, relationship: 'manager', rating: 5 },
        { person: peers[0], relationship: 'peer', rating: 4 },
        { person: peers[1], relationship: 'peer', rating: 3 },
      ],
      { manager: 'never', showManagerSeparately: false },
    );
    await closeAndRelease(org, cycle);
    // Mia counted toward the pool of 3: others is shown.
    const full = await hr.get(reportUrl(cycle.id, sam.id));
    expect(full.body.behaviours[0].cells.others).toMatchObject({ shown: true, n: 3 });
    expect(await outcome(await login(mia), cycle.id, sam.id)).toBe('404 report_not_found');

    await patchPerson(hr, mia, { role: 'admin' });
    const promoted = await login(mia);
    expect(await outcome(promoted, cycle.id, sam.id)).toBe(`403 ${RATED_ANONYMOUSLY}`);
    expect(await listed(promoted)).toEqual([]);
  });

  it('lets only the manager frozen at launch read: a later manager gains nothing, the anonymous peer they were stays refused', async () => {
    const { org, mia, sam, peers, hr } = await anOrg('New manager');
    const [nico, p2, p3] = peers;
    const cycle = await aCycleAbout(
      org,
      sam,
      mia.id,
      [
        { person: nico, relationship: 'peer', rating: 5 },
        { person: p2, relationship: 'peer', rating: 4 },
        { person: p3, relationship: 'peer', rating: 3 },
      ],
      { manager: 'on_close' },
    );
    await closeAndRelease(org, cycle);
    await patchPerson(hr, sam, { managerId: nico.id });
    const nicoClient = await login(nico);
    expect(await outcome(nicoClient, cycle.id, sam.id)).toBe('404 report_not_found');
    expect(await listed(nicoClient)).toEqual([]);
    // Mia, frozen at launch, still reads it (and lists it), though Sam no longer reports to her.
    const miaClient = await login(mia);
    expect(await outcome(miaClient, cycle.id, sam.id)).toBe('200');
    expect(await listed(miaClient)).toEqual([`${cycle.id}:${sam.id}`]);
    // Even made HR too, the new manager stays out: he counted as an anonymous peer.
    await patchPerson(hr, nico, { role: 'admin' });
    expect(await outcome(await login(nico), cycle.id, sam.id)).toBe(`403 ${RATED_ANONYMOUSLY}`);
  });

  it('refuses an HR admin demoted before close (so counted as anonymous) and promoted again after', async () => {
    const { org, sam, peers, hr } = await anOrg('Demoted and promoted');
    const helen = await aPerson(t.db, org.id, { name: 'Helen Hr', role: 'admin', department: 'People' });
    const cycle = await aCycleAbout(org, sam, null, [
      { person: helen, relationship: 'peer', rating: 5 },
      { person: peers[1], relationship: 'peer', rating: 4 },
      { person: peers[2], relationship: 'peer', rating: 3 },
    ]);
    // As HR at launch Helen would have read it, so she would not have counted; demoted before close, she counts.
    await patchPerson(hr, helen, { role: 'member' });
    await closeAndRelease(org, cycle);
    expect((await hr.get(reportUrl(cycle.id, sam.id))).body.behaviours[0].cells.peer).toMatchObject({ shown: true, n: 3 });
    await patchPerson(hr, helen, { role: 'admin' });
    expect(await outcome(await login(helen), cycle.id, sam.id)).toBe(`403 ${RATED_ANONYMOUSLY}`);
  });

  it('lets an HR admin who was HR at close read: their rating never counted toward k', async () => {
    const { org, sam, peers, hr } = await anOrg('HR at close');
    const helen = await aPerson(t.db, org.id, { name: 'Helen Hr', role: 'admin', department: 'People' });
    const cycle = await aCycleAbout(org, sam, null, [
      { person: helen, relationship: 'peer', rating: 5 },
      { person: peers[0], relationship: 'peer', rating: 4 },
      { person: peers[1], relationship: 'peer', rating: 3 },
      { person: peers[2], relationship: 'peer', rating: 2 },
    ]);
    await closeAndRelease(org, cycle);
    const read = await (await login(helen)).get(reportUrl(cycle.id, sam.id));
    expect(read.status).toBe(200);
    expect(read.body.columns.find((c: { key: string }) => c.key === 'peer')).toMatchObject({ shown: true, respondents: 4 });
    expect(await hr.get(reportUrl(cycle.id, sam.id)).then((r) => r.status)).toBe(200);
  });

  it('drops the trend of a later report for a reader the earlier report counted as anonymous', async () => {
    const { org, sam, peers, hr } = await anOrg('Trend');
    const [p1, p2, p3] = peers;
    const earlier = await aCycleAbout(
      org,
      sam,
      null,
      [
        { person: sam, relationship: 'self', rating: 3 },
        { person: p1, relationship: 'peer', rating: 2 },
        { person: p2, relationship: 'peer', rating: 2 },
        { person: p3, relationship: 'peer', rating: 2 },
      ],
      { name: 'Earlier' },
    );
    await closeAndRelease(org, earlier, new Date('2025-03-01T00:00:00Z'));
    await patchPerson(hr, p1, { role: 'admin' });
    const others = [await aPerson(t.db, org.id), await aPerson(t.db, org.id), await aPerson(t.db, org.id)];
    const later = await aCycleAbout(
      org,
      sam,
      null,
      [{ person: sam, relationship: 'self', rating: 4 }, ...others.map((person) => ({ person, relationship: 'peer' as const, rating: 4 }))],
      { name: 'Later' },
    );
    await closeAndRelease(org, later);
    const trend = async (client: HttpClient) => {
      const response = await client.get(reportUrl(later.id, sam.id));
      expect(response.status).toBe(200);
      return response.body.trend && response.body.trend.previousCycle.name;
    };
    // p1, HR now, reads the later report (they did not rate it) but not the earlier one's numbers through it.
    const p1Client = await login(p1);
    expect(await trend(p1Client)).toBeNull();
    expect(await outcome(p1Client, earlier.id, sam.id)).toBe(`403 ${RATED_ANONYMOUSLY}`);
    expect(await trend(hr)).toBe('Earlier');
    expect(await trend(await login(sam))).toBe('Earlier');
  });

  it("builds an HR reader's organisation view without the reports that counted them as anonymous", async () => {
    // Ten subjects in one department. Five were rated by A, B and Rae (a member at close, HR later):
    // with Rae's own ratings subtracted, a cell of those five would give the sum of A's and B's.
    const org = await anOrganization(t.db, { name: 'Heatmap' });
    const hana = await aPerson(t.db, org.id, { name: 'Hana Hr', role: 'admin' });
    version = await aFrameworkVersion(t.db, org.id);
    const [a, b, c, rae] = [
      await aPerson(t.db, org.id),
      await aPerson(t.db, org.id),
      await aPerson(t.db, org.id),
      await aPerson(t.db, org.id, { name: 'Rae Rater' }),
    ];
    const cycle = await aReportCycle(t.db, org.id, version.id, { state: 'collecting', settings: { anonymityThreshold: 3, heatmapMinCellSize: 5 } });
    for (let i = 0; i < 10; i++) {
      const subject = await aPerson(t.db, org.id, { department: 'Ops' });
      await aReportSubject(t.db, cycle, subject.id, { department: 'Ops' });
      const third = i < 5 ? rae : c;
      await uniformResponses(
        t.db,
        cycle,
        version,
        subject.id,
        [a, b, third].map((p) => ({ id: p.id, relationship: 'peer' as const })),
        i < 5 ? 2 : 4,
      );
    }
    await closeAndRelease(org, cycle);
    const hr = await login(hana);
    await patchPerson(hr, rae, { role: 'admin' });
    const organisation = async (client: HttpClient) => {
      const response = await client.get(`/api/reports/cycles/${cycle.id}/heatmap`);
      expect(response.status).toBe(200);
      return response.body.organisation[0];
    };
    expect(await organisation(hr)).toEqual({ shown: true, mean: 3, n: 10 });
    expect(await organisation(await login(rae))).toEqual({ shown: true, mean: 4, n: 5 });
  });

  it('keeps the list and the read in agreement: "my reports" offers exactly the reports the reader may open', async () => {
    const { org, mia, sam, peers, hr } = await anOrg('Lists');
    const kim = await aPerson(t.db, org.id, { name: 'Kim Teammate', department: 'Ops', managerId: mia.id });
    // Two reports Mia is the frozen manager of: Sam's (Mia rated it, pooled, managers never read
    // then) and Kim's (Mia did not rate it).
    const rated = await aCycleAbout(
      org,
      sam,
      mia.id,
      [
        { person: mia, relationship: 'manager', rating: 5 },
        { person: peers[0], relationship: 'peer', rating: 4 },
        { person: peers[1], relationship: 'peer', rating: 3 },
      ],
      { manager: 'never', showManagerSeparately: false },
    );
    await aReportSubject(t.db, rated, kim.id, { managerId: mia.id });
    await uniformResponses(
      t.db,
      rated,
      version,
      kim.id,
      peers.map((p) => ({ id: p.id, relationship: 'peer' as const })),
      4,
    );
    await closeAndRelease(org, rated);
    // The settings are locked from launch on; change them underneath as a later bug or import
    // might, so that the frozen manager's role would now let Mia in.
    await moveCycle(t.db, rated.id, 'released', { reportVisibility: { subject: 'on_release', manager: 'on_release' } });
    const miaClient = await login(mia);
    expect(await listed(miaClient)).toEqual([`${rated.id}:${kim.id}`]);
    expect(await outcome(miaClient, rated.id, sam.id)).toBe(`403 ${RATED_ANONYMOUSLY}`);
    expect(await outcome(miaClient, rated.id, kim.id)).toBe('200');
    expect(await listed(await login(sam))).toEqual([`${rated.id}:${sam.id}`]);
    expect(await outcome(hr, rated.id, sam.id)).toBe('200');
  });

  it('backfills snapshots written before the column existed with the same set, plus raters who were HR at close (errs on refusing)', async () => {
    const { org, mia, sam, peers } = await anOrg('Backfill');
    const helen = await aPerson(t.db, org.id, { name: 'Helen Hr', role: 'admin', department: 'People' });
    const kim = await aPerson(t.db, org.id, { name: 'Kim Teammate', department: 'Ops', managerId: mia.id });
    const pooled = await aCycleAbout(
      org,
      sam,
      mia.id,
      [
        { person: sam, relationship: 'self', rating: 3 },
        { person: mia, relationship: 'manager', rating: 5 },
        { person: helen, relationship: 'peer', rating: 4 },
        ...peers.map((person) => ({ person, relationship: 'peer' as const, rating: 4 })),
      ],
      { manager: 'never', showManagerSeparately: false },
    );
    await aReportSubject(t.db, pooled, kim.id, { managerId: mia.id });
    await uniformResponses(
      t.db,
      pooled,
      version,
      kim.id,
      [{ id: mia.id, relationship: 'manager' }, ...peers.map((p) => ({ id: p.id, relationship: 'peer' as const }))],
      3,
    );
    await closeAndRelease(org, pooled);
    const reading = await aCycleAbout(
      org,
      kim,
      mia.id,
      [{ person: mia, relationship: 'manager', rating: 5 }, ...peers.map((person) => ({ person, relationship: 'peer' as const, rating: 4 }))],
      {
        manager: 'on_release',
        showManagerSeparately: false,
      },
    );
    await closeAndRelease(org, reading);
    const identified = await aCycleAbout(
      org,
      sam,
      mia.id,
      [{ person: mia, relationship: 'manager', rating: 5 }, ...peers.map((person) => ({ person, relationship: 'peer' as const, rating: 4 }))],
      {
        manager: 'never',
        showManagerSeparately: true,
      },
    );
    await closeAndRelease(org, identified);
    const name = (cycleId: string) => (cycleId === pooled.id ? 'pooled' : cycleId === reading.id ? 'reading' : 'identified');
    const sets = async (q: { query: (sql: string, params: unknown[]) => Promise<{ cycle_id: string; subject_id: string; ids: string[] }[]> }) =>
      Object.fromEntries(
        (
          await q.query(
            `SELECT cycle_id, subject_id, ARRAY(SELECT unnest(anonymous_rater_ids) ORDER BY 1)::text[] AS ids FROM report_snapshots WHERE organization_id = $1`,
            [org.id],
          )
        ).map((r) => [`${name(r.cycle_id)}:${r.subject_id === sam.id ? 'sam' : 'kim'}`, r.ids]),
      );
    const sorted = (...people: TestPerson[]) => people.map((p) => p.id).sort();
    const written = await sets(t.db);
    // Written by the snapshot: Mia pooled and never reading counts; Helen (HR at close) does not;
    // Mia reading does not, nor Mia shown separately (identified).
    expect(written).toEqual({
      'pooled:sam': sorted(mia, ...peers),
      'pooled:kim': sorted(mia, ...peers),
      'reading:kim': sorted(...peers),
      'identified:sam': sorted(...peers),
    });

    // The migration, run again over these snapshots inside a transaction that is rolled back.
    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const migration = new StoreAnonymousRaters1795400300000();
      await migration.down(runner);
      await migration.up(runner);
      const backfilled = await sets(runner);
      expect(backfilled).toEqual({ ...written, 'pooled:sam': sorted(mia, helen, ...peers) });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
