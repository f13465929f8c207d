import { ANONYMITY_THRESHOLD_MIN } from '@lib/common';

/**
 * The organisation-wide limits on feedback people start on themselves (and on follow-up pulses):
 * THE bounds, published by the DTOs and checked by the database's constraints
 * (migrations/1795401200000-AddSelfStartedFeedbackSettings.ts). Change them in both places.
 */
export const SELF_REQUEST_LIMITS = {
  /** Never below the lowest k; the settings service also holds it at or above the organisation's own k. */
  selfRequestMinRaters: { minimum: ANONYMITY_THRESHOLD_MIN, maximum: 20 },
  selfRequestMaxBehaviours: { minimum: 1, maximum: 10 },
  raterOpenRequestCap: { minimum: 1, maximum: 50 },
} as const;

export interface SelfRequestSettings {
  /** Whether people may start feedback on themselves outside HR's cycles. */
  selfRequestsEnabled: boolean;
  /** The fewest raters a self-started request asks; at least the organisation's k. */
  selfRequestMinRaters: number;
  /** The most behaviours a self-started request (or a pulse) asks about. */
  selfRequestMaxBehaviours: number;
  /** A rater's open requests, across every cycle, beyond which nobody may ask them for more. */
  raterOpenRequestCap: number;
}

/**
 * The minimum raters to store when HR saves the settings: a new value below k is an error (null
 * here: the caller names the field); raising k lifts an unchanged minimum (left out, or sent as it
 * was, as a form does) along with it, so the stored minimum is never below k.
 */
export function nextMinRaters(current: number, requested: number | undefined, threshold: number): number | null {
  if (requested !== undefined && requested !== current) return requested >= threshold ? requested : null;
  return Math.max(current, threshold);
}
