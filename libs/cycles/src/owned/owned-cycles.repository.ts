import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Language } from '@lib/common';
import { selectOne, selectRows } from '@lib/database';
import { localisedSql } from '@lib/frameworks';
import { ANSWERING_STATES, CycleOrigin, CycleSettings, CycleState, FeedbackRelationship, OPEN_REQUEST_STATES, sqlStateList } from '../domain';
import type { ChartPlace } from './owned-relationship';

/** One cycle a person owns, as its owner's list shows it. */
export interface OwnedCycleRow {
  id: string;
  name: string;
  origin: Exclude<CycleOrigin, 'hr'>;
  parentCycleId: string | null;
  state: CycleState;
  behaviourKeys: string[];
  responseDeadline: Date | null;
  launchedAt: Date | null;
  closedAt: Date | null;
  releasedAt: Date | null;
  /** Raters asked (other than the owner), in whatever state: the owner chose them. */
  asked: number;
  /** Declined by the rater: the owner is told of a decline anyway (rater-privacy.ts). */
  declined: number;
  /** The owner's own self-assessment: its real state (it is theirs). */
  selfState: string | null;
  hasReport: boolean;
}

/** One line of HR's "that it happened": no name, no behaviours, no raters, no progress. */
export interface OwnedCycleFactRow {
  ownerId: string;
  ownerName: string;
  department: string | null;
  origin: Exclude<CycleOrigin, 'hr'>;
  startedAt: Date;
  closedAt: Date | null;
}

