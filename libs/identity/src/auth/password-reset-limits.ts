import type { RateBudget, RateRefusal } from '@lib/database';

/**
 * How often anyone may ask for a password-reset link (RateLimiter budgets, counted in PostgreSQL so
 * they hold across every instance). The limits count requests, not accounts: they answer the same
 * whether or not the address belongs to someone, so a refusal (429) says nothing about who has an
 * account. Per address, so nobody's inbox is flooded; per IP, so one network cannot probe or flood
 * many addresses. The address is named first when both are spent; a refused request counts
 * against neither (its count rolls back with the refusal).
 */
export const RESET_REQUESTS_PER_ADDRESS: RateBudget = { scope: 'password_reset.address', limit: 5, windowSeconds: 60 * 60 };
export const RESET_REQUESTS_PER_NETWORK: RateBudget = { scope: 'password_reset.ip', limit: 20, windowSeconds: 60 * 60 };
/** A mailed link works once, and for this long. */
export const RESET_LINK_MINUTES = 30;

/** What a refused request is told: which limit, and in how many minutes to come back. */
export function resetRefusalMessage(refusal: RateRefusal): string {
  const minutes = Math.ceil(refusal.retryAfterSeconds / 60);
  const which = refusal.scope === RESET_REQUESTS_PER_ADDRESS.scope ? 'for this address' : 'from your network';
  return `Too many password reset requests ${which}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
