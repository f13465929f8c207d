import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CycleState } from '@lib/cycles';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { VISIBLE_TO_MEMBER_SQL } from '../access/report-access';

/** The cycle and subject around one report: everything the access decision and the header need. */
export interface ReportContext {
  cycleId: string;
  cycleName: string;
  cycleState: CycleState;
  settings: Record<string, unknown>;
  closedAt: string | null;
  releasedAt: string | null;
  frameworkName: string;
  frameworkVersion: number;
  subjectId: string;
  subjectName: string;
  subjectTitle: string | null;
  department: string | null;
  managerId: string | null;
}

/**
 * The earlier report a stored trend compares with, as the access rules see it today: a trend
 * shows that report's numbers, so only a reader who may read it sees the trend.
 */
export interface TrendBaseline {
  cycleId: string;
  /** Null when the earlier cycle or the subject's place in it is gone. */
  cycleState: CycleState | null;
  settings: Record<string, unknown>;
  /** The subject's manager frozen at the earlier cycle's launch. */
  managerId: string | null;
}

export interface LoadedReport {
  context: ReportContext;
  /** The stored report as JSON text (the StoredReport shape of `format`). */
  snapshot: { format: number; reportJson: string; computedAt: Date } | null;
  /** Present when the stored report has a trend. */
  trendBaseline: TrendBaseline | null;
}

export interface MyReportRow {
  cycleId: string;
  cycleName: string;
  cycleState: CycleState;
  closedAt: string | null;
  releasedAt: string | null;
  subjectId: string;
  subjectName: string;
  subjectTitle: string | null;
  department: string | null;
  viewer: 'subject' | 'manager';
}

const iso = (value: Date | string | null): string | null => (value ? new Date(value).toISOString() : null);

/** A row of load(): pg gives timestamps as Date and jsonb parsed; the report itself is text. */
interface LoadRow {
  cycle_id: string;
  cycle_name: string;
  state: CycleState;
  settings: Record<string, unknown> | null;
  closed_at: Date | null;
  released_at: Date | null;
  framework_name: string;
  version: number;
  person_id: string;
  name: string;
  title: string | null;
  department: string | null;
  manager_id: string | null;
  format: number | null;
  report: string | null;
  computed_at: Date | null;
  trend_cycle_id: string | null;
  trend_cycle_state: CycleState | null;
  trend_cycle_settings: Record<string, unknown> | null;
  trend_manager_id: string | null;
}

/** A row of mine(). */
interface MineRow {
  cycle_id: string;
  cycle_name: string;
  state: CycleState;
  closed_at: Date | null;
  released_at: Date | null;
  person_id: string;
  name: string;
  title: string | null;
  department: string | null;
  viewer: 'subject' | 'manager';
}

@Injectable()
export class ReportReadRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The cycle, the subject (org chart frozen at launch) and the stored report as JSON text, in
   * one round trip: a report read is on the hot path. A named prepared statement, so PostgreSQL
   * plans this join once per connection rather than on every read. The caller decides access
   * before anything of it leaves the service. The trend's earlier cycle is joined by the id the
   * snapshot froze in, so the service can apply the access rules to it as well.
   */
  async load(organizationId: string, cycleId: string, subjectId: string): Promise<LoadedReport | null> {
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    const { rows } = await pool.query<LoadRow>({
      name: 'reports.load',
      text: `SELECT c.id AS cycle_id, c.name AS cycle_name, c.state, c.settings, c.closed_at, c.released_at,
                    f.name AS framework_name, fv.version, cs.person_id, p.name, p.title, cs.department, cs.manager_id,
                    rs.format, rs.report, rs.computed_at, rs.trend_cycle_id,
                    pc.state AS trend_cycle_state, pc.settings AS trend_cycle_settings, pcs.manager_id AS trend_manager_id
               FROM cycle_subjects cs
               JOIN cycles c ON c.organization_id = cs.organization_id AND c.id = cs.cycle_id
               JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
               JOIN framework_versions fv ON fv.organization_id = c.organization_id AND fv.id = c.framework_version_id
               JOIN frameworks f ON f.organization_id = fv.organization_id AND f.id = fv.framework_id
               LEFT JOIN report_snapshots rs ON rs.organization_id = cs.organization_id AND rs.cycle_id = cs.cycle_id AND rs.subject_id = cs.person_id
               LEFT JOIN cycle_subjects pcs ON pcs.organization_id = cs.organization_id AND pcs.person_id = cs.person_id AND pcs.cycle_id = rs.trend_cycle_id
               LEFT JOIN cycles pc ON pc.organization_id = pcs.organization_id AND pc.id = pcs.cycle_id
              WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.person_id = $3`,
      values: [organizationId, cycleId, subjectId],
    });
    const r: LoadRow | undefined = rows[0];
    if (!r) return null;
    return {
      context: {
        cycleId: r.cycle_id,
        cycleName: r.cycle_name,
        cycleState: r.state,
        settings: r.settings ?? {},
        closedAt: iso(r.closed_at),
        releasedAt: iso(r.released_at),
        frameworkName: r.framework_name,
        frameworkVersion: r.version,
        subjectId: r.person_id,
        subjectName: r.name,
        subjectTitle: r.title,
        department: r.department,
        managerId: r.manager_id,
      },
      snapshot: r.report !== null && r.format !== null && r.computed_at !== null ? { format: r.format, reportJson: r.report, computedAt: r.computed_at } : null,
      trendBaseline: r.trend_cycle_id
        ? {
            cycleId: r.trend_cycle_id,
            cycleState: r.trend_cycle_state ?? null,
            settings: r.trend_cycle_settings ?? {},
            managerId: r.trend_manager_id ?? null,
          }
        : null,
    };
  }

  /**
   * The reports the person may open as subject or frozen manager (same rules as reportViewer),
   * that have a snapshot. Newest cycle first.
   */
  async mine(organizationId: string, personId: string): Promise<MyReportRow[]> {
    const rows: MineRow[] = await this.db.query(
      `SELECT c.id AS cycle_id, c.name AS cycle_name, c.state, c.closed_at, c.released_at,
              cs.person_id, p.name, p.title, cs.department,
              CASE WHEN cs.person_id = $2 THEN 'subject' ELSE 'manager' END AS viewer
         FROM cycle_subjects cs
         JOIN cycles c ON c.organization_id = cs.organization_id AND c.id = cs.cycle_id
         JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
         JOIN report_snapshots rs ON rs.cycle_id = cs.cycle_id AND rs.subject_id = cs.person_id AND rs.organization_id = cs.organization_id
        WHERE cs.organization_id = $1 AND (cs.person_id = $2 OR cs.manager_id = $2)
          AND ${VISIBLE_TO_MEMBER_SQL('$2')}
        ORDER BY COALESCE(c.closed_at, c.created_at) DESC, c.id, (cs.person_id = $2) DESC, p.name, p.id
        LIMIT 1000`,
      [organizationId, personId],
    );
    return rows.map((r) => ({
      cycleId: r.cycle_id,
      cycleName: r.cycle_name,
      cycleState: r.state,
      closedAt: iso(r.closed_at),
      releasedAt: iso(r.released_at),
      subjectId: r.person_id,
      subjectName: r.name,
      subjectTitle: r.title,
      department: r.department,
      viewer: r.viewer,
    }));
  }
}