/** Every method takes the organisation first. */
@Injectable()
export class OwnedCyclesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Serialises, per organisation, the starts of owned cycles: the cap of open requests per rater
   * is checked and the requests written under it, so two starts cannot both take a rater's last slot.
   */
  async lockRaterCap(organizationId: string, tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('owned-cycle-raters:' || $1::text, 0))`, [organizationId]);
  }

  async activePeople(organizationId: string, tx: EntityManager): Promise<Set<string>> {
    const rows = await selectRows<{ id: string }>(tx, `SELECT id FROM people WHERE organization_id = $1 AND active`, [organizationId]);
    return new Set(rows.map((r) => r.id));
  }

  /** Per rater, their open requests (OPEN_REQUEST_STATES, not withdrawn) in cycles still running or drafted, across every cycle. */
  async openRequests(organizationId: string, tx: EntityManager): Promise<Map<string, number>> {
    const rows = await selectRows<{ rater_id: string; open: number }>(
      tx,
      `SELECT fr.rater_id, count(*)::int AS open FROM feedback_requests fr
         JOIN cycles c ON c.organization_id = fr.organization_id AND c.id = fr.cycle_id
        WHERE fr.organization_id = $1 AND fr.state IN (${sqlStateList(OPEN_REQUEST_STATES)}) AND fr.withdrawn_at IS NULL
          AND fr.relationship <> 'self' AND (c.state = 'draft' OR c.state = ANY($2::text[]))
        GROUP BY fr.rater_id`,
      [organizationId, ANSWERING_STATES],
    );
    return new Map(rows.map((r) => [r.rater_id, r.open]));
  }

  async behaviourKeys(organizationId: string, frameworkVersionId: string, tx: EntityManager): Promise<Set<string>> {
    const rows = await selectRows<{ key: string }>(tx, `SELECT key FROM behaviours WHERE organization_id = $1 AND framework_version_id = $2`, [
      organizationId,
      frameworkVersionId,
    ]);
    return new Set(rows.map((r) => r.key));
  }

  /** The behaviours of a framework version, in questionnaire order and the reader's language, for the owner to choose from. */
  async behaviours(organizationId: string, frameworkVersionId: string, language: Language, tx?: EntityManager) {
    return selectRows<{ key: string; name: string; description: string | null; kind: string }>(
      tx ?? this.db,
      `SELECT b.key, ${localisedSql('b', 'name', '$3')} AS name, ${localisedSql('b', 'description', '$3')} AS description, b.kind
         FROM behaviours b WHERE b.organization_id = $1 AND b.framework_version_id = $2 ORDER BY b.position, b.key`,
      [organizationId, frameworkVersionId, language],
    );
  }

  async personName(organizationId: string, personId: string): Promise<string | null> {
    const rows = await selectRows<{ name: string }>(this.db, `SELECT name FROM people WHERE organization_id = $1 AND id = $2`, [organizationId, personId]);
    return rows[0]?.name ?? null;
  }

  async chartPlaces(organizationId: string, ids: string[], tx: EntityManager): Promise<Map<string, ChartPlace>> {
    const rows = await selectRows<{ id: string; manager_id: string | null; department: string | null }>(
      tx,
      `SELECT id, manager_id, department FROM people WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, managerId: r.manager_id, department: r.department }]));
  }

  /** The cycle, already collecting, with its owner as its only subject and the org chart frozen as of now. */
  async insertCycle(
    organizationId: string,
    values: {
      name: string;
      origin: Exclude<CycleOrigin, 'hr'>;
      ownerId: string;
      parentCycleId: string | null;
      behaviourKeys: string[];
      frameworkVersionId: string;
      settings: CycleSettings;
    },
    tx: EntityManager,
  ): Promise<string> {
    const { id } = await selectOne<{ id: string }>(
      tx,
      `INSERT INTO cycles (organization_id, name, framework_version_id, settings, nomination_deadline, response_deadline, created_by,
                           state, launched_at, origin, owner_id, parent_cycle_id, behaviour_keys)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, 'collecting', now(), $7, $6, $8, $9) RETURNING id`,
      [
        organizationId,
        values.name,
        values.frameworkVersionId,
        JSON.stringify(values.settings),
        values.settings.responseDeadline,
        values.ownerId,
        values.origin,
        values.parentCycleId,
        values.behaviourKeys,
      ],
    );
    await tx.query(
      `INSERT INTO cycle_subjects (organization_id, cycle_id, person_id, department, manager_id, has_reports)
       SELECT p.organization_id, $2, p.id, p.department, m.id,
              EXISTS (SELECT 1 FROM people r WHERE r.organization_id = p.organization_id AND r.manager_id = p.id AND r.active)
         FROM people p
         LEFT JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id AND m.active
        WHERE p.organization_id = $1 AND p.id = $3`,
      [organizationId, id, values.ownerId],
    );
    return id;
  }

  /** The owner's self-assessment and one request per chosen rater, open at once, in one statement. */
  async insertRequests(
    organizationId: string,
    cycleId: string,
    ownerId: string,
    raters: { raterId: string; relationship: Exclude<FeedbackRelationship, 'self'> }[],
    tx: EntityManager,
  ): Promise<number> {
    const { created } = await selectOne<{ created: number }>(
      tx,
      `WITH inserted AS (
         INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state, requested_by)
         SELECT $1, $2, $3, x.rater_id, x.relationship, 'open', $3
           FROM unnest($4::uuid[], $5::text[]) AS x(rater_id, relationship)
         RETURNING 1
       )
       SELECT count(*)::int AS created FROM inserted`,
      [organizationId, cycleId, ownerId, [ownerId, ...raters.map((r) => r.raterId)], ['self', ...raters.map((r) => r.relationship)]],
    );
    return created;
  }

  /** The owner's cycles, newest first; progress only as a subject may see it (rater-privacy.ts). */
  async listOwned(organizationId: string, ownerId: string, origin: CycleOrigin | null): Promise<OwnedCycleRow[]> {
    const rows = await selectRows<{
      id: string;
      name: string;
      origin: Exclude<CycleOrigin, 'hr'>;
      parent_cycle_id: string | null;
      state: CycleState;
      behaviour_keys: string[];
      response_deadline: Date | null;
      launched_at: Date | null;
      closed_at: Date | null;
      released_at: Date | null;
      asked: number;
      declined: number;
      self_state: string | null;
      has_report: boolean;
    }>(
      this.db,
      `SELECT c.id, c.name, c.origin, c.parent_cycle_id, c.state, c.behaviour_keys, c.response_deadline, c.launched_at, c.closed_at, c.released_at,
              (SELECT count(*)::int FROM feedback_requests fr WHERE fr.organization_id = $1 AND fr.cycle_id = c.id AND fr.relationship <> 'self') AS asked,
              (SELECT count(*)::int FROM feedback_requests fr WHERE fr.organization_id = $1 AND fr.cycle_id = c.id AND fr.relationship <> 'self'
                  AND fr.state = 'declined' AND fr.withdrawn_at IS NULL) AS declined,
              (SELECT fr.state FROM feedback_requests fr WHERE fr.organization_id = $1 AND fr.cycle_id = c.id AND fr.relationship = 'self' LIMIT 1) AS self_state,
              EXISTS (SELECT 1 FROM report_snapshots rs WHERE rs.organization_id = $1 AND rs.cycle_id = c.id AND rs.subject_id = $2) AS has_report
         FROM cycles c
        WHERE c.organization_id = $1 AND c.owner_id = $2 AND c.origin <> 'hr' AND ($3::text IS NULL OR c.origin = $3)
        ORDER BY c.created_at DESC, c.id
        LIMIT 200`,
      [organizationId, ownerId, origin],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      origin: r.origin,
      parentCycleId: r.parent_cycle_id,
      state: r.state,
      behaviourKeys: r.behaviour_keys,
      responseDeadline: r.response_deadline,
      launchedAt: r.launched_at,
      closedAt: r.closed_at,
      releasedAt: r.released_at,
      asked: r.asked,
      declined: r.declined,
      selfState: r.self_state,
      hasReport: r.has_report,
    }));
  }

  /** For HR: that owned cycles happened — who started one and when, nothing of their content. */
  async facts(organizationId: string): Promise<OwnedCycleFactRow[]> {
    const rows = await selectRows<{
      owner_id: string;
      owner_name: string;
      department: string | null;
      origin: Exclude<CycleOrigin, 'hr'>;
      started_at: Date;
      closed_at: Date | null;
    }>(
      this.db,
      `SELECT c.owner_id, p.name AS owner_name, p.department, c.origin, COALESCE(c.launched_at, c.created_at) AS started_at, c.closed_at
         FROM cycles c JOIN people p ON p.organization_id = c.organization_id AND p.id = c.owner_id
        WHERE c.organization_id = $1 AND c.origin <> 'hr'
        ORDER BY started_at DESC, c.id
        LIMIT 1000`,
      [organizationId],
    );
    return rows.map((r) => ({
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      department: r.department,
      origin: r.origin,
      startedAt: r.started_at,
      closedAt: r.closed_at,
    }));
  }
}
