import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectRows } from '@lib/database';
import { localisedSql } from '@lib/frameworks';
import type { Language } from '@lib/common';
import { askedQuestionSql, type CycleOrigin, type CycleState, type FeedbackRelationship } from '@lib/cycles';

export interface CycleContext {
  id: string;
  name: string;
  state: CycleState;
  origin: CycleOrigin;
  /** The behaviours a cycle a person owns asked about; null: the whole framework. */
  behaviourKeys: string[] | null;
  settings: Record<string, unknown>;
  frameworkId: string;
  frameworkName: string;
  frameworkVersionId: string;
  frameworkVersion: number;
  /** When the cycle closed (else launched, else created): "earlier" for the trend means before this. */
  orderedAt: Date;
  closedAt: Date | null;
  releasedAt: Date | null;
}

export interface BehaviourRow {
  id: string;
  key: string;
  name: string;
  description: string;
  kind: 'influence' | 'management';
}

interface BehaviourName {
  key: string;
  name: string;
  kind: 'influence' | 'management';
}

export interface StatementRow {
  id: string;
  key: string;
  text: string;
  behaviourId: string;
}

export interface OpenQuestionRow {
  id: string;
  key: string;
  text: string;
}

export interface FrameworkShape {
  behaviours: BehaviourRow[];
  /** Rating statements in questionnaire order: rater vectors are indexed by this order. */
  statements: StatementRow[];
  openQuestions: OpenQuestionRow[];
}

/** One submitted response: ratings by statement in questionnaire order (null = not observed or unanswered), and its comments. */
export interface RaterVector {
  /** The feedback request, or the external rater's invitation. */
  requestId: string;
  subjectId: string;
  relationship: FeedbackRelationship | 'external';
  /** The person who rated; null for a rater from outside the organisation, who is nobody here and reads nothing. */
  raterId: string | null;
  /** The rater's role when the snapshot is taken: an HR admin reads every report. Null for an external rater. */
  raterRole: 'admin' | 'member' | null;
  ratings: (number | null)[];
  /** Comments by open question id. */
  comments: Record<string, string>;
  /**
   * An external rater whose address one reader chose alone: invited by HR (who reads the report;
   * the address may be HR's own), or by the subject without anyone else's approval (it may be the
   * subject's own). The report treats such answers as known to its readers, like a reading
   * rater's: they never count toward k. Only a subject's proposal someone else approved counts.
   */
  readerMayKnow?: boolean;
}

/** An external rater's submitted answers as stored (feedback's answer set). */
interface StoredAnswerSet {
  answers?: { questionId: string; rating: number | null }[];
  comments?: { questionId: string; text: string }[];
}

export interface SubjectRow {
  subjectId: string;
  managerId: string | null;
  department: string | null;
  hasReports: boolean;
}

export interface PreviousSummaryRow {
  subjectId: string;
  cycleId: string;
  cycleName: string;
  closedAt: Date | null;
  summary: Record<string, unknown>;
}

/**
 * The reads behind a snapshot: the cycle, its frozen framework version, its subjects, and the
 * submitted answers of a batch of subjects (one query per batch, one row per response).
 * Every query is scoped by organisation first.
 */
@Injectable()
export class ReportSourceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async cycle(organizationId: string, cycleId: string, tx?: EntityManager, lock?: 'share'): Promise<CycleContext | null> {
    const rows = await selectRows<{
      id: string;
      name: string;
      state: CycleState;
      origin: CycleOrigin;
      behaviour_keys: string[] | null;
      settings: Record<string, unknown> | null;
      framework_version_id: string;
      framework_id: string;
      version: number;
      framework_name: string;
      ordered_at: Date;
      closed_at: Date | null;
      released_at: Date | null;
    }>(
      tx ?? this.db,
      `SELECT c.id, c.name, c.state, c.origin, c.behaviour_keys, c.settings, c.framework_version_id, fv.framework_id, fv.version, f.name AS framework_name,
              COALESCE(c.closed_at, c.launched_at, c.created_at) AS ordered_at, c.closed_at, c.released_at
         FROM cycles c
         JOIN framework_versions fv ON fv.organization_id = c.organization_id AND fv.id = c.framework_version_id
         JOIN frameworks f ON f.organization_id = fv.organization_id AND f.id = fv.framework_id
        WHERE c.organization_id = $1 AND c.id = $2
        ${lock === 'share' ? 'FOR SHARE OF c' : ''}`,
      [organizationId, cycleId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      name: r.name,
      state: r.state,
      origin: r.origin,
      behaviourKeys: r.behaviour_keys,
      settings: r.settings ?? {},
      frameworkId: r.framework_id,
      frameworkName: r.framework_name,
      frameworkVersionId: r.framework_version_id,
      frameworkVersion: r.version,
      orderedAt: new Date(r.ordered_at),
      closedAt: r.closed_at ? new Date(r.closed_at) : null,
      releasedAt: r.released_at ? new Date(r.released_at) : null,
    };
  }

