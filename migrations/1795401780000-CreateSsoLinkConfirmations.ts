import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './tenant-row-security';

/**
 * Linking an account that is already in use to a single sign-on identity takes proof from the
 * person (README, "Single sign-on"): a link mailed to their own address. One row per link, found
 * by the hash of its token, bound to the provider's issuer and subject of the sign-in that asked,
 * used once (used_at) and short-lived (expires_at).
 */
export class CreateSsoLinkConfirmations1795401780000 implements MigrationInterface {
  name = 'CreateSsoLinkConfirmations1795401780000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sso_link_confirmations (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        issuer text NOT NULL,
        subject text NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT sso_link_confirmations_organization_id_id_pk PRIMARY KEY (organization_id, id),
        CONSTRAINT sso_link_confirmations_organization_id_token_hash_uq UNIQUE (organization_id, token_hash),
        CONSTRAINT sso_link_confirmations_organization_id_person_id_fk FOREIGN KEY (organization_id, person_id)
          REFERENCES people (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT sso_link_confirmations_subject_ck CHECK (length(subject) BETWEEN 1 AND 255)
      )`);
    await q.query(
      `CREATE INDEX sso_link_confirmations_organization_id_person_id_idx ON sso_link_confirmations (organization_id, person_id) WHERE used_at IS NULL`,
    );
    await enableTenantRowSecurity(q, 'sso_link_confirmations');
  }

  async down(q: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(q, 'sso_link_confirmations');
    await q.query(`DROP INDEX sso_link_confirmations_organization_id_person_id_idx`);
    await q.query(`DROP TABLE sso_link_confirmations`);
  }
}
