/**
 * Score maths of the report. Pure arithmetic: what may be shown is decided in anonymity.ts,
 * and these functions are only ever given numbers that are already allowed.
 */
import { GapView, HiddenReason, ProfileQuadrant, RankedStatementView, ShownCell, TrendValue } from './report-types';

/** Where an index counts as "high" on the 1–5 frequency scale: "often" and above, halfway to "very often". */
export const PROFILE_THRESHOLD = 3.5;
/** A self rating this far from the others' mean is a blind spot (above) or a hidden strength (below). */
export const GAP_THRESHOLD = 1.0;
export const TOP_COUNT = 5;
// Means are exact ratios of small integers; this only absorbs the last bit of float division.
const EPSILON = 1e-9;

/**
 * Integer running totals of answers. Means and spreads are computed from these at the end, so
 * the result is bit-for-bit the same whatever order the answers came in.
 */
export interface Tally {
  sum: number;
  sumOfSquares: number;
  answers: number;
}

export const EMPTY_TALLY: Readonly<Tally> = Object.freeze({ sum: 0, sumOfSquares: 0, answers: 0 });

export function tally(ratings: readonly number[]): Tally {
  return ratings.reduce<Tally>((t, r) => addAnswer(t, r), { ...EMPTY_TALLY });
}

export function addAnswer(t: Tally, rating: number): Tally {
  return { sum: t.sum + rating, sumOfSquares: t.sumOfSquares + rating * rating, answers: t.answers + 1 };
}

export function combineTallies(tallies: readonly Tally[]): Tally {
  return tallies.reduce<Tally>((a, b) => ({ sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares, answers: a.answers + b.answers }), {
    ...EMPTY_TALLY,
  });
}

export function mean(t: Tally): number {
  if (t.answers === 0) throw new RangeError('mean of no answers');
  return t.sum / t.answers;
}

/**
 * Population standard deviation of the answers. Chosen over min–max because its sum of squares
 * adds up over the same rater sets as the mean, so the no-differencing argument for means covers
 * it too; a min or max of a union says things about the parts that no sum rule controls.
 * Population, not sample: a single answer (self) has spread 0 rather than undefined.
 */
export function spread(t: Tally): number {
  if (t.answers === 0) throw new RangeError('spread of no answers');
  // n·Σx² − (Σx)² is an exact integer, so rounding cannot make it negative.
  return Math.sqrt(t.answers * t.sumOfSquares - t.sum * t.sum) / t.answers;
}

export function shownCell(t: Tally, raters: number): ShownCell {
  return { shown: true, mean: mean(t), n: raters, spread: spread(t) };
}

/**
 * An index: the plain mean of its behaviour means, so a behaviour with three statements weighs
 * no more than one with two. Null when no behaviour of the kind could be shown.
 */
export function indexMean(behaviourMeans: readonly number[]): number | null {
  if (behaviourMeans.length === 0) return null;
  return behaviourMeans.reduce((s, m) => s + m, 0) / behaviourMeans.length;
}

export function profileQuadrant(influence: number, management: number, threshold = PROFILE_THRESHOLD): ProfileQuadrant {
  const leads = influence >= threshold;
  const manages = management >= threshold;
  if (leads && manages) return 'manager_leader';
  if (leads) return 'leader_without_title';
  if (manages) return 'manager';
  return 'emerging';
}

/** A statement with its self mean and all-others mean, each only when shown. */
export interface StatementComparison {
  statementId: string;
  behaviourKey: string;
  text: string;
  self?: number;
  others?: number;
}

/**
 * Blind spots (self ≥ others + 1.0) and hidden strengths (self ≤ others − 1.0), per statement,
 * where both numbers are shown; largest gap first, then questionnaire order.
 */
export function findGaps(items: readonly StatementComparison[]): { blindSpots: GapView[]; hiddenStrengths: GapView[] } {
  const gaps: GapView[] = [];
  for (const item of items) {
    if (item.self === undefined || item.others === undefined) continue;
    const { statementId, behaviourKey, text, self, others } = item;
    gaps.push({ statementId, behaviourKey, text, self, others, gap: self - others });
  }
  const byMagnitude = (a: GapView, b: GapView): number => Math.abs(b.gap) - Math.abs(a.gap);
  return {
    blindSpots: gaps.filter((g) => g.gap >= GAP_THRESHOLD - EPSILON).sort(byMagnitude),
    hiddenStrengths: gaps.filter((g) => g.gap <= -GAP_THRESHOLD + EPSILON).sort(byMagnitude),
  };
}

/**
 * Top strengths and areas to develop by the all-others mean per statement. The two lists never
 * share a statement: with fewer than ten shown, strengths take the upper half (rounded up).
 * Ties keep questionnaire order (Array.prototype.sort is stable).
 */
export function rankStatements(
  items: readonly StatementComparison[],
  count = TOP_COUNT,
): { strengths: RankedStatementView[]; developmentAreas: RankedStatementView[] } {
  const ranked = items
    .filter((i): i is StatementComparison & { others: number } => i.others !== undefined)
    .map(({ statementId, behaviourKey, text, others }) => ({ statementId, behaviourKey, text, mean: others }));
  const strengthCount = Math.min(count, Math.ceil(ranked.length / 2));
  const strengths = [...ranked].sort((a, b) => b.mean - a.mean).slice(0, strengthCount);
  const taken = new Set(strengths.map((s) => s.statementId));
  const developmentAreas = ranked
    .filter((r) => !taken.has(r.statementId))
    .sort((a, b) => a.mean - b.mean)
    .slice(0, Math.min(count, ranked.length - strengthCount));
  return { strengths, developmentAreas };
}

/** Change since an earlier cycle, only where both cycles showed the number. */
export function trendValue(current: number | null, previous: number | null | undefined): TrendValue {
  if (previous === null || previous === undefined) return { shown: false, reason: 'no_previous' };
  if (current === null) return { shown: false, reason: 'not_shown' };
  return { shown: true, previous, current, delta: current - previous };
}

/** The reason a derived number inherits from the numbers it would have been built from. */
export function commonReason(reasons: readonly HiddenReason[]): HiddenReason {
  if (reasons.length > 0 && reasons.every((r) => r === reasons[0])) return reasons[0];
  return 'below_threshold';
}
