import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person changing their own sign-in address: one row per confirmation link mailed to the new
 * address. Only the SHA-256 of the token is kept; a link works once (used_at), until expires_at,
 * and a newer request ends the older ones. The session that asked is kept for when the change
 * lands: that one stays signed in, every other session of the person ends.
 */
export class CreateEmailChangeTokens1795400360000 implements MigrationInterface {
  name = 'CreateEmailChangeTokens1795400360000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_change_tokens (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        new_email text NOT NULL,
        token_hash bytea NOT NULL,
        requested_ip text,
        requested_session_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT email_change_tokens_organization_id_id_pk PRIMARY KEY (organization_id, id),
        CONSTRAINT email_change_tokens_organization_id_token_hash_uq UNIQUE (organization_id, token_hash),
        CONSTRAINT email_change_tokens_organization_id_person_id_fk FOREIGN KEY (organization_id, person_id)
          REFERENCES people (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT email_change_tokens_new_email_ck CHECK (length(new_email) <= 254)
      )`);
    // The link carries only the token: it is looked up by its hash alone.
    await q.query(`CREATE INDEX email_change_tokens_token_hash_idx ON email_change_tokens (token_hash)`);
    await q.query(`CREATE INDEX email_change_tokens_organization_id_person_id_idx ON email_change_tokens (organization_id, person_id) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX email_change_tokens_organization_id_person_id_idx`);
    await q.query(`DROP INDEX email_change_tokens_token_hash_idx`);
    await q.query(`DROP TABLE email_change_tokens`);
  }
}
