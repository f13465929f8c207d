import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { effectiveLanguage, type Language } from '@lib/common';
import { execute, modifyRows, selectFirst, selectOne, selectRows } from '@lib/database';
import { parseStoredCycleSettings, type CycleSettings, type CycleState } from '@lib/cycles';
import type { AnswerSet } from '../responses/answer-rules';
import { LIVE_EXTERNAL_STATES, type ExternalRaterState } from './external-rules';

export interface ExternalSubjectContext {
  cycleId: string;
  cycleName: string;
  cycleState: CycleState;
  settings: CycleSettings;
  subjectId: string;
  subjectName: string;
  /** The manager frozen at launch: the one who approves. */
  managerId: string | null;
  organizationName: string;
  /** The organisation's language: an external rater has no account, so their mail is written in it. */
  organizationLanguage: Language;
}

export interface ExternalRaterRow {
  id: string;
  cycleId: string;
  subjectId: string;
  name: string;
  email: string | null;
  state: ExternalRaterState;
  invitedBy: string;
  linkExpiresAt: Date | null;
  linkUsedAt: Date | null;
  createdAt: Date;
  emailErasedAt: Date | null;
  /** The language they were invited in: their mails and questionnaire are written in it. */
  language: Language;
}

/** A subject's proposal waiting for the person asked to decide it. */
export interface PendingExternalRow {
  id: string;
  cycleId: string;
  cycleName: string;
  subjectId: string;
  subjectName: string;
  subjectTitle: string | null;
  name: string;
  email: string | null;
  createdAt: Date;
}

/** What the credential opens: one questionnaire. */
export interface ExternalAccessRow {
  id: string;
  organizationId: string;
  state: ExternalRaterState;
  name: string;
  cycleId: string;
  cycleName: string;
  cycleState: CycleState;
  responseDeadline: Date | null;
  frameworkVersionId: string;
  subjectName: string;
  organizationName: string;
  draft: AnswerSet | null;
  draftSavedAt: Date | null;
  /** The cycle's k, for the rater's own information. */
  threshold: number;
  /** The language they were invited in. */
  language: Language;
}

interface RaterSqlRow {
  id: string;
  cycle_id: string;
  subject_id: string;
  name: string;
  email: string | null;
  state: ExternalRaterState;
  invited_by: string;
  link_expires_at: Date | null;
  link_used_at: Date | null;
  created_at: Date;
  email_erased_at: Date | null;
  language: string;
}

const RATER_COLUMNS = `id, cycle_id, subject_id, name, email, state, invited_by, link_expires_at, link_used_at, created_at, email_erased_at, language`;

const toRater = (r: RaterSqlRow): ExternalRaterRow => ({
  id: r.id,
  cycleId: r.cycle_id,
  subjectId: r.subject_id,
  name: r.name,
  email: r.email,
  state: r.state,
  invitedBy: r.invited_by,
  linkExpiresAt: r.link_expires_at,
  linkUsedAt: r.link_used_at,
  createdAt: r.created_at,
  emailErasedAt: r.email_erased_at,
  language: effectiveLanguage(r.language, null),
});

