/**
 * Cell suppression for organisation views (the heatmap): a matrix of {sum, count} cells with
 * row, column and grand totals, where every cell or total built from fewer than m people
 * (m = minCellSize, default 5, never below k) is hidden, and then enough more is hidden that
 * no combination of the shown numbers gives the sum of fewer than m people.
 *
 * This protects one view. Two views of the same cells at different m are not safe together (a
 * total shown at one m, its other parts at another), so a cycle has exactly one m: its
 * `heatmapMinCellSize` setting, locked from close on. The view is a pure function of the cells,
 * k and m, so every view of a cycle is the same view.
 *
 * Why a min cut decides it. Take the shown cells as known and the hidden non-empty cells as
 * unknowns. A shown row total gives the sum of the row's hidden cells (vector rᵢ), a shown
 * column total likewise (cⱼ), the grand total the sum of all of them (g). A combination
 * Σaᵢrᵢ + Σbⱼcⱼ + t·g is, on hidden cell (i, j), aᵢ + bⱼ + t: it is zero exactly when the
 * "potentials" pᵢ = aᵢ + t and qⱼ = −bⱼ agree. Seen as a bipartite graph (rows and columns as
 * nodes, hidden cells as edges weighted by their people), the cells a combination involves
 * are the edges between nodes of different potential — a cut. Rows with a hidden total have
 * aᵢ = 0, so they share one potential (t); columns with a hidden total share potential 0; and
 * with the grand total hidden, t = 0 too. Contract each such set into one node, and the
 * smallest group of people any combination isolates is the smallest cut (Stoer–Wagner) of a
 * component of that graph; two potentials always suffice, so that minimum is exact.
 *
 * While some cut weighs less than m, the heuristic hides the cheapest chain of shown cells that
 * joins its two sides (a cycle through the cut: every way of splitting those sides then crosses
 * a hidden cell of at least m people), else the smallest shown total on it, else the grand
 * total. Cells go before totals, as in classic statistical disclosure control: margins are what
 * readers compare. Each step hides something, so it ends; it is safe, not always minimal
 * (optimal cell suppression is NP-hard).
 */

export const DEFAULT_MIN_CELL_SIZE = 5;

export interface HeatmapCellInput {
  /** Sum of the people's values in the cell (e.g. their influence index). */
  sum: number;
  /** People in the cell. */
  count: number;
}

export interface HeatmapInput {
  /** Rows × columns; every row the same length. */
  cells: ReadonlyArray<ReadonlyArray<HeatmapCellInput>>;
  /** The cycle's anonymity threshold k. */
  threshold: number;
  minCellSize?: number;
}

export type HeatmapCell = { shown: true; mean: number; n: number } | { shown: false; reason: 'no_data' | 'below_threshold' | 'complementary' };

export interface HeatmapView {
  minCellSize: number;
  cells: HeatmapCell[][];
  rowTotals: HeatmapCell[];
  columnTotals: HeatmapCell[];
  total: HeatmapCell;
}

/** The configured size, but never below k: an organisation view is no looser than a report. */
export function effectiveMinCellSize(threshold: number, minCellSize: number = DEFAULT_MIN_CELL_SIZE): number {
  if (!Number.isInteger(minCellSize) || minCellSize < 1) throw new RangeError(`minCellSize must be a positive integer, got ${minCellSize}`);
  return Math.max(minCellSize, threshold);
}

type Reason = Extract<HeatmapCell, { shown: false }>['reason'];

