/**
 * Then vs now for a follow-up pulse: the one place that decides what a pulse may set against the
 * report it follows (anonymity.ts has the rules of each report on its own).
 *
 * The rule: both sides are numbers the two reports PUBLISHED, read from their stored summaries
 * (`TrendSource`: the all-others behaviour means exactly as each report shows them, null where it
 * showed nothing). The comparison takes nothing else, so it cannot be handed raw answers.
 *
 * Why it matters. The raters of a pulse are the original raters still active, plus any the
 * subject adds. Recomputing "then" over the raters who also answered the pulse would give a
 * number that differs from the published one by exactly the leavers' answers: published − recomputed
 * isolates them, however few they are. Published numbers only, on both sides, cannot do that:
 * each report's numbers stand on their own answers (a pulse answer is a new answer, never one of
 * the original's), each report is safe on its own, so a reader of both learns nothing that one
 * of them does not already show. `pulse-comparison.property.spec.ts` checks this with the leak
 * checker over pairs (original, pulse), and shows that the recomputed "then" would leak.
 *
 * A behaviour's change is shown only where both reports show that behaviour; the total is the
 * mean over exactly those behaviours, on each side: a function of shown numbers only.
 */
import type { TrendSource } from './report-types';

export type PulseChange = { shown: true; then: number; now: number; delta: number } | { shown: false; reason: 'not_shown' };

export interface PulseBehaviourChange {
  key: string;
  name: string;
  change: PulseChange;
}

export interface PulseComparison {
  behaviours: PulseBehaviourChange[];
  /** The mean over the behaviours shown on both sides, then and now; hidden when there is none. */
  total: PulseChange;
}

/** `then`: the original report's stored summary; `now`: the pulse's; `behaviours`: the pulse's chosen behaviours, in order. */
export function comparePulse(
  then: Pick<TrendSource, 'behaviours'>,
  now: Pick<TrendSource, 'behaviours'>,
  behaviours: readonly { key: string; name: string }[],
): PulseComparison {
  const changes = behaviours.map(({ key, name }) => ({ key, name, change: change(then.behaviours[key], now.behaviours[key]) }));
  const both = changes.flatMap((c) => (c.change.shown ? [c.change] : []));
  const total: PulseChange = both.length === 0 ? { shown: false, reason: 'not_shown' } : change(mean(both.map((c) => c.then)), mean(both.map((c) => c.now)));
  return { behaviours: changes, total };
}

function change(then: number | null | undefined, now: number | null | undefined): PulseChange {
  if (then === null || then === undefined || now === null || now === undefined) return { shown: false, reason: 'not_shown' };
  return { shown: true, then, now, delta: now - then };
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}
