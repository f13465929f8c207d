import { buildReport } from './build-report';
import { Cell, Rating, ReportInput, ReportView } from './report-types';
import { findLinearLeak, unknown } from './testing/leak-checker';
import { readerKnowledge } from './testing/report-equations';
import { aReportInput, aResponse, byAReader, raters } from './testing/report-factories';

const shown = (mean: number, n: number): Cell => ({ shown: true, mean: expect.closeTo(mean, 9), n, spread: expect.any(Number) });
const hidden = (reason: string): Cell => ({ shown: false, reason }) as Cell;
const statement = (report: ReportView, id: string) => report.behaviours.flatMap((b) => b.statements).find((s) => s.id === id)!;
const behaviour = (report: ReportView, key: string) => report.behaviours.find((b) => b.key === key)!;

/**
 * k = 3, manager shown separately. Self, manager, 3 peers, 2 direct reports and 1 other: the
 * direct reports are too few alone and are pooled with the other into "others" (3 people).
 * Statements: listening l1 l2, trust t1 (influence); results r1 r2 (management).
 */
const fixture = aReportInput({
  responses: [
    aResponse('self', { l1: 5, l2: 5, t1: 3, r1: 2, r2: null }, { keep: 'my own note' }),
    aResponse('manager', { l1: 3, l2: 4, t1: 4, r1: 4, r2: 4 }, { keep: 'Keep it up' }),
    aResponse('peer', { l1: 2, l2: 3, t1: 4, r1: 3, r2: 5 }, { keep: 'Great listener' }),
    aResponse('peer', { l1: 3, l2: 3, t1: 5, r1: 4, r2: null }),
    aResponse('peer', { l1: 4, l2: null, t1: 5, r1: 5, r2: null }, { keep: '   ' }),
    aResponse('direct_report', { l1: 4, l2: 4, t1: 2, r1: 3, r2: 3 }, { keep: 'Runs good 1:1s' }),
    aResponse('direct_report', { l1: 2, l2: null, t1: 3, r1: null, r2: 3 }),
    aResponse('other', { l1: 3, l2: 2, t1: 4, r1: 4, r2: 4 }),
  ],
  previous: { influence: 3.2, management: null, behaviours: { listening: 3.5, trust: null } },
});

