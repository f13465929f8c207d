import { selectFirst, selectOne, type SqlRunner } from '../sql-rows';
import type { RateBudget, RateLimitStore, WindowCount } from './rate-limit';

/**
 * Counts in PostgreSQL (`rate_limit_counters`, a global table: limits are counted before anyone
 * knows an organisation), so a limit holds across every instance. One row per budget and key; a
 * hit is one atomic upsert (concurrent hits on any instance each count once), which also deletes
 * a few windows of the same budget that have ended, so the table holds only live windows.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  constructor(private readonly db: SqlRunner) {}

  async hit(budget: RateBudget, key: string): Promise<WindowCount> {
    const row = await selectOne<{ hits: number; resets_in: number }>(
      this.db,
      `WITH ended AS (
         DELETE FROM rate_limit_counters
          WHERE (scope, key) IN (SELECT scope, key FROM rate_limit_counters WHERE scope = $1 AND window_ends_at <= now() AND key <> $2 LIMIT 100)
       )
       INSERT INTO rate_limit_counters AS c (scope, key, hits, window_ends_at)
       VALUES ($1, $2, 1, now() + make_interval(secs => $3))
       ON CONFLICT (scope, key) DO UPDATE
          SET hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
              window_ends_at = CASE WHEN c.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END
       RETURNING c.hits, extract(epoch FROM c.window_ends_at - now())::float8 AS resets_in`,
      [budget.scope, key, budget.windowSeconds],
    );
    return { hits: row.hits, resetsInSeconds: row.resets_in };
  }

  async count(budget: RateBudget, key: string): Promise<WindowCount> {
    const row = await selectFirst<{ hits: number; resets_in: number }>(
      this.db,
      `SELECT hits, extract(epoch FROM window_ends_at - now())::float8 AS resets_in
         FROM rate_limit_counters WHERE scope = $1 AND key = $2 AND window_ends_at > now()`,
      [budget.scope, key],
    );
    return row ? { hits: row.hits, resetsInSeconds: row.resets_in } : { hits: 0, resetsInSeconds: 0 };
  }

  async forget(budget: RateBudget, key: string): Promise<void> {
    await this.db.query(`DELETE FROM rate_limit_counters WHERE scope = $1 AND key = $2`, [budget.scope, key]);
  }
}
