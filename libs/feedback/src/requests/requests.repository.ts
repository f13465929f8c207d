import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectRows } from '@lib/database';
import { type Actor, effectiveLanguage, type Language } from '@lib/common';
import {
  answerProgressHiddenSql,
  OPEN_REQUEST_STATES,
  sqlStateList,
  stateAsSeenSql,
  type ExistingRequest,
  type FeedbackRelationship,
  type RequestState,
} from '@lib/cycles';
import { CYCLE_COLUMNS, CycleRow, toCycleRow } from '../shared/cycle-row';

export interface SubjectRow {
  personId: string;
  name: string;
  email: string;
  title: string | null;
  department: string | null;
  frozenManagerId: string | null;
  currentManagerId: string | null;
}

export interface SubjectRequestRow {
  id: string;
  raterId: string;
  raterName: string;
  raterTitle: string | null;
  raterDepartment: string | null;
  relationship: FeedbackRelationship;
  state: RequestState;
  reason: string | null;
  /** Withdrawn because the subject left the cycle (rater-privacy: reads as asked where progress is hidden). */
  withdrawn: boolean;
  /** For the peer rules only (replacements after the nomination deadline); never shown or sorted on. */
  createdAt: Date;
}

/** One request with everything needed to decide who may do what with it. */
export interface RequestRow {
  id: string;
  cycle: CycleRow;
  subjectId: string;
  subjectName: string;
  subjectTitle: string | null;
  subjectDepartment: string | null;
  subjectEmail: string;
  /** The subject's language (their own, else the organisation's): mail to them is written in it. */
  subjectLanguage: Language;
  frozenManagerId: string | null;
  currentManagerId: string | null;
  raterId: string;
  raterName: string;
  relationship: FeedbackRelationship;
  state: RequestState;
  reason: string | null;
  submittedAt: Date | null;
  /** Withdrawn because its subject was removed from the cycle (SubjectRemovalService). */
  withdrawn: boolean;
}

type Row = Record<string, unknown>;

/**
 * A request `alias` of `feedback_requests` that is open (OPEN_REQUEST_STATES) as `viewer` (a SQL
 * parameter, the person id of `actor`) may know it: read by the rater-privacy rule, so that a
 * submitted request whose progress is hidden from the viewer (about them, or any but their own
 * for someone outside HR) still counts as open.
 */
export const OPEN_AS_SEEN_BY = (alias: string, viewer: string, actor: Pick<Actor, 'role'>): string =>
  `${stateAsSeenSql(alias, answerProgressHiddenSql(alias, viewer, actor.role === 'admin'))} IN (${sqlStateList(OPEN_REQUEST_STATES)})`;
// eslint-disable-next-line @typescript-eslint/no-base-to-string -- only text and uuid columns go through str(): pg gives them as strings
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The columns toRequestRow reads, over REQUEST_JOINS (`fr` the request, `c` its cycle). */
export const REQUEST_COLUMNS = `fr.id, fr.subject_id, fr.rater_id, fr.relationship, fr.state, fr.reason, fr.submitted_at, fr.withdrawn_at IS NOT NULL AS withdrawn,
       sp.name AS subject_name, sp.title AS subject_title, sp.department AS subject_department, sp.email AS subject_email, cs.manager_id AS frozen_manager_id, sp.manager_id AS current_manager_id,
       sp.language AS subject_language, (SELECT o.language FROM organizations o WHERE o.id = fr.organization_id) AS organization_language,
       rp.name AS rater_name, ${CYCLE_COLUMNS}`;

export const REQUEST_JOINS = `feedback_requests fr
         JOIN cycles c ON c.organization_id = fr.organization_id AND c.id = fr.cycle_id
         JOIN cycle_subjects cs ON cs.organization_id = fr.organization_id AND cs.cycle_id = fr.cycle_id AND cs.person_id = fr.subject_id
         JOIN people sp ON sp.organization_id = fr.organization_id AND sp.id = fr.subject_id
         JOIN people rp ON rp.organization_id = fr.organization_id AND rp.id = fr.rater_id`;

