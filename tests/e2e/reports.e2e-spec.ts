import { writeFileSync } from 'node:fs';
import type { CycleSettings } from '@lib/cycles';
import { aPerson, anOrganization, TestPerson } from '../support/factories';
import { aFrameworkVersion, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, aResponse, anOpenRequest, reportUrl, snapshotReports, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Report numbers end to end against hand-computed fixtures: answers seeded with SQL, the snapshot
 * the close job computes, the report read over HTTP.
 *
 * Framework: behaviour_1 (management: s11, s12), behaviour_2 and behaviour_3 (influence: s21,
 * s22; s31, s32), two open questions. k = 3, the manager shown separately.
 *
 *               s11 s12 s21 s22 s31 s32
 *   self         4   4   5   5   1   –      (– = not observed)
 *   manager      3   3   3   3   3   3
 *   peer p1      2   3   3   4   4   4
 *   peer p2      2   3   3   4   4   5
 *   peer p3      2   3   3   4   4   –
 *   direct d1    4   4   4   4   4   4      two direct reports: too few alone,
 *   direct d2    5   5   5   5   5   5      pooled with the one "other" into Others (3)
 *   other o1     1   1   1   1   1   1
 */
describe('report numbers', () => {
  let t: TestApp;
  let hr: HttpClient;
  let version: TestFrameworkVersion;
  let orgId: string;
  let subject: TestPerson;
  let thin: TestPerson;
  let earlierName: string;
  let report: any;
  let thinReport: any;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await anOrganization(t.db);
    orgId = org.id;
    const admin = await aPerson(t.db, org.id, { role: 'admin', department: 'People' });
    const manager = await aPerson(t.db, org.id, { name: 'Maya Manager' });
    subject = await aPerson(t.db, org.id, { name: 'Sam Subject', title: 'Curator', department: 'Collections', managerId: manager.id });
    thin = await aPerson(t.db, org.id, { name: 'Tia Thin', managerId: manager.id });
    const people: TestPerson[] = [];
    for (let i = 0; i < 7; i++) people.push(await aPerson(t.db, org.id, { withLogin: false }));
    const [p1, p2, p3, d1, d2, o1, p4] = people;
    version = await aFrameworkVersion(t.db, org.id, { behaviours: 3, statements: 2, openQuestions: 2 });
    const other = await aFrameworkVersion(t.db, org.id, { behaviours: 3, statements: 2, openQuestions: 0 });

    // An earlier released cycle on the same framework: everyone rated 3 everywhere.
    earlierName = 'Spring 2025';
    const earlier = await aReportCycle(t.db, org.id, version.id, { state: 'released', name: earlierName, closedAt: new Date('2025-06-01T00:00:00Z') });
    await aReportSubject(t.db, earlier, subject.id, { managerId: manager.id });
    await uniformResponses(
      t.db,
      earlier,
      version,
      subject.id,
      [
        { id: subject.id, relationship: 'self' },
        { id: manager.id, relationship: 'manager' },
        { id: p1.id, relationship: 'peer' },
        { id: p2.id, relationship: 'peer' },
        { id: p3.id, relationship: 'peer' },
      ],
      3,
    );
    await snapshotReports(t, org.id, earlier.id);
    // Closer in time but on another framework: never the trend's baseline.
    const elsewhere = await aReportCycle(t.db, org.id, other.id, { state: 'released', closedAt: new Date('2025-12-01T00:00:00Z') });
    await aReportSubject(t.db, elsewhere, subject.id);
    await uniformResponses(
      t.db,
      elsewhere,
      other,
      subject.id,
      [p1, p2, p3].map((p) => ({ id: p.id, relationship: 'peer' as const })),
      5,
    );
    await snapshotReports(t, org.id, elsewhere.id);

    const cycle = await aReportCycle(t.db, org.id, version.id, { state: 'closed', name: 'Autumn 2026', closedAt: new Date('2026-10-01T00:00:00Z') });
    await aReportSubject(t.db, cycle, subject.id, { managerId: manager.id, department: 'Collections', hasReports: true });
    await aReportSubject(t.db, cycle, thin.id, { managerId: manager.id });
    const respond = (
      raterId: string,
      relationship: 'self' | 'manager' | 'peer' | 'direct_report' | 'other',
      ratings: (number | null)[],
      comments?: (string | null)[],
    ) => aResponse(t.db, cycle, version, { subjectId: subject.id, raterId, relationship, ratings, comments });
    await respond(subject.id, 'self', [4, 4, 5, 5, 1, null], ['I ask before I decide.']);
    await respond(manager.id, 'manager', [3, 3, 3, 3, 3, 3], ['Keep asking the quiet ones.']);
    await respond(p1.id, 'peer', [2, 3, 3, 4, 4, 4], ['Listens well in planning.']);
    await respond(p2.id, 'peer', [2, 3, 3, 4, 4, 5], [null, 'Brings calm to hard meetings.']);
    await respond(p3.id, 'peer', [2, 3, 3, 4, 4, null]);
    await respond(d1.id, 'direct_report', [4, 4, 4, 4, 4, 4], ['Explains the why.']);
    await respond(d2.id, 'direct_report', [5, 5, 5, 5, 5, 5]);
    await respond(o1.id, 'other', [1, 1, 1, 1, 1, 1], ['Could share plans earlier.']);
    // Asked but never answered: no trace in the report.
    await anOpenRequest(t.db, cycle, { subjectId: subject.id, raterId: p4.id, relationship: 'peer' });

    // Tia: self, manager and two peers only.
    const rate = (raterId: string, relationship: 'self' | 'manager' | 'peer', rating: number, comment: string) =>
      aResponse(t.db, cycle, version, { subjectId: thin.id, raterId, relationship, ratings: version.statementIds.map(() => rating), comments: [comment] });
    await rate(thin.id, 'self', 4, 'My own view.');
    await rate(manager.id, 'manager', 3, 'From the manager.');
    await rate(p1.id, 'peer', 2, 'From a peer.');
    await rate(p2.id, 'peer', 5, 'From another peer.');

    // Closer in time and on the same framework, but closed, not released: its reports are not
    // the subject's to read yet, so never the trend's baseline either.
    const unreleased = await aReportCycle(t.db, org.id, version.id, { state: 'closed', name: 'Winter 2026', closedAt: new Date('2026-03-01T00:00:00Z') });
    await aReportSubject(t.db, unreleased, subject.id, { managerId: manager.id });
    await uniformResponses(
      t.db,
      unreleased,
      version,
      subject.id,
      [p1, p2, p3].map((p) => ({ id: p.id, relationship: 'peer' as const })),
      5,
    );
    await snapshotReports(t, org.id, unreleased.id);

    // A later cycle on the same framework must not be the earlier one either.
    const later = await aReportCycle(t.db, org.id, version.id, { state: 'closed', closedAt: new Date('2027-01-01T00:00:00Z') });
    await aReportSubject(t.db, later, subject.id);
    await uniformResponses(
      t.db,
      later,
      version,
      subject.id,
      [p1, p2, p3].map((p) => ({ id: p.id, relationship: 'peer' as const })),
      1,
    );
    await snapshotReports(t, org.id, later.id);

    const result = await snapshotReports(t, org.id, cycle.id);
    expect(result).toEqual({ subjects: 2, written: 2, replaced: true });
    hr = t.client();
    await hr.signInAs(admin);
    const response = await hr.get(reportUrl(cycle.id, subject.id));
    expect(response.status).toBe(200);
    report = response.body;
    thinReport = (await hr.get(reportUrl(cycle.id, thin.id))).body;
  });
  afterAll(() => t.close());

  const behaviour = (key: string) => report.behaviours.find((b: { key: string }) => b.key === key);
  const statement = (b: number, s: number) => behaviour(`behaviour_${b}`).statements[s - 1];

  it('describes the cycle, the subject and the scale', () => {
    expect(report.cycle).toMatchObject({ name: 'Autumn 2026', state: 'closed', frameworkVersion: 1, closedAt: '2026-10-01T00:00:00.000Z', releasedAt: null });
    expect(report.subject).toMatchObject({ id: subject.id, name: 'Sam Subject', title: 'Curator', department: 'Collections' });
    expect(report.viewer).toBe('admin');
    expect(report.threshold).toBe(3);
    expect(report.scale.points.map((p: { label: string }) => p.label)).toEqual(['Rarely', 'Sometimes', 'Often', 'Very often', 'Almost always']);
    expect(behaviour('behaviour_1')).toMatchObject({ name: 'Behaviour 1', kind: 'management', description: 'What behaviour 1 looks like' });
    expect(report.summary).toBeUndefined();
  });

  it('lays out columns from who responded: small groups pooled into Others, open requests ignored', () => {
    const columns = Object.fromEntries(report.columns.map((c: { key: string }) => [c.key, c]));
    expect(columns.self).toMatchObject({ shown: true, respondents: 1, identified: true });
    expect(columns.manager).toMatchObject({ shown: true, respondents: 1, identified: true });
    expect(columns.peer).toMatchObject({ shown: true, respondents: 3 });
    expect(columns.direct_report).toEqual({ key: 'direct_report', groups: [], identified: false, shown: false, reason: 'pooled' });
    expect(columns.others).toMatchObject({ shown: true, respondents: 3, groups: ['direct_report', 'other'] });
    expect(columns.all_others).toMatchObject({ shown: true, respondents: 7 });
  });

  it('computes statement means, counts and spreads per group', () => {
    const s11 = statement(1, 1).cells;
    expect(s11.self).toEqual({ shown: true, mean: 4, n: 1, spread: 0 });
    expect(s11.manager).toEqual({ shown: true, mean: 3, n: 1, spread: 0 });
    expect(s11.peer).toEqual({ shown: true, mean: 2, n: 3, spread: 0 });
    expect(s11.others.mean).toBeCloseTo(10 / 3, 10);
    expect(s11.others.spread).toBeCloseTo(Math.sqrt(26) / 3, 10);
    expect(s11.all_others).toMatchObject({ shown: true, n: 7 });
    expect(s11.all_others.mean).toBeCloseTo(19 / 7, 10);
  });

  it('never counts "not observed": fewer answers hide a group, and its complement is hidden too', () => {
    const s32 = statement(3, 2).cells;
    expect(s32.self).toEqual({ shown: false, reason: 'not_observed' });
    // Two peers answered: hidden; Others (3) would let total − manager − Others give the two peers back.
    expect(s32.peer).toEqual({ shown: false, reason: 'below_threshold' });
    expect(s32.others).toEqual({ shown: false, reason: 'complementary' });
    expect(s32.all_others).toMatchObject({ shown: true, n: 6 });
    expect(s32.all_others.mean).toBeCloseTo(22 / 6, 10);
  });

  it('builds behaviours only from the statement numbers shown in the same column', () => {
    const b2 = behaviour('behaviour_2').cells;
    expect(b2.peer).toEqual({ shown: true, mean: 3.5, n: 3, spread: 0.5 });
    expect(b2.all_others.mean).toBeCloseTo(47 / 14, 10);
    const b3 = behaviour('behaviour_3').cells;
    expect(b3.self).toEqual({ shown: true, mean: 1, n: 1, spread: 0 });
    expect(b3.peer).toMatchObject({ shown: true, mean: 4, n: 3 });
    expect(b3.others.mean).toBeCloseTo(10 / 3, 10);
    expect(b3.all_others.mean).toBeCloseTo(47 / 13, 10);
    expect(behaviour('behaviour_1').cells.all_others.mean).toBeCloseTo(41 / 14, 10);
  });

  it('computes the indices, the profile and the direction of influence', () => {
    const { influence, management } = report.indices;
    expect(influence.self.mean).toBeCloseTo(3, 10);
    expect(influence.manager.mean).toBeCloseTo(3, 10);
    expect(influence.peer.mean).toBeCloseTo(3.75, 10);
    expect(influence.others.mean).toBeCloseTo(10 / 3, 10);
    expect(influence.all_others.mean).toBeCloseTo((47 / 14 + 47 / 13) / 2, 10);
    expect(management.self.mean).toBeCloseTo(4, 10);
    expect(management.peer.mean).toBeCloseTo(2.5, 10);
    expect(management.all_others.mean).toBeCloseTo(41 / 14, 10);
    expect(report.profile).toMatchObject({ shown: true, quadrant: 'emerging', threshold: 3.5 });
    expect(report.profile.influence).toBeCloseTo(3.486264, 5);
    expect(report.directionOfInfluence.sideways).toMatchObject({ shown: true, mean: 3.75, n: 3 });
    expect(report.directionOfInfluence.downwards).toEqual({ shown: false, reason: 'pooled' });
    expect(report.directionOfInfluence.upwards).toMatchObject({ shown: true, mean: 3, n: 1 });
  });

  it('finds blind spots and hidden strengths from self vs all others, largest gap first', () => {
    const ids = version.statementIds;
    expect(report.blindSpots.map((g: { statementId: string }) => g.statementId)).toEqual([ids[2], ids[3], ids[0]]);
    expect(report.blindSpots[0].gap).toBeCloseTo(5 - 22 / 7, 10);
    expect(report.blindSpots[2]).toMatchObject({ self: 4, behaviourKey: 'behaviour_1' });
    expect(report.blindSpots[2].gap).toBeCloseTo(9 / 7, 10);
    expect(report.hiddenStrengths).toHaveLength(1);
    expect(report.hiddenStrengths[0]).toMatchObject({ statementId: ids[4], self: 1 });
    expect(report.hiddenStrengths[0].gap).toBeCloseTo(1 - 25 / 7, 10);
  });

  it('ranks strengths and areas to develop by the all-others mean', () => {
    const ids = version.statementIds;
    expect(report.strengths.map((s: { statementId: string }) => s.statementId)).toEqual([ids[5], ids[3], ids[4]]);
    expect(report.developmentAreas.map((s: { statementId: string }) => s.statementId)).toEqual([ids[0], ids[1], ids[2]]);
  });

  it("shows comments unattributed, the manager's among them, the subject's apart", () => {
    const [first, second] = report.comments;
    expect(first.self).toEqual(['I ask before I decide.']);
    expect([...first.others].sort()).toEqual(['Could share plans earlier.', 'Explains the why.', 'Keep asking the quiet ones.', 'Listens well in planning.']);
    expect(second.others).toEqual(['Brings calm to hard meetings.']);
    expect(JSON.stringify(report.comments)).not.toMatch(/rater|relationship|direct_report/);
  });

  it('compares with the previous released cycle on the same framework', () => {
    expect(report.trend.previousCycle).toMatchObject({ name: earlierName, closedAt: '2025-06-01T00:00:00.000Z' });
    expect(report.trend.influence).toMatchObject({ shown: true, previous: 3 });
    expect(report.trend.influence.delta).toBeCloseTo((47 / 14 + 47 / 13) / 2 - 3, 10);
    expect(report.trend.management.delta).toBeCloseTo(41 / 14 - 3, 10);
    expect(report.trend.behaviours.map((b: { key: string; value: { previous: number } }) => [b.key, b.value.previous])).toEqual([
      ['behaviour_1', 3],
      ['behaviour_2', 3],
      ['behaviour_3', 3],
    ]);
  });

  it('hides every non-identified number of a report with too few raters', () => {
    const r = thinReport;
    const columns = Object.fromEntries(r.columns.map((c: { key: string }) => [c.key, c]));
    expect(columns.peer).toEqual({ key: 'peer', groups: [], identified: false, shown: false, reason: 'below_threshold' });
    expect(columns.others).toEqual({ key: 'others', groups: ['peer'], identified: false, shown: false, reason: 'below_threshold' });
    expect(columns.all_others).toEqual({ key: 'all_others', groups: ['manager', 'peer'], identified: false, shown: false, reason: 'below_threshold' });
    for (const b of r.behaviours) {
      expect(b.cells.manager).toMatchObject({ shown: true, mean: 3 });
      for (const key of ['peer', 'others', 'all_others']) expect(b.cells[key].shown).toBe(false);
      for (const key of ['peer', 'others', 'all_others']) expect(b.cells[key]).not.toHaveProperty('n');
    }
    expect(r.profile).toEqual({ shown: false, reason: 'below_threshold' });
    expect(r.strengths).toEqual([]);
    expect(r.blindSpots).toEqual([]);
    // Peers' comments stay hidden with their numbers; without an anonymous column the manager's would be attributed.
    expect(r.comments[0]).toMatchObject({ self: ['My own view.'], others: [] });
    expect(r.trend).toBeNull();
  });

  it('prints the same numbers, trend included, in the PDF', async () => {
    const cookie = [...hr.exportCookies()].map(([k, v]) => `${k}=${v}`).join('; ');
    const pdf = await t.app.inject({ method: 'GET', url: reportUrl(report.cycle.id, subject.id, '.pdf'), headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, pdf.rawPayload);
  });

  it('keeps a released report as it was: a rerun after release changes nothing', async () => {
    const cycleId = report.cycle.id;
    await t.db.query(`UPDATE cycles SET state = 'released', released_at = now() WHERE id = $1`, [cycleId]);
    const [before] = await t.db.query(`SELECT computed_at, report, summary FROM report_snapshots WHERE cycle_id = $1 AND subject_id = $2`, [
      cycleId,
      subject.id,
    ]);
    await t.db.query(`UPDATE answers SET rating = 1 WHERE cycle_id = $1`, [cycleId]);
    const rerun = await snapshotReports(t, orgId, cycleId);
    expect(rerun).toEqual({ subjects: 2, written: 0, replaced: false });
    const [after] = await t.db.query(`SELECT computed_at, report, summary FROM report_snapshots WHERE cycle_id = $1 AND subject_id = $2`, [
      cycleId,
      subject.id,
    ]);
    expect(after).toEqual(before);
  });
});

