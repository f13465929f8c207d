import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a person left (null while active): HR's people list filters and sorts leavers by it.
 * `active` stays the flag every query tests; deactivated_at only dates it (older writers that set
 * `active` alone, e.g. tests, still work).
 */
export class AddPeopleDeactivatedAt1795400370000 implements MigrationInterface {
  name = 'AddPeopleDeactivatedAt1795400370000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE people ADD COLUMN deactivated_at timestamptz`);
    await q.query(`UPDATE people SET deactivated_at = updated_at WHERE NOT active`);
    await q.query(`CREATE INDEX people_organization_id_deactivated_at_idx ON people (organization_id, deactivated_at) WHERE deactivated_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX people_organization_id_deactivated_at_idx`);
    await q.query(`ALTER TABLE people DROP COLUMN deactivated_at`);
  }
}