describe('buildReport', () => {
  const report = buildReport(fixture);

  it('lays out columns, pooling the small direct-report group into "others"', () => {
    expect(report.columns).toEqual([
      { key: 'self', groups: ['self'], identified: true, shown: true, respondents: 1 },
      { key: 'manager', groups: ['manager'], identified: true, shown: true, respondents: 1 },
      { key: 'peer', groups: ['peer'], identified: false, shown: true, respondents: 3 },
      { key: 'direct_report', groups: [], identified: false, shown: false, reason: 'pooled' },
      { key: 'external', groups: [], identified: false, shown: false, reason: 'no_responses' },
      { key: 'others', groups: ['direct_report', 'other'], identified: false, shown: true, respondents: 3 },
      { key: 'all_others', groups: ['manager', 'peer', 'direct_report', 'other'], identified: false, shown: true, respondents: 7 },
    ]);
  });

  it('shows a statement per column with its n and spread', () => {
    expect(statement(report, 'l1').cells).toEqual({
      self: { shown: true, mean: 5, n: 1, spread: 0 },
      manager: { shown: true, mean: 3, n: 1, spread: 0 },
      peer: { shown: true, mean: 3, n: 3, spread: expect.closeTo(Math.sqrt(2 / 3), 12) },
      direct_report: hidden('pooled'),
      external: hidden('no_responses'),
      others: shown(3, 3),
      // answers 3, 2, 3, 4, 4, 2, 3: squared deviations from 3 sum to 4
      all_others: { shown: true, mean: 3, n: 7, spread: expect.closeTo(Math.sqrt(4 / 7), 12) },
    });
  });

  it('does not count "not observed": l2 has 2 peer and 2 pooled answers, both below k', () => {
    expect(statement(report, 'l2').cells).toMatchObject({
      peer: hidden('below_threshold'),
      others: hidden('below_threshold'),
      // 4 hidden anonymous answers ≥ k, so the total (with the manager's 4) may be shown: 16 / 5.
      all_others: shown(3.2, 5),
    });
    expect(statement(report, 'r2').cells.self).toEqual(hidden('not_observed'));
  });

  it('hides a shown group when the total would expose a smaller hidden one', () => {
    // r1: peers 3 answers, pooled others only 2 → total − manager − peers = those 2. Peers go.
    expect(statement(report, 'r1').cells).toMatchObject({ peer: hidden('complementary'), others: hidden('below_threshold'), all_others: shown(23 / 6, 6) });
    // r2: one peer answer hidden, so the 3 pooled answers are hidden with it.
    expect(statement(report, 'r2').cells).toMatchObject({ peer: hidden('below_threshold'), others: hidden('complementary'), all_others: shown(19 / 5, 5) });
  });

  it('builds behaviours from the statements shown in the same column only', () => {
    expect(behaviour(report, 'listening').cells).toMatchObject({
      self: shown(5, 1),
      peer: shown(3, 3), // l1 only: l2 is hidden for peers
      all_others: shown(37 / 12, 7),
    });
    expect(behaviour(report, 'results').cells).toMatchObject({
      peer: hidden('below_threshold'),
      others: hidden('below_threshold'),
      all_others: shown(42 / 11, 7),
    });
  });

  it('computes the indices as the mean of behaviour means, and the profile from all others', () => {
    const influence = (37 / 12 + 27 / 7) / 2;
    expect(report.indices.influence).toMatchObject({ self: shown(4, 1), peer: shown((3 + 14 / 3) / 2, 3), all_others: shown(influence, 7) });
    expect(report.indices.management.all_others).toEqual(shown(42 / 11, 7));
    expect(report.profile).toEqual({
      shown: true,
      quadrant: 'manager',
      influence: expect.closeTo(influence, 12),
      management: expect.closeTo(42 / 11, 12),
      threshold: 3.5,
    });
  });

  it('shows the direction of influence where a group may be shown', () => {
    expect(report.directionOfInfluence).toEqual({
      sideways: shown((3 + 14 / 3) / 2, 3),
      downwards: hidden('pooled'),
      upwards: shown((3.5 + 4) / 2, 1),
      // The direct reports are only ever shown inside "others", with the other colleague.
      pooled: { directions: ['downwards'], groups: ['direct_report', 'other'], cell: report.indices.influence.others },
    });
    expect(report.indices.influence.others.shown).toBe(true);
  });

  it('finds blind spots and hidden strengths against all others', () => {
    expect(report.blindSpots.map((g) => [g.statementId, g.gap])).toEqual([
      ['l1', 2],
      ['l2', expect.closeTo(1.8, 12)],
    ]);
    expect(report.hiddenStrengths.map((g) => [g.statementId, g.gap])).toEqual([['r1', expect.closeTo(2 - 23 / 6, 12)]]);
  });

  it('ranks strengths and areas to develop without overlap', () => {
    expect(report.strengths.map((s) => s.statementId)).toEqual(['t1', 'r1', 'r2']);
    expect(report.developmentAreas.map((s) => s.statementId)).toEqual(['l1', 'l2']);
  });

  it('compares with the previous cycle where both show a number', () => {
    expect(report.trend).toEqual({
      influence: { shown: true, previous: 3.2, current: expect.closeTo((37 / 12 + 27 / 7) / 2, 12), delta: expect.closeTo((37 / 12 + 27 / 7) / 2 - 3.2, 12) },
      management: { shown: false, reason: 'no_previous' },
      behaviours: [
        { key: 'listening', value: { shown: true, previous: 3.5, current: 37 / 12, delta: expect.closeTo(37 / 12 - 3.5, 12) } },
        { key: 'trust', value: { shown: false, reason: 'no_previous' } },
        { key: 'results', value: { shown: false, reason: 'no_previous' } },
      ],
    });
    expect(report.summary).toEqual({
      influence: report.trend!.influence.shown && report.trend!.influence.current,
      management: 42 / 11,
      behaviours: { listening: 37 / 12, trust: 27 / 7, results: 42 / 11 },
    });
    expect(buildReport({ ...fixture, previous: undefined }).trend).toBeNull();
  });

  it('shows comments unattributed, blanks dropped, in hash order', () => {
    expect(report.comments).toEqual([{ questionId: 'keep', text: 'What should they keep doing?', self: ['my own note'], others: expect.any(Array) }]);
    expect([...report.comments[0].others].sort()).toEqual(['Great listener', 'Keep it up', 'Runs good 1:1s']);
    const reversed = buildReport({ ...fixture, responses: [...fixture.responses].reverse() });
    expect(reversed.comments[0].others).toEqual(report.comments[0].others);
  });
});