/** External raters: invitations, links, credentials and answers. Every query is scoped by organisation first. */
@Injectable()
export class ExternalRatersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The cycle and one of its (not removed) subjects, with the cycle row locked FOR SHARE when in a transaction. */
  async subjectContext(organizationId: string, cycleId: string, subjectId: string, tx?: EntityManager): Promise<ExternalSubjectContext | null> {
    const row = await selectFirst<{
      cycle_id: string;
      cycle_name: string;
      state: CycleState;
      settings: unknown;
      nomination_deadline: Date | null;
      response_deadline: Date | null;
      subject_id: string;
      subject_name: string;
      manager_id: string | null;
      organization_name: string;
      organization_language: string;
    }>(
      tx ?? this.db,
      `SELECT c.id AS cycle_id, c.name AS cycle_name, c.state, c.settings, c.nomination_deadline, c.response_deadline,
              cs.person_id AS subject_id, p.name AS subject_name, cs.manager_id, o.name AS organization_name,
              o.language AS organization_language
         FROM cycles c
         JOIN cycle_subjects cs ON cs.organization_id = c.organization_id AND cs.cycle_id = c.id AND cs.person_id = $3 AND cs.removed_at IS NULL
         JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
         JOIN organizations o ON o.id = c.organization_id
        WHERE c.organization_id = $1 AND c.id = $2
        ${tx ? 'FOR SHARE OF c' : ''}`,
      [organizationId, cycleId, subjectId],
    );
    if (!row) return null;
    return {
      cycleId: row.cycle_id,
      cycleName: row.cycle_name,
      cycleState: row.state,
      settings: parseStoredCycleSettings(row.settings, { nominationDeadline: row.nomination_deadline, responseDeadline: row.response_deadline }),
      subjectId: row.subject_id,
      subjectName: row.subject_name,
      managerId: row.manager_id,
      organizationName: row.organization_name,
      organizationLanguage: effectiveLanguage(null, row.organization_language),
    };
  }

  async liveCount(organizationId: string, cycleId: string, subjectId: string, tx: EntityManager): Promise<number> {
    const { n } = await selectOne<{ n: number }>(
      tx,
      `SELECT count(*)::int AS n FROM external_raters WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3 AND state = ANY($4::text[])`,
      [organizationId, cycleId, subjectId, LIVE_EXTERNAL_STATES],
    );
    return n;
  }

  /** Null when the address is already live for this subject in this cycle (the unique index). */
  async insert(
    organizationId: string,
    row: { cycleId: string; subjectId: string; name: string; email: string; state: 'proposed' | 'invited'; invitedBy: string; language: Language },
    tx: EntityManager,
  ): Promise<ExternalRaterRow | null> {
    const rows = await selectRows<RaterSqlRow>(
      tx,
      `INSERT INTO external_raters (organization_id, cycle_id, subject_id, name, email, state, invited_by, decided_by, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $6 = 'invited' THEN $7::uuid END, $8)
       ON CONFLICT DO NOTHING
       RETURNING ${RATER_COLUMNS}`,
      [organizationId, row.cycleId, row.subjectId, row.name, row.email, row.state, row.invitedBy, row.language],
    );
    return rows[0] ? toRater(rows[0]) : null;
  }

  async list(organizationId: string, cycleId: string, subjectId: string): Promise<ExternalRaterRow[]> {
    const rows = await selectRows<RaterSqlRow>(
      this.db,
      `SELECT ${RATER_COLUMNS} FROM external_raters WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3 ORDER BY created_at, id`,
      [organizationId, cycleId, subjectId],
    );
    return rows.map(toRater);
  }

  /**
   * Proposals of running cycles that wait for this person: those of subjects whose manager frozen at
   * launch they are and, for HR, those of subjects without one (nobody else can decide them). Never
   * their own: a subject does not approve who rates them.
   */
  async awaitingApproval(organizationId: string, personId: string, isHr: boolean): Promise<PendingExternalRow[]> {
    const rows = await selectRows<{
      id: string;
      cycle_id: string;
      cycle_name: string;
      subject_id: string;
      subject_name: string;
      subject_title: string | null;
      name: string;
      email: string | null;
      created_at: Date;
    }>(
      this.db,
      `SELECT er.id, er.cycle_id, c.name AS cycle_name, er.subject_id, p.name AS subject_name, p.title AS subject_title, er.name, er.email, er.created_at
         FROM external_raters er
         JOIN cycles c ON c.organization_id = er.organization_id AND c.id = er.cycle_id
         JOIN cycle_subjects cs ON cs.organization_id = er.organization_id AND cs.cycle_id = er.cycle_id AND cs.person_id = er.subject_id
         JOIN people p ON p.organization_id = er.organization_id AND p.id = er.subject_id
        WHERE er.organization_id = $1 AND er.state = 'proposed' AND c.state IN ('nominating', 'collecting') AND cs.removed_at IS NULL
          AND er.subject_id <> $2 AND (cs.manager_id = $2 OR ($3 AND cs.manager_id IS NULL))
        ORDER BY er.created_at, p.name, er.id
        LIMIT 1000`,
      [organizationId, personId, isHr],
    );
    return rows.map((r) => ({
      id: r.id,
      cycleId: r.cycle_id,
      cycleName: r.cycle_name,
      subjectId: r.subject_id,
      subjectName: r.subject_name,
      subjectTitle: r.subject_title,
      name: r.name,
      email: r.email,
      createdAt: r.created_at,
    }));
  }

  async find(organizationId: string, id: string, tx: EntityManager): Promise<ExternalRaterRow | null> {
    const row = await selectFirst<RaterSqlRow>(tx, `SELECT ${RATER_COLUMNS} FROM external_raters WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [
      organizationId,
      id,
    ]);
    return row ? toRater(row) : null;
  }

  /** A new link (the old one and any credential end with it). */
  async issueLink(organizationId: string, id: string, hash: Buffer, days: number, tx: EntityManager): Promise<void> {
    await execute(
      tx,
      `UPDATE external_raters
          SET link_hash = $3, link_expires_at = now() + make_interval(days => $4), link_used_at = NULL, access_hash = NULL, access_expires_at = NULL
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, hash, days],
    );
  }

  async setState(organizationId: string, id: string, state: ExternalRaterState, decidedBy: string, tx: EntityManager): Promise<void> {
    const endsAccess = state === 'rejected' || state === 'revoked';
    await execute(
      tx,
      `UPDATE external_raters SET state = $3, decided_by = $4
              ${endsAccess ? ', link_hash = NULL, access_hash = NULL, access_expires_at = NULL, draft = NULL, draft_saved_at = NULL, answers = NULL, submitted_at = NULL' : ''}
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, state, decidedBy],
    );
  }

  /**
   * Spends a live link: the row whose link this is, still invited, unexpired, in a cycle that
   * collects answers, gets the credential instead. Null when the link opens nothing.
   */
  async exchangeLink(organizationId: string, linkHash: Buffer, accessHash: Buffer, hours: number, tx: EntityManager): Promise<{ expiresAt: Date } | null> {
    const { rows } = await modifyRows<{ access_expires_at: Date }>(
      tx,
      `UPDATE external_raters er
          SET link_hash = NULL, link_used_at = now(), access_hash = $3, access_expires_at = now() + make_interval(hours => $4)
         FROM cycles c
        WHERE er.organization_id = $1 AND er.link_hash = $2 AND er.state = 'invited' AND er.link_expires_at > now()
          AND c.organization_id = er.organization_id AND c.id = er.cycle_id AND c.state IN ('nominating', 'collecting')
        RETURNING er.access_expires_at`,
      [organizationId, linkHash, accessHash, hours],
    );
    return rows[0] ? { expiresAt: new Date(rows[0].access_expires_at) } : null;
  }

  /** The questionnaire a live credential opens (locked for update inside a transaction), or null. */
  async byAccess(organizationId: string, accessHash: Buffer, tx?: EntityManager): Promise<ExternalAccessRow | null> {
    const row = await selectFirst<{
      id: string;
      organization_id: string;
      state: ExternalRaterState;
      name: string;
      cycle_id: string;
      cycle_name: string;
      cycle_state: CycleState;
      response_deadline: Date | null;
      framework_version_id: string;
      subject_name: string;
      organization_name: string;
      draft: AnswerSet | null;
      draft_saved_at: Date | null;
      settings: unknown;
      language: string;
    }>(
      tx ?? this.db,
      `SELECT er.id, er.organization_id, er.state, er.name, c.id AS cycle_id, c.name AS cycle_name, c.state AS cycle_state, c.response_deadline,
              c.framework_version_id, p.name AS subject_name, o.name AS organization_name, er.draft, er.draft_saved_at, c.settings,
              er.language
         FROM external_raters er
         JOIN cycles c ON c.organization_id = er.organization_id AND c.id = er.cycle_id
         JOIN people p ON p.organization_id = er.organization_id AND p.id = er.subject_id
         JOIN organizations o ON o.id = er.organization_id
        WHERE er.organization_id = $1 AND er.access_hash = $2 AND er.access_expires_at > now() AND er.state = 'invited'
        ${tx ? 'FOR UPDATE OF er' : ''}`,
      [organizationId, accessHash],
    );
    if (!row) return null;
    return {
      id: row.id,
      organizationId: row.organization_id,
      state: row.state,
      name: row.name,
      cycleId: row.cycle_id,
      cycleName: row.cycle_name,
      cycleState: row.cycle_state,
      responseDeadline: row.response_deadline,
      frameworkVersionId: row.framework_version_id,
      subjectName: row.subject_name,
      organizationName: row.organization_name,
      draft: row.draft,
      draftSavedAt: row.draft_saved_at,
      threshold: parseStoredCycleSettings(row.settings).anonymityThreshold,
      language: effectiveLanguage(row.language, null),
    };
  }

  async saveDraft(organizationId: string, id: string, set: AnswerSet, tx: EntityManager): Promise<Date> {
    const { rows } = await modifyRows<{ draft_saved_at: Date }>(
      tx,
      `UPDATE external_raters SET draft = $3, draft_saved_at = now() WHERE organization_id = $1 AND id = $2 RETURNING draft_saved_at`,
      [organizationId, id, JSON.stringify(set)],
    );
    return new Date(rows[0].draft_saved_at);
  }

  /** The one submission: the answers are final, the draft and the credential are gone. */
  async submit(organizationId: string, id: string, set: AnswerSet, tx: EntityManager): Promise<Date> {
    const { rows } = await modifyRows<{ submitted_at: Date }>(
      tx,
      `UPDATE external_raters
          SET state = 'submitted', answers = $3, submitted_at = now(), draft = NULL, draft_saved_at = NULL, access_hash = NULL, access_expires_at = NULL
        WHERE organization_id = $1 AND id = $2 AND state = 'invited'
        RETURNING submitted_at`,
      [organizationId, id, JSON.stringify(set)],
    );
    return new Date(rows[0].submitted_at);
  }
}