/**
 * Raters who may read the report, end to end: whether a rater may read comes from the database
 * (people.role, the manager frozen at launch, the cycle's reportVisibility.manager), never from
 * the test. k = 3; behaviour_1 (management: s11) and behaviour_2 (influence: s21), every rater
 * giving one rating to both statements.
 *
 *   Cycle "pooled, managers read" (manager not shown separately, reportVisibility.manager on_release):
 *     Sam: self 4, manager 5, peers 2 and 3   → the manager would get 3·(10/3) − 5 = the peers' sum:
 *                                                others and all others hidden
 *     Ola: as Sam, plus an "other" rating 4    → others shown over 4 (3 anonymous), mean 14/4
 *   Cycle "pooled, managers never read": Sam as above → others shown over 3, mean 10/3
 *   Cycle "manager shown" (default settings), the manager rates 3 and an HR admin rates as a peer:
 *     Sam: peers HR 5, 2, 3                   → 2 anonymous peers: peers, others, all others hidden
 *     Ola: peers HR 5, 2, 3, 4                → peers shown over 4, mean 14/4; all others 17/5
 */
describe('report numbers with raters who may read the report', () => {
  let t: TestApp;
  let hr: HttpClient;
  let sam: TestPerson;
  let ola: TestPerson;
  const cycles: Record<'pooledRead' | 'pooledNever' | 'shown', string> = { pooledRead: '', pooledNever: '', shown: '' };

  beforeAll(async () => {
    t = await startTestApp();
    const org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const hrRater = await aPerson(t.db, org.id, { role: 'admin', withLogin: false });
    const manager = await aPerson(t.db, org.id, { name: 'Maya Manager', withLogin: false });
    sam = await aPerson(t.db, org.id, { name: 'Sam Subject', managerId: manager.id, withLogin: false });
    ola = await aPerson(t.db, org.id, { name: 'Ola Other', managerId: manager.id, withLogin: false });
    const [p1, p2, p3, o1] = [
      await aPerson(t.db, org.id, { withLogin: false }),
      await aPerson(t.db, org.id, { withLogin: false }),
      await aPerson(t.db, org.id, { withLogin: false }),
      await aPerson(t.db, org.id, { withLogin: false }),
    ];
    const version = await aFrameworkVersion(t.db, org.id, { behaviours: 2, statements: 1, openQuestions: 1 });

    type Rater = { id: string; relationship: 'self' | 'manager' | 'peer' | 'other'; rating: number; comment?: string };
    const seed = async (cycle: TestCycle, subject: TestPerson, raters: Rater[]): Promise<void> => {
      await aReportSubject(t.db, cycle, subject.id, { managerId: manager.id });
      for (const r of raters) {
        await aResponse(t.db, cycle, version, {
          subjectId: subject.id,
          raterId: r.id,
          relationship: r.relationship,
          ratings: [r.rating, r.rating],
          comments: [r.comment ?? null],
        });
      }
    };
    const pooledSam = (subject: TestPerson): Rater[] => [
      { id: subject.id, relationship: 'self', rating: 4 },
      { id: manager.id, relationship: 'manager', rating: 5, comment: 'From the manager.' },
      { id: p1.id, relationship: 'peer', rating: 2, comment: 'From a peer.' },
      { id: p2.id, relationship: 'peer', rating: 3 },
    ];
    const aCycleWith = async (name: string, settings: Partial<CycleSettings>): Promise<TestCycle> =>
      aReportCycle(t.db, org.id, version.id, { state: 'closed', name, settings });

    const pooledRead = await aCycleWith('Pooled, managers read', {
      showManagerSeparately: false,
      reportVisibility: { subject: 'on_release', manager: 'on_release' },
    });
    await seed(pooledRead, sam, pooledSam(sam));
    await seed(pooledRead, ola, [...pooledSam(ola), { id: o1.id, relationship: 'other', rating: 4 }]);
    const pooledNever = await aCycleWith('Pooled, managers never read', {
      showManagerSeparately: false,
      reportVisibility: { subject: 'on_release', manager: 'never' },
    });
    await seed(pooledNever, sam, pooledSam(sam));
    const shown = await aCycleWith('Manager shown', {});
    const withHr: Rater[] = [
      { id: manager.id, relationship: 'manager', rating: 3 },
      { id: hrRater.id, relationship: 'peer', rating: 5 },
      { id: p1.id, relationship: 'peer', rating: 2 },
      { id: p2.id, relationship: 'peer', rating: 3 },
    ];
    await seed(shown, sam, withHr);
    await seed(shown, ola, [...withHr, { id: p3.id, relationship: 'peer', rating: 4 }]);

    for (const cycle of [pooledRead, pooledNever, shown]) await snapshotReports(t, org.id, cycle.id);
    Object.assign(cycles, { pooledRead: pooledRead.id, pooledNever: pooledNever.id, shown: shown.id });
    hr = t.client();
    await hr.signInAs(admin);
  });
  afterAll(() => t.close());

  const read = async (cycle: keyof typeof cycles, subject: TestPerson) => {
    const response = await hr.get(reportUrl(cycles[cycle], subject.id));
    expect(response.status).toBe(200);
    return response.body;
  };
  const columns = (report: any) =>
    Object.fromEntries(
      report.columns.map((c: { key: string; shown: boolean; respondents?: number; reason?: string }) => [c.key, c.shown ? c.respondents : c.reason]),
    );
  const statementCells = (report: any) => report.behaviours.flatMap((b: any) => b.statements.map((s: any) => s.cells));

  it('does not let a pooled manager who reads the report make up k: nothing but self is shown', async () => {
    const report = await read('pooledRead', sam);
    expect(columns(report)).toEqual({
      self: 1,
      manager: 'below_threshold',
      peer: 'below_threshold',
      direct_report: 'no_responses',
      external: 'no_responses',
      others: 'below_threshold',
      all_others: 'below_threshold',
    });
    for (const cells of statementCells(report)) {
      expect(cells.self).toEqual({ shown: true, mean: 4, n: 1, spread: 0 });
      for (const key of ['manager', 'peer', 'others', 'all_others']) expect(cells[key]).toEqual({ shown: false, reason: 'below_threshold' });
    }
    expect(report.profile).toEqual({ shown: false, reason: 'below_threshold' });
    expect(report.comments[0].others).toEqual([]);
  });

  it('shows the same answers when managers never read reports: then the manager is anonymous', async () => {
    const report = await read('pooledNever', sam);
    expect(columns(report)).toMatchObject({ others: 3, all_others: 3 });
    for (const cells of statementCells(report)) {
      expect(cells.others).toMatchObject({ shown: true, n: 3 });
      expect(cells.others.mean).toBeCloseTo(10 / 3, 10);
    }
    expect([...report.comments[0].others].sort()).toEqual(['From a peer.', 'From the manager.']);
  });

  it("keeps the reading manager's ratings in a pool of three people no reader knows", async () => {
    const report = await read('pooledRead', ola);
    expect(columns(report)).toMatchObject({ manager: 'pooled', peer: 'pooled', others: 4, all_others: 4 });
    for (const cells of statementCells(report)) {
      expect(cells.others).toEqual({ shown: true, mean: 3.5, n: 4, spread: expect.any(Number) });
      expect(cells.all_others).toMatchObject({ shown: true, mean: 3.5, n: 4 });
    }
  });

  it('does not count an HR admin who rates a colleague toward k, and keeps their ratings in a big enough group', async () => {
    const thin = await read('shown', sam);
    expect(columns(thin)).toEqual({
      self: 'no_responses',
      manager: 1,
      peer: 'below_threshold',
      direct_report: 'no_responses',
      external: 'no_responses',
      others: 'below_threshold',
      all_others: 'below_threshold',
    });
    const full = await read('shown', ola);
    expect(columns(full)).toMatchObject({ manager: 1, peer: 4, all_others: 5 });
    for (const cells of statementCells(full)) {
      expect(cells.peer).toMatchObject({ shown: true, mean: 3.5, n: 4 });
      expect(cells.all_others.mean).toBeCloseTo(17 / 5, 10);
    }
  });
});
