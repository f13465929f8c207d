import fc from 'fast-check';
import {
  HEATMAP_LEVELS,
  HeatmapCellInput,
  heatmapFilterResult,
  HeatmapLevel,
  HeatmapView,
  minimumCut,
  suppressHeatmap,
  teamCellDecision,
  TeamSplitCell,
} from './heatmap-suppression';
import { IntegerRow, lightSupport } from './testing/exact-linear-algebra';
import { findHeatmapLeak } from './testing/heatmap-leak-checker';

const cell = (count: number, mean = 3) => ({ count, sum: count * mean });
const map = (view: ReturnType<typeof suppressHeatmap>) => ({
  cells: view.cells.map((r) => r.map((c) => (c.shown ? c.n : c.reason))),
  rows: view.rowTotals.map((c) => (c.shown ? c.n : c.reason)),
  columns: view.columnTotals.map((c) => (c.shown ? c.n : c.reason)),
  total: view.total.shown ? view.total.n : view.total.reason,
});

describe('suppressHeatmap', () => {
  it('shows every cell of at least minCellSize people, with its mean', () => {
    const view = suppressHeatmap({ cells: [[cell(5, 4), cell(6, 2)]], threshold: 3 });
    expect(view.cells[0][0]).toEqual({ shown: true, mean: 4, n: 5 });
    expect(map(view)).toEqual({ cells: [[5, 6]], rows: [11], columns: [5, 6], total: 11 });
  });

  it('never goes below k, whatever minCellSize says', () => {
    expect(suppressHeatmap({ cells: [[cell(5)]], threshold: 6, minCellSize: 2 }).minCellSize).toBe(6);
    expect(suppressHeatmap({ cells: [[cell(5)]], threshold: 3 }).minCellSize).toBe(5);
    expect(() => suppressHeatmap({ cells: [[cell(5)]], threshold: 3, minCellSize: 0 })).toThrow(RangeError);
  });

  it('marks empty cells as such: nobody to protect', () => {
    expect(map(suppressHeatmap({ cells: [[cell(0), cell(7)]], threshold: 3 }))).toEqual({
      cells: [['no_data', 7]],
      rows: [7],
      columns: ['no_data', 7],
      total: 7,
    });
  });

  it('does not leave one small cell in a row beside its total: it hides the smallest partner too', () => {
    // Row 0 total − 9 would give the 2-person cell, and column 0 total − 6 likewise.
    const view = suppressHeatmap({
      cells: [
        [cell(2), cell(9), cell(12)],
        [cell(6), cell(7), cell(8)],
      ],
      threshold: 3,
    });
    expect(map(view)).toEqual({
      cells: [
        ['below_threshold', 'complementary', 12],
        ['complementary', 'complementary', 8],
      ],
      rows: [23, 21],
      columns: [8, 16, 20],
      total: 44,
    });
  });

  it('hides totals rather than everything when no cell can partner', () => {
    // One column: the row totals are the cells themselves, so the small row's total goes with it,
    // and the column total would still give 4 = 13 − 9 back unless it goes as well.
    const view = suppressHeatmap({ cells: [[cell(4)], [cell(9)]], threshold: 3 });
    expect(map(view)).toEqual({ cells: [['below_threshold'], [9]], rows: ['below_threshold', 9], columns: ['complementary'], total: 'complementary' });
  });
});

describe('minimumCut', () => {
  it('finds the lightest way to split a graph in two', () => {
    // A square 0–1–2–3 with a heavy diagonal 0–2: cutting vertex 3 off costs 1 + 2.
    const w = [
      [0, 4, 9, 1],
      [4, 0, 5, 0],
      [9, 5, 0, 2],
      [1, 0, 2, 0],
    ];
    const cut = minimumCut(w);
    expect(cut.weight).toBe(3);
    expect(cut.side.length === 1 ? cut.side : [0, 1, 2, 3].filter((v) => !cut.side.includes(v))).toEqual([3]);
  });
});

/**
 * What a reader holding several views of the same cells can derive (testing/heatmap-leak-checker.ts
 * does this for one view): a cell shown in any view is known; each total shown in any view is an
 * equation over the cells hidden in all of them. Some hidden cells of fewer than `limit` people
 * whose sum those equations give, or null.
 */
