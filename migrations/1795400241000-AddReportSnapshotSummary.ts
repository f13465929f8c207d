import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * report_snapshots.summary: a small per-subject extract written with each snapshot (index and
 * behaviour means as the organisation view and the next cycle's trend need them), so that the
 * heatmap and the trend read a few hundred bytes per person instead of detoasting whole reports.
 * It is never served as is: the organisation view aggregates it over at least minCellSize people.
 *
 * And an index for "the reports of my direct reports": cycle_subjects by frozen manager.
 */
export class AddReportSnapshotSummary1795400241000 implements MigrationInterface {
  name = 'AddReportSnapshotSummary1795400241000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_snapshots ADD COLUMN summary jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX cycle_subjects_organization_id_manager_id_idx ON cycle_subjects (organization_id, manager_id) WHERE manager_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cycle_subjects_organization_id_manager_id_idx`);
    await q.query(`ALTER TABLE report_snapshots DROP COLUMN summary`);
  }
}
