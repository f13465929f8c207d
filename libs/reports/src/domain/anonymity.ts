/**
 * The one module that decides what a report may show. The report, its CSV/PDF exports and the
 * organisation heatmap all ask it; nothing else decides visibility.
 *
 * The rules (DESIGN.md, "Anonymity"), with k the cycle's threshold:
 *
 * 1. Three kinds of rater.
 *    - Identified: self always; the manager only when the cycle sets `showManagerSeparately`.
 *      Their own numbers are shown whenever they answered, so every reader knows their ratings.
 *    - Reading raters: any other rater who may read this very report — an HR admin (HR reads
 *      every report) or the subject's manager when the cycle lets managers see reports
 *      (`ResponseInput.raterMayRead`, worked out in access/report-access.ts). Such a reader knows
 *      their own ratings and can subtract them from every number they are part of.
 *    - Anonymous: everyone else, whose ratings no possible reader knows.
 *    The rule: whatever a reader can work out from the shown numbers, once the identified
 *    ratings are taken out, must stand on at least k ANONYMOUS raters (or on nobody). Counting
 *    only anonymous raters protects them from every reader, and from readers who pool what they
 *    know; and as nothing may be singled out that holds no anonymous rater, a reading rater's own
 *    ratings are just as safe from the subject and from other readers.
 *
 *    Design choice: reading raters' answers stay inside the pooled numbers; they only never count
 *    toward k. Leaving them out of every number would be as safe, but it would drop the ratings of
 *    a manager whom the cycle pools — often the most telling voice — from the whole report, and
 *    an HR admin's ratings of a colleague with them. Keeping them costs one complementary
 *    suppression when a hidden cell holds nothing but readers' answers (rule 3).
 *
 * 2. Columns are fixed per report from who *responded* in each group (known to the reader anyway):
 *    a non-identified group with at least k anonymous respondents gets its own column; groups with
 *    fewer, and the `other` group, are pooled into `others`, shown when the pool has at least k
 *    anonymous respondents. So every non-identified rater sits in exactly one column, and the
 *    columns are disjoint. `all_others` is everyone but self (including a separate manager), shown
 *    with at least k anonymous respondents.
 *
 *    Pooling by choice: `choosePlan` may also pool a group that could stand alone (never an
 *    identified one) when that keeps more of the report (rule 7). The pool is the one `others`
 *    column, named after its groups ("Peers and direct reports"); it is never split back: every
 *    number of its groups — statements, behaviours, indices, direction of influence, comments,
 *    exports — comes from the pool alone.
 *
 * 3. Per statement, a non-identified cell is shown only with at least k anonymous non-null answers.
 *    The `all_others` total is shown only with at least k anonymous answers, and only if the
 *    answers left in hidden cells (H) are none or include at least k anonymous ones: every reader
 *    knows the separate manager's rating, so total − shown cells − manager = the sum of H, and a
 *    reader then subtracts what they know of H themselves. When H holds answers but fewer than k
 *    anonymous ones — even none, when only a reading rater's answer is hidden — the smallest shown
 *    cell is also hidden (`complementary`) until H holds k; the total is kept because indices,
 *    profile, blind spots and rankings all read it.
 *    Why this is enough: after removing identified raters, the shown sums of one statement are
 *    indicators of disjoint sets C₁..Cₘ (each with ≥ k anonymous raters) and, maybe, of their
 *    union with H. Every vector in their span is constant on each Cᵢ and on H, so whatever a
 *    combination isolates contains a whole Cᵢ or the whole of H — each empty or holding k
 *    anonymous raters, which no reader can subtract.
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
 * Worked example (the leak rule 1 closes; build-report.spec.ts has it with numbers). k = 3; the
 * cycle pools the manager (`showManagerSeparately` off) and lets managers read reports; self, the
 * manager and 2 peers responded, the manager rating 5 and the peers 2 and 3. Counting heads,
 * `others` (manager + 2 peers) would be shown over 3 respondents with mean 10/3, and the manager
 * would work out 3 × 10/3 − 5 = 5, the two peers' sum. Counting anonymous raters, the pool holds
 * 2 < 3: `others` and `all_others` are hidden, only self is shown. Once an `other` rater (4) joins,
 * the pool holds 3 anonymous raters and is shown over 4 respondents with mean 3.5, the manager's
 * 5 inside it; the manager's 4 × 3.5 − 5 = 9 is the sum of three people, which is allowed. Had the
 * cycle kept reports from managers (`never`), the manager would be anonymous, and the first pool
 * of 3 shown.
 *
 * 6. Readers never count, whatever happens later. Whether a rater counts toward k is decided at
 *    close, from their role and the frozen org chart then; who reads is decided at read time. So
 *    the snapshot stores the people it counted as anonymous (`anonymousRaterIds` in
 *    snapshot/report-input.ts, by isAnonymous below; never served), and the one access decision
 *    (access/report-access.ts, reportAccess) refuses each of them the report in every format and
 *    its trend inside later reports, even after they become HR or the subject's manager (the
 *    manager that counts is the one frozen at launch; a later manager gains no access). The
 *    argument of rule 1 then holds by construction: every reader of a report is either
 *    identified, or was a reading rater at close (never counted), or did not rate it.
 *
 *    Organisation views. A heatmap cell is a sum of per-subject all_others numbers (each shown
 *    over ≥ k anonymous raters) over ≥ m ≥ k subjects, and complementary suppression makes every
 *    derivable combination a positive-weighted sum over whole subjects. A reader who counted in
 *    none of those reports still faces ≥ k unknown raters in any combination (those of any one
 *    subject in it): safe. A reader who counted in them is not: subtracting their own ratings
 *    leaves k − 1 raters per subject, and these can be the SAME k − 1 people for every subject
 *    of a cell (a small team rating each other), so a sum over fewer than k people comes out.
 *    Hence (heatmap/heatmap.service.ts): an HR reader's organisation view is built without the
 *    subjects whose reports counted that reader as anonymous. What is left stands on reports in
 *    which they never counted, so the argument for readers who did not rate applies; the view
 *    per reader is fixed (the stored sets do not change after release), so no two views of one
 *    reader can be differenced. Two different readers' views differ by numbers the other reader
 *    may read in full anyway.
 *
 * 7. Choosing what to hide. Several layouts are safe by rules 1–3: the columns of rule 2, and
 *    the same with any further non-identified groups pooled into `others` (each layout's columns
 *    are still disjoint, so rule 3's argument holds for each; the per-statement complementary
 *    suppression then runs on the chosen layout). `choosePlan` builds every one of them (at most
 *    2⁴: peers, direct reports, external raters and a pooled manager). The objective: a layout must show at least as many numbers (non-self statement cells)
 *    as rule 2's layout on EVERY statement — pooling never trades one statement's detail for
 *    another's — and of those it keeps the one with the most numbers over the whole report;
 *    ties go to rule 2's layout, then to fewer pooled groups, then to the smaller pool (the
 *    smallest shown neighbour absorbs the small group; the larger keeps its column). The total is
 *    the same in every layout (shown exactly when it holds k anonymous answers), so every
 *    layout covers the same answers; they differ only in how finely they are broken down.
 *    Hiding the total instead of the smallest shown cell was considered and is not offered:
 *    it hides one number just as complementary suppression does, but a number with fewer
 *    answers behind it than the total, and every headline (indices, profile, blind spots,
 *    rankings, trend) reads the total.
 *    Worked example (Priya in the demo; anonymity.spec.ts has it): k = 3, the manager shown
 *    separately, 5 peers and 2 direct reports. Rule 2 alone gives peers a column and leaves the
 *    direct reports in a hidden `others`; then total − manager − peers = the direct reports, so
 *    complementary suppression hides the peers on every statement: self, manager and total are
 *    all that shows. Pooling the peers too gives "Peers and direct reports" (7 people) on every
 *    statement, beside the same total: one more number per statement, no answer fewer.
 *    The choice reads only how many answered (never a rating), as rule 3 already does; and the
 *    one number compared across cycles, the trend, reads `all_others` alone — the same in every
 *    layout — so no pool is ever set against another cycle's layout.
 *
 * The property test `anonymity.property.spec.ts` checks 1 and 3–5 by linear algebra over random
 * cycles with reading raters, on the layouts rule 7 picks, and that rule 7 never shows less; `heatmap-suppression.ts` applies the same idea to organisation views;
 * `access/readers-never-count.property.spec.ts` checks 6 against role and org-chart changes after close.
 */
