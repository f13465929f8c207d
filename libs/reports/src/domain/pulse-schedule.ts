/**
 * When a follow-up pulse starts, and what its plan shows of it (README, "Development plans").
 *
 * The subject chooses how many weeks after their report's release the pulse starts (default 8):
 * a pulse asked for after those weeks have passed starts at once. Its progress is one of:
 * - `scheduled`: asked for, waiting for its start;
 * - `not_started`: the start came but could not ask enough raters (fewer than k still active and
 *   with room under the organisation's cap): the plan says so in a plain sentence;
 * - `collecting`: the pulse cycle is open for answers;
 * - `computing`: answering has ended, its report is being computed;
 * - `ready`: the pulse cycle has closed and its report is stored: then vs now can be shown
 *   (as far as pulse-comparison.ts allows).
 */
export const PULSE_WEEKS = { minimum: 1, maximum: 52, default: 8 } as const;

/** How long the raters of a pulse have to answer before the subject may expect it to close. */
export const PULSE_COLLECTING_DAYS = 14;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The pulse starts `weeks` after the report's release, or now when that moment has passed. */
export function pulseStartsAt(releasedAt: Date, weeks: number, now: Date): Date {
  const due = new Date(releasedAt.getTime() + weeks * WEEK_MS);
  return due.getTime() > now.getTime() ? due : now;
}

export type PulseProgress = 'scheduled' | 'not_started' | 'collecting' | 'computing' | 'ready';

export interface PulseFacts {
  /** The pulse cycle, once started: its state, and whether the subject's pulse report is stored. */
  cycle: { state: string; hasReport: boolean } | null;
  /** Why the start could not ask the pulse (null when it did, or has not come yet). */
  failure: string | null;
}

export function pulseProgress(facts: PulseFacts): PulseProgress {
  if (facts.failure !== null) return 'not_started';
  if (facts.cycle === null) return 'scheduled';
  if (facts.cycle.state !== 'closed' && facts.cycle.state !== 'released') return 'collecting';
  return facts.cycle.hasReport ? 'ready' : 'computing';
}
