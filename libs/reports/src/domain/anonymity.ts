/**
 * The one module that decides what a report may show. The report, its CSV/PDF exports and the
 * organisation heatmap all ask it; nothing else decides visibility.
 *
 * The rules (DESIGN.md, "Anonymity"), with k the cycle's threshold:
 *
 * 1. Identified raters: self always; the manager only when the cycle sets
 *    `showManagerSeparately`. Their own numbers are shown whenever they answered. Every other
 *    rater, including a manager who is not shown separately, is non-identified.
 *
 * 2. Columns are fixed per report from how many *responded* in each group (known to the reader
 *    anyway): a non-identified group with at least k respondents gets its own column; groups
 *    with fewer, and the `other` group, are pooled into `others`, shown when the pool has at
 *    least k respondents. So every non-identified rater sits in exactly one column, and the
 *    columns are disjoint. `all_others` is everyone but self (including a separate manager).
 *
 * 3. Per statement, a non-identified cell is shown only with at least k non-null answers.
 *    The `all_others` total is shown only with at least k non-identified answers, and only if
 *    the non-identified answers left in hidden cells (H) are none or at least k: the reader
 *    knows the separate manager's rating, so total − shown cells − manager = the sum of H.
 *    When 0 < |H| < k, the smallest shown cell is also hidden (`complementary`) until |H| ≥ k;
 *    the total is kept because indices, profile, blind spots and rankings all read it.
 *    Why this is enough: after removing identified raters, the shown sums of one statement are
 *    indicators of disjoint sets C₁..Cₘ (each ≥ k) and, maybe, of their union with H. Every
 *    vector in their span is constant on each Cᵢ and on H, so the smallest set of raters any
 *    combination isolates is one Cᵢ or H — both 0 or ≥ k.
 *
 * 4. Behaviour and index numbers are built ONLY from statement cells shown in the same column
 *    (a hidden statement cell contributes nothing). So every derived number is a linear
 *    combination of shown statement sums and can reveal nothing they do not. Counting distinct
 *    raters of a behaviour would not be enough: with statements s1 rated by a, b, c and s2 by a
 *    alone, a behaviour mean over both minus the s1 mean gives a's s2 rating.
 *    The spread (population SD) is computed over exactly the answers behind the mean, so its
 *    sums of squares follow the same sets and the same argument holds for them.
 *
 * 5. Comments follow the columns: the subject's own are shown as self; a non-identified
 *    rater's only when their column is shown (pooled groups when `others` is shown); a
 *    separate manager's join the anonymous list only when at least one non-identified column is
 *    shown, because comments are never attributed. They are ordered by a hash of their text.
 *
 * The property test `anonymity.property.spec.ts` checks 3–5 by linear algebra over random
 * cycles; `heatmap-suppression.ts` applies the same idea to organisation views.
 */
import { COLUMN_KEYS, ColumnKey, ColumnView, HiddenReason, RATER_GROUPS, RaterGroup } from './report-types';

export { suppressHeatmap, effectiveMinCellSize, DEFAULT_MIN_CELL_SIZE } from './heatmap-suppression';
export type { HeatmapCellInput, HeatmapCell, HeatmapInput, HeatmapView } from './heatmap-suppression';

export interface AnonymitySettings {
  threshold: number;
  showManagerSeparately: boolean;
}

export type Visibility = { shown: true } | { shown: false; reason: HiddenReason };

/** The column layout of one report: decided once, from respondent counts per group. */
export interface ColumnPlan {
  settings: AnonymitySettings;
  columns: ColumnView[];
  /** Where each group's answers go, besides `all_others` (which takes every non-self group). */
  columnOfGroup: Record<RaterGroup, ColumnKey>;
}

const NON_TOTAL_COLUMNS: readonly ColumnKey[] = COLUMN_KEYS.filter((c) => c !== 'all_others');

export function assertValidThreshold(threshold: number): void {
  // k = 1 would make every number individual; the cycle settings enforce a minimum well above.
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError(`anonymity threshold must be an integer ≥ 2, got ${threshold}`);
}

export function isIdentified(group: RaterGroup, settings: AnonymitySettings): boolean {
  return group === 'self' || (group === 'manager' && settings.showManagerSeparately);
}