import { COLUMN_KEYS, ColumnKey, ColumnView, HiddenReason, RATER_GROUPS, RaterGroup, ResponseInput } from './report-types';

export { suppressHeatmap, effectiveMinCellSize } from './heatmap-suppression';
export type { HeatmapCellInput, HeatmapCell, HeatmapView } from './heatmap-suppression';

export interface AnonymitySettings {
  threshold: number;
  showManagerSeparately: boolean;
}

export type Visibility = { shown: true } | { shown: false; reason: HiddenReason };

/** Responses (of a group) or answers (in a cell): all of them, and those of anonymous raters (rule 1). */
export interface Headcount {
  total: number;
  anonymous: number;
}

const NOBODY: Headcount = Object.freeze({ total: 0, anonymous: 0 });

/** The column layout of one report: decided once per report (planColumns, chosen by choosePlan). */
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

/** Whether no possible reader knows this response's ratings: the only raters that count toward k. */
export function isAnonymous(response: Pick<ResponseInput, 'raterGroup' | 'raterMayRead'>, settings: AnonymitySettings): boolean {
  return !isIdentified(response.raterGroup, settings) && response.raterMayRead !== true;
}

/** Whether a group may have a column of its own (rule 2): identified, or k anonymous respondents. */
function mayStandAlone(g: RaterGroup, settings: AnonymitySettings, respondents: Readonly<Record<RaterGroup, Headcount>>): boolean {
  return g !== 'other' && (isIdentified(g, settings) || respondents[g].anonymous >= settings.threshold);
}