function leakAcrossViews(cells: HeatmapCellInput[][], views: HeatmapView[], limit: number): { cells: [number, number][]; people: number } | null {
  const hidden: [number, number][] = [];
  cells.forEach((row, i) => row.forEach((c, j) => void (c.count > 0 && views.every((v) => !v.cells[i][j].shown) && hidden.push([i, j]))));
  const equation = (inside: (i: number, j: number) => boolean): IntegerRow => hidden.map(([i, j]) => (inside(i, j) ? 1n : 0n));
  const equations = views.flatMap((v) => [
    ...v.rowTotals.flatMap((t, r) => (t.shown ? [equation((i) => i === r)] : [])),
    ...v.columnTotals.flatMap((t, c) => (t.shown ? [equation((_, j) => j === c)] : [])),
    ...(v.total.shown ? [equation(() => true)] : []),
  ]);
  const found = lightSupport(
    equations,
    hidden.map(([i, j]) => cells[i][j].count),
    limit,
  );
  return found && { cells: found.map((x) => hidden[x]), people: found.reduce((sum, x) => sum + cells[hidden[x][0]][hidden[x][1]].count, 0) };
}

const deepFreeze = <T>(cells: T[][]): T[][] =>
  Object.freeze(cells.map((row) => Object.freeze(row.map((c) => Object.freeze({ ...c })) as T[])) as T[][]) as T[][];

