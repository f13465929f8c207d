import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './tenant-row-security';

/**
 * Cycles a person owns (a self-started 360, a follow-up pulse) ask about the behaviours their
 * owner chose: `cycles.behaviour_keys` names them (null for HR's cycles: the whole framework). The
 * questionnaire and the report read them through one SQL rule (libs/cycles/src/owned/asked-questions.ts).
 *
 * report_shares: the owner of such a cycle shares its report with named colleagues, and withdraws
 * the share by deleting the row. The reports library's access decision reads it.
 */
export class AddOwnedCycleBehaviours1795401400000 implements MigrationInterface {
  name = 'AddOwnedCycleBehaviours1795401400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cycles
        ADD COLUMN behaviour_keys text[],
        ADD CONSTRAINT cycles_behaviour_keys_ck CHECK (behaviour_keys IS NULL OR (origin <> 'hr' AND cardinality(behaviour_keys) BETWEEN 1 AND 10))`);
    await q.query(`
      CREATE TABLE report_shares (
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        subject_id uuid NOT NULL,
        person_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_shares_organization_id_cycle_id_subject_id_person_id_pk PRIMARY KEY (organization_id, cycle_id, subject_id, person_id),
        CONSTRAINT report_shares_organization_id_cycle_id_subject_id_fk FOREIGN KEY (organization_id, cycle_id, subject_id)
          REFERENCES cycle_subjects (organization_id, cycle_id, person_id) ON DELETE CASCADE,
        CONSTRAINT report_shares_organization_id_person_id_fk FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id),
        CONSTRAINT report_shares_subject_id_person_id_ck CHECK (subject_id <> person_id)
      )`);
    await q.query(`CREATE INDEX report_shares_organization_id_person_id_idx ON report_shares (organization_id, person_id)`);
    await enableTenantRowSecurity(q, 'report_shares');
  }

  async down(q: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(q, 'report_shares');
    await q.query(`DROP TABLE report_shares`);
    await q.query(`ALTER TABLE cycles DROP CONSTRAINT cycles_behaviour_keys_ck, DROP COLUMN behaviour_keys`);
  }
}