describe('buildReport with a manager who is not shown separately', () => {
  // The common small case: one manager and three peers. The manager alone is below k. Rule 2
  // alone would hide the peers on every statement the manager answered (else total − peers =
  // the manager); pooling the peers with the manager shows a number there instead, and loses
  // none elsewhere (anonymity.ts, rule 7).
  const report = buildReport(
    aReportInput({
      showManagerSeparately: false,
      responses: [
        aResponse('manager', { l1: 5, l2: null, t1: 2, r1: 4, r2: 4 }, { keep: 'from the manager' }),
        ...raters('peer', 3, (i) => ({ l1: 3, l2: (2 + i) as Rating, t1: 4, r1: null, r2: 3 })),
      ],
    }),
  );

  it('pools the manager with the peers rather than hiding the peers where the manager answered', () => {
    expect(report.columns.find((c) => c.key === 'manager')).toEqual({ key: 'manager', groups: [], identified: false, shown: false, reason: 'pooled' });
    expect(report.columns.find((c) => c.key === 'others')).toEqual({
      key: 'others',
      groups: ['manager', 'peer'],
      identified: false,
      shown: true,
      respondents: 4,
    });
    expect(statement(report, 'l1').cells).toMatchObject({
      manager: hidden('pooled'),
      peer: hidden('pooled'),
      others: shown(14 / 4, 4),
      all_others: shown(14 / 4, 4),
    });
    expect(statement(report, 'l2').cells).toMatchObject({ peer: hidden('pooled'), others: shown(3, 3), all_others: shown(3, 3) });
    expect(statement(report, 'r1').cells).toMatchObject({ others: hidden('below_threshold'), all_others: hidden('below_threshold') });
    expect(report.directionOfInfluence).toMatchObject({ upwards: hidden('pooled'), sideways: hidden('pooled') });
    expect(report.directionOfInfluence.pooled).toEqual({
      directions: ['upwards', 'sideways'],
      groups: ['manager', 'peer'],
      cell: report.indices.influence.others,
    });
  });

  it("shows the manager's comments unattributed among the pool's", () => {
    expect(report.comments[0].others).toEqual(['from the manager']);
  });
});

/**
 * The review's leak, hand-computed. k = 3; the cycle pools the manager (not shown separately) and
 * lets managers read reports. Self, the manager and two peers answered every statement:
 *
 *              l1 l2 t1 r1 r2
 *   self        4  4  4  4  4
 *   manager     5  5  5  5  5    may read the report
 *   peer 1      2  2  2  2  2
 *   peer 2      3  3  3  3  3
 */
