import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in and first-run set-up limits now count in rate_limit_counters
 * (libs/database/src/rate-limit), like every other limit: failures only, one row per budget and
 * key, ended windows deleted as new hits come in. The two logs they counted are dropped:
 * login_attempts kept every sign-in, failed or not, forever; setup_attempts every wrong code.
 * Their rows are not carried over: a window is 15 minutes, so the worst is one fresh window.
 */
export class DropSignInAndSetupAttempts1795401790000 implements MigrationInterface {
  name = 'DropSignInAndSetupAttempts1795401790000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE setup_attempts`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE setup_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY,
        ip text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT setup_attempts_id_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX setup_attempts_ip_created_at_idx ON setup_attempts (ip, created_at)`);
    await q.query(`
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY,
        organization_id uuid,
        email text NOT NULL,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT login_attempts_id_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX login_attempts_email_created_at_idx ON login_attempts (email, created_at)`);
    await q.query(`CREATE INDEX login_attempts_ip_created_at_idx ON login_attempts (ip, created_at)`);
  }
}
