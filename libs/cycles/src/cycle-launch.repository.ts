import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, modifyRows, selectOne } from '@lib/database';

/**
 * The set-based statements of a launch (and of subjects added after it): a handful of
 * statements whatever the number of subjects, never a loop (10,000 subjects in well under 15 s,
 * see tests/perf/launch.perf.ts). `personIds` limits the work to some subjects; null means all.
 */
@Injectable()
export class CycleLaunchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Refreshes the planner's statistics of the tables a launch fills (after its commit). */
  async analyze(): Promise<void> {
    await execute(this.db, `ANALYZE cycle_subjects, feedback_requests`);
  }

  /**
   * Subjects who left the organisation since they were added are dropped (with any peer
   * nominations made for them).
   */
  async dropInactiveSubjects(organizationId: string, cycleId: string, tx: EntityManager): Promise<number> {
    const { count } = await modifyRows(
      tx,
      `DELETE FROM cycle_subjects cs USING people p
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND p.organization_id = $1 AND p.id = cs.person_id AND NOT p.active`,
      [organizationId, cycleId],
    );
    return count;
  }

  /**
   * Copies the org chart as it is now into cycle_subjects: manager (if active), department and
   * whether the subject has active reports. Reports and the heatmap read these, so they do not
   * move when someone changes team later.
   */
  async freezeSubjects(organizationId: string, cycleId: string, personIds: string[] | null, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE cycle_subjects cs
          SET manager_id = m.id,
              department = p.department,
              has_reports = EXISTS (SELECT 1 FROM people r WHERE r.organization_id = $1 AND r.manager_id = p.id AND r.active)
         FROM people p
         LEFT JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id AND m.active
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL AND ($3::uuid[] IS NULL OR cs.person_id = ANY($3::uuid[]))
          AND p.organization_id = $1 AND p.id = cs.person_id`,
      [organizationId, cycleId, personIds],
    );
  }

  /**
   * The requests the org chart implies, opened at once: self (when the cycle asks for it), the
   * frozen manager, and every active direct report. A pair that already has an active request
   * (e.g. a peer nominated while the cycle was a draft) is skipped: one person's answers must
   * never count twice for a subject. Returns the number of requests created.
   */
  async createOrgChartRequests(organizationId: string, cycleId: string, selfReview: boolean, personIds: string[] | null, tx: EntityManager): Promise<number> {
    const { created } = await selectOne<{ created: number }>(
      tx,
      `WITH subjects AS (
         SELECT cs.person_id, cs.manager_id FROM cycle_subjects cs
          WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL AND ($4::uuid[] IS NULL OR cs.person_id = ANY($4::uuid[]))
       ), pairs AS (
         SELECT s.person_id AS subject_id, s.person_id AS rater_id, 'self' AS relationship FROM subjects s WHERE $3
         UNION ALL
         SELECT s.person_id, s.manager_id, 'manager' FROM subjects s WHERE s.manager_id IS NOT NULL
         UNION ALL
         SELECT s.person_id, r.id, 'direct_report' FROM subjects s
           JOIN people r ON r.organization_id = $1 AND r.manager_id = s.person_id AND r.active
       ), inserted AS (
         INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state)
         SELECT $1, $2, x.subject_id, x.rater_id, x.relationship, 'open' FROM pairs x
          WHERE NOT EXISTS (
            SELECT 1 FROM feedback_requests f
             WHERE f.organization_id = $1 AND f.cycle_id = $2 AND f.subject_id = x.subject_id AND f.rater_id = x.rater_id AND f.state NOT IN ('declined', 'rejected'))
         ON CONFLICT DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS created FROM inserted`,
      [organizationId, cycleId, selfReview, personIds],
    );
    return created;
  }
}