export function planColumns(settings: AnonymitySettings, respondents: Readonly<Record<RaterGroup, number>>): ColumnPlan {
  assertValidThreshold(settings.threshold);
  const k = settings.threshold;
  const ownColumn = (g: RaterGroup): boolean =>
    g !== 'other' && (isIdentified(g, settings) || respondents[g] >= k);
  const pooled = RATER_GROUPS.filter((g) => g !== 'self' && !ownColumn(g) && respondents[g] > 0);
  const poolSize = pooled.reduce((sum, g) => sum + respondents[g], 0);
  const othersShown = poolSize >= k;
  const nonIdentified = RATER_GROUPS.filter((g) => !isIdentified(g, settings)).reduce((sum, g) => sum + respondents[g], 0);

  const columnOfGroup = {} as Record<RaterGroup, ColumnKey>;
  for (const g of RATER_GROUPS) columnOfGroup[g] = g === 'other' || !ownColumn(g) ? 'others' : (g as ColumnKey);

  const column = (key: ColumnKey, groups: RaterGroup[], identified: boolean, shown: boolean, hidden: HiddenReason): ColumnView => {
    const count = groups.reduce((sum, g) => sum + respondents[g], 0);
    if (count === 0) return { key, groups, identified, shown: false, reason: 'no_responses' };
    return shown ? { key, groups, identified, shown, respondents: count } : { key, groups, identified, shown, reason: hidden };
  };
  const groupColumn = (g: 'manager' | 'peer' | 'direct_report'): ColumnView => {
    if (ownColumn(g)) return column(g, [g], isIdentified(g, settings), true, 'below_threshold');
    // Pooled: the group's own column stays empty; its answers live in `others`.
    return respondents[g] === 0
      ? { key: g, groups: [], identified: false, shown: false, reason: 'no_responses' }
      : { key: g, groups: [], identified: false, shown: false, reason: othersShown ? 'pooled' : 'below_threshold' };
  };
  const nonSelf = RATER_GROUPS.filter((g) => g !== 'self' && respondents[g] > 0);
  const columns: ColumnView[] = [
    column('self', respondents.self > 0 ? ['self'] : [], true, true, 'no_responses'),
    groupColumn('manager'),
    groupColumn('peer'),
    groupColumn('direct_report'),
    column('others', pooled, false, othersShown, 'below_threshold'),
    column('all_others', nonSelf, false, nonIdentified >= k, 'below_threshold'),
  ];
  return { settings, columns, columnOfGroup };
}

export function columnView(plan: ColumnPlan, key: ColumnKey): ColumnView {
  return plan.columns.find((c) => c.key === key)!;
}

/**
 * Which cells of one statement may be shown, given the non-null answers per column (the
 * `all_others` entry is ignored: it is derived). See rule 3 above.
 */
export function decideStatementCells(plan: ColumnPlan, answered: Readonly<Record<ColumnKey, number>>): Record<ColumnKey, Visibility> {
  const k = plan.settings.threshold;
  const result = {} as Record<ColumnKey, Visibility>;
  const open: ColumnKey[] = [];
  let hidden = 0;
  let nonIdentified = 0;
  for (const key of NON_TOTAL_COLUMNS) {
    const column = columnView(plan, key);
    const count = answered[key] ?? 0;
    if (column.identified) {
      result[key] = count > 0 ? { shown: true } : { shown: false, reason: column.shown ? 'not_observed' : column.reason! };
      continue;
    }
    nonIdentified += count;
    if (!column.shown) result[key] = { shown: false, reason: column.reason! };
    else if (count < k) result[key] = { shown: false, reason: 'below_threshold' };
    else {
      result[key] = { shown: true };
      open.push(key);
      continue;
    }
    hidden += count;
  }
  const total = columnView(plan, 'all_others');
  if (nonIdentified < k) {
    result.all_others = { shown: false, reason: total.shown ? 'below_threshold' : total.reason! };
    return result;
  }
  // Complementary suppression: hide the smallest shown cells until the remainder that the
  // total would expose is at least k (a shown cell has ≥ k answers, so one usually suffices).
  while (hidden > 0 && hidden < k) {
    const smallest = open.reduce((a, b) => ((answered[b] ?? 0) < (answered[a] ?? 0) ? b : a));
    open.splice(open.indexOf(smallest), 1);
    result[smallest] = { shown: false, reason: 'complementary' };
    hidden += answered[smallest] ?? 0;
  }
  result.all_others = { shown: true };
  return result;
}

/**
 * Where a rater's comments may appear: `self`, the anonymous `others` list, or nowhere (rule 5).
 */
export function commentAudience(plan: ColumnPlan, group: RaterGroup): 'self' | 'others' | null {
  if (group === 'self') return 'self';
  if (isIdentified(group, plan.settings)) {
    const anyAnonymousColumn = plan.columns.some((c) => c.key !== 'all_others' && !c.identified && c.shown);
    return anyAnonymousColumn ? 'others' : null;
  }
  return columnView(plan, plan.columnOfGroup[group]).shown ? 'others' : null;
}

/**
 * Orders comments by a 32-bit FNV-1a hash of their text, ties by the text itself: unrelated to
 * who wrote them or when, not grouped by first letter as an alphabetical order would be, and
 * deterministic, so a stored report renders identically every time.
 */
export function orderComments(texts: readonly string[]): string[] {
  return texts
    .map((text) => ({ text, hash: fnv1a(text) }))
    .sort((a, b) => a.hash - b.hash || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map((c) => c.text);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
