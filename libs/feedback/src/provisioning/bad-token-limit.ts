import type { RateBudget } from '@lib/database';

/**
 * Bad SCIM tokens one address may present per window before it is refused without a lookup. A
 * token carries 256 random bits, so this is not what keeps tokens secret: it stops a misconfigured
 * or hostile client from turning every request into a database lookup and a log line. Counted in
 * memory (MemoryRateLimitStore: per instance, bounded): a restart or another instance starts the
 * count again, which costs an attacker nothing they could use.
 */
export const BAD_SCIM_TOKENS: RateBudget = { scope: 'scim.bad_token', limit: 20, windowSeconds: 15 * 60 };
