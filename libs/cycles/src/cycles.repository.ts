import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectOne, selectRows } from '@lib/database';
import { answersGateSql } from './answers-gate';
import { CycleOrigin, CycleSettings, CycleState, parseStoredCycleSettings } from './domain';
import type { CycleListItemDto, CycleRole } from './cycle.dto';

/** Timestamps as pg returns them (Date); tests and callers may also hand in ISO strings. */
type Timestamp = Date | string;
const isoOrNull = (value: Timestamp | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

/** The columns settingsFromRow reads: the jsonb settings and the deadline columns that mirror them. */
export interface CycleSettingsRow {
  settings: Record<string, unknown> | null;
  nomination_deadline?: Timestamp | null;
  response_deadline?: Timestamp | null;
}

/** A row of SELECT_CYCLE. */
interface CycleRow extends CycleSettingsRow {
  id: string;
  organization_id: string;
  name: string;
  state: CycleState;
  framework_id: string;
  framework_name: string;
  framework_version_id: string;
  framework_version: number;
  subject_count: number;
  created_at: Timestamp;
  launched_at: Timestamp | null;
  closed_at: Timestamp | null;
  released_at: Timestamp | null;
  origin: CycleOrigin;
  owner_id: string | null;
  parent_cycle_id: string | null;
  behaviour_keys: string[] | null;
}

interface ParticipationRow {
  is_subject: boolean;
  is_rater: boolean;
}

/** A row of list(). */
interface CycleListRow extends ParticipationRow {
  id: string;
  name: string;
  state: CycleState;
  nomination_deadline: Timestamp | null;
  response_deadline: Timestamp | null;
  created_at: Timestamp;
  launched_at: Timestamp | null;
  closed_at: Timestamp | null;
  released_at: Timestamp | null;
  subject_count: number | null;
  framework_name: string | null;
  origin: CycleOrigin;
}

/** A cycle as the services use it: settings parsed, deadlines as dates. */
export interface CycleRecord {
  id: string;
  organizationId: string;
  name: string;
  state: CycleState;
  settings: CycleSettings;
  frameworkId: string;
  frameworkName: string;
  frameworkVersionId: string;
  frameworkVersion: number;
  subjectCount: number;
  createdAt: string;
  launchedAt: string | null;
  closedAt: string | null;
  releasedAt: string | null;
  /** HR's cycle, or one a person owns (a self-started 360, a pulse): then HR sees only that it happened. */
  origin: CycleOrigin;
  /** The person who owns a `self` or `pulse` cycle (its only subject); null for HR's. */
  ownerId: string | null;
  parentCycleId: string | null;
  /** The behaviours an owned cycle asks about; null: the whole framework (HR's cycles). */
  behaviourKeys: string[] | null;
}

/**
 * Settings live in `cycles.settings` (jsonb, deadlines as ISO strings) and the deadlines are
 * mirrored in their own columns for the scheduler's queries; both are written together here.
 */
export function settingsFromRow(row: CycleSettingsRow): CycleSettings {
  return parseStoredCycleSettings(row.settings, { nominationDeadline: row.nomination_deadline, responseDeadline: row.response_deadline });
}

const SELECT_CYCLE = `
  SELECT c.*, v.framework_id, v.version AS framework_version, f.name AS framework_name,
         (SELECT count(*)::int FROM cycle_subjects cs WHERE cs.organization_id = c.organization_id AND cs.cycle_id = c.id AND cs.removed_at IS NULL) AS subject_count
    FROM cycles c
    JOIN framework_versions v ON v.organization_id = c.organization_id AND v.id = c.framework_version_id
    JOIN frameworks f ON f.organization_id = c.organization_id AND f.id = v.framework_id`;

const toRecord = (r: CycleRow): CycleRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  name: r.name,
  state: r.state,
  settings: settingsFromRow(r),
  frameworkId: r.framework_id,
  frameworkName: r.framework_name,
  frameworkVersionId: r.framework_version_id,
  frameworkVersion: r.framework_version,
  subjectCount: r.subject_count,
  createdAt: new Date(r.created_at).toISOString(),
  launchedAt: isoOrNull(r.launched_at),
  closedAt: isoOrNull(r.closed_at),
  releasedAt: isoOrNull(r.released_at),
  origin: r.origin,
  ownerId: r.owner_id,
  parentCycleId: r.parent_cycle_id,
  behaviourKeys: r.behaviour_keys,
});

