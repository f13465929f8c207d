import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rate_limit_counters: the windows of the rate limits kept in PostgreSQL
 * (libs/database/src/rate-limit), first the public start of a single sign-on. One row per budget
 * (`scope`) and key (an IP, an organisation), its hits in the window that ends at `window_ends_at`.
 * A global table, like login_attempts: a limit is counted before anyone knows the organisation.
 */
export class CreateRateLimitCounters1795401600000 implements MigrationInterface {
  name = 'CreateRateLimitCounters1795401600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_counters (
        scope text NOT NULL,
        key text NOT NULL,
        hits integer NOT NULL,
        window_ends_at timestamptz NOT NULL,
        CONSTRAINT rate_limit_counters_scope_key_pk PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX rate_limit_counters_scope_window_ends_at_idx ON rate_limit_counters (scope, window_ends_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rate_limit_counters_scope_window_ends_at_idx`);
    await q.query(`DROP TABLE rate_limit_counters`);
  }
}