  /** The framework as the cycle asked it: a cycle a person owns shows only its chosen behaviours (askedQuestionSql). */
  async framework(organizationId: string, frameworkVersionId: string, behaviourKeys: string[] | null, tx?: EntityManager): Promise<FrameworkShape> {
    const db = tx ?? this.db;
    const behaviours = await selectRows<BehaviourRow>(
      db,
      `SELECT id, key, name, description, kind FROM behaviours
        WHERE organization_id = $1 AND framework_version_id = $2 AND ${askedQuestionSql('key', '$3::text[]')} ORDER BY position, key`,
      [organizationId, frameworkVersionId, behaviourKeys],
    );
    const questions = await selectRows<{ id: string; key: string; text: string; type: string; behaviour_id: string | null }>(
      db,
      `SELECT q.id, q.key, q.text, q.type, q.behaviour_id FROM questions q
         LEFT JOIN behaviours b ON b.organization_id = q.organization_id AND b.id = q.behaviour_id
        WHERE q.organization_id = $1 AND q.framework_version_id = $2 AND ${askedQuestionSql('b.key', '$3::text[]')} ORDER BY q.position, q.key`,
      [organizationId, frameworkVersionId, behaviourKeys],
    );
    return {
      behaviours,
      statements: questions.filter((q) => q.type === 'rating').map((q) => ({ id: q.id, key: q.key, text: q.text, behaviourId: q.behaviour_id! })),
      openQuestions: questions.filter((q) => q.type === 'open').map((q) => ({ id: q.id, key: q.key, text: q.text })),
    };
  }

  /**
   * The behaviours of a cycle's framework version in questionnaire order, named in the reader's
   * `language` (localisedSql): for views that name behaviours the stored reports key by `key`.
   */
  async behaviourNames(organizationId: string, cycleId: string, language: Language): Promise<BehaviourName[]> {
    return selectRows<BehaviourName>(
      this.db,
      `SELECT b.key, ${localisedSql('b', 'name', '$3')} AS name, b.kind
         FROM cycles c JOIN behaviours b ON b.organization_id = c.organization_id AND b.framework_version_id = c.framework_version_id
        WHERE c.organization_id = $1 AND c.id = $2 ORDER BY b.position, b.key`,
      [organizationId, cycleId, language],
    );
  }

  /** Every subject of the cycle, by id (the batching order), with the org chart frozen at launch. */
  async subjects(organizationId: string, cycleId: string, tx?: EntityManager): Promise<SubjectRow[]> {
    const rows = await selectRows<{ person_id: string; manager_id: string | null; department: string | null; has_reports: boolean }>(
      tx ?? this.db,
      `SELECT person_id, manager_id, department, has_reports FROM cycle_subjects
        WHERE organization_id = $1 AND cycle_id = $2 AND removed_at IS NULL ORDER BY person_id`,
      [organizationId, cycleId],
    );
    return rows.map((r) => ({ subjectId: r.person_id, managerId: r.manager_id, department: r.department, hasReports: r.has_reports }));
  }

  /**
   * The submitted responses about a batch of subjects, one row per response: who gave it (the
   * anonymity rules need to know whether the rater may read the report), its ratings as a vector
   * in statement order (a statement without an answer is not observed) and its comments.
   * The answers of each response are read through the primary key (request_id, question_id) and
   * aggregated in place (LATERAL), so a batch never scans the answers of other subjects.
   */
  async responses(
    organizationId: string,
    cycleId: string,
    questions: { statementIds: string[]; openQuestionIds: string[] },
    subjectIds: string[],
    tx?: EntityManager,
  ): Promise<RaterVector[]> {
    const rows = await selectRows<{
      id: string;
      subject_id: string;
      relationship: FeedbackRelationship;
      rater_id: string;
      rater_role: 'admin' | 'member';
      positions: (number | null)[] | null;
      ratings: number[] | null;
      comment_questions: string[] | null;
      comments: string[] | null;
    }>(
      tx ?? this.db,
      `SELECT r.id, r.subject_id, r.relationship, r.rater_id, p.role AS rater_role, x.positions, x.ratings, x.comment_questions, x.comments
         FROM feedback_requests r
         JOIN people p ON p.organization_id = r.organization_id AND p.id = r.rater_id
         CROSS JOIN LATERAL (
           SELECT array_agg(array_position($3::uuid[], a.question_id)) FILTER (WHERE a.rating IS NOT NULL) AS positions,
                  array_agg(a.rating) FILTER (WHERE a.rating IS NOT NULL) AS ratings,
                  array_agg(a.question_id) FILTER (WHERE a.comment IS NOT NULL AND a.question_id = ANY($4::uuid[])) AS comment_questions,
                  array_agg(a.comment) FILTER (WHERE a.comment IS NOT NULL AND a.question_id = ANY($4::uuid[])) AS comments
             FROM answers a
            WHERE a.organization_id = r.organization_id AND a.request_id = r.id) x
        WHERE r.organization_id = $1 AND r.cycle_id = $2 AND r.subject_id = ANY($5::uuid[]) AND r.state = 'submitted'
        ORDER BY r.subject_id, r.relationship, r.id`,
      [organizationId, cycleId, questions.statementIds, questions.openQuestionIds, subjectIds],
    );
    const vectors = rows.map((r): RaterVector => {
      const ratings: (number | null)[] = new Array<number | null>(questions.statementIds.length).fill(null);
      (r.positions ?? []).forEach((position, i) => {
        if (position !== null) ratings[position - 1] = r.ratings![i];
      });
      const comments: Record<string, string> = {};
      (r.comment_questions ?? []).forEach((questionId, i) => (comments[questionId] = r.comments![i]));
      return { requestId: r.id, subjectId: r.subject_id, relationship: r.relationship, raterId: r.rater_id, raterRole: r.rater_role, ratings, comments };
    });
    return [...vectors, ...(await this.externalResponses(organizationId, cycleId, questions, subjectIds, tx))];
  }

