import fc from 'fast-check';
import { HeatmapCellInput, HeatmapView, minimumCut, suppressHeatmap } from './heatmap-suppression';
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
