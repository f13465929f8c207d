import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { modifyRows, selectRows } from '@lib/database';
import type { TrendSource } from '../domain';
import { REPORT_FORMAT, type StoredReport } from '../report/report-shape';

export interface SnapshotRow {
  subjectId: string;
  /** Stored as JSON text (report_snapshots.report) and served as is; `format` is REPORT_FORMAT. */
  report: StoredReport;
  /** The shown all-others numbers (ReportView.summary): the next cycle's trend and the heatmap read this. */
  summary: TrendSource;
  /** The people the report counted as anonymous raters: consulted by the access decision, never served. */
  anonymousRaterIds: string[];
}

@Injectable()
export class ReportSnapshotsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * For the rest of `tx`: the per-batch reads are many cheap index lookups that the planner prices
   * high, and JIT compiling them costs more (~170 ms a batch) than running them.
   */
  async withoutJit(tx: EntityManager): Promise<void> {
    await tx.query(`SET LOCAL jit = off`);
  }

  /**
   * Freezes each report's followership count (domain/followership.ts): how many colleagues named
   * the subject in this cycle, and how many of them could not read the report at close (not an HR
   * admin now, not the subject's manager frozen at launch). Only the two numbers are stored; who
   * named whom stays in followership_nominations, which nothing serves. `replace` as in write().
   */
  async freezeFollowership(organizationId: string, cycleId: string, replace: boolean, tx: EntityManager): Promise<void> {
    await modifyRows(
      tx,
      `UPDATE report_snapshots rs
          SET followership_named = c.named, followership_anonymous = c.anonymous
         FROM (SELECT cs.person_id,
                      count(n.nominator_id)::int AS named,
                      (count(n.nominator_id) FILTER (WHERE p.role <> 'admin' AND n.nominator_id IS DISTINCT FROM cs.manager_id))::int AS anonymous
                 FROM cycle_subjects cs
                 LEFT JOIN followership_nominations n ON n.organization_id = cs.organization_id AND n.cycle_id = cs.cycle_id AND n.nominee_id = cs.person_id
                 LEFT JOIN people p ON p.organization_id = n.organization_id AND p.id = n.nominator_id
                WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL
                GROUP BY cs.person_id) c
        WHERE rs.organization_id = $1 AND rs.cycle_id = $2 AND rs.subject_id = c.person_id AND ($3 OR rs.followership_named IS NULL)`,
      [organizationId, cycleId, replace],
    );
  }

  /** Fresh statistics after a bulk write, which changes the table at once: they keep the heatmap's plan sane. */
  async analyze(): Promise<void> {
    await this.db.query(`ANALYZE report_snapshots`);
  }

  /**
   * One multi-row INSERT for a batch. `replace`: while the cycle is closed a rerun replaces the
   * snapshot; once released nothing may change, so only missing snapshots are added.
   */
  /**
   * A cycle a person owns is released to its owner as soon as its report is computed (there is no
   * HR release to wait for); HR's cycles are left alone. Returns whether it was released now.
   */
  async releaseOwned(organizationId: string, cycleId: string, tx: EntityManager): Promise<boolean> {
    const { count } = await modifyRows(
      tx,
      `UPDATE cycles SET state = 'released', released_at = now() WHERE organization_id = $1 AND id = $2 AND origin <> 'hr' AND state = 'closed'`,
      [organizationId, cycleId],
    );
    return count > 0;
  }

  async write(organizationId: string, cycleId: string, rows: SnapshotRow[], replace: boolean, tx: EntityManager): Promise<number> {
    if (!rows.length) return 0;
    // One JSON document for the batch. `report` is read as json (not jsonb), which keeps the text
    // of each report exactly as JSON.stringify wrote it: it is stored and later served as is.
    const batch = JSON.stringify(
      rows.map((r) => ({
        subject_id: r.subjectId,
        report: r.report,
        trend_cycle_id: r.report.trend?.previousCycle?.id ?? null,
        summary: r.summary,
        anonymous_rater_ids: r.anonymousRaterIds,
      })),
    );
    const written = await selectRows<object>(
      tx,
      `INSERT INTO report_snapshots (organization_id, cycle_id, subject_id, format, report, trend_cycle_id, summary, anonymous_rater_ids, computed_at)
       SELECT $1, $2, x.subject_id, $3, x.report::text, x.trend_cycle_id, x.summary, x.anonymous_rater_ids, now()
         FROM json_to_recordset($4::json) AS x(subject_id uuid, report json, trend_cycle_id uuid, summary jsonb, anonymous_rater_ids uuid[])
       ON CONFLICT (organization_id, cycle_id, subject_id) DO ${
         replace
           ? `UPDATE SET format = EXCLUDED.format, report = EXCLUDED.report, trend_cycle_id = EXCLUDED.trend_cycle_id,
                         summary = EXCLUDED.summary, anonymous_rater_ids = EXCLUDED.anonymous_rater_ids, computed_at = EXCLUDED.computed_at`
           : 'NOTHING'
       }
       RETURNING 1`,
      [organizationId, cycleId, REPORT_FORMAT, batch],
    );
    return written.length;
  }
}
