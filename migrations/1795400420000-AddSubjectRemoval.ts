import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subject removed from a running cycle (they left, HR chose "remove") is marked, not deleted:
 * deleting the cycle_subjects row would cascade to every request about them, and with it the
 * drafts their raters are allowed to read until the cycle closes. Every reader of cycle_subjects
 * that counts, lists or reports subjects skips removed rows. A request withdrawn by that removal
 * is declined (a mere proposal: rejected) with withdrawn_at set, which tells it apart from a
 * request its rater declined.
 */
export class AddSubjectRemoval1795400420000 implements MigrationInterface {
  name = 'AddSubjectRemoval1795400420000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycle_subjects ADD COLUMN removed_at timestamptz`);
    await q.query(`ALTER TABLE feedback_requests ADD COLUMN withdrawn_at timestamptz`);
    await q.query(
      `ALTER TABLE feedback_requests ADD CONSTRAINT feedback_requests_withdrawn_at_ck CHECK (withdrawn_at IS NULL OR state IN ('declined', 'rejected'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE feedback_requests DROP CONSTRAINT feedback_requests_withdrawn_at_ck`);
    await q.query(`ALTER TABLE feedback_requests DROP COLUMN withdrawn_at`);
    await q.query(`ALTER TABLE cycle_subjects DROP COLUMN removed_at`);
  }
}
