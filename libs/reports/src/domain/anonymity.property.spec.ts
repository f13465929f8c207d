/**
 * Property tests of the anonymity rule: random cycles are built into reports, every shown number
 * becomes a linear equation over the individual raters' answers (testing/report-equations.ts),
 * and an exact checker (testing/leak-checker.ts) looks for any combination of them that isolates
 * fewer than k non-identified raters. The checker is shown to catch naive rules first, so that a
 * green run means something.
 */
import fc from 'fast-check';
import { Headcount, HeatmapCell, HeatmapView, answersByColumn, decideStatementCells, planColumns, suppressHeatmap } from './anonymity';
import { buildReport } from './build-report';
import { COLUMN_KEYS, ColumnKey, RATER_GROUPS, RaterGroup, ReportInput, ReportView } from './report-types';
import { assertHeatmapShowsOnlyLargeTrueCells, findHeatmapLeak } from './testing/heatmap-leak-checker';
import { Equation, findLinearLeak, unknown } from './testing/leak-checker';
import { assertDerivedNumbersRepeatShownCells, assertHiddenCellsCarryNoCount, readerKnowledge } from './testing/report-equations';
import { cycleArbitrary } from './testing/report-factories';

const sum = (label: string, ...parts: [rater: number, statement: string][]): Equation => ({
  label,
  coefficients: new Map(parts.map(([r, s]) => [unknown(r, s), 1n])),
});

describe('the leak checker catches naive rules', () => {
  it('a total shown beside 3 peers while 1 direct report is hidden gives that report away', () => {
    // Raters 0–2 are peers, 3 a direct report; k = 3.
    const peers = sum('peers', [0, 's'], [1, 's'], [2, 's']);
    const total = sum('all others', [0, 's'], [1, 's'], [2, 's'], [3, 's']);
    expect(findLinearLeak([peers, total], new Set(), 3)).toEqual({ raters: [3], statements: ['s'], method: 'per_statement' });
  });

  it('a total over a separately shown manager and 2 peers gives the pair away', () => {
    const manager = sum('manager', [0, 's']);
    const total = sum('all others', [0, 's'], [1, 's'], [2, 's']);
    expect(findLinearLeak([manager, total], new Set([0]), 3)?.raters).toEqual([1, 2]);
  });

  it('a behaviour mean over a hidden statement, gated on distinct raters, gives one answer away', () => {
    // s1 answered by 0, 1, 2 (shown); s2 by 0 alone (hidden); the behaviour pools both.
    const s1 = sum('s1', [0, 's1'], [1, 's1'], [2, 's1']);
    const behaviour = sum('behaviour', [0, 's1'], [1, 's1'], [2, 's1'], [0, 's2']);
    expect(findLinearLeak([s1, behaviour], new Set(), 3)).toEqual({ raters: [0], statements: ['s2'], method: 'per_statement' });
  });

  it('two numbers that mix statements differently give away the difference of two answers', () => {
    // Both pool s1 (raters 0–2), one adds rater 3's s2, the other rater 4's s3: the span does not
    // split by statement, so the exhaustive search runs and finds x(3, s2) − x(4, s3).
    const a = sum('a', [0, 's1'], [1, 's1'], [2, 's1'], [3, 's2']);
    const b = sum('b', [0, 's1'], [1, 's1'], [2, 's1'], [4, 's3']);
    expect(findLinearLeak([a, b], new Set(), 3)).toEqual({ raters: [3, 4], statements: ['s2', 's3'], method: 'exhaustive' });
    // One such number alone spans four raters: not a leak, and the checker agrees.
    expect(findLinearLeak([a], new Set(), 3)).toBeNull();
  });

  it('a pooled manager who may read the report subtracts their own rating from "others"', () => {
    // The review's leak: k = 3, rater 0 the manager (pooled, allowed to read), 1–2 peers.
    const others = sum('others', [0, 's'], [1, 's'], [2, 's']);
    // Counting heads, three raters stand behind the number...
    expect(findLinearLeak([others], new Set(), 3)).toBeNull();
    // ...but the manager knows their own: the two peers' sum is theirs.
    expect(findLinearLeak([others], new Set([0]), 3)).toEqual({ raters: [1, 2], statements: ['s'], method: 'per_statement' });
    // Treating readers as never counting toward k finds it without naming the reader.
    expect(findLinearLeak([others], new Set(), 3, new Set([0]))).toEqual({ raters: [0, 1, 2], statements: ['s'], method: 'per_statement' });
  });

  it("a total that a reading rater's hidden answer alone is left out of gives that answer to the subject", () => {
    // Raters 0–2 peers (shown), 3 an HR admin pooled into a hidden "others": total − peers = rater 3.
    const peers = sum('peers', [0, 's'], [1, 's'], [2, 's']);
    const total = sum('all others', [0, 's'], [1, 's'], [2, 's'], [3, 's']);
    expect(findLinearLeak([peers, total], new Set(), 3, new Set([3]))?.raters).toEqual([3]);
    // Without the peers' own number the total stands on three anonymous raters: fine.
    expect(findLinearLeak([total], new Set(), 3, new Set([3]))).toBeNull();
  });

  it('counts readers as nobody when numbers mix statements too', () => {
    // As above, but the span does not split by statement: the exhaustive search runs.
    const a = sum('a', [0, 's1'], [1, 's1'], [2, 's1'], [3, 's2']);
    const b = sum('b', [0, 's1'], [1, 's1'], [2, 's1'], [4, 's3']);
    const c = sum('c', [5, 's2'], [6, 's2'], [7, 's2'], [3, 's2']);
    expect(findLinearLeak([a, b, c], new Set(), 3)).toEqual({ raters: [3, 4], statements: ['s2', 's3'], method: 'exhaustive' });
    expect(findLinearLeak([c], new Set(), 3, new Set([3]))).toBeNull();
    expect(findLinearLeak([c, sum('d', [5, 's2'], [6, 's2'], [3, 's2'])], new Set(), 3, new Set([3]))?.raters).toEqual([3, 5, 6]);
  });

  it('passes numbers that isolate nobody', () => {
    const peers = sum('peers', [0, 's'], [1, 's'], [2, 's']);
    const reports = sum('direct reports', [3, 's'], [4, 's'], [5, 's']);
    const total = sum('all others', [0, 's'], [1, 's'], [2, 's'], [3, 's'], [4, 's'], [5, 's']);
    expect(findLinearLeak([peers, reports, total], new Set(), 3)).toBeNull();
  });
});