/**
 * `respondents`: per group, how many responded and how many of them are anonymous (isAnonymous).
 * `poolAlso`: groups that could stand alone but go into `others` all the same (rule 7); an
 * identified group cannot be pooled (every reader knows its ratings and would subtract them).
 */
export function planColumns(
  settings: AnonymitySettings,
  respondents: Readonly<Record<RaterGroup, Headcount>>,
  poolAlso: readonly RaterGroup[] = [],
): ColumnPlan {
  assertValidThreshold(settings.threshold);
  const k = settings.threshold;
  if (poolAlso.some((g) => g === 'self' || isIdentified(g, settings))) throw new RangeError(`an identified group cannot be pooled: ${poolAlso.join(', ')}`);
  const total = (groups: readonly RaterGroup[]): number => groups.reduce((sum, g) => sum + respondents[g].total, 0);
  // An identified rater is never anonymous, whatever the caller counted.
  const anonymous = (groups: readonly RaterGroup[]): number => groups.reduce((sum, g) => sum + (isIdentified(g, settings) ? 0 : respondents[g].anonymous), 0);
  const ownColumn = (g: RaterGroup): boolean => !poolAlso.includes(g) && mayStandAlone(g, settings, respondents);
  const pooled = RATER_GROUPS.filter((g) => g !== 'self' && !ownColumn(g) && respondents[g].total > 0);
  const othersShown = anonymous(pooled) >= k;
  const allOthersShown = anonymous(RATER_GROUPS) >= k;

  const columnOfGroup = {} as Record<RaterGroup, ColumnKey>;
  for (const g of RATER_GROUPS) columnOfGroup[g] = g === 'other' || !ownColumn(g) ? 'others' : g;

  const column = (key: ColumnKey, groups: RaterGroup[], identified: boolean, shown: boolean, hidden: HiddenReason): ColumnView => {
    const count = total(groups);
    if (count === 0) return { key, groups, identified, shown: false, reason: 'no_responses' };
    return shown ? { key, groups, identified, shown, respondents: count } : { key, groups, identified, shown, reason: hidden };
  };
  const groupColumn = (g: 'manager' | 'peer' | 'direct_report' | 'external'): ColumnView => {
    if (ownColumn(g)) return column(g, [g], isIdentified(g, settings), true, 'below_threshold');
    // Pooled: the group's own column stays empty; its answers live in `others`.
    return respondents[g].total === 0
      ? { key: g, groups: [], identified: false, shown: false, reason: 'no_responses' }
      : { key: g, groups: [], identified: false, shown: false, reason: othersShown ? 'pooled' : 'below_threshold' };
  };
  const nonSelf = RATER_GROUPS.filter((g) => g !== 'self' && respondents[g].total > 0);
  const columns: ColumnView[] = [
    column('self', respondents.self.total > 0 ? ['self'] : [], true, true, 'no_responses'),
    groupColumn('manager'),
    groupColumn('peer'),
    groupColumn('direct_report'),
    groupColumn('external'),
    column('others', pooled, false, othersShown, 'below_threshold'),
    column('all_others', nonSelf, false, allOthersShown, 'below_threshold'),
  ];
  return { settings, columns, columnOfGroup };
}

/**
 * The safest layout that shows the most (rule 7). `statements`: per statement, the non-null
 * answers per group, all and anonymous. Deterministic: candidates are tried in a fixed order
 * and only a strictly better one replaces the best so far.
 */
