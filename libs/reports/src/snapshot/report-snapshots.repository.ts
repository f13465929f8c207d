import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TrendSource } from '../domain';
import type { StoredReport } from '../report/report-shape';

/** What report_snapshots.data holds: the report in the API's shape, with the version of that shape. */
export interface SnapshotData {
  format: number;
  report: StoredReport;
}

export interface SnapshotRow {
  subjectId: string;
  data: SnapshotData;
  /** The shown all-others numbers (ReportView.summary): the next cycle's trend and the heatmap read this. */
  summary: TrendSource;
}

@Injectable()
export class ReportSnapshotsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One multi-row INSERT for a batch. `replace`: while the cycle is closed a rerun replaces the
   * snapshot; once released nothing may change, so only missing snapshots are added.
   */
  async write(organizationId: string, cycleId: string, rows: SnapshotRow[], replace: boolean, tx: EntityManager): Promise<number> {
    if (!rows.length) return 0;
    const json = JSON.stringify(rows.map((r) => ({ subject_id: r.subjectId, data: r.data, summary: r.summary })));
    const result: unknown = await tx.query(
      `INSERT INTO report_snapshots (organization_id, cycle_id, subject_id, data, summary, computed_at)
       SELECT $1, $2, x.subject_id, x.data, x.summary, now()
         FROM jsonb_to_recordset($3::jsonb) AS x(subject_id uuid, data jsonb, summary jsonb)
       ON CONFLICT (cycle_id, subject_id) DO ${replace ? 'UPDATE SET data = EXCLUDED.data, summary = EXCLUDED.summary, computed_at = EXCLUDED.computed_at' : 'NOTHING'}
       RETURNING 1`,
      [organizationId, cycleId, json],
    );
    return Array.isArray(result) ? result.length : 0;
  }
}
