import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * report_snapshots.anonymous_rater_ids: the people a report counted as anonymous raters
 * (DESIGN.md, "Readers never count"). The access decision refuses them the report in every
 * format, its trend in later reports and its cells in the organisation view, whatever their
 * role or place in the org chart when they read. Never selected into a response.
 *
 * Backfill for snapshots written before: the snapshot counts as anonymous every submitted rater
 * who is not identified (self; the manager when the cycle shows the manager separately) and who
 * could not read the report at close (an HR admin then, or the frozen manager unless the cycle
 * says 'never'). Everything but "an HR admin then" is stored and is applied exactly. A rater's
 * role at close is not stored, so the backfill treats every rater as a member then: a rater who
 * was HR at close is counted as anonymous too. The set can only be larger than the snapshot's,
 * so the rule errs on the side of refusing (that HR admin cannot open the report; another can).
 */
export class StoreAnonymousRaters1795400300000 implements MigrationInterface {
  name = 'StoreAnonymousRaters1795400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_snapshots ADD COLUMN anonymous_rater_ids uuid[]`);
    await q.query(
      `UPDATE report_snapshots rs
          SET anonymous_rater_ids = COALESCE((
                SELECT array_agg(DISTINCT r.rater_id ORDER BY r.rater_id)
                  FROM feedback_requests r
                 WHERE r.organization_id = rs.organization_id AND r.cycle_id = rs.cycle_id AND r.subject_id = rs.subject_id
                   AND r.state = 'submitted' AND r.relationship <> 'self'
                   AND NOT (r.relationship = 'manager' AND COALESCE(c.settings -> 'showManagerSeparately', 'true'::jsonb) <> 'false'::jsonb)
                   AND NOT (r.rater_id = cs.manager_id AND COALESCE(c.settings #>> '{reportVisibility,manager}', '') <> 'never')
              ), '{}')
         FROM cycles c, cycle_subjects cs
        WHERE c.organization_id = rs.organization_id AND c.id = rs.cycle_id
          AND cs.organization_id = rs.organization_id AND cs.cycle_id = rs.cycle_id AND cs.person_id = rs.subject_id`,
    );
    // Every snapshot has its cycle and subject (foreign key), so none is left NULL; NOT NULL
    // without a default makes every writer say whom it counted.
    await q.query(`ALTER TABLE report_snapshots ALTER COLUMN anonymous_rater_ids SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_snapshots DROP COLUMN anonymous_rater_ids`);
  }
}
