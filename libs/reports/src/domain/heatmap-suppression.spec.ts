import { minimumCut, suppressHeatmap } from './heatmap-suppression';

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
    expect(map(suppressHeatmap({ cells: [[cell(0), cell(7)]], threshold: 3 }))).toEqual({ cells: [['no_data', 7]], rows: [7], columns: ['no_data', 7], total: 7 });
  });

  it('does not leave one small cell in a row beside its total: it hides the smallest partner too', () => {
    // Row 0 total − 9 would give the 2-person cell, and column 0 total − 6 likewise.
    const view = suppressHeatmap({ cells: [[cell(2), cell(9), cell(12)], [cell(6), cell(7), cell(8)]], threshold: 3 });
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
