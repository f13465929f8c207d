import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every key of a tenant table leads with organization_id, so that the schema can be spread over a
 * distributed PostgreSQL by organisation (Citus: on a distributed table every primary key, unique
 * key and foreign key includes the distribution column; README, "Scale"). The classes, held by
 * tests/e2e/schema-keys.e2e-spec.ts for every table, present and future:
 *
 * Tenant tables, distributed by organization_id and co-located (a row belongs to one organisation;
 * every query names it): people, sessions, invitations, password_reset_tokens, email_change_tokens,
 * audit_events, mail_messages, frameworks, framework_versions, behaviours, questions, cycles,
 * cycle_subjects, feedback_requests, responses, answers, idempotency_keys, report_snapshots.
 *
 * Global tables, outside the distribution:
 * - organizations: the tenants themselves, one small row each, joined by tenant queries (names in
 *   mails, settings) and unique by slug across the instance: a reference table (copied to every
 *   node). Citus refuses a foreign key from a reference table to a distributed one, so the
 *   reference from an organisation to its default framework goes (organizations_id_default_framework_id_fk);
 *   its one writer, the settings service, already refuses a framework of another organisation,
 *   and frameworks are never deleted.
 * - login_attempts, password_reset_requests: rate limits by address and IP, counted before anyone
 *   knows the organisation (an unknown address has none, and must not be told apart): coordinator-local.
 * - instance_setup, setup_attempts: the first-run set-up, before any organisation exists: coordinator-local.
 * - schema_migrations: TypeORM's record of this list: coordinator-local. pg-boss's own schema
 *   (jobs across organisations) also stays on the coordinator.
 *
 * Keys: primary keys become (organization_id, id) and the like, the unique keys gain
 * organization_id in front, and the foreign keys that referenced the replaced keys are dropped
 * first and re-created unchanged (they bind to the new primary keys). The former (organization_id,
 * id) unique keys are the new primary keys, so a lookup by (organization_id, id), which every
 * query makes, still uses one index.
 *
 * Tokens: a token now carries its organisation (libs/identity/src/auth/tokens.ts) and is looked up
 * by (organization_id, token_hash). Tokens issued before cannot say where they belong, so their
 * sessions end (everyone signs in again) and their pending links expire (HR invites again; a reset
 * or an address change is asked again): nothing else is lost.
 *
 * One transaction (the migration runner's); existing rows satisfy every new key, since each one
 * contains a key that held before. down() restores the former keys, not the ended sessions.
 */
export class LeadKeysWithOrganization1795400450000 implements MigrationInterface {
  name = 'LeadKeysWithOrganization1795400450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sessions`);
    for (const table of ['invitations', 'password_reset_tokens', 'email_change_tokens']) {
      await q.query(`UPDATE ${table} SET expires_at = now() WHERE used_at IS NULL AND expires_at > now()`);
    }

    const references = await dropReferences(q);
    await q.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_id_default_framework_id_fk`);

    for (const table of ID_TABLES_WITH_SCOPED_KEY) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_id_pk, DROP CONSTRAINT ${table}_organization_id_id_uq,
           ADD CONSTRAINT ${table}_organization_id_id_pk PRIMARY KEY (organization_id, id)`,
      );
    }
    for (const table of ID_TABLES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_id_pk, ADD CONSTRAINT ${table}_organization_id_id_pk PRIMARY KEY (organization_id, id)`);
    }
    await q.query(
      `ALTER TABLE cycle_subjects DROP CONSTRAINT cycle_subjects_cycle_id_person_id_pk, DROP CONSTRAINT cycle_subjects_organization_id_cycle_id_person_id_uq,
         ADD CONSTRAINT cycle_subjects_organization_id_cycle_id_person_id_pk PRIMARY KEY (organization_id, cycle_id, person_id)`,
    );
    await q.query(
      `ALTER TABLE answers DROP CONSTRAINT answers_request_id_question_id_pk,
         ADD CONSTRAINT answers_organization_id_request_id_question_id_pk PRIMARY KEY (organization_id, request_id, question_id)`,
    );
    await q.query(
      `ALTER TABLE responses DROP CONSTRAINT responses_request_id_pk, ADD CONSTRAINT responses_organization_id_request_id_pk PRIMARY KEY (organization_id, request_id)`,
    );
    await q.query(
      `ALTER TABLE report_snapshots DROP CONSTRAINT report_snapshots_cycle_id_subject_id_pk,
         ADD CONSTRAINT report_snapshots_organization_id_cycle_id_subject_id_pk PRIMARY KEY (organization_id, cycle_id, subject_id)`,
    );

    for (const table of ['behaviours', 'questions']) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_framework_version_id_key_uq,
           ADD CONSTRAINT ${table}_organization_id_framework_version_id_key_uq UNIQUE (organization_id, framework_version_id, key)`,
      );
    }
    await q.query(
      `ALTER TABLE framework_versions DROP CONSTRAINT framework_versions_framework_id_version_uq,
         ADD CONSTRAINT framework_versions_organization_id_framework_id_version_uq UNIQUE (organization_id, framework_id, version)`,
    );
    for (const table of ['sessions', 'invitations']) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_token_hash_uq, ADD CONSTRAINT ${table}_organization_id_token_hash_uq UNIQUE (organization_id, token_hash)`,
      );
    }
    // Reset and address-change links are now looked up by (organization_id, token_hash): their unique keys serve it.
    await q.query(`DROP INDEX password_reset_tokens_token_hash_idx`);
    await q.query(`DROP INDEX email_change_tokens_token_hash_idx`);
    await q.query(`DROP INDEX feedback_requests_cycle_id_subject_id_rater_id_uq`);
    await q.query(
      `CREATE UNIQUE INDEX feedback_requests_organization_id_cycle_id_subject_id_rater_id_uq ON feedback_requests (organization_id, cycle_id, subject_id, rater_id)
         WHERE state NOT IN ('declined', 'rejected')`,
    );

    await addReferences(q, references);
  }

  async down(q: QueryRunner): Promise<void> {
    const references = await dropReferences(q);

    await q.query(`DROP INDEX feedback_requests_organization_id_cycle_id_subject_id_rater_id_uq`);
    await q.query(
      `CREATE UNIQUE INDEX feedback_requests_cycle_id_subject_id_rater_id_uq ON feedback_requests (cycle_id, subject_id, rater_id) WHERE state NOT IN ('declined', 'rejected')`,
    );
    await q.query(`CREATE INDEX email_change_tokens_token_hash_idx ON email_change_tokens (token_hash)`);
    await q.query(`CREATE INDEX password_reset_tokens_token_hash_idx ON password_reset_tokens (token_hash)`);
    for (const table of ['sessions', 'invitations']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_organization_id_token_hash_uq, ADD CONSTRAINT ${table}_token_hash_uq UNIQUE (token_hash)`);
    }
    await q.query(
      `ALTER TABLE framework_versions DROP CONSTRAINT framework_versions_organization_id_framework_id_version_uq,
         ADD CONSTRAINT framework_versions_framework_id_version_uq UNIQUE (framework_id, version)`,
    );
    for (const table of ['behaviours', 'questions']) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_organization_id_framework_version_id_key_uq,
           ADD CONSTRAINT ${table}_framework_version_id_key_uq UNIQUE (framework_version_id, key)`,
      );
    }

    await q.query(
      `ALTER TABLE report_snapshots DROP CONSTRAINT report_snapshots_organization_id_cycle_id_subject_id_pk,
         ADD CONSTRAINT report_snapshots_cycle_id_subject_id_pk PRIMARY KEY (cycle_id, subject_id)`,
    );
    await q.query(
      `ALTER TABLE responses DROP CONSTRAINT responses_organization_id_request_id_pk, ADD CONSTRAINT responses_request_id_pk PRIMARY KEY (request_id)`,
    );
    await q.query(
      `ALTER TABLE answers DROP CONSTRAINT answers_organization_id_request_id_question_id_pk,
         ADD CONSTRAINT answers_request_id_question_id_pk PRIMARY KEY (request_id, question_id)`,
    );
    await q.query(
      `ALTER TABLE cycle_subjects DROP CONSTRAINT cycle_subjects_organization_id_cycle_id_person_id_pk,
         ADD CONSTRAINT cycle_subjects_cycle_id_person_id_pk PRIMARY KEY (cycle_id, person_id),
         ADD CONSTRAINT cycle_subjects_organization_id_cycle_id_person_id_uq UNIQUE (organization_id, cycle_id, person_id)`,
    );
    for (const table of ID_TABLES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_organization_id_id_pk, ADD CONSTRAINT ${table}_id_pk PRIMARY KEY (id)`);
    }
    for (const table of ID_TABLES_WITH_SCOPED_KEY) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_organization_id_id_pk,
           ADD CONSTRAINT ${table}_id_pk PRIMARY KEY (id), ADD CONSTRAINT ${table}_organization_id_id_uq UNIQUE (organization_id, id)`,
      );
    }

    await q.query(
      `ALTER TABLE organizations ADD CONSTRAINT organizations_id_default_framework_id_fk FOREIGN KEY (id, default_framework_id) REFERENCES frameworks (organization_id, id)`,
    );
    await addReferences(q, references);
  }
}

/** Tables keyed by id alone whose (organization_id, id) unique key, which references use, becomes the primary key. */
const ID_TABLES_WITH_SCOPED_KEY = ['people', 'frameworks', 'framework_versions', 'behaviours', 'questions', 'cycles', 'feedback_requests'];
/** Tables keyed by id alone that nothing references. */
const ID_TABLES = ['audit_events', 'invitations', 'mail_messages', 'sessions'];
/** The tables whose referenced keys are replaced. */
const REFERENCED = [...ID_TABLES_WITH_SCOPED_KEY, 'cycle_subjects'];

interface Reference {
  table: string;
  name: string;
  definition: string;
}

/**
 * Drops every foreign key into the tables whose keys change (a key cannot be dropped while a
 * reference depends on it) and returns them as they were, to be re-created on the new keys. Read
 * from the catalogue, so that a reference added by a later change is carried over too. The
 * organisation's reference to its default framework is dropped by name where it applies.
 */
async function dropReferences(q: QueryRunner): Promise<Reference[]> {
  const references = (await q.query(
    `SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.confrelid = ANY($1::regclass[]) AND c.conname <> 'organizations_id_default_framework_id_fk'
      ORDER BY c.conname`,
    [REFERENCED],
  )) as Reference[];
  for (const r of references) await q.query(`ALTER TABLE ${r.table} DROP CONSTRAINT ${r.name}`);
  return references;
}

async function addReferences(q: QueryRunner, references: Reference[]): Promise<void> {
  for (const r of references) await q.query(`ALTER TABLE ${r.table} ADD CONSTRAINT ${r.name} ${r.definition}`);
}
