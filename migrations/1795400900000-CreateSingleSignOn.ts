import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './tenant-row-security';

/**
 * Single sign-on with OpenID Connect (README, "Single sign-on").
 *
 * - sso_providers: an organisation's one identity provider. The client secret is stored sealed
 *   (AES-256-GCM under the instance's secret key, bound to the organisation), never in clear.
 *   `sso_only` turns passwords off for everyone but the break-glass person. `last_test` keeps the
 *   outcome of HR's last "Test sign-in" for the settings page.
 * - sso_identities: who a provider's subject is, once a person has signed in through it: from then
 *   on the subject, not the email, finds them.
 * - sso_logins: one row per sign-in started: state, nonce and PKCE verifier, found by the hash of
 *   the token in the browser's short-lived cookie, and used once (used_at).
 */
export class CreateSingleSignOn1795400900000 implements MigrationInterface {
  name = 'CreateSingleSignOn1795400900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sso_providers (
        organization_id uuid NOT NULL,
        display_name text NOT NULL,
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret_sealed text NOT NULL,
        allowed_domains text[] NOT NULL DEFAULT '{}',
        jit_enabled boolean NOT NULL DEFAULT false,
        sso_only boolean NOT NULL DEFAULT false,
        break_glass_person_id uuid,
        last_test jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sso_providers_organization_id_pk PRIMARY KEY (organization_id),
        CONSTRAINT sso_providers_organization_id_fk FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT sso_providers_organization_id_break_glass_person_id_fk FOREIGN KEY (organization_id, break_glass_person_id)
          REFERENCES people (organization_id, id),
        CONSTRAINT sso_providers_display_name_ck CHECK (length(display_name) BETWEEN 1 AND 60),
        CONSTRAINT sso_providers_issuer_ck CHECK (length(issuer) BETWEEN 1 AND 500),
        CONSTRAINT sso_providers_client_id_ck CHECK (length(client_id) BETWEEN 1 AND 300),
        CONSTRAINT sso_providers_allowed_domains_ck CHECK (cardinality(allowed_domains) <= 20),
        CONSTRAINT sso_providers_sso_only_ck CHECK (NOT sso_only OR break_glass_person_id IS NOT NULL)
      )`);
    // Sign-in by email finds the organisation from the address's domain (across organisations).
    await q.query(`CREATE INDEX sso_providers_allowed_domains_idx ON sso_providers USING gin (allowed_domains)`);
    await enableTenantRowSecurity(q, 'sso_providers');

    await q.query(`
      CREATE TABLE sso_identities (
        organization_id uuid NOT NULL,
        person_id uuid NOT NULL,
        issuer text NOT NULL,
        subject text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sso_identities_organization_id_person_id_pk PRIMARY KEY (organization_id, person_id),
        CONSTRAINT sso_identities_organization_id_issuer_subject_uq UNIQUE (organization_id, issuer, subject),
        CONSTRAINT sso_identities_organization_id_person_id_fk FOREIGN KEY (organization_id, person_id)
          REFERENCES people (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT sso_identities_subject_ck CHECK (length(subject) BETWEEN 1 AND 255)
      )`);
    await enableTenantRowSecurity(q, 'sso_identities');

    await q.query(`
      CREATE TABLE sso_logins (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        purpose text NOT NULL,
        state text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        requested_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT sso_logins_organization_id_id_pk PRIMARY KEY (organization_id, id),
        CONSTRAINT sso_logins_organization_id_token_hash_uq UNIQUE (organization_id, token_hash),
        CONSTRAINT sso_logins_organization_id_fk FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT sso_logins_organization_id_requested_by_fk FOREIGN KEY (organization_id, requested_by)
          REFERENCES people (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT sso_logins_purpose_ck CHECK (purpose IN ('sign_in', 'test'))
      )`);
    await q.query(`CREATE INDEX sso_logins_expires_at_idx ON sso_logins (expires_at)`);
    await enableTenantRowSecurity(q, 'sso_logins');
  }

  async down(q: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(q, 'sso_logins');
    await q.query(`DROP INDEX sso_logins_expires_at_idx`);
    await q.query(`DROP TABLE sso_logins`);
    await disableTenantRowSecurity(q, 'sso_identities');
    await q.query(`DROP TABLE sso_identities`);
    await disableTenantRowSecurity(q, 'sso_providers');
    await q.query(`DROP INDEX sso_providers_allowed_domains_idx`);
    await q.query(`DROP TABLE sso_providers`);
  }
}
