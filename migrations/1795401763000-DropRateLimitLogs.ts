import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The password-reset and external-link limits now count in rate_limit_counters
 * (libs/database/src/rate-limit), like every other limit: one row per budget and key, ended windows
 * deleted as new hits come in. The two logs they counted are dropped: external_link_attempts kept
 * every refused link opening forever; password_reset_requests one row per request. Their rows are
 * not carried over: a limit's window is an hour at most, so the worst is one fresh window.
 */
export class DropRateLimitLogs1795401763000 implements MigrationInterface {
  name = 'DropRateLimitLogs1795401763000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE external_link_attempts`);
    await q.query(`DROP TABLE password_reset_requests`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset_requests (
        id bigint GENERATED ALWAYS AS IDENTITY,
        email text NOT NULL,
        ip text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT password_reset_requests_id_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX password_reset_requests_email_created_at_idx ON password_reset_requests (email, created_at)`);
    await q.query(`CREATE INDEX password_reset_requests_ip_created_at_idx ON password_reset_requests (ip, created_at)`);
    await q.query(`
      CREATE TABLE external_link_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY,
        ip text NOT NULL,
        token_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT external_link_attempts_id_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX external_link_attempts_ip_created_at_idx ON external_link_attempts (ip, created_at)`);
    await q.query(`CREATE INDEX external_link_attempts_token_prefix_created_at_idx ON external_link_attempts (token_prefix, created_at)`);
  }
}