  /**
   * The submitted answers of raters from outside the organisation, as rater vectors of the group
   * `external` (kept as one JSON answer set each: a handful per subject at most).
   */
  private async externalResponses(
    organizationId: string,
    cycleId: string,
    questions: { statementIds: string[]; openQuestionIds: string[] },
    subjectIds: string[],
    tx?: EntityManager,
  ): Promise<RaterVector[]> {
    const rows = await selectRows<{ id: string; subject_id: string; answers: StoredAnswerSet; reader_may_know: boolean }>(
      tx ?? this.db,
      // Counted toward k only when the subject proposed the address and someone else approved it:
      // an address HR chose alone may be HR's own, one the subject invited alone the subject's.
      `SELECT id, subject_id, answers,
              NOT (invited_by = subject_id AND decided_by IS NOT NULL AND decided_by <> subject_id) AS reader_may_know
         FROM external_raters
        WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = ANY($3::uuid[]) AND state = 'submitted'
        ORDER BY subject_id, id`,
      [organizationId, cycleId, subjectIds],
    );
    const position = new Map(questions.statementIds.map((id, i) => [id.toLowerCase(), i]));
    const open = new Set(questions.openQuestionIds.map((id) => id.toLowerCase()));
    return rows.map((r) => {
      const ratings = new Array<number | null>(questions.statementIds.length).fill(null);
      for (const a of r.answers.answers ?? []) {
        const i = position.get(a.questionId.toLowerCase());
        if (i !== undefined && a.rating !== null) ratings[i] = a.rating;
      }
      const comments: Record<string, string> = {};
      for (const c of r.answers.comments ?? []) if (open.has(c.questionId.toLowerCase()) && c.text) comments[c.questionId.toLowerCase()] = c.text;
      return {
        requestId: r.id,
        subjectId: r.subject_id,
        relationship: 'external' as const,
        raterId: null,
        raterRole: null,
        ratings,
        comments,
        readerMayKnow: r.reader_may_know,
      };
    });
  }

  /**
   * For each subject of the batch, the summary of their most recent earlier cycle on the same
   * framework (any version) that has been released and holds a snapshot of them. Released only:
   * the trend repeats that report's numbers, and a closed cycle's reports are not yet the
   * subject's to read (nor, as on_release says, their manager's). A reader who may not read the
   * earlier report even so is kept from the trend when reading (ReportViewService). HR's cycles
   * compare with HR's cycles only: a cycle the subject started themselves is not HR's to read.
   */
  async previousSummaries(organizationId: string, cycle: CycleContext, subjectIds: string[], tx?: EntityManager): Promise<PreviousSummaryRow[]> {
    const rows = await selectRows<{ subject_id: string; cycle_id: string; name: string; closed_at: string | null; summary: Record<string, unknown> }>(
      tx ?? this.db,
      `WITH prior AS (
         SELECT c.id, c.name, c.closed_at, COALESCE(c.closed_at, c.launched_at, c.created_at) AS ordered_at
           FROM cycles c
           JOIN framework_versions fv ON fv.organization_id = c.organization_id AND fv.id = c.framework_version_id
          WHERE c.organization_id = $1 AND c.id <> $2 AND fv.framework_id = $3 AND c.state = 'released'
            AND COALESCE(c.closed_at, c.launched_at, c.created_at) < $5 AND (c.origin = 'hr' OR $6 <> 'hr'))
       SELECT DISTINCT ON (rs.subject_id) rs.subject_id, p.id AS cycle_id, p.name, p.closed_at, rs.summary
         FROM prior p
         JOIN report_snapshots rs ON rs.cycle_id = p.id AND rs.organization_id = $1 AND rs.subject_id = ANY($4::uuid[])
        ORDER BY rs.subject_id, p.ordered_at DESC, p.id`,
      [organizationId, cycle.id, cycle.frameworkId, subjectIds, cycle.orderedAt, cycle.origin],
    );
    return rows.map((r) => ({
      subjectId: r.subject_id,
      cycleId: r.cycle_id,
      cycleName: r.name,
      closedAt: r.closed_at ? new Date(r.closed_at) : null,
      summary: r.summary,
    }));
  }
}
