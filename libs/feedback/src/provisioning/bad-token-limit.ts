import { LRUCache } from 'lru-cache';

/** Bad SCIM tokens one address may present per window before it is refused without a lookup. */
export const BAD_TOKENS_PER_WINDOW = 20;
export const BAD_TOKEN_WINDOW_SECONDS = 15 * 60;

/**
 * Counts the bad tokens each client address presents. A token carries 256 random bits, so this is
 * not what keeps tokens secret: it stops a misconfigured or hostile client from turning every
 * request into a database lookup and a log line. Kept in memory (per instance, bounded): a
 * restart or another instance starts the count again, which costs an attacker nothing they could use.
 */
export class BadTokenLimit {
  private readonly failures = new LRUCache<string, { count: number; since: number }>({ max: 10_000 });

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds until this address may try again, or 0 when it may try now. */
  retryAfter(address: string): number {
    const entry = this.current(address);
    if (!entry || entry.count < BAD_TOKENS_PER_WINDOW) return 0;
    return Math.max(1, Math.ceil((entry.since + BAD_TOKEN_WINDOW_SECONDS * 1000 - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    const entry = this.current(address) ?? { count: 0, since: this.now() };
    this.failures.set(address, { count: entry.count + 1, since: entry.since });
  }

  private current(address: string): { count: number; since: number } | undefined {
    const entry = this.failures.get(address);
    if (entry && this.now() - entry.since >= BAD_TOKEN_WINDOW_SECONDS * 1000) {
      this.failures.delete(address);
      return undefined;
    }
    return entry;
  }
}