export function choosePlan(
  settings: AnonymitySettings,
  respondents: Readonly<Record<RaterGroup, Headcount>>,
  statements: readonly Readonly<Record<RaterGroup, Headcount>>[],
): ColumnPlan {
  const optional = RATER_GROUPS.filter((g) => g !== 'self' && !isIdentified(g, settings) && mayStandAlone(g, settings, respondents));
  const shownPerStatement = (plan: ColumnPlan): number[] =>
    statements.map((byGroup) => shownNumbers(decideStatementCells(plan, answersByColumn(plan, byGroup))));
  const base = planColumns(settings, respondents);
  const baseShown = shownPerStatement(base);
  let best = { plan: base, score: [baseShown.reduce((a, b) => a + b, 0), 0, 0] };
  for (let mask = 1; mask < 1 << optional.length; mask++) {
    const pooled = optional.filter((_, i) => (mask & (1 << i)) !== 0);
    const plan = planColumns(settings, respondents, pooled);
    const shown = shownPerStatement(plan);
    // Never fewer numbers on any statement than rule 2's layout: pooling must not trade one
    // statement's detail for another's.
    if (shown.some((n, i) => n < baseShown[i])) continue;
    // Higher is better, element by element: shown numbers, then fewer pooled groups, then a smaller pool.
    const score = [shown.reduce((a, b) => a + b, 0), -pooled.length, -(columnView(plan, 'others').respondents ?? 0)];
    if (isGreater(score, best.score)) best = { plan, score };
  }
  return best.plan;
}

function isGreater(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((x, j) => x !== b[j]);
  return i >= 0 && a[i] > b[i];
}

/** The non-self numbers a statement shows (self is shown whenever answered, in every layout). */
function shownNumbers(cells: Readonly<Record<ColumnKey, Visibility>>): number {
  return COLUMN_KEYS.filter((c) => c !== 'self' && cells[c].shown).length;
}

/** One statement's answers per group, summed into the plan's columns (`all_others`: every non-self group). */
export function answersByColumn(plan: ColumnPlan, byGroup: Readonly<Record<RaterGroup, Headcount>>): Record<ColumnKey, Headcount> {
  const result = Object.fromEntries(COLUMN_KEYS.map((c) => [c, { total: 0, anonymous: 0 }])) as Record<ColumnKey, Headcount>;
  for (const g of RATER_GROUPS) {
    const targets: ColumnKey[] = g === 'self' ? ['self'] : [plan.columnOfGroup[g], 'all_others'];
    for (const c of targets) {
      result[c].total += byGroup[g].total;
      result[c].anonymous += byGroup[g].anonymous;
    }
  }
  return result;
}

export function columnView(plan: ColumnPlan, key: ColumnKey): ColumnView {
  return plan.columns.find((c) => c.key === key)!;
}

/**
 * Which cells of one statement may be shown, given the non-null answers per column, all and
 * anonymous (the `all_others` entry is ignored: it is derived). See rule 3 above.
 */
export function decideStatementCells(plan: ColumnPlan, answered: Readonly<Partial<Record<ColumnKey, Headcount>>>): Record<ColumnKey, Visibility> {
  const k = plan.settings.threshold;
  const result = {} as Record<ColumnKey, Visibility>;
  const open: ColumnKey[] = [];
  const hidden: Headcount = { total: 0, anonymous: 0 };
  let anonymous = 0;
  for (const key of NON_TOTAL_COLUMNS) {
    const column = columnView(plan, key);
    const count = answered[key] ?? NOBODY;
    if (column.identified) {
      result[key] = count.total > 0 ? { shown: true } : { shown: false, reason: column.shown ? 'not_observed' : column.reason! };
      continue;
    }
    anonymous += count.anonymous;
    if (!column.shown) result[key] = { shown: false, reason: column.reason! };
    else if (count.anonymous < k) result[key] = { shown: false, reason: 'below_threshold' };
    else {
      result[key] = { shown: true };
      open.push(key);
      continue;
    }
    hidden.total += count.total;
    hidden.anonymous += count.anonymous;
  }
  const total = columnView(plan, 'all_others');
  if (anonymous < k) {
    result.all_others = { shown: false, reason: total.shown ? 'below_threshold' : total.reason! };
    return result;
  }
  // Complementary suppression: hide the smallest shown cells until the remainder that the total
  // would expose holds k anonymous answers (a shown cell has k, so one suffices). It ends: the
  // anonymous answers of the open cells and of H add up to at least k.
  const size = (key: ColumnKey): Headcount => answered[key] ?? NOBODY;
  while (hidden.total > 0 && hidden.anonymous < k) {
    const smallest = open.reduce((a, b) => (size(b).anonymous < size(a).anonymous ? b : a));
    open.splice(open.indexOf(smallest), 1);
    result[smallest] = { shown: false, reason: 'complementary' };
    hidden.total += size(smallest).total;
    hidden.anonymous += size(smallest).anonymous;
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
