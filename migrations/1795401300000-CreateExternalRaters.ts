import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './tenant-row-security';

/**
 * Raters from outside the organisation (customers, partners, volunteers), invited by name and
 * email to rate one subject in one cycle. They have no account and never appear as a person.
 * - external_raters: the invitation, its link and its answers. The link and the short-lived
 *   credential it is exchanged for are kept only as SHA-256 hashes (link_hash, access_hash); a
 *   link works once (link_used_at) and until link_expires_at. `email` is erased (set to NULL,
 *   email_erased_at set) when the cycle closes: the cycle needs it only to send links.
 *   `draft` is the autosaved answer set; `answers` the submitted one (the report reads it).
 * - external_link_attempts: every refused attempt to open a link, by IP and token prefix (the
 *   organisation the token names, unverified). The rate limits count these rows, so they hold
 *   across API instances.
 */
export class CreateExternalRaters1795401300000 implements MigrationInterface {
  name = 'CreateExternalRaters1795401300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE external_raters (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL,
        subject_id uuid NOT NULL,
        name text NOT NULL,
        email text,
        state text NOT NULL,
        invited_by uuid NOT NULL,
        decided_by uuid,
        link_hash bytea,
        link_expires_at timestamptz,
        link_used_at timestamptz,
        access_hash bytea,
        access_expires_at timestamptz,
        draft jsonb,
        draft_saved_at timestamptz,
        answers jsonb,
        submitted_at timestamptz,
        email_erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT external_raters_organization_id_id_pk PRIMARY KEY (organization_id, id),
        CONSTRAINT external_raters_organization_id_cycle_id_subject_id_fk FOREIGN KEY (organization_id, cycle_id, subject_id)
          REFERENCES cycle_subjects (organization_id, cycle_id, person_id) ON DELETE CASCADE,
        CONSTRAINT external_raters_organization_id_invited_by_fk FOREIGN KEY (organization_id, invited_by) REFERENCES people (organization_id, id),
        CONSTRAINT external_raters_organization_id_decided_by_fk FOREIGN KEY (organization_id, decided_by) REFERENCES people (organization_id, id),
        CONSTRAINT external_raters_organization_id_link_hash_uq UNIQUE (organization_id, link_hash),
        CONSTRAINT external_raters_organization_id_access_hash_uq UNIQUE (organization_id, access_hash),
        CONSTRAINT external_raters_state_ck CHECK (state IN ('proposed', 'invited', 'submitted', 'rejected', 'revoked')),
        CONSTRAINT external_raters_name_ck CHECK (length(name) BETWEEN 1 AND 200),
        CONSTRAINT external_raters_email_ck CHECK (email IS NULL OR length(email) <= 254),
        CONSTRAINT external_raters_submitted_ck CHECK ((state = 'submitted') = (answers IS NOT NULL AND submitted_at IS NOT NULL))
      )`);
    // The same address twice for one subject in a cycle is refused while the first is live.
    await q.query(
      `CREATE UNIQUE INDEX external_raters_organization_id_cycle_id_subject_id_email_uq ON external_raters (organization_id, cycle_id, subject_id, lower(email))
        WHERE email IS NOT NULL AND state IN ('proposed', 'invited', 'submitted')`,
    );
    await q.query(`CREATE INDEX external_raters_organization_id_cycle_id_idx ON external_raters (organization_id, cycle_id)`);
    await enableTenantRowSecurity(q, 'external_raters');

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

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX external_link_attempts_token_prefix_created_at_idx`);
    await q.query(`DROP INDEX external_link_attempts_ip_created_at_idx`);
    await q.query(`DROP TABLE external_link_attempts`);
    await disableTenantRowSecurity(q, 'external_raters');
    await q.query(`DROP INDEX external_raters_organization_id_cycle_id_idx`);
    await q.query(`DROP INDEX external_raters_organization_id_cycle_id_subject_id_email_uq`);
    await q.query(`DROP TABLE external_raters`);
  }
}