describe('one minimum per cycle: the multi-view leak', () => {
  // k = 3. Departments × {with direct reports, without}: A has 9 with and 2 without, B 6 with, 0 without.
  const cells = [
    [cell(9, 4), cell(2, 1)],
    [cell(6, 3), cell(0)],
  ];

  it('is why the minimum cannot be chosen per request: views at 5 and at 7 are each safe, together they give away 2 people', () => {
    const at5 = suppressHeatmap({ cells, threshold: 3, minCellSize: 5 });
    const at7 = suppressHeatmap({ cells, threshold: 3, minCellSize: 7 });
    expect(findHeatmapLeak(cells, at5)).toBeNull();
    expect(findHeatmapLeak(cells, at7)).toBeNull();
    // At 5: A with reports (9), B with reports (6) and the "with reports" total; the organisation total is hidden.
    expect(map(at5)).toEqual({
      cells: [
        [9, 'below_threshold'],
        [6, 'no_data'],
      ],
      rows: ['complementary', 6],
      columns: [15, 'below_threshold'],
      total: 'complementary',
    });
    // At 7: B (6) goes, and with it what would give B back, but the organisation total (17) shows.
    expect(map(at7)).toEqual({
      cells: [
        [9, 'below_threshold'],
        ['below_threshold', 'no_data'],
      ],
      rows: ['complementary', 'below_threshold'],
      columns: ['complementary', 'below_threshold'],
      total: 17,
    });
    // 17·mean − 9·mean(A with) − 6·mean(B with) is the sum of the two people in A without.
    const sumOf = (c: HeatmapView['total']): number => (c.shown ? c.mean * c.n : NaN);
    expect(sumOf(at7.total) - sumOf(at5.cells[0][0]) - sumOf(at5.cells[1][0])).toBeCloseTo(cells[0][1].sum, 10);
    expect(leakAcrossViews(cells, [at5, at7], 5)).toEqual({ cells: [[0, 1]], people: 2 });
  });

  it('cannot happen with one minimum: the view is a pure function of the cells, k and m, so a second view adds nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 3, max: 8 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.nat()), { minLength: 12, maxLength: 12 }),
        (rows, cols, threshold, setting, values) => {
          // A cell's sum is that of `count` ratings in 1–5.
          const grid = Array.from({ length: rows }, (_, i) =>
            Array.from({ length: cols }, (_, j) => {
              const [count, r] = values[i * cols + j];
              return { count, sum: count + (count === 0 ? 0 : r % (4 * count + 1)) };
            }),
          );
          const minCellSize = Math.max(setting, threshold); // the cycle's setting, never below k
          // Views taken at different times, from fresh reads of the same data: frozen, so that a
          // view could not leave anything behind for the next one either.
          const views = [grid, structuredClone(grid), structuredClone(grid)].map((cells) =>
            suppressHeatmap({ cells: deepFreeze(cells), threshold, minCellSize }),
          );
          expect(views[1]).toEqual(views[0]);
          expect(views[2]).toEqual(views[0]);
          expect(leakAcrossViews(grid, views, minCellSize)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Rows × {with reports, without} of random counts with sums of ratings in 1–5 (as in a real cycle). */
const gridArbitrary = (maxCount: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.tuple(fc.integer({ min: 0, max: maxCount }), fc.nat()), { minLength: 8, maxLength: 8 }))
    .map(([rows, values]) =>
      Array.from({ length: rows }, (_, i) =>
        [0, 1].map((j) => {
          const [count, r] = values[i * 2 + j];
          return { count, sum: count + (count === 0 ? 0 : r % (4 * count + 1)) };
        }),
      ),
    );

describe('filters of the organisation view', () => {
  const filters = (rows: number): [number | 'all', HeatmapLevel][] =>
    (['all', ...Array.from({ length: rows }, (_, i) => i)] as (number | 'all')[]).flatMap((d) =>
      HEATMAP_LEVELS.map((l) => [d, l] as [number | 'all', HeatmapLevel]),
    );
  /** The cells a filter result adds up. */
  const members = (rows: number, department: number | 'all', level: HeatmapLevel): [number, number][] =>
    Array.from({ length: rows }, (_, i) => i)
      .filter((i) => department === 'all' || department === i)
      .flatMap((i) => [0, 1].filter((j) => level === 'all' || j === (level === 'with_reports' ? 0 : 1)).map((j) => [i, j] as [number, number]));

  it('maps each filter to one number of the table', () => {
    const view = suppressHeatmap({
      cells: [
        [cell(6, 4), cell(7, 2)],
        [cell(5, 3), cell(8, 5)],
      ],
      threshold: 3,
    });
    expect(heatmapFilterResult(view, 'all', 'all')).toEqual(view.total);
    expect(heatmapFilterResult(view, 'all', 'with_reports')).toEqual({ shown: true, mean: (24 + 15) / 11, n: 11 });
    expect(heatmapFilterResult(view, 1, 'all')).toEqual({ shown: true, mean: (15 + 40) / 13, n: 13 });
    expect(heatmapFilterResult(view, 0, 'without_reports')).toEqual({ shown: true, mean: 2, n: 7 });
    expect(() => heatmapFilterResult(view, 2, 'all')).toThrow(RangeError);
    expect(heatmapFilterResult(suppressHeatmap({ cells: [], threshold: 3 }), 'all', 'with_reports')).toEqual({ shown: false, reason: 'no_data' });
  });

  it('never lets two filter results (or any combination of them) be subtracted down to fewer than m people', () => {
    fc.assert(
      fc.property(gridArbitrary(9), fc.integer({ min: 3, max: 5 }), fc.integer({ min: 3, max: 7 }), (grid, threshold, setting) => {
        const view = suppressHeatmap({ cells: grid, threshold, minCellSize: setting });
        const m = view.minCellSize;
        const shown = filters(grid.length)
          .map(([d, l]) => ({ result: heatmapFilterResult(view, d, l), cells: members(grid.length, d, l) }))
          .filter((f) => f.result.shown);
        const people = (cells: [number, number][]): number => cells.reduce((s, [i, j]) => s + grid[i][j].count, 0);
        const key = ([i, j]: [number, number]): string => `${i},${j}`;
        // Every pair: the larger minus the smaller (when one holds the other) is nobody or at least m people.
        for (const a of shown) {
          for (const b of shown) {
            const inA = new Set(a.cells.map(key));
            if (!b.cells.every((c) => inA.has(key(c)))) continue;
            const difference = people(a.cells) - people(b.cells);
            expect(difference === 0 || difference >= m).toBe(true);
          }
        }
        // And every combination: each shown result is an equation over the non-empty cells.
        const atoms = grid.flatMap((row, i) => row.flatMap((c, j) => (c.count > 0 ? [[i, j] as [number, number]] : [])));
        const equations = shown.map((f) => {
          const inside = new Set(f.cells.map(key));
          return atoms.map((c) => (inside.has(key(c)) ? 1n : 0n));
        });
        expect(
          lightSupport(
            equations,
            atoms.map(([i, j]) => grid[i][j].count),
            m,
          ),
        ).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('the team view beside the organisation view', () => {
  /** Equations a reader of both holds, over the atoms cell × {team, rest}; null when nothing lighter than m comes out. */
  const leak = (split: TeamSplitCell[][], view: HeatmapView, teamShown: boolean): number[] | null => {
    const atoms = split.flatMap((row, i) =>
      row.flatMap((c, j) => [...(c.team > 0 ? [{ i, j, team: true, people: c.team }] : []), ...(c.rest > 0 ? [{ i, j, team: false, people: c.rest }] : [])]),
    );
    const equation = (inside: (a: (typeof atoms)[number]) => boolean): IntegerRow => atoms.map((a) => (inside(a) ? 1n : 0n));
    const equations: IntegerRow[] = [
      ...view.cells.flatMap((row, i) => row.flatMap((c, j) => (c.shown ? [equation((a) => a.i === i && a.j === j)] : []))),
      ...view.rowTotals.flatMap((t, i) => (t.shown ? [equation((a) => a.i === i)] : [])),
      ...view.columnTotals.flatMap((t, j) => (t.shown ? [equation((a) => a.j === j)] : [])),
      ...(view.total.shown ? [equation(() => true)] : []),
      ...(teamShown ? [equation((a) => a.team)] : []),
    ];
    return lightSupport(
      equations,
      atoms.map((a) => a.people),
      view.minCellSize,
    );
  };
  const tableOf = (split: TeamSplitCell[][]) => split.map((row) => row.map((c) => cell(c.team + c.rest)));

  it('hides a team that would give back part of a cell: department minus team', () => {
    // Department 0: 8 without reports, 6 of them the team. Team ≥ m, the cell is shown, but 8 − 6 = 2 people.
    const split = [
      [
        { team: 0, rest: 5 },
        { team: 6, rest: 2 },
      ],
      [
        { team: 0, rest: 6 },
        { team: 0, rest: 9 },
      ],
    ];
    const view = suppressHeatmap({ cells: tableOf(split), threshold: 3 });
    expect(leak(split, view, true)).not.toBeNull(); // what a rule of "team ≥ m" alone would allow
    expect(teamCellDecision(split, view)).toEqual({ shown: false, reason: 'complementary' });
  });

  it('shows a team that is a whole shown cell, or splits its cells into large parts', () => {
    const whole = [
      [
        { team: 0, rest: 5 },
        { team: 7, rest: 0 },
      ],
    ];
    expect(teamCellDecision(whole, suppressHeatmap({ cells: tableOf(whole), threshold: 3 }))).toEqual({ shown: true });
    const large = [
      [
        { team: 0, rest: 5 },
        { team: 6, rest: 6 },
      ],
    ];
    expect(teamCellDecision(large, suppressHeatmap({ cells: tableOf(large), threshold: 3 }))).toEqual({ shown: true });
    expect(teamCellDecision([[{ team: 3, rest: 9 }]], suppressHeatmap({ cells: [[cell(12)]], threshold: 3 }))).toEqual({
      shown: false,
      reason: 'below_threshold',
    });
    expect(teamCellDecision([[{ team: 0, rest: 9 }]], suppressHeatmap({ cells: [[cell(9)]], threshold: 3 }))).toEqual({ shown: false, reason: 'no_data' });
  });

  it('never lets the team total and the organisation view together give fewer than m people', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 3, max: 6 }),
        (rows, counts, threshold, setting) => {
          const split = Array.from({ length: rows }, (_, i) => [0, 1].map((j) => ({ team: counts[i * 2 + j][0], rest: counts[i * 2 + j][1] })));
          const view = suppressHeatmap({ cells: tableOf(split), threshold, minCellSize: setting });
          const decision = teamCellDecision(split, view);
          expect(leak(split, view, decision.shown)).toBeNull();
        },
      ),
      { numRuns: 400 },
    );
  });
});
