import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CycleState } from '@lib/cycles';
import { selectRows } from '@lib/database';

export interface HeatmapAggregate {
  department: string | null;
  hasReports: boolean;
  /** Whether these people are direct reports of the team's manager (false when no team is asked for). */
  inTeam: boolean;
  /** 'index:influence', 'index:management' or 'behaviour:<key>'. */
  measure: string;
  sum: number;
  count: number;
}

export interface TeamMemberSummary {
  influence: number | null;
  management: number | null;
}

export interface EarlierCycle {
  id: string;
  name: string;
  state: CycleState;
  settings: Record<string, unknown>;
}

@Injectable()
export class HeatmapRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One GROUP BY over the cycle's snapshot summaries: per department, with/without reports,
   * team or not, and measure, the sum and number of people whose report showed that all-others
   * number. A value the person's own report hid never enters the organisation view. Readers
   * never count: the reports that counted `readerId` as an anonymous rater are left out of that
   * reader's view (HeatmapService says why). `teamOf` marks the subjects whose manager, frozen at
   * launch, is that person; null marks nobody.
   */
  async aggregates(organizationId: string, cycleId: string, readerId: string, teamOf: string | null = null): Promise<HeatmapAggregate[]> {
    const rows = await selectRows<{ department: string | null; has_reports: boolean; in_team: boolean; measure: string; sum: number; count: number }>(
      this.db,
      `SELECT cs.department, cs.has_reports, COALESCE(cs.manager_id = $4::uuid, false) AS in_team, m.measure, sum(m.value)::float8 AS sum, count(*)::int AS count
         FROM report_snapshots rs
         JOIN cycle_subjects cs ON cs.cycle_id = rs.cycle_id AND cs.person_id = rs.subject_id AND cs.organization_id = rs.organization_id
         CROSS JOIN LATERAL (
           SELECT 'behaviour:' || b.key AS measure, (b.value #>> '{}')::float8 AS value FROM jsonb_each(rs.summary -> 'behaviours') b
           UNION ALL SELECT 'index:influence', (rs.summary ->> 'influence')::float8
           UNION ALL SELECT 'index:management', (rs.summary ->> 'management')::float8
         ) m
        WHERE rs.organization_id = $1 AND rs.cycle_id = $2 AND cs.removed_at IS NULL AND m.value IS NOT NULL AND NOT (rs.anonymous_rater_ids @> ARRAY[$3::uuid])
        GROUP BY cs.department, cs.has_reports, in_team, m.measure`,
      [organizationId, cycleId, readerId, teamOf],
    );
    return rows.map((r) => ({
      department: r.department,
      hasReports: r.has_reports,
      inTeam: r.in_team,
      measure: r.measure,
      sum: Number(r.sum),
      count: r.count,
    }));
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

  /**
   * The most recent cycle before this one (closed, else launched, else created) on the same
   * framework, any version, in one of `states`: what "the previous cycle" means for comparisons.
   */
  async previousCycle(
    organizationId: string,
    cycle: { id: string; frameworkId: string; orderedAt: Date },
    states: readonly CycleState[],
  ): Promise<EarlierCycle | null> {
    const rows = await selectRows<{ id: string; name: string; state: CycleState; settings: Record<string, unknown> | null }>(
      this.db,
      `SELECT c.id, c.name, c.state, c.settings
         FROM cycles c
         JOIN framework_versions fv ON fv.organization_id = c.organization_id AND fv.id = c.framework_version_id
        WHERE c.organization_id = $1 AND c.id <> $2 AND fv.framework_id = $3 AND c.state = ANY($4::text[]) AND c.origin = 'hr'
          AND COALESCE(c.closed_at, c.launched_at, c.created_at) < $5
        ORDER BY COALESCE(c.closed_at, c.launched_at, c.created_at) DESC, c.id
        LIMIT 1`,
      [organizationId, cycle.id, cycle.frameworkId, states, cycle.orderedAt],
    );
    const r = rows[0];
    return r ? { id: r.id, name: r.name, state: r.state, settings: r.settings ?? {} } : null;
  }

  /** How many subjects of the cycle have `managerId` as their manager frozen at launch. */
  async directReports(organizationId: string, cycleId: string, managerId: string): Promise<number> {
    const rows = await selectRows<{ n: number }>(
      this.db,
      `SELECT count(*)::int AS n FROM cycle_subjects WHERE organization_id = $1 AND cycle_id = $2 AND manager_id = $3 AND removed_at IS NULL`,
      [organizationId, cycleId, managerId],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * The shown all-others indices of the manager's direct reports (frozen at launch), one row per
   * report in which the manager did not count as an anonymous rater; no names, no ids.
   */
  async teamIndices(organizationId: string, cycleId: string, managerId: string): Promise<TeamMemberSummary[]> {
    const rows = await selectRows<{ influence: number | null; management: number | null }>(
      this.db,
      `SELECT (rs.summary ->> 'influence')::float8 AS influence, (rs.summary ->> 'management')::float8 AS management
         FROM report_snapshots rs
         JOIN cycle_subjects cs ON cs.cycle_id = rs.cycle_id AND cs.person_id = rs.subject_id AND cs.organization_id = rs.organization_id
        WHERE rs.organization_id = $1 AND rs.cycle_id = $2 AND cs.manager_id = $3 AND cs.removed_at IS NULL AND NOT (rs.anonymous_rater_ids @> ARRAY[$3::uuid])`,
      [organizationId, cycleId, managerId],
    );
    return rows.map((r) => ({ influence: r.influence === null ? null : Number(r.influence), management: r.management === null ? null : Number(r.management) }));
  }

  /** Released cycles in which `managerId` is the frozen manager of at least one subject, newest first. */
  async managedCycles(organizationId: string, managerId: string): Promise<{ id: string; name: string; releasedAt: Date | null }[]> {
    const rows = await selectRows<{ id: string; name: string; released_at: Date | null }>(
      this.db,
      `SELECT c.id, c.name, c.released_at
         FROM cycles c
        WHERE c.organization_id = $1 AND c.state = 'released' AND c.origin = 'hr'
          AND EXISTS (SELECT 1 FROM cycle_subjects cs WHERE cs.organization_id = $1 AND cs.cycle_id = c.id AND cs.manager_id = $2 AND cs.removed_at IS NULL)
        ORDER BY COALESCE(c.closed_at, c.launched_at, c.created_at) DESC, c.id
        LIMIT 50`,
      [organizationId, managerId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, releasedAt: r.released_at }));
  }
}