/** Every method takes the organisation first: a query without a tenant does not compile. */
@Injectable()
export class CyclesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  /**
   * With `lock`, the cycle row is locked FOR UPDATE: every state change goes through it. It then
   * also holds the answers gate exclusively (answers-gate.ts): submits and drafts in flight finish first.
   */
  async find(organizationId: string, id: string, tx?: EntityManager, lock = false): Promise<CycleRecord | null> {
    if (lock) {
      // FOR UPDATE cannot apply to the aggregate in SELECT_CYCLE: lock the bare row first.
      const locked = await selectRows<object>(
        this.q(tx),
        `SELECT ${answersGateSql('exclusive', 'id')} FROM cycles WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [organizationId, id],
      );
      if (!locked.length) return null;
    }
    const rows = await selectRows<CycleRow>(this.q(tx), `${SELECT_CYCLE} WHERE c.organization_id = $1 AND c.id = $2`, [organizationId, id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async insert(
    organizationId: string,
    values: { name: string; frameworkVersionId: string; settings: CycleSettings; createdBy: string },
    tx: EntityManager,
  ): Promise<string> {
    const row = await selectOne<{ id: string }>(
      tx,
      `INSERT INTO cycles (organization_id, name, framework_version_id, settings, nomination_deadline, response_deadline, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        organizationId,
        values.name,
        values.frameworkVersionId,
        JSON.stringify(values.settings),
        values.settings.nominationDeadline,
        values.settings.responseDeadline,
        values.createdBy,
      ],
    );
    return row.id;
  }

  async update(
    organizationId: string,
    id: string,
    values: { name: string; frameworkVersionId: string; settings: CycleSettings },
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `UPDATE cycles SET name = $3, framework_version_id = $4, settings = $5, nomination_deadline = $6, response_deadline = $7
        WHERE organization_id = $1 AND id = $2`,
      [
        organizationId,
        id,
        values.name,
        values.frameworkVersionId,
        JSON.stringify(values.settings),
        values.settings.nominationDeadline,
        values.settings.responseDeadline,
      ],
    );
  }

  /** Moves the cycle to `state` and stamps the matching timestamp. */
  async setState(organizationId: string, id: string, state: CycleState, tx: EntityManager): Promise<void> {
    const stamp = { nominating: 'launched_at', collecting: 'launched_at', closed: 'closed_at', released: 'released_at', draft: null }[state];
    // A cycle launched straight into collecting keeps its launch time when nominations end.
    const set = stamp === 'launched_at' ? `launched_at = COALESCE(launched_at, now())` : stamp ? `${stamp} = now()` : '';
    await tx.query(`UPDATE cycles SET state = $3${set ? `, ${set}` : ''} WHERE organization_id = $1 AND id = $2`, [organizationId, id, state]);
  }

  /**
   * Subjects of the cycle without a report snapshot yet (report_snapshots is written by the
   * reports library's job; both tables are keyed by cycle first, so this is one merge anti-join).
   */
  async subjectsWithoutSnapshot(organizationId: string, id: string, tx: EntityManager): Promise<number> {
    const { missing } = await selectOne<{ missing: number }>(
      tx,
      `SELECT count(*)::int AS missing FROM cycle_subjects cs
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM report_snapshots rs WHERE rs.organization_id = $1 AND rs.cycle_id = $2 AND rs.subject_id = cs.person_id)`,
      [organizationId, id],
    );
    return missing;
  }

  /** The subjects still in the cycle. */
  async countSubjects(organizationId: string, id: string, tx: EntityManager): Promise<number> {
    const { subjects } = await selectOne<{ subjects: number }>(
      tx,
      `SELECT count(*)::int AS subjects FROM cycle_subjects WHERE organization_id = $1 AND cycle_id = $2 AND removed_at IS NULL`,
      [organizationId, id],
    );
    return subjects;
  }

  async setFrameworkVersion(organizationId: string, id: string, versionId: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE cycles SET framework_version_id = $3 WHERE organization_id = $1 AND id = $2`, [organizationId, id, versionId]);
  }

  /**
   * HR sees every cycle of its own (origin 'hr'); anyone, HR included, the launched cycles they are a
   * subject or an asked rater of. A cycle a person owns is never listed to HR as such: HR sees only
   * that it happened (OwnedCyclesService.summary).
   */
  async list(organizationId: string, personId: string, admin: boolean): Promise<CycleListItemDto[]> {
    const rows = await selectRows<CycleListRow>(
      this.db,
      `SELECT c.id, c.name, c.state, c.nomination_deadline, c.response_deadline, c.created_at, c.launched_at, c.closed_at, c.released_at,
              c.origin, CASE WHEN $3 AND c.origin = 'hr' THEN (SELECT count(*)::int FROM cycle_subjects cs WHERE cs.organization_id = c.organization_id AND cs.cycle_id = c.id AND cs.removed_at IS NULL) END AS subject_count,
              CASE WHEN $3 AND c.origin = 'hr' THEN (SELECT f.name FROM framework_versions v JOIN frameworks f ON f.organization_id = v.organization_id AND f.id = v.framework_id
                                  WHERE v.organization_id = c.organization_id AND v.id = c.framework_version_id) END AS framework_name,
              ${participation('c')}
         FROM cycles c
        WHERE c.organization_id = $1 AND (($3 AND c.origin = 'hr') OR (c.state <> 'draft' AND (${IS_SUBJECT('c')} OR ${IS_RATER('c')})))
        ORDER BY c.created_at DESC, c.id`,
      [organizationId, personId, admin],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      state: r.state,
      nominationDeadline: isoOrNull(r.nomination_deadline),
      responseDeadline: isoOrNull(r.response_deadline),
      createdAt: new Date(r.created_at).toISOString(),
      launchedAt: isoOrNull(r.launched_at),
      closedAt: isoOrNull(r.closed_at),
      releasedAt: isoOrNull(r.released_at),
      subjectCount: r.subject_count ?? null,
      frameworkName: r.framework_name ?? null,
      myRoles: roles(r, admin && r.origin === 'hr'),
    }));
  }

  /** The parts `personId` plays in a cycle (subject, rater), for members' access and the UI. */
  async participation(organizationId: string, id: string, personId: string): Promise<CycleRole[]> {
    const rows = await selectRows<ParticipationRow>(this.db, `SELECT ${participation('c')} FROM cycles c WHERE c.organization_id = $1 AND c.id = $3`, [
      organizationId,
      personId,
      id,
    ]);
    return rows[0] ? roles(rows[0], false) : [];
  }
}

// $1 = organisation, $2 = person. A proposed request is not yet the rater's business, and a
// rejected one never will be.
const IS_SUBJECT = (c: string): string =>
  `EXISTS (SELECT 1 FROM cycle_subjects cs WHERE cs.organization_id = $1 AND cs.cycle_id = ${c}.id AND cs.person_id = $2 AND cs.removed_at IS NULL)`;
const IS_RATER = (c: string): string =>
  `EXISTS (SELECT 1 FROM feedback_requests fr WHERE fr.organization_id = $1 AND fr.cycle_id = ${c}.id AND fr.rater_id = $2 AND fr.state NOT IN ('proposed', 'rejected'))`;
const participation = (c: string): string => `${IS_SUBJECT(c)} AS is_subject, ${IS_RATER(c)} AS is_rater`;

function roles(row: ParticipationRow, admin: boolean): CycleRole[] {
  return [...(admin ? (['admin'] as const) : []), ...(row.is_subject ? (['subject'] as const) : []), ...(row.is_rater ? (['rater'] as const) : [])];
}