export function toRequestRow(r: Row): RequestRow {
  return {
    id: String(r.id),
    cycle: toCycleRow(r),
    subjectId: String(r.subject_id),
    subjectName: String(r.subject_name),
    subjectTitle: str(r.subject_title),
    subjectDepartment: str(r.subject_department),
    subjectEmail: String(r.subject_email),
    subjectLanguage: effectiveLanguage(str(r.subject_language), str(r.organization_language)),
    frozenManagerId: str(r.frozen_manager_id),
    currentManagerId: str(r.current_manager_id),
    raterId: String(r.rater_id),
    raterName: String(r.rater_name),
    relationship: r.relationship as FeedbackRelationship,
    state: r.state as RequestState,
    reason: str(r.reason),
    submittedAt: r.submitted_at ? new Date(r.submitted_at as string) : null,
    withdrawn: r.withdrawn === true,
  };
}

/** Feedback requests one at a time or for one subject. Every method takes the organisation first. */
@Injectable()
export class RequestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  /**
   * The cycle, optionally FOR SHARE: a state change (close, release) then waits for the caller's
   * transaction, so nothing is written to a cycle that has just closed. Always locked before any
   * request row, the same order as the cycle's own transitions, so the two cannot deadlock.
   */
  async findCycle(organizationId: string, cycleId: string, tx?: EntityManager, lock = false): Promise<CycleRow | null> {
    const rows = await selectRows<Row>(
      this.q(tx),
      `SELECT ${CYCLE_COLUMNS} FROM cycles c WHERE c.organization_id = $1 AND c.id = $2 ${lock ? 'FOR SHARE' : ''}`,
      [organizationId, cycleId],
    );
    return rows[0] ? toCycleRow(rows[0]) : null;
  }

  /** The subject of a cycle; FOR UPDATE serialises nominations for one subject (the maxPeers count). */
  async findSubject(organizationId: string, cycleId: string, subjectId: string, tx?: EntityManager, lock = false): Promise<SubjectRow | null> {
    const rows = await selectRows<Row>(
      this.q(tx),
      `SELECT cs.person_id, p.name, p.email, p.title, p.department, cs.manager_id AS frozen_manager_id, p.manager_id AS current_manager_id
         FROM cycle_subjects cs
         JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.person_id = $3 AND cs.removed_at IS NULL
        ${lock ? 'FOR UPDATE OF cs' : ''}`,
      [organizationId, cycleId, subjectId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      personId: String(r.person_id),
      name: String(r.name),
      email: String(r.email),
      title: str(r.title),
      department: str(r.department),
      frozenManagerId: str(r.frozen_manager_id),
      currentManagerId: str(r.current_manager_id),
    };
  }

  async listForSubject(organizationId: string, cycleId: string, subjectId: string, tx?: EntityManager): Promise<SubjectRequestRow[]> {
    // Ordered by relationship and name, never by time: an order that moved on submission would leak it.
    const rows = await selectRows<Row>(
      this.q(tx),
      `SELECT fr.id, fr.rater_id, p.name, p.title, p.department, fr.relationship, fr.state, fr.reason, fr.withdrawn_at IS NOT NULL AS withdrawn, fr.created_at
         FROM feedback_requests fr
         JOIN people p ON p.organization_id = fr.organization_id AND p.id = fr.rater_id
        WHERE fr.organization_id = $1 AND fr.cycle_id = $2 AND fr.subject_id = $3
        ORDER BY array_position(ARRAY['self', 'manager', 'direct_report', 'peer', 'other'], fr.relationship), p.name, fr.id`,
      [organizationId, cycleId, subjectId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      raterId: String(r.rater_id),
      raterName: String(r.name),
      raterTitle: str(r.title),
      raterDepartment: str(r.department),
      relationship: r.relationship as FeedbackRelationship,
      state: r.state as RequestState,
      reason: str(r.reason),
      withdrawn: r.withdrawn === true,
      createdAt: new Date(r.created_at as string),
    }));
  }

  /**
   * Locks the raters' person rows in id order (no deadlock between two batches) and returns the
   * ids that are active people of the organisation. FOR NO KEY UPDATE conflicts with itself, so
   * two nominations of one rater queue up for the capacity count, but not with the KEY SHARE
   * locks that foreign keys take, so launches and other inserts are not blocked.
   */
  async lockRaters(organizationId: string, raterIds: string[], tx: EntityManager): Promise<Set<string>> {
    const rows = await selectRows<{ id: string }>(
      tx,
      `SELECT id FROM people WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND active ORDER BY id FOR NO KEY UPDATE`,
      [organizationId, raterIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Per rater: requests in this cycle whose state still puts work on their desk (OPEN_REQUEST_STATES),
   * as `viewer` may know it (OPEN_AS_SEEN_BY): a request whose progress is hidden from the viewer
   * counts as open even once submitted, as the viewer sees it, so that neither this number nor the
   * cap it enforces moves when one of the raters of the viewer (or of their reports) submits.
   */
  async openCounts(organizationId: string, cycleId: string, raterIds: string[], viewer: Actor, tx?: EntityManager): Promise<Map<string, number>> {
    const rows = await selectRows<{ rater_id: string; open: number }>(
      this.q(tx),
      `SELECT fr.rater_id, count(*)::int AS open FROM feedback_requests fr
        WHERE fr.organization_id = $1 AND fr.cycle_id = $2 AND fr.rater_id = ANY($3::uuid[])
          AND ${OPEN_AS_SEEN_BY('fr', '$4', viewer)}
        GROUP BY fr.rater_id`,
      [organizationId, cycleId, raterIds, viewer.personId],
    );
    return new Map(rows.map((r) => [r.rater_id, r.open]));
  }

  async existingForSubject(organizationId: string, cycleId: string, subjectId: string, tx: EntityManager): Promise<ExistingRequest[]> {
    const rows = await selectRows<Row>(
      tx,
      `SELECT rater_id, relationship, state, created_at FROM feedback_requests WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3`,
      [organizationId, cycleId, subjectId],
    );
    return rows.map((r) => ({
      raterId: String(r.rater_id),
      relationship: r.relationship as FeedbackRelationship,
      state: r.state as RequestState,
      createdAt: new Date(r.created_at as string),
    }));
  }

  /** One multi-row insert for the whole batch. */
  async insertMany(
    organizationId: string,
    values: { cycleId: string; subjectId: string; raterIds: string[]; relationship: FeedbackRelationship; state: RequestState; requestedBy: string },
    tx: EntityManager,
  ): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(
      tx,
      `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state, requested_by)
       SELECT $1, $2, $3, r.id, $4, $5, $6 FROM unnest($7::uuid[]) AS r(id)
       RETURNING id`,
      [organizationId, values.cycleId, values.subjectId, values.relationship, values.state, values.requestedBy, values.raterIds],
    );
    return rows.map((r) => r.id);
  }

  /** The cycle id of a request, unlocked: callers lock the cycle, then the request, in that order. */
  async cycleIdOf(organizationId: string, requestId: string, tx?: EntityManager): Promise<string | null> {
    const rows = await selectRows<{ cycle_id: string }>(this.q(tx), `SELECT cycle_id FROM feedback_requests WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      requestId,
    ]);
    return rows[0]?.cycle_id ?? null;
  }

  async findRequest(organizationId: string, requestId: string, tx?: EntityManager, lock = false): Promise<RequestRow | null> {
    const rows = await selectRows<Row>(
      this.q(tx),
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_JOINS}
        WHERE fr.organization_id = $1 AND fr.id = $2
        ${lock ? 'FOR UPDATE OF fr' : ''}`,
      [organizationId, requestId],
    );
    return rows[0] ? toRequestRow(rows[0]) : null;
  }

  /** A conditional update: only from the state the caller checked under its lock. */
  async setState(
    organizationId: string,
    requestId: string,
    change: { from: RequestState; to: RequestState; decidedBy?: string; reason?: string | null },
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `UPDATE feedback_requests SET state = $4, decided_by = COALESCE($5, decided_by), reason = COALESCE($6, reason), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND state = $3`,
      [organizationId, requestId, change.from, change.to, change.decidedBy ?? null, change.reason ?? null],
    );
  }

  async delete(organizationId: string, requestId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM feedback_requests WHERE organization_id = $1 AND id = $2 AND state <> 'submitted'`, [organizationId, requestId]);
  }
}
