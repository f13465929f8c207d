/**
 * What a reader of a heatmap can derive, checked without the min-cut argument the production
 * code relies on: shown cells are known; each shown row, column or grand total is an equation
 * over the hidden non-empty cells; `lightSupport` then tries every set of hidden cells holding
 * fewer than m people for a non-zero combination of the equations that lives inside it.
 */
import { HeatmapCellInput, HeatmapView } from '../heatmap-suppression';
import { IntegerRow, lightSupport } from './exact-linear-algebra';

export interface HeatmapLeak {
  /** [row, column] of the hidden cells whose people the combination isolates. */
  cells: [number, number][];
  people: number;
}

export function findHeatmapLeak(cells: ReadonlyArray<ReadonlyArray<HeatmapCellInput>>, view: HeatmapView): HeatmapLeak | null {
  const m = view.minCellSize;
  const hidden: [number, number][] = [];
  cells.forEach((row, i) => row.forEach((c, j) => void (!view.cells[i][j].shown && c.count > 0 && hidden.push([i, j]))));
  const equation = (inside: (i: number, j: number) => boolean): IntegerRow => hidden.map(([i, j]) => (inside(i, j) ? 1n : 0n));
  const rows: IntegerRow[] = [
    ...view.rowTotals.flatMap((t, r) => (t.shown ? [equation((i) => i === r)] : [])),
    ...view.columnTotals.flatMap((t, c) => (t.shown ? [equation((_, j) => j === c)] : [])),
    ...(view.total.shown ? [equation(() => true)] : []),
  ];
  const found = lightSupport(
    rows,
    hidden.map(([i, j]) => cells[i][j].count),
    m,
  );
  if (!found) return null;
  return { cells: found.map((x) => hidden[x]), people: found.reduce((s, x) => s + cells[hidden[x][0]][hidden[x][1]].count, 0) };
}

/** Every shown number stands on at least m people and is the true mean. */
export function assertHeatmapShowsOnlyLargeTrueCells(cells: ReadonlyArray<ReadonlyArray<HeatmapCellInput>>, view: HeatmapView): void {
  const check = (shown: HeatmapView['total'], sum: number, count: number, label: string): void => {
    if (!shown.shown) {
      if (Object.keys(shown).sort().join() !== 'reason,shown') throw new Error(`${label}: hidden cell carries more than a reason`);
      if (count > 0 && count < m && shown.reason !== 'below_threshold') throw new Error(`${label}: small cell hidden as ${shown.reason}`);
      return;
    }
    if (count < m || shown.n !== count || Math.abs(shown.mean - sum / count) > 1e-9) throw new Error(`${label}: shows ${JSON.stringify(shown)} for ${count}`);
  };
  const m = view.minCellSize;
  const rows = cells.map((r) => r.reduce((a, c) => ({ sum: a.sum + c.sum, count: a.count + c.count }), { sum: 0, count: 0 }));
  const cols = (cells[0] ?? []).map((_, j) => cells.reduce((a, r) => ({ sum: a.sum + r[j].sum, count: a.count + r[j].count }), { sum: 0, count: 0 }));
  cells.forEach((r, i) => r.forEach((c, j) => check(view.cells[i][j], c.sum, c.count, `cell ${i},${j}`)));
  rows.forEach((t, i) => check(view.rowTotals[i], t.sum, t.count, `row ${i}`));
  cols.forEach((t, j) => check(view.columnTotals[j], t.sum, t.count, `column ${j}`));
  const all = rows.reduce((a, t) => ({ sum: a.sum + t.sum, count: a.count + t.count }), { sum: 0, count: 0 });
  check(view.total, all.sum, all.count, 'total');
}
