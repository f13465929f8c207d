import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password recovery:
 * - password_reset_tokens: one row per mailed link. Only the SHA-256 of the token is kept (a
 *   database leak yields no live link); a link works once (used_at) and until expires_at; the IP
 *   that asked for it is kept for the audit of a dispute.
 * - password_reset_requests: every accepted "forgot your password?" request, by address and IP,
 *   whether or not the address belongs to anyone. The rate limits count these rows, so they hold
 *   across API instances and answer the same for known and unknown addresses.
 */
export class CreatePasswordResets1795400310000 implements MigrationInterface {
  name = 'CreatePasswordResets1795400310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset_tokens (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        requested_ip text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT password_reset_tokens_organization_id_id_pk PRIMARY KEY (organization_id, id),
        CONSTRAINT password_reset_tokens_organization_id_token_hash_uq UNIQUE (organization_id, token_hash),
        CONSTRAINT password_reset_tokens_organization_id_person_id_fk FOREIGN KEY (organization_id, person_id)
          REFERENCES people (organization_id, id) ON DELETE CASCADE
      )`);
    // The link carries only the token: it is looked up by its hash alone.
    await q.query(`CREATE INDEX password_reset_tokens_token_hash_idx ON password_reset_tokens (token_hash)`);
    await q.query(
      `CREATE INDEX password_reset_tokens_organization_id_person_id_idx ON password_reset_tokens (organization_id, person_id) WHERE used_at IS NULL`,
    );

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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX password_reset_requests_ip_created_at_idx`);
    await q.query(`DROP INDEX password_reset_requests_email_created_at_idx`);
    await q.query(`DROP TABLE password_reset_requests`);
    await q.query(`DROP INDEX password_reset_tokens_organization_id_person_id_idx`);
    await q.query(`DROP INDEX password_reset_tokens_token_hash_idx`);
    await q.query(`DROP TABLE password_reset_tokens`);
  }
}
