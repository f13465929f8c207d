import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the cycle's mail jobs need to remember:
 * - feedback_requests.invited_at: when the rater was told about this request. The invitation job
 *   mails each rater the requests not yet announced (all of them at launch, only the new ones for
 *   raters added later) and then stamps them.
 * - cycles.reminders_sent_at: HR's last "send reminder now", so that a double click or an
 *   impatient second click does not mail every rater twice.
 * And an index on requests by subject, for progress and reports.
 */
export class AddCycleNotificationState1795400230000 implements MigrationInterface {
  name = 'AddCycleNotificationState1795400230000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE feedback_requests ADD COLUMN invited_at timestamptz`);
    await q.query(`ALTER TABLE cycles ADD COLUMN reminders_sent_at timestamptz`);
    // The invitation job looks for open requests not yet announced; once stamped they leave the index.
    await q.query(
      `CREATE INDEX feedback_requests_cycle_id_rater_id_invited_at_idx ON feedback_requests (cycle_id, rater_id)
        WHERE invited_at IS NULL AND state IN ('open', 'in_progress')`,
    );
    // Per-subject reads (progress, the subjects list, reports) join requests by subject; the
    // unique index is partial (active requests only), so it cannot serve them.
    await q.query(`CREATE INDEX feedback_requests_cycle_id_subject_id_idx ON feedback_requests (cycle_id, subject_id)`);
    // The hourly sweep reads the running cycles of every organisation.
    await q.query(`CREATE INDEX cycles_state_idx ON cycles (state) WHERE state IN ('nominating', 'collecting')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cycles_state_idx`);
    await q.query(`DROP INDEX feedback_requests_cycle_id_subject_id_idx`);
    await q.query(`DROP INDEX feedback_requests_cycle_id_rater_id_invited_at_idx`);
    await q.query(`ALTER TABLE cycles DROP COLUMN reminders_sent_at`);
    await q.query(`ALTER TABLE feedback_requests DROP COLUMN invited_at`);
  }
}
