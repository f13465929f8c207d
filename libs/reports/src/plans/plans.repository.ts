import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, modifyRows, selectFirst, selectRows } from '@lib/database';

export interface StoredPlanItem {
  behaviourKey: string;
  /** The behaviour's name, frozen with the plan (the guide needs no report to name it). */
  name: string;
  action: string;
  evidence: string;
}

export interface PlanRow {
  id: string;
  cycleId: string;
  subjectId: string;
  items: StoredPlanItem[];
  /** The manager the plan is shared with, only while they are still the subject's manager (null otherwise). */
  sharedWith: { id: string; name: string } | null;
  sharedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SharedPlanRow extends PlanRow {
  cycleName: string;
  subjectName: string;
  subjectTitle: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

interface Row {
  id: string;
  cycle_id: string;
  subject_id: string;
  items: StoredPlanItem[];
  shared_with: string | null;
  shared_name: string | null;
  shared_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * A share counts only while the person shared with is still the subject's manager and both are
 * active: a manager change, or either one leaving, ends it without anyone having to remember to.
 */
const SHARE_HOLDS = `dp.shared_with IS NOT NULL AND s.manager_id = dp.shared_with AND s.active AND m.active`;

const PLAN_COLUMNS = `dp.id, dp.cycle_id, dp.subject_id, dp.items, dp.created_at, dp.updated_at,
       CASE WHEN ${SHARE_HOLDS} THEN dp.shared_with END AS shared_with,
       CASE WHEN ${SHARE_HOLDS} THEN m.name END AS shared_name,
       CASE WHEN ${SHARE_HOLDS} THEN dp.shared_at END AS shared_at`;

const PLAN_JOINS = `JOIN people s ON s.organization_id = dp.organization_id AND s.id = dp.subject_id
  LEFT JOIN people m ON m.organization_id = dp.organization_id AND m.id = dp.shared_with`;

const toPlan = (r: Row): PlanRow => ({
  id: r.id,
  cycleId: r.cycle_id,
  subjectId: r.subject_id,
  items: r.items,
  sharedWith: r.shared_with && r.shared_name !== null ? { id: r.shared_with, name: r.shared_name } : null,
  sharedAt: r.shared_at ? r.shared_at.toISOString() : null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Development plans: the subject's own rows, what a manager is shared, and HR's counts. */
@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(organizationId: string, cycleId: string, subjectId: string, tx?: EntityManager): Promise<PlanRow | null> {
    const row = await selectFirst<Row>(
      tx ?? this.db,
      `SELECT ${PLAN_COLUMNS} FROM development_plans dp ${PLAN_JOINS}
        WHERE dp.organization_id = $1 AND dp.cycle_id = $2 AND dp.subject_id = $3`,
      [organizationId, cycleId, subjectId],
    );
    return row ? toPlan(row) : null;
  }

  /** Creates or replaces the plan's items; a share stays as it is. */
  async save(organizationId: string, cycleId: string, subjectId: string, items: StoredPlanItem[], tx: EntityManager): Promise<void> {
    await execute(
      tx,
      `INSERT INTO development_plans (organization_id, cycle_id, subject_id, items) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (organization_id, cycle_id, subject_id) DO UPDATE SET items = EXCLUDED.items, updated_at = now()`,
      [organizationId, cycleId, subjectId, JSON.stringify(items)],
    );
  }

  /** Shares with `managerId` (or, with null, withdraws the share). True when there was a plan. */
  async setShare(organizationId: string, cycleId: string, subjectId: string, managerId: string | null, tx: EntityManager): Promise<boolean> {
    const { count } = await modifyRows(
      tx,
      `UPDATE development_plans SET shared_with = $4, shared_at = CASE WHEN $4::uuid IS NULL THEN NULL ELSE now() END, updated_at = now()
        WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3`,
      [organizationId, cycleId, subjectId, managerId],
    );
    return count > 0;
  }

  /** The behaviours of the person's plans, newest cycle first (no text, no share): for progress views built elsewhere. */
  async behaviourKeys(organizationId: string, subjectId: string): Promise<{ cycleId: string; behaviourKeys: string[] }[]> {
    const rows = await selectRows<{ cycle_id: string; keys: string[] }>(
      this.db,
      `SELECT dp.cycle_id, ARRAY(SELECT i ->> 'behaviourKey' FROM jsonb_array_elements(dp.items) AS i) AS keys
         FROM development_plans dp JOIN cycles c ON c.organization_id = dp.organization_id AND c.id = dp.cycle_id
        WHERE dp.organization_id = $1 AND dp.subject_id = $2
        ORDER BY COALESCE(c.released_at, c.closed_at, c.created_at) DESC, dp.cycle_id`,
      [organizationId, subjectId],
    );
    return rows.map((r) => ({ cycleId: r.cycle_id, behaviourKeys: r.keys }));
  }

  /** The person's manager today, when both are active. */
  async currentManager(organizationId: string, personId: string, tx?: EntityManager): Promise<PersonRef | null> {
    const row = await selectFirst<PersonRef>(
      tx ?? this.db,
      `SELECT m.id, m.name FROM people p JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id
        WHERE p.organization_id = $1 AND p.id = $2 AND p.active AND m.active`,
      [organizationId, personId],
    );
    return row ?? null;
  }

  /** Plans shared with `managerId` whose share still holds, newest first. */
  async sharedWith(organizationId: string, managerId: string): Promise<SharedPlanRow[]> {
    const rows = await selectRows<Row & { cycle_name: string; subject_name: string; subject_title: string | null }>(
      this.db,
      `SELECT ${PLAN_COLUMNS}, c.name AS cycle_name, s.name AS subject_name, s.title AS subject_title
         FROM development_plans dp ${PLAN_JOINS}
         JOIN cycles c ON c.organization_id = dp.organization_id AND c.id = dp.cycle_id
        WHERE dp.organization_id = $1 AND dp.shared_with = $2 AND ${SHARE_HOLDS}
        ORDER BY dp.shared_at DESC, dp.id
        LIMIT 200`,
      [organizationId, managerId],
    );
    return rows.map((r) => ({ ...toPlan(r), cycleName: r.cycle_name, subjectName: r.subject_name, subjectTitle: r.subject_title }));
  }

  /**
   * HR's plan counts: every subject with a stored report in the cycle except the reader, their
   * department and level frozen at launch, and whether they made a plan by `until`.
   */
  async countPeople(
    organizationId: string,
    cycleId: string,
    readerId: string,
    until: Date,
  ): Promise<{ department: string | null; hasReports: boolean; hasPlan: boolean }[]> {
    const rows = await selectRows<{ department: string | null; has_reports: boolean; has_plan: boolean }>(
      this.db,
      `SELECT cs.department, cs.has_reports,
              EXISTS (SELECT 1 FROM development_plans dp
                       WHERE dp.organization_id = cs.organization_id AND dp.cycle_id = cs.cycle_id AND dp.subject_id = cs.person_id AND dp.created_at <= $4) AS has_plan
         FROM cycle_subjects cs
         JOIN report_snapshots rs ON rs.organization_id = cs.organization_id AND rs.cycle_id = cs.cycle_id AND rs.subject_id = cs.person_id
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL AND cs.person_id <> $3`,
      [organizationId, cycleId, readerId, until],
    );
    return rows.map((r) => ({ department: r.department, hasReports: r.has_reports, hasPlan: r.has_plan }));
  }

  /**
   * The organisation's followership counts as frozen at close, per subject (no names, no ids),
   * and whether the reader named that subject (domain/followership.ts, rule 2).
   */
  async followershipPeople(
    organizationId: string,
    cycleId: string,
    readerId: string,
  ): Promise<{ department: string | null; hasReports: boolean; named: number | null; anonymous: number | null; readerNamed: boolean }[]> {
    const rows = await selectRows<{ department: string | null; has_reports: boolean; named: number | null; anonymous: number | null; reader_named: boolean }>(
      this.db,
      `SELECT cs.department, cs.has_reports, rs.followership_named AS named, rs.followership_anonymous AS anonymous,
              EXISTS (SELECT 1 FROM followership_nominations n
                       WHERE n.organization_id = cs.organization_id AND n.cycle_id = cs.cycle_id AND n.nominee_id = cs.person_id AND n.nominator_id = $3) AS reader_named
         FROM cycle_subjects cs
         JOIN report_snapshots rs ON rs.organization_id = cs.organization_id AND rs.cycle_id = cs.cycle_id AND rs.subject_id = cs.person_id
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL`,
      [organizationId, cycleId, readerId],
    );
    return rows.map((r) => ({ department: r.department, hasReports: r.has_reports, named: r.named, anonymous: r.anonymous, readerNamed: r.reader_named }));
  }
}
