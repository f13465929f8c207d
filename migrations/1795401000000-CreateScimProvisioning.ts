import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './tenant-row-security';

/**
 * People provisioning over SCIM 2.0 (README, "Provisioning people over SCIM").
 *
 * scim_tokens: the bearer tokens HR creates for an identity provider. A token names its
 * organisation (libs/identity, tokens.ts) and only its SHA-256 is kept; a revoked token stays
 * listed (revoked_at) so the audit trail's ids keep a name.
 *
 * scim_users: what SCIM knows of a person that Ripple does not: the identity provider's own id
 * (externalId). A person is a SCIM User whether or not a row exists here.
 */
export class CreateScimProvisioning1795401000000 implements MigrationInterface {
  name = 'CreateScimProvisioning1795401000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scim_tokens (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        token_hash bytea NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT scim_tokens_organization_id_id_pk PRIMARY KEY (organization_id, id),
        CONSTRAINT scim_tokens_organization_id_token_hash_uq UNIQUE (organization_id, token_hash),
        CONSTRAINT scim_tokens_organization_id_fk FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT scim_tokens_name_ck CHECK (length(name) BETWEEN 1 AND 100)
      )`);
    await q.query(`
      CREATE TABLE scim_users (
        organization_id uuid NOT NULL,
        person_id uuid NOT NULL,
        external_id text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT scim_users_organization_id_person_id_pk PRIMARY KEY (organization_id, person_id),
        CONSTRAINT scim_users_organization_id_external_id_uq UNIQUE (organization_id, external_id),
        CONSTRAINT scim_users_organization_id_person_id_fk FOREIGN KEY (organization_id, person_id)
          REFERENCES people (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT scim_users_external_id_ck CHECK (length(external_id) BETWEEN 1 AND 255)
      )`);
    await enableTenantRowSecurity(q, 'scim_tokens');
    await enableTenantRowSecurity(q, 'scim_users');
  }

  async down(q: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(q, 'scim_users');
    await disableTenantRowSecurity(q, 'scim_tokens');
    await q.query(`DROP TABLE scim_users`);
    await q.query(`DROP TABLE scim_tokens`);
  }
}
