import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { selectRows } from '@lib/database';

export interface HeatmapAggregate {
  department: string | null;
  hasReports: boolean;
  /** 'index:influence', 'index:management' or 'behaviour:<key>'. */
  measure: string;
  sum: number;
  count: number;
}

@Injectable()
export class HeatmapRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One GROUP BY over the cycle's snapshot summaries: per department, with/without reports and
   * measure, the sum and number of people whose report showed that all-others number. A value the
   * person's own report hid never enters the organisation view. Readers never count: the reports
   * that counted `readerId` as an anonymous rater are left out of that reader's view
   * (HeatmapService says why).
   */
  async aggregates(organizationId: string, cycleId: string, readerId: string): Promise<HeatmapAggregate[]> {
    const rows = await selectRows<{ department: string | null; has_reports: boolean; measure: string; sum: number; count: number }>(
      this.db,
      `SELECT cs.department, cs.has_reports, m.measure, sum(m.value)::float8 AS sum, count(*)::int AS count
         FROM report_snapshots rs
         JOIN cycle_subjects cs ON cs.cycle_id = rs.cycle_id AND cs.person_id = rs.subject_id AND cs.organization_id = rs.organization_id
         CROSS JOIN LATERAL (
           SELECT 'behaviour:' || b.key AS measure, (b.value #>> '{}')::float8 AS value FROM jsonb_each(rs.summary -> 'behaviours') b
           UNION ALL SELECT 'index:influence', (rs.summary ->> 'influence')::float8
           UNION ALL SELECT 'index:management', (rs.summary ->> 'management')::float8
         ) m
        WHERE rs.organization_id = $1 AND rs.cycle_id = $2 AND cs.removed_at IS NULL AND m.value IS NOT NULL AND NOT (rs.anonymous_rater_ids @> ARRAY[$3::uuid])
        GROUP BY cs.department, cs.has_reports, m.measure`,
      [organizationId, cycleId, readerId],
    );
    return rows.map((r) => ({ department: r.department, hasReports: r.has_reports, measure: r.measure, sum: Number(r.sum), count: r.count }));
  }

  /** Every department of the cycle's subjects (frozen at launch), so empty rows show as "no data". */
  async departments(organizationId: string, cycleId: string): Promise<(string | null)[]> {
    const rows = await selectRows<{ department: string | null }>(
      this.db,
      `SELECT DISTINCT department FROM cycle_subjects WHERE organization_id = $1 AND cycle_id = $2 AND removed_at IS NULL ORDER BY department NULLS LAST`,
      [organizationId, cycleId],
    );
    return rows.map((r) => r.department);
  }
}
