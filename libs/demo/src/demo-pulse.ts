/**
 * The demo's follow-up pulse: Priya's plan (demo-plans.ts) on the latest finished cycle was
 * followed, eight weeks after its release, by a pulse on the plan's two behaviours, answered by
 * her raters of that cycle and closed two weeks later, so a visitor signed in as Priya sees then
 * vs now on her plan page at once (and David, with whom she shared the plan, sees the same).
 */
export const DEMO_PULSE = {
  person: 'priya',
  weeks: 8,
  /** Answering time, in days, after the pulse started. */
  collectingDays: 14,
  /** What each rater answers: their answer in the original cycle, one point higher where `lift` picks it (deterministic). */
  liftShare: 0.6,
} as const;