export function suppressHeatmap(input: HeatmapInput): HeatmapView {
  const m = effectiveMinCellSize(input.threshold, input.minCellSize);
  const rows = input.cells.length;
  const cols = rows === 0 ? 0 : input.cells[0].length;
  for (const row of input.cells) {
    if (row.length !== cols) throw new RangeError('heatmap rows must all have the same length');
    for (const c of row) {
      if (!Number.isInteger(c.count) || c.count < 0 || !Number.isFinite(c.sum)) throw new RangeError('heatmap cells need a finite sum and a count ≥ 0');
    }
  }
  const count = (i: number, j: number): number => input.cells[i][j].count;
  const primary = (n: number): Reason | null => (n === 0 ? 'no_data' : n < m ? 'below_threshold' : null);

  const cell: (Reason | null)[][] = input.cells.map((row) => row.map((c) => primary(c.count)));
  const rowCount = input.cells.map((row) => row.reduce((s, c) => s + c.count, 0));
  const colCount = Array.from({ length: cols }, (_, j) => input.cells.reduce((s, row) => s + row[j].count, 0));
  const row: (Reason | null)[] = rowCount.map(primary);
  const col: (Reason | null)[] = colCount.map(primary);
  let total: Reason | null = primary(rowCount.reduce((s, n) => s + n, 0));

  for (;;) {
    const cut = weakestCut({ rows, cols, count, cell, row, col, totalShown: total === null }, m);
    if (!cut) break;
    const path = cheapestPath(cut, rows, cols, (i, j) => (cell[i][j] === null && count(i, j) > 0 ? count(i, j) : null));
    if (path) {
      for (const [i, j] of path) cell[i][j] = 'complementary';
      continue;
    }
    const totals = [
      ...row.map((r, i) => ({ shown: r === null && cut.sideOf(i) !== null, n: rowCount[i], hide: () => void (row[i] = 'complementary') })),
      ...col.map((c, j) => ({ shown: c === null && cut.sideOf(rows + j) !== null, n: colCount[j], hide: () => void (col[j] = 'complementary') })),
    ].filter((t) => t.shown);
    if (totals.length > 0) totals.reduce((a, b) => (b.n < a.n ? b : a)).hide();
    else total = 'complementary';
  }

  const show = (reason: Reason | null, sum: number, n: number): HeatmapCell => (reason === null ? { shown: true, mean: sum / n, n } : { shown: false, reason });
  const rowSum = (i: number): number => input.cells[i].reduce((s, c) => s + c.sum, 0);
  const colSum = (j: number): number => input.cells.reduce((s, r) => s + r[j].sum, 0);
  let grandSum = 0;
  for (let i = 0; i < rows; i++) grandSum += rowSum(i);
  return {
    minCellSize: m,
    cells: input.cells.map((r, i) => r.map((c, j) => show(cell[i][j], c.sum, c.count))),
    rowTotals: row.map((r, i) => show(r, rowSum(i), rowCount[i])),
    columnTotals: col.map((c, j) => show(c, colSum(j), colCount[j])),
    total: show(
      total,
      grandSum,
      rowCount.reduce((s, n) => s + n, 0),
    ),
  };
}

interface SuppressionState {
  rows: number;
  cols: number;
  count: (i: number, j: number) => number;
  cell: (Reason | null)[][];
  row: (Reason | null)[];
  col: (Reason | null)[];
  totalShown: boolean;
}

interface LightCut {
  /** 0 or 1 for the row (0..rows−1) and column (rows..rows+cols−1) nodes of the cut component, else null. */
  sideOf: (node: number) => 0 | 1 | null;
  /** The node a row or column stands for once rows (columns) with hidden totals are merged. */
  rep: (node: number) => number;
}

/**
 * The cheapest chain of shown cells (fewest people) joining the two sides of a cut, outside it.
 * Hiding it closes a cycle through the cut, so every split of the two sides then crosses a
 * hidden cell of at least m people. Dijkstra over the merged nodes; null when none exists.
 */
function cheapestPath(cut: LightCut, rows: number, cols: number, shownCount: (i: number, j: number) => number | null): [number, number][] | null {
  const distance = new Map<number, number>();
  const via = new Map<number, { from: number; cell: [number, number] }>();
  const done = new Set<number>();
  for (let node = 0; node < rows + cols; node++) if (cut.sideOf(node) === 0) distance.set(cut.rep(node), 0);
  for (;;) {
    let here = -1;
    for (const [node, d] of distance) if (!done.has(node) && (here === -1 || d < distance.get(here)!)) here = node;
    if (here === -1) return null;
    done.add(here);
    const original = [...Array(rows + cols).keys()].find((node) => cut.rep(node) === here)!;
    if (cut.sideOf(original) === 1) {
      const path: [number, number][] = [];
      for (let node = here; via.has(node); node = via.get(node)!.from) path.push(via.get(node)!.cell);
      return path;
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const people = shownCount(i, j);
        const [a, b] = [cut.rep(i), cut.rep(rows + j)];
        if (people === null || a === b || (a !== here && b !== here)) continue;
        const next = a === here ? b : a;
        const d = distance.get(here)! + people;
        if (!done.has(next) && (!distance.has(next) || d < distance.get(next)!)) {
          distance.set(next, d);
          via.set(next, { from: here, cell: [i, j] });
        }
      }
    }
  }
}

