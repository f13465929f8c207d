import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two references to cycle_subjects named (cycle_id, subject_id) alone, so a feedback request
 * or a report snapshot of one organisation could point at a subject of another. They now carry
 * organization_id, like every other reference between tenant tables: the database refuses a
 * cross-organisation row whatever the code forgets. cycle_subjects gets the composite unique key
 * the references need. Existing rows already match (every writer scopes by organisation); a row
 * that did not would stop this migration, which is the point.
 */
export class ScopeSubjectForeignKeys1795400380000 implements MigrationInterface {
  name = 'ScopeSubjectForeignKeys1795400380000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE cycle_subjects ADD CONSTRAINT cycle_subjects_organization_id_cycle_id_person_id_uq UNIQUE (organization_id, cycle_id, person_id)`,
    );
    await q.query(`ALTER TABLE feedback_requests DROP CONSTRAINT feedback_requests_cycle_id_subject_id_fk`);
    await q.query(
      `ALTER TABLE feedback_requests ADD CONSTRAINT feedback_requests_organization_id_cycle_id_subject_id_fk
         FOREIGN KEY (organization_id, cycle_id, subject_id) REFERENCES cycle_subjects (organization_id, cycle_id, person_id) ON DELETE CASCADE`,
    );
    await q.query(`ALTER TABLE report_snapshots DROP CONSTRAINT report_snapshots_cycle_id_subject_id_fk`);
    await q.query(
      `ALTER TABLE report_snapshots ADD CONSTRAINT report_snapshots_organization_id_cycle_id_subject_id_fk
         FOREIGN KEY (organization_id, cycle_id, subject_id) REFERENCES cycle_subjects (organization_id, cycle_id, person_id) ON DELETE CASCADE`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_snapshots DROP CONSTRAINT report_snapshots_organization_id_cycle_id_subject_id_fk`);
    await q.query(
      `ALTER TABLE report_snapshots ADD CONSTRAINT report_snapshots_cycle_id_subject_id_fk
         FOREIGN KEY (cycle_id, subject_id) REFERENCES cycle_subjects (cycle_id, person_id) ON DELETE CASCADE`,
    );
    await q.query(`ALTER TABLE feedback_requests DROP CONSTRAINT feedback_requests_organization_id_cycle_id_subject_id_fk`);
    await q.query(
      `ALTER TABLE feedback_requests ADD CONSTRAINT feedback_requests_cycle_id_subject_id_fk
         FOREIGN KEY (cycle_id, subject_id) REFERENCES cycle_subjects (cycle_id, person_id) ON DELETE CASCADE`,
    );
    await q.query(`ALTER TABLE cycle_subjects DROP CONSTRAINT cycle_subjects_organization_id_cycle_id_person_id_uq`);
  }
}
