import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, selectFirst, selectOne, selectRows } from '@lib/database';
import type { TrendSource } from '../domain';
import type { PulseFailure } from './pulse.dto';

export interface PulseRow {
  id: string;
  /** The cycle of the report the plan was made from. */
  cycleId: string;
  subjectId: string;
  behaviourKeys: string[];
  addedRaterIds: string[];
  weeks: number;
  startsAt: string;
  failure: PulseFailure | null;
  /** The pulse cycle once started: its state, and whether the subject's pulse report is stored. */
  pulseCycle: { id: string; state: string; hasReport: boolean } | null;
  createdAt: string;
}

interface Row {
  id: string;
  cycle_id: string;
  subject_id: string;
  behaviour_keys: string[];
  added_rater_ids: string[];
  weeks: number;
  starts_at: Date;
  failure: PulseFailure | null;
  pulse_cycle_id: string | null;
  pulse_state: string | null;
  has_report: boolean;
  created_at: Date;
}

const toPulse = (r: Row): PulseRow => ({
  id: r.id,
  cycleId: r.cycle_id,
  subjectId: r.subject_id,
  behaviourKeys: r.behaviour_keys,
  addedRaterIds: r.added_rater_ids,
  weeks: r.weeks,
  startsAt: r.starts_at.toISOString(),
  failure: r.failure,
  pulseCycle: r.pulse_cycle_id && r.pulse_state ? { id: r.pulse_cycle_id, state: r.pulse_state, hasReport: r.has_report } : null,
  createdAt: r.created_at.toISOString(),
});

const PULSE_SELECT = `SELECT pr.id, pr.cycle_id, pr.subject_id, pr.behaviour_keys, pr.added_rater_ids::text[] AS added_rater_ids, pr.weeks, pr.starts_at,
       pr.failure, pr.pulse_cycle_id, pc.state AS pulse_state, pr.created_at,
       EXISTS (SELECT 1 FROM report_snapshots rs WHERE rs.organization_id = pr.organization_id AND rs.cycle_id = pr.pulse_cycle_id AND rs.subject_id = pr.subject_id) AS has_report
  FROM pulse_requests pr
  LEFT JOIN cycles pc ON pc.organization_id = pr.organization_id AND pc.id = pr.pulse_cycle_id`;

/** What the start of a pulse reads about the original cycle and the people it may ask. */
export interface PulseStartFacts {
  /** Everyone the original cycle asked to rate the subject (never the subject), whatever they answered. */
  originalRaterIds: string[];
  /** Of those and the added people: who is active in the organisation today. */
  activePeople: Set<string>;
  /** Per rater, their open requests in cycles still answering, across the organisation. */
  openRequests: Map<string, number>;
}