/** A cut of the hidden-cell graph lighter than m, if any. */
function weakestCut(s: SuppressionState, m: number): LightCut | null {
  const hiddenRows = s.rows + s.cols;
  const hiddenCols = s.totalShown ? hiddenRows + 1 : hiddenRows;
  const rep = (node: number): number => {
    if (node < s.rows) return s.row[node] === null ? node : hiddenRows;
    return s.col[node - s.rows] === null ? node : hiddenCols;
  };
  const size = hiddenRows + 2;
  const weight = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < s.rows; i++) {
    for (let j = 0; j < s.cols; j++) {
      if (s.cell[i][j] === null || s.count(i, j) === 0) continue;
      const a = rep(i);
      const b = rep(s.rows + j);
      if (a === b) continue; // in no shown equation at all
      weight[a][b] += s.count(i, j);
      weight[b][a] += s.count(i, j);
    }
  }
  const seen = new Set<number>();
  for (let start = 0; start < size; start++) {
    if (seen.has(start) || !weight[start].some((w) => w > 0)) continue;
    const component = [start];
    seen.add(start);
    for (let q = 0; q < component.length; q++) {
      weight[component[q]].forEach((w, v) => {
        if (w > 0 && !seen.has(v)) {
          seen.add(v);
          component.push(v);
        }
      });
    }
    const cut = minimumCut(component.map((a) => component.map((b) => weight[a][b])));
    if (cut.weight < m) {
      const sideA = new Set(cut.side.map((x) => component[x]));
      const inComponent = new Set(component);
      return { rep, sideOf: (node) => (inComponent.has(rep(node)) ? (sideA.has(rep(node)) ? 0 : 1) : null) };
    }
  }
  return null;
}

/** Stoer–Wagner global minimum cut of a connected weighted graph (adjacency matrix, n ≥ 2). */
export function minimumCut(w: number[][]): { weight: number; side: number[] } {
  const weights = w.map((r) => r.slice());
  const members = weights.map((_, i) => [i]);
  let active = weights.map((_, i) => i);
  let best = { weight: Infinity, side: [] as number[] };
  while (active.length > 1) {
    const attached = new Map<number, number>(active.map((v) => [v, 0]));
    const order: number[] = [];
    while (attached.size > 0) {
      let next = -1;
      for (const [v, a] of attached) if (next === -1 || a > attached.get(next)!) next = v;
      const phaseCut = attached.get(next)!;
      attached.delete(next);
      order.push(next);
      for (const v of attached.keys()) attached.set(v, attached.get(v)! + weights[next][v]);
      if (attached.size === 0) {
        if (phaseCut < best.weight) best = { weight: phaseCut, side: members[next].slice() };
        const prev = order[order.length - 2];
        members[prev].push(...members[next]);
        for (const v of active) {
          weights[prev][v] += weights[next][v];
          weights[v][prev] = weights[prev][v];
        }
        weights[prev][prev] = 0;
        active = active.filter((v) => v !== next);
      }
    }
  }
  return best;
}

/**
 * Filters of the organisation view: a department (or all) × a level (everyone, people with direct
 * reports, people without). Every filter result is a cell or a margin of the ONE suppressed table
 * above, so an attacker who reads "department X" and "department X with reports" (or any other
 * pair, or all of them) is subtracting numbers of that one table, which the suppression has
 * already made safe as a whole. This is the only mapping from a filter to a number: the page,
 * the JSON and the CSV all go through it. Level or tenure filters are absent: the people table
 * has neither (only department and the reporting line), so there is nothing to filter on.
 */
export const HEATMAP_LEVELS = ['all', 'with_reports', 'without_reports'] as const;
export type HeatmapLevel = (typeof HEATMAP_LEVELS)[number];

/** `department` is a row index of the table, or 'all'. Column 0 holds people with direct reports. */
export function heatmapFilterResult(view: HeatmapView, department: number | 'all', level: HeatmapLevel): HeatmapCell {
  const column = level === 'with_reports' ? 0 : level === 'without_reports' ? 1 : null;
  // A table without rows has no columns either: nobody, so no data.
  if (department === 'all') return column === null ? view.total : (view.columnTotals[column] ?? { shown: false, reason: 'no_data' });
  const row = view.cells[department];
  if (!row) throw new RangeError(`no department row ${department}`);
  return column === null ? view.rowTotals[department] : row[column];
}