describe('buildReport with raters who may read the report', () => {
  const everything = (rating: Rating) => ({ l1: rating, l2: rating, t1: rating, r1: rating, r2: rating });
  const self = aResponse('self', everything(4), { keep: 'my own note' });
  const manager = aResponse('manager', everything(5), { keep: 'from the manager' });
  const peers = [aResponse('peer', everything(2), { keep: 'from peer 1' }), aResponse('peer', everything(3))];
  const pooled = (responses: ReportInput['responses']): ReportInput => aReportInput({ showManagerSeparately: false, responses });
  const columns = (report: ReportView) => report.columns.map((c) => [c.key, c.shown ? c.respondents : c.reason]);

  it('does not count a pooled manager who reads toward k: "others" and "all others" stay hidden', () => {
    const report = buildReport(pooled([self, byAReader(manager), ...peers]));
    expect(columns(report)).toEqual([
      ['self', 1],
      ['manager', 'below_threshold'],
      ['peer', 'below_threshold'],
      ['direct_report', 'no_responses'],
      ['external', 'no_responses'],
      ['others', 'below_threshold'],
      ['all_others', 'below_threshold'],
    ]);
    for (const s of report.behaviours.flatMap((b) => b.statements)) {
      expect(s.cells).toMatchObject({ self: shown(4, 1), others: hidden('below_threshold'), all_others: hidden('below_threshold') });
    }
    expect(report.indices.influence.all_others).toEqual(hidden('below_threshold'));
    expect(report.profile).toEqual(hidden('below_threshold'));
    expect(report.comments[0]).toMatchObject({ self: ['my own note'], others: [] });
  });

  it("is what the leak was: counting heads, the manager works out 3 × 10/3 − 5 = 5, the two peers' sum", () => {
    // The same answers, the manager treated as anonymous (as when managers never see reports).
    const input = pooled([self, manager, ...peers]);
    const report = buildReport(input);
    expect(report.columns.find((c) => c.key === 'others')).toMatchObject({ shown: true, respondents: 3, groups: ['manager', 'peer'] });
    expect(statement(report, 'l1').cells.others).toEqual(shown(10 / 3, 3));
    // Fine while the manager cannot read it; the manager as a reader (rater 1) isolates raters 2 and 3.
    const { equations, identified } = readerKnowledge(input, report);
    expect(findLinearLeak(equations, identified, 3)).toBeNull();
    expect(findLinearLeak(equations, new Set([...identified, 1]), 3)).toMatchObject({ raters: [2, 3] });
    // And the test's model of readers sees the same report as shown on too few people.
    expect(() => readerKnowledge(pooled([self, byAReader(manager), ...peers]), report)).toThrow('column others is shown with 2 anonymous respondents');
  });

  it("shows the pool, the manager's ratings in it, once three people no reader knows are with them", () => {
    // One "other" rates 4: others = manager + 2 peers + other, 3 of them anonymous. The manager
    // can work out 4 × 3.5 − 5 = 9, the sum of three people: allowed.
    const report = buildReport(pooled([self, byAReader(manager), ...peers, aResponse('other', everything(4))]));
    expect(columns(report)).toEqual([
      ['self', 1],
      ['manager', 'pooled'],
      ['peer', 'pooled'],
      ['direct_report', 'no_responses'],
      ['external', 'no_responses'],
      ['others', 4],
      ['all_others', 4],
    ]);
    expect(statement(report, 'l1').cells).toMatchObject({ others: shown(14 / 4, 4), all_others: shown(14 / 4, 4) });
    expect(report.indices.management.all_others).toEqual(shown(3.5, 4));
    expect([...report.comments[0].others].sort()).toEqual(['from peer 1', 'from the manager']);
  });

  it("pools the peers with a reading manager rather than let the total give the manager's answer to the subject", () => {
    // Three peers stand alone; the manager, alone in others, answered l1 but not l2. Rule 2
    // alone hides the peers on l1 (total − peers would be the manager's 5); pooled, the three
    // anonymous peers carry the manager's answer on l1 and nothing is hidden.
    const report = buildReport(
      pooled([byAReader(aResponse('manager', { l1: 5, l2: null })), ...raters('peer', 3, (i) => ({ l1: (2 + i) as Rating, l2: (2 + i) as Rating }))]),
    );
    expect(statement(report, 'l1').cells).toMatchObject({ peer: hidden('pooled'), others: shown(14 / 4, 4), all_others: shown(14 / 4, 4) });
    expect(statement(report, 'l2').cells).toMatchObject({ peer: hidden('pooled'), others: shown(3, 3), all_others: shown(3, 3) });
  });

  it('treats an HR admin who rates a colleague as a reader too, and keeps their ratings in a big enough group', () => {
    // Manager shown separately (rates 3); peers rate 2, 3 and 4; an HR admin among the peers rates 5.
    const separate = (responses: ReportInput['responses']) => buildReport(aReportInput({ responses: [aResponse('manager', everything(3)), ...responses] }));
    const admin = byAReader(aResponse('peer', everything(5)));
    const threePeers = separate([admin, aResponse('peer', everything(2)), aResponse('peer', everything(3))]);
    expect(columns(threePeers)).toEqual([
      ['self', 'no_responses'],
      ['manager', 1],
      ['peer', 'below_threshold'],
      ['direct_report', 'no_responses'],
      ['external', 'no_responses'],
      ['others', 'below_threshold'],
      ['all_others', 'below_threshold'],
    ]);
    const fourPeers = separate([admin, ...[2, 3, 4].map((r) => aResponse('peer', everything(r as Rating)))]);
    expect(statement(fourPeers, 'l1').cells).toMatchObject({ manager: shown(3, 1), peer: shown(14 / 4, 4), all_others: shown(17 / 5, 5) });
  });

  it('ignores the flag where the rating is shown anyway: self and a separately shown manager', () => {
    const input = aReportInput({ responses: [self, aResponse('manager', everything(3)), ...raters('peer', 3, everything(2))] });
    const flagged = { ...input, responses: input.responses.map((r) => (r.raterGroup === 'peer' ? r : byAReader(r))) };
    expect(buildReport(flagged)).toEqual(buildReport(input));
  });
});