describe('reports (property)', () => {
  it('no combination of shown numbers isolates fewer than k raters whom no reader knows', () => {
    let readersInShownNumbers = 0;
    fc.assert(
      fc.property(cycleArbitrary, (input) => {
        const report = buildReport(input);
        const { equations, identified, readers } = readerKnowledge(input, report);
        assertDerivedNumbersRepeatShownCells(report);
        assertHiddenCellsCarryNoCount(report);
        const readerKeys = new Set([...readers].flatMap((r) => Object.keys(input.responses[r].answers).map((s) => unknown(r, s))));
        if (equations.some((e) => [...e.coefficients.keys()].some((key) => readerKeys.has(key)))) readersInShownNumbers++;
        expect(findLinearLeak(equations, identified, input.threshold, readers)).toBeNull();
      }),
      { numRuns: 1000 },
    );
    // The interesting case is common: a reading rater's answers inside a shown number.
    expect(readersInShownNumbers).toBeGreaterThan(200);
  });

  it('with external raters in every mix: their own column, pooled into "others", or hidden, never a leak', () => {
    // External raters (people outside the organisation, invited by link) are a group like peers:
    // never identified, never readers. Every cycle here has at least one; the run must reach each
    // way their answers can be shown, and none may let a reader isolate fewer than k of anyone.
    const reached = { ownColumn: 0, pooled: 0, hidden: 0 };
    const withExternals = cycleArbitrary.filter((input) => input.responses.some((r) => r.raterGroup === 'external'));
    // Half of the runs in small cycles, where groups are hidden or pooled most often.
    const small = withExternals.filter((input) => input.responses.filter((r) => r.raterGroup !== 'self').length < 2 * input.threshold);
    fc.assert(
      fc.property(fc.oneof(withExternals, small), (input) => {
        const report = buildReport(input);
        const { equations, identified, readers } = readerKnowledge(input, report);
        assertDerivedNumbersRepeatShownCells(report);
        assertHiddenCellsCarryNoCount(report);
        const external = report.columns.find((c) => c.key === 'external')!;
        const others = report.columns.find((c) => c.key === 'others')!;
        if (external.shown) reached.ownColumn++;
        else if (others.shown && others.groups.includes('external')) reached.pooled++;
        else reached.hidden++;
        expect(findLinearLeak(equations, identified, input.threshold, readers)).toBeNull();
        for (const reader of readers) {
          expect({ reader, leak: findLinearLeak(equations, new Set([...identified, reader]), input.threshold) }).toEqual({ reader, leak: null });
        }
      }),
      { numRuns: 300 },
    );
    expect(reached.ownColumn).toBeGreaterThan(25);
    expect(reached.pooled).toBeGreaterThan(25);
    expect(reached.hidden).toBeGreaterThan(10);
  });

  it('leaks nothing to any one possible reader: the subject, HR, the manager, or a rater who reads', () => {
    // Implied by the property above (a reader knows less than all readers together); checked
    // reader by reader because that is how the rule is stated. Each reader knows the identified
    // ratings and their own; everyone else, other readers included, must stay hidden in k.
    let readersChecked = 0;
    fc.assert(
      fc.property(cycleArbitrary, (input) => {
        const report = buildReport(input);
        const { equations, identified, readers } = readerKnowledge(input, report);
        // The subject, and HR admins or a manager who did not rate, know only the identified ratings.
        expect(findLinearLeak(equations, identified, input.threshold)).toBeNull();
        for (const reader of readers) {
          readersChecked++;
          expect({ reader, leak: findLinearLeak(equations, new Set([...identified, reader]), input.threshold) }).toEqual({ reader, leak: null });
        }
      }),
      { numRuns: 300 },
    );
    expect(readersChecked).toBeGreaterThan(300);
  });

  it('showing any hidden number that has a non-identified answer behind it would leak (the suppression is needed)', () => {
    let mutations = 0;
    fc.assert(
      fc.property(cycleArbitrary, (input) => {
        const report = buildReport(input);
        const { equations, identified, readers, anonymous, membersOf } = readerKnowledge(input, report);
        const reveal = (label: string, raters: number[], statement: string): void => {
          if (raters.every((r) => identified.has(r))) return; // nothing that is not shown anyway
          mutations++;
          const naive = [...equations, sum(label, ...raters.map((r): [number, string] => [r, statement]))];
          expect({ label, leak: findLinearLeak(naive, identified, input.threshold, readers) }).toEqual({ label, leak: expect.anything() });
        };
        for (const s of report.behaviours.flatMap((b) => b.statements)) {
          for (const column of COLUMN_KEYS) {
            if (s.cells[column].shown || column === 'self') continue;
            // all_others includes a separate manager, whose rating the reader subtracts.
            const answered = membersOf(column).filter((r) => input.responses[r].answers[s.id] != null);
            reveal(`${s.id} / ${column} (${(s.cells[column] as { reason: string }).reason})`, answered, s.id);
          }
          // A pooled group shown on its own would be below k as well.
          for (const group of RATER_GROUPS) {
            const members = input.responses.flatMap((r, i) => (r.raterGroup === group ? [i] : []));
            const column = report.columns.find((c) => c.key !== 'all_others' && c.groups.includes(group));
            if (!column || column.key === group || members.filter((r) => anonymous.has(r)).length >= input.threshold) continue;
            reveal(
              `${s.id} / ${group} alone`,
              members.filter((r) => input.responses[r].answers[s.id] != null),
              s.id,
            );
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(mutations).toBeGreaterThan(100); // the generator does reach the interesting cases
  });

  it('pools by choice only to show more: never fewer numbers on any statement than rule 2 alone (anonymity.ts, rule 7)', () => {
    // The baseline is rule 2's layout with the per-statement suppression, counted from the raw
    // input; the picked report's numbers are counted from what it shows. The leak checks above
    // and below run on the very reports picked here.
    let pooledByChoice = 0;
    let showsMore = 0;
    fc.assert(
      fc.property(cycleArbitrary, (input) => {
        const report = buildReport(input);
        const { equations, identified, readers, anonymous } = readerKnowledge(input, report);
        const settings = { threshold: input.threshold, showManagerSeparately: input.showManagerSeparately };
        const count = (keep: (rater: number) => boolean): Record<RaterGroup, Headcount> => {
          const result = Object.fromEntries(RATER_GROUPS.map((g) => [g, { total: 0, anonymous: 0 }])) as Record<RaterGroup, Headcount>;
          input.responses.forEach((r, i) => {
            if (!keep(i)) return;
            result[r.raterGroup].total++;
            if (anonymous.has(i)) result[r.raterGroup].anonymous++;
          });
          return result;
        };
        const rule2 = planColumns(
          settings,
          count(() => true),
        );
        let before = 0;
        let after = 0;
        for (const s of report.behaviours.flatMap((b) => b.statements)) {
          const byGroup = count((i) => input.responses[i].answers[s.id] != null);
          const baseline = Object.entries(decideStatementCells(rule2, answersByColumn(rule2, byGroup))).filter(([c, v]) => c !== 'self' && v.shown).length;
          const picked = Object.entries(s.cells).filter(([c, cell]) => c !== 'self' && cell.shown).length;
          expect({ statement: s.id, fewer: picked < baseline }).toEqual({ statement: s.id, fewer: false });
          before += baseline;
          after += picked;
        }
        if (after > before) showsMore++;
        const pool = report.columns.find((c) => c.key === 'others')!;
        const standsAlone = (g: RaterGroup): boolean =>
          g !== 'other' && input.responses.filter((r, i) => r.raterGroup === g && anonymous.has(i)).length >= input.threshold;
        if (pool.groups.some(standsAlone)) {
          pooledByChoice++;
          expect(after).toBeGreaterThan(before); // pooling is never chosen for nothing
          expect(findLinearLeak(equations, identified, input.threshold, readers)).toBeNull();
          for (const reader of readers) expect(findLinearLeak(equations, new Set([...identified, reader]), input.threshold)).toBeNull();
        }
      }),
      { numRuns: 600 },
    );
    // The generator reaches the interesting cases, and rule 7 does change reports.
    expect(pooledByChoice).toBeGreaterThan(30);
    expect(showsMore).toBe(pooledByChoice);
  });

  it("compares cycles only through the all-others numbers both reports show, never a pooled group's", () => {
    // The trend is the one place a report reads another cycle: its values must repeat the
    // earlier report's summary and this report's shown all-others numbers, so no pool is ever
    // set against another cycle's layout.
    fc.assert(
      fc.property(cycleArbitrary, cycleArbitrary, (earlier: ReportInput, input: ReportInput) => {
        const previous = buildReport(earlier).summary;
        const report = buildReport({ ...input, behaviours: earlier.behaviours, previous });
        for (const t of report.trend!.behaviours) {
          const b = report.behaviours.find((x) => x.key === t.key)!;
          if (t.value.shown)
            expect([t.value.previous, t.value.current]).toEqual([previous.behaviours[t.key], b.cells.all_others.shown && b.cells.all_others.mean]);
          else expect(previous.behaviours[t.key] === null || !b.cells.all_others.shown).toBe(true);
        }
        expect(Object.keys(report.summary)).toEqual(['influence', 'management', 'behaviours']);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order responses were submitted in (comments included)', () => {
    fc.assert(
      fc.property(cycleArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const shuffled = [...input.responses];
        let state = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (state * 48271) % 2147483647;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(buildReport({ ...input, responses: shuffled })).toEqual(buildReport(input));
      }),
      { numRuns: 100 },
    );
  });

  it('shows comments exactly from raters whose column may be shown', () => {
    fc.assert(
      fc.property(cycleArbitrary, (input) => {
        const report: ReportView = buildReport(input);
        const { identified, membersOf } = readerKnowledge(input, report);
        const shownColumns = report.columns.filter((c) => c.shown && !c.identified && c.key !== 'all_others').map((c) => c.key);
        const eligible = (rater: number): boolean => {
          const group = input.responses[rater].raterGroup;
          if (group === 'self') return false;
          if (identified.has(rater)) return shownColumns.length > 0; // never attributed: only inside a crowd
          return shownColumns.some((c: ColumnKey) => membersOf(c).includes(rater));
        };
        const expected = input.responses.flatMap((r, i) => (eligible(i) && r.comments?.q1 ? [r.comments.q1] : []));
        const self = input.responses.flatMap((r) => (r.raterGroup === 'self' && r.comments?.q1 ? [r.comments.q1] : []));
        expect([...report.comments[0].others].sort()).toEqual(expected.sort());
        expect(report.comments[0].self).toEqual(self);
      }),
      { numRuns: 150 },
    );
  });
});

const heatmapArbitrary = fc
  .record({
    rows: fc.integer({ min: 1, max: 4 }),
    cols: fc.integer({ min: 1, max: 4 }),
    threshold: fc.integer({ min: 3, max: 6 }),
    minCellSize: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  })
  .chain(({ rows, cols, threshold, minCellSize }) =>
    fc
      .array(fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 })), fc.nat()), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      })
      .map((grid) => ({
        threshold,
        minCellSize,
        // A cell's sum is that of `count` ratings in 1–5.
        cells: grid.map((row) => row.map(([count, r]) => ({ count, sum: count + (count === 0 ? 0 : r % (4 * count + 1)) }))),
      })),
  );

describe('heatmap suppression (property)', () => {
  it('catches a naive primary-only suppression', () => {
    const cells = [
      [
        { sum: 8, count: 2 },
        { sum: 40, count: 10 },
      ],
      [
        { sum: 30, count: 10 },
        { sum: 35, count: 10 },
      ],
    ];
    const show = (sum: number, n: number): HeatmapCell => ({ shown: true, mean: sum / n, n });
    // Hides the 2-person cell, shows every total: row 0's total minus the other cell gives it back.
    const naive: HeatmapView = {
      minCellSize: 5,
      cells: cells.map((r) => r.map((c) => (c.count < 5 ? { shown: false, reason: 'below_threshold' } : show(c.sum, c.count)))),
      rowTotals: [show(48, 12), show(65, 20)],
      columnTotals: [show(38, 12), show(75, 20)],
      total: show(113, 32),
    };
    expect(findHeatmapLeak(cells, naive)).toEqual({ cells: [[0, 0]], people: 2 });
    const view = suppressHeatmap({ cells, threshold: 3 });
    expect(findHeatmapLeak(cells, view)).toBeNull();
    // Classic complementary suppression: the other three cells go, every margin stays.
    expect(view.cells.flat().map((c) => (c.shown ? 'shown' : c.reason))).toEqual(['below_threshold', 'complementary', 'complementary', 'complementary']);
    expect([...view.rowTotals, ...view.columnTotals, view.total].every((t) => t.shown)).toBe(true);
  });

  it('never lets shown cells and totals isolate fewer than minCellSize people', () => {
    fc.assert(
      fc.property(heatmapArbitrary, (input) => {
        const view = suppressHeatmap(input);
        expect(view.minCellSize).toBe(Math.max(input.minCellSize ?? 5, input.threshold));
        assertHeatmapShowsOnlyLargeTrueCells(input.cells, view);
        expect(findHeatmapLeak(input.cells, view)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
