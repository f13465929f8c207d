/**
 * Rate limits, one way for every limiter of Ripple: a budget allows `limit` hits per key (an IP, an
 * organisation, an address) in a fixed window that starts at the key's first hit; the store keeps
 * the counts. PostgreSQL (PostgresRateLimitStore) when the limit must hold across every instance,
 * memory (MemoryRateLimitStore) when a per-instance count is enough and no request should pay a
 * round trip for it. Counted hits may be every request (`consume`) or only the refused ones
 * (`exhausted` before the work, `record` after a failure).
 */
export interface RateBudget {
  /** Names the budget in the store, e.g. `sso_start.ip`. */
  scope: string;
  limit: number;
  windowSeconds: number;
}

/** A key's hits in its current window, and when that window ends. */
export interface WindowCount {
  hits: number;
  resetsInSeconds: number;
}

export interface RateLimitStore {
  /** Counts one hit for `key`, starting a new window when the last one has ended; the count after it. */
  hit(budget: RateBudget, key: string): Promise<WindowCount>;
  /** The count of the current window, without a hit (zero when there is none). */
  count(budget: RateBudget, key: string): Promise<WindowCount>;
  /** Ends `key`'s current window, if any: its next hit starts a new one. */
  forget(budget: RateBudget, key: string): Promise<void>;
}

/** A budget spent: which, and when to come back (the Retry-After header). */
export interface RateRefusal {
  scope: string;
  retryAfterSeconds: number;
}

/** Null while `hits` stays within the budget; otherwise the refusal, never asking to wait less than a second. */
export function refusalOf(budget: RateBudget, count: WindowCount, allowed: number = budget.limit): RateRefusal | null {
  if (count.hits <= allowed) return null;
  return { scope: budget.scope, retryAfterSeconds: Math.max(1, Math.ceil(count.resetsInSeconds)) };
}

export class RateLimiter {
  constructor(private readonly store: RateLimitStore) {}

  /**
   * Counts this request against each budget in turn (e.g. the network, then the organisation) and
   * returns the first one it exceeds. A refused request is not charged to the budgets after it.
   */
  async consume(...charges: readonly (readonly [RateBudget, string])[]): Promise<RateRefusal | null> {
    for (const [budget, key] of charges) {
      const refusal = refusalOf(budget, await this.store.hit(budget, key));
      if (refusal) return refusal;
    }
    return null;
  }

  /** For budgets of failures: refused once `key` has failed `limit` times in its window. */
  async exhausted(budget: RateBudget, key: string): Promise<RateRefusal | null> {
    return refusalOf(budget, await this.store.count(budget, key), budget.limit - 1);
  }

  /** Counts one failure for `key`. */
  async record(budget: RateBudget, key: string): Promise<void> {
    await this.store.hit(budget, key);
  }

  /** Forgets `key`'s count (e.g. the failures a password reset made moot). */
  async forget(budget: RateBudget, key: string): Promise<void> {
    await this.store.forget(budget, key);
  }
}