/**
 * The comparison of one group with the previous cycle: the one rule for the organisation view and
 * the team view (every cell, margin, filter and team total goes through it).
 *
 * A change is printed only where the group's number is shown in this cycle's view AND in the
 * previous cycle's view of the same reader, and it is those two means and their difference:
 * nothing of the previous cycle that its own view hides, and never its count (people who joined or
 * left are not counted out for the reader).
 *
 * Why joiners and leavers cannot be isolated by it (a department of 5, then 6). Every number of a
 * cycle is a sum of that cycle's values (one per person and cycle, each over that cycle's raters),
 * so the values of two cycles are different unknowns: no combination of the two views cancels one
 * against the other. Whatever a combination of both views isolates is therefore a union of what
 * each view isolates on its own, and each view, suppressed as above, isolates nothing lighter than
 * m people. A joiner's value is tied to the stayers' values of the same cycle, never to their
 * earlier ones: 6 × mean₂ − 5 × mean₁ is the joiner plus five changes, not the joiner. The change
 * is the difference of two numbers the reader can open anyway (each cycle's own view), so printing
 * it adds nothing; hiding it would protect nothing. What no suppression of exact sums can stop is
 * a guess that the stayers did not change at all (then 6 × mean₂ − 5 × mean₁ is the joiner's
 * value): an inference from the two cycles' own views, with or without the change, and outside
 * what this rule (DESIGN.md: nothing may be derived) promises.
 */
export function heatmapChange(now: HeatmapCell, then: HeatmapCell | undefined): { previousMean: number; change: number } | null {
  if (!now.shown || !then?.shown) return null;
  return { previousMean: then.mean, change: now.mean - then.mean };
}

/**
 * The team view of one measure: a manager's direct reports as one group, beside the
 * organisation table that the same reader can see (now, or after becoming HR).
 *
 * `cells` are the table's cells (departments × with/without reports) split in two: the people
 * of the team (`team`) and the others (`rest`); `table` is that reader's suppressed view of it.
 * The team's total is shown only when
 *
 *   - it holds at least m people, and
 *   - every cell the team touches is shown in the table, and
 *   - the team is either a union of whole cells (then its total is derivable anyway), or
 *     Σ over the cells it touches of min(team part, rest part) ≥ m.
 *
 * Why that is enough. A shown cell's sum is known, so within it the team part and the rest part
 * are one unknown each with a known total; no other equation of the table involves them (the
 * table's equations after removing shown cells are over its hidden cells only). The team's
 * total is one new equation over those parts; what a reader can derive from it is, per touched
 * cell, either its team part or its rest part (adding the known cell swaps one for the other).
 * The lightest non-empty such set weighs Σ min(team, rest), and the table's own combinations
 * are untouched. A touched hidden cell would tie the team's equation to the hidden ones, whose
 * safety the min cut no longer covers: the team is hidden then ('complementary').
 */
export interface TeamSplitCell {
  team: number;
  rest: number;
}

export type TeamCellDecision = { shown: true } | { shown: false; reason: Reason };

export function teamCellDecision(cells: ReadonlyArray<ReadonlyArray<TeamSplitCell>>, table: HeatmapView): TeamCellDecision {
  const m = table.minCellSize;
  let team = 0;
  let lightest = 0;
  let wholeCells = true;
  let touchesHidden = false;
  cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (!Number.isInteger(c.team) || !Number.isInteger(c.rest) || c.team < 0 || c.rest < 0) throw new RangeError('team cells need counts ≥ 0');
      if (c.team === 0) return;
      team += c.team;
      if (!table.cells[i]?.[j]?.shown) touchesHidden = true;
      if (c.rest > 0) wholeCells = false;
      lightest += Math.min(c.team, c.rest);
    }),
  );
  if (team === 0) return { shown: false, reason: 'no_data' };
  if (team < m) return { shown: false, reason: 'below_threshold' };
  if (touchesHidden || (!wholeCells && lightest < m)) return { shown: false, reason: 'complementary' };
  return { shown: true };
}