/** Follow-up pulses (pulse_requests): one per development plan, the subject's own. */
@Injectable()
export class PulseRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(organizationId: string, cycleId: string, subjectId: string, tx?: EntityManager): Promise<PulseRow | null> {
    const row = await selectFirst<Row>(tx ?? this.db, `${PULSE_SELECT} WHERE pr.organization_id = $1 AND pr.cycle_id = $2 AND pr.subject_id = $3`, [
      organizationId,
      cycleId,
      subjectId,
    ]);
    return row ? toPulse(row) : null;
  }

  async findById(organizationId: string, id: string, tx?: EntityManager): Promise<PulseRow | null> {
    const row = await selectFirst<Row>(tx ?? this.db, `${PULSE_SELECT} WHERE pr.organization_id = $1 AND pr.id = $2`, [organizationId, id]);
    return row ? toPulse(row) : null;
  }

  /** Locks the plan the pulse belongs to: two asks at once cannot both pass the "no pulse yet" check. */
  async lockPlan(organizationId: string, cycleId: string, subjectId: string, tx: EntityManager): Promise<boolean> {
    const row = await selectFirst<{ id: string }>(
      tx,
      `SELECT id FROM development_plans WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3 FOR UPDATE`,
      [organizationId, cycleId, subjectId],
    );
    return row !== undefined;
  }

  async insert(
    organizationId: string,
    pulse: { cycleId: string; subjectId: string; behaviourKeys: string[]; addedRaterIds: string[]; weeks: number; startsAt: Date },
    tx: EntityManager,
  ): Promise<string> {
    const row = await selectOne<{ id: string }>(
      tx,
      `INSERT INTO pulse_requests (organization_id, cycle_id, subject_id, behaviour_keys, added_rater_ids, weeks, starts_at)
       VALUES ($1, $2, $3, $4::text[], $5::uuid[], $6, $7) RETURNING id`,
      [organizationId, pulse.cycleId, pulse.subjectId, pulse.behaviourKeys, pulse.addedRaterIds, pulse.weeks, pulse.startsAt],
    );
    return row.id;
  }

  async setStarted(organizationId: string, id: string, pulseCycleId: string, tx: EntityManager): Promise<void> {
    await execute(tx, `UPDATE pulse_requests SET pulse_cycle_id = $3, failure = NULL WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      id,
      pulseCycleId,
    ]);
  }

  async setFailure(organizationId: string, id: string, failure: PulseFailure, tx: EntityManager): Promise<void> {
    await execute(tx, `UPDATE pulse_requests SET failure = $3 WHERE organization_id = $1 AND id = $2`, [organizationId, id, failure]);
  }

  /** The subject as the job acts for them: their role, and whether they are still active. */
  async person(organizationId: string, personId: string): Promise<{ id: string; role: 'admin' | 'member'; active: boolean } | null> {
    return (
      (await selectFirst<{ id: string; role: 'admin' | 'member'; active: boolean }>(
        this.db,
        `SELECT id, role, active FROM people WHERE organization_id = $1 AND id = $2`,
        [organizationId, personId],
      )) ?? null
    );
  }

  /** The cycle the plan was made from: the pulse asks from its framework version, under its k. */
  async originalCycle(
    organizationId: string,
    cycleId: string,
  ): Promise<{ name: string; frameworkVersionId: string; settings: Record<string, unknown> } | null> {
    const row = await selectFirst<{ name: string; framework_version_id: string; settings: Record<string, unknown> }>(
      this.db,
      `SELECT name, framework_version_id, settings FROM cycles WHERE organization_id = $1 AND id = $2`,
      [organizationId, cycleId],
    );
    return row ? { name: row.name, frameworkVersionId: row.framework_version_id, settings: row.settings } : null;
  }

  /** A pulse cycle of this plan that exists although the pulse does not name it (a start that crashed before marking it). */
  async startedCycle(organizationId: string, cycleId: string, subjectId: string): Promise<string | null> {
    const row = await selectFirst<{ id: string }>(
      this.db,
      `SELECT id FROM cycles WHERE organization_id = $1 AND origin = 'pulse' AND parent_cycle_id = $2 AND owner_id = $3 ORDER BY created_at LIMIT 1`,
      [organizationId, cycleId, subjectId],
    );
    return row?.id ?? null;
  }

  /** Everyone the original cycle asked to rate the subject (never the subject), whatever they answered: the subject never learns who did. */
  async originalRaterIds(organizationId: string, cycleId: string, subjectId: string): Promise<string[]> {
    const rows = await selectRows<{ rater_id: string }>(
      this.db,
      `SELECT DISTINCT rater_id FROM feedback_requests
        WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3 AND relationship <> 'self' AND state NOT IN ('proposed', 'rejected')`,
      [organizationId, cycleId, subjectId],
    );
    return rows.map((r) => r.rater_id);
  }

  async startFacts(organizationId: string, cycleId: string, subjectId: string, addedRaterIds: readonly string[], tx?: EntityManager): Promise<PulseStartFacts> {
    const db = tx ?? this.db;
    const original = await this.originalRaterIds(organizationId, cycleId, subjectId);
    const ids = [...new Set([...original, ...addedRaterIds])];
    const active = await selectRows<{ id: string }>(db, `SELECT id FROM people WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND active`, [
      organizationId,
      ids,
    ]);
    const open = await selectRows<{ rater_id: string; n: number }>(
      db,
      `SELECT fr.rater_id, count(*)::int AS n FROM feedback_requests fr
         JOIN cycles c ON c.organization_id = fr.organization_id AND c.id = fr.cycle_id
        WHERE fr.organization_id = $1 AND fr.rater_id = ANY($2::uuid[]) AND fr.state IN ('proposed', 'open', 'in_progress')
          AND c.state IN ('nominating', 'collecting')
        GROUP BY fr.rater_id`,
      [organizationId, ids],
    );
    return {
      originalRaterIds: original,
      activePeople: new Set(active.map((r) => r.id)),
      openRequests: new Map(open.map((r) => [r.rater_id, r.n])),
    };
  }

  /** The stored summary of one report (the all-others numbers it published), with whom it counted as anonymous raters. */
  async summary(organizationId: string, cycleId: string, subjectId: string): Promise<{ summary: TrendSource; anonymousRaters: string[] } | null> {
    const row = await selectFirst<{ summary: TrendSource | null; anonymous_rater_ids: string[] }>(
      this.db,
      `SELECT summary, anonymous_rater_ids::text[] AS anonymous_rater_ids FROM report_snapshots WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3`,
      [organizationId, cycleId, subjectId],
    );
    return row?.summary ? { summary: row.summary, anonymousRaters: row.anonymous_rater_ids } : null;
  }
}