/**
 * Priya in the demo (anonymity.ts, rule 7): k = 3, the manager shown separately, 5 peers and
 * 2 direct reports, everyone answering everything. Peers rate 3, direct reports 5, the manager 4.
 */
describe('buildReport pooling a group that could stand alone', () => {
  const everything = (rating: Rating) => ({ l1: rating, l2: rating, t1: rating, r1: rating, r2: rating });
  const input = aReportInput({
    responses: [
      aResponse('self', everything(4)),
      aResponse('manager', everything(4)),
      ...raters('peer', 5, everything(3)),
      ...raters('direct_report', 2, everything(5)),
    ],
  });
  const report = buildReport(input);

  it('shows "peers and direct reports" (7 people) on every statement beside the same total', () => {
    expect(report.columns.find((c) => c.key === 'others')).toEqual({
      key: 'others',
      groups: ['peer', 'direct_report'],
      identified: false,
      shown: true,
      respondents: 7,
    });
    for (const s of report.behaviours.flatMap((b) => b.statements)) {
      expect(s.cells).toMatchObject({
        manager: shown(4, 1),
        peer: hidden('pooled'),
        direct_report: hidden('pooled'),
        others: shown(25 / 7, 7),
        all_others: shown(29 / 8, 8),
      });
    }
    expect(report.indices.influence.others).toEqual(shown(25 / 7, 7));
    expect(report.directionOfInfluence).toEqual({
      sideways: hidden('pooled'),
      downwards: hidden('pooled'),
      upwards: shown(4, 1),
      pooled: { directions: ['sideways', 'downwards'], groups: ['peer', 'direct_report'], cell: shown(25 / 7, 7) },
    });
  });

  it('leaks nothing, and would leak the direct reports if the peers were split back out of the pool', () => {
    const { equations, identified, readers } = readerKnowledge(input, report);
    expect(findLinearLeak(equations, identified, 3, readers)).toBeNull();
    const peersAlone = { label: 'peers l1', coefficients: new Map([2, 3, 4, 5, 6].map((r) => [unknown(r, 'l1'), 1n])) };
    expect(findLinearLeak([...equations, peersAlone], identified, 3, readers)?.raters).toEqual([7, 8]);
  });
});

describe('buildReport with too few raters', () => {
  const report = buildReport(aReportInput({ responses: [aResponse('self', { l1: 4 }), ...raters('peer', 2, { l1: 5, r1: 5 })] }));

  it('shows self alone and hides every anonymous number, without counts', () => {
    expect(statement(report, 'l1').cells).toEqual({
      self: { shown: true, mean: 4, n: 1, spread: 0 },
      manager: hidden('no_responses'),
      peer: hidden('below_threshold'),
      direct_report: hidden('no_responses'),
      external: hidden('no_responses'),
      others: hidden('below_threshold'),
      all_others: hidden('below_threshold'),
    });
    expect(report.profile).toEqual(hidden('below_threshold'));
    expect(report.blindSpots).toEqual([]);
    expect(report.strengths).toEqual([]);
  });

  it('rejects ratings outside 1–5 and thresholds below 2', () => {
    expect(() => buildReport(aReportInput({ responses: [aResponse('peer', { l1: 6 as never })] }))).toThrow(/1–5/);
    expect(() => buildReport(aReportInput({ threshold: 1 }))).toThrow(/threshold/);
  });
});
