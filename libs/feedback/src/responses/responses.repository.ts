import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager } from 'typeorm';
import { effectiveLanguage, type Language } from '@lib/common';
import { ANSWERING_STATES, answersGateSql, isAskedQuestion } from '@lib/cycles';
import { selectRows } from '@lib/database';
import { REQUEST_COLUMNS, REQUEST_JOINS, RequestRow, toRequestRow } from '../requests/requests.repository';
import type { AnswerSet, QuestionRef } from './answer-rules';

export interface QuestionRow extends QuestionRef {
  text: string;
  hint: string | null;
  behaviour: { id: string; key: string; name: string; description: string; kind: 'influence' | 'management'; translations: StoredTranslations } | null;
  /** By language: `{ de: { text, hint } }` (migration AddFrameworkTranslations); English is `text` itself. */
  translations: StoredTranslations;
}

/** A translations column as stored: by language, the translated fields. */
export type StoredTranslations = Record<string, Record<string, string | null> | undefined>;

export interface StoredDraft {
  set: AnswerSet;
  savedAt: Date;
}

export interface StoredIdempotencyKey {
  hash: string;
  statusCode: number;
  response: unknown;
}

/** A request locked for writing answers, with what its writer needs of the stored state. */
export interface LockedRequest {
  request: RequestRow;
  /** When submitted: the submission time exactly as the submission's result gave it (ISO 8601, ms). */
  submittedAtIso: string | null;
  /** The Idempotency-Key of this person with this name, if one was stored before this statement began. */
  storedKey: StoredIdempotencyKey | null;
}

/** What one submitting statement did: nothing at all when the cycle had left the answering states. */
interface SubmitWrite {
  /** ISO 8601 in UTC to the millisecond, the same text stored with the Idempotency-Key; null if nothing was written. */
  submittedAt: string | null;
  /** False when another request of this person stored the same key first (then nothing must stand). */
  keyStored: boolean;
  cycleState: string;
}

type Row = Record<string, unknown>;

/** A timestamp as JavaScript's toISOString() writes it, computed once in SQL so that a replay is byte for byte the first answer. */
const ISO_UTC = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const GATE = `SELECT 1 FROM cycles WHERE organization_id = $1 AND id = $2 AND state = ANY($3::text[])`;
const ANSWERING = [...ANSWERING_STATES];
/** Framework versions whose questions are kept in memory (a few per organisation and year). */
const QUESTION_CACHE_SIZE = 500;

/** Questions of a framework version, drafts, submitted answers and the Idempotency-Key store. */
@Injectable()
export class ResponsesRepository {
  /**
   * The questions of framework versions that launched cycles use. Such a version never changes
   * (an edit of its framework becomes the next version, frameworks.service.ts `replace`), so its
   * questions are read once per instance instead of once per autosave and submit.
   */
  private readonly frozenQuestions = new LRUCache<string, Promise<QuestionRow[]>>({ max: QUESTION_CACHE_SIZE });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  /**
   * The questions of a version frozen by a launched cycle (callers know the request's cycle is
   * past draft), from memory after the first read. Never for a draft cycle's version: that one
   * may still be edited in place. Only the questions the cycle asks (isAskedQuestion: a cycle a
   * person owns asks its chosen behaviours alone).
   */
  async launchedVersionQuestions(
    organizationId: string,
    cycle: { frameworkVersionId: string; behaviourKeys: string[] | null },
    tx?: EntityManager,
  ): Promise<QuestionRow[]> {
    const all = await this.versionQuestions(organizationId, cycle.frameworkVersionId, tx);
    return cycle.behaviourKeys ? all.filter((q) => isAskedQuestion(q.behaviour?.key ?? null, cycle.behaviourKeys)) : all;
  }

  private versionQuestions(organizationId: string, frameworkVersionId: string, tx?: EntityManager): Promise<QuestionRow[]> {
    const key = `${organizationId}:${frameworkVersionId}`;
    let questions = this.frozenQuestions.get(key);
    if (!questions) {
      questions = this.questions(organizationId, frameworkVersionId, tx);
      this.frozenQuestions.set(key, questions);
      questions.catch(() => this.frozenQuestions.delete(key));
    }
    return questions;
  }

  /** The request as its rater opens it, with the saved draft, in one statement (one pool checkout). */
  /**
   * The request with its draft, and the reader's language (their own, else their organisation's),
   * in one statement: opening a questionnaire takes one pool checkout.
   */
  async requestWithDraft(
    organizationId: string,
    requestId: string,
    readerId: string,
  ): Promise<{ request: RequestRow; draft: StoredDraft | null; readerLanguage: Language } | null> {
    const rows = await selectRows<Row>(
      this.db.manager,
      `SELECT ${REQUEST_COLUMNS}, r.draft, r.updated_at AS draft_saved_at,
              (SELECT p.language FROM people p WHERE p.organization_id = $1 AND p.id = $3) AS reader_language,
              (SELECT o.language FROM organizations o WHERE o.id = $1) AS organization_language
         FROM ${REQUEST_JOINS}
         LEFT JOIN responses r ON r.organization_id = fr.organization_id AND r.request_id = fr.id
        WHERE fr.organization_id = $1 AND fr.id = $2`,
      [organizationId, requestId, readerId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      request: toRequestRow(r),
      draft: r.draft_saved_at ? toStoredDraft(r.draft, r.draft_saved_at) : null,
      readerLanguage: effectiveLanguage(r.reader_language as string | null, r.organization_language as string | null),
    };
  }

  /**
   * One statement where there were three: the request (and its cycle, subject, rater) locked FOR
   * UPDATE, so that writers of one request queue; the cycle's answers gate in shared mode
   * (answers-gate.ts in the cycles library), so that a close waits for this transaction; and the
   * person's Idempotency-Key of that name, if any. That key is read as of this statement's start:
   * a twin that stored it while this one waited for the row lock is seen when this one's own key
   * insert finds it taken.
   */
  async lockForAnswering(organizationId: string, requestId: string, personId: string, key: string | null, tx: EntityManager): Promise<LockedRequest | null> {
    const rows = await selectRows<Row>(
      tx,
      `SELECT ${REQUEST_COLUMNS}, ${ISO_UTC('fr.submitted_at')} AS submitted_at_iso, ${answersGateSql('shared', 'fr.cycle_id')} AS gate,
              ik.request_hash, ik.status_code, ik.response
         FROM ${REQUEST_JOINS}
         LEFT JOIN idempotency_keys ik ON ik.organization_id = fr.organization_id AND ik.person_id = $3 AND ik.key = $4
        WHERE fr.organization_id = $1 AND fr.id = $2
        FOR UPDATE OF fr`,
      [organizationId, requestId, personId, key],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      request: toRequestRow(r),
      submittedAtIso: (r.submitted_at_iso as string | null) ?? null,
      storedKey: r.request_hash ? { hash: r.request_hash as string, statusCode: Number(r.status_code), response: r.response } : null,
    };
  }

  /**
   * The whole submission in one statement, if the cycle still takes answers (checked in this
   * statement's snapshot, taken after the request's lock): the answers, the request's state, the
   * draft kept as submitted, and the Idempotency-Key with its result. Nothing is written otherwise.
   */
  async writeSubmission(
    organizationId: string,
    cycleId: string,
    requestId: string,
    set: AnswerSet,
    statements: number,
    idempotency: { personId: string; key: string; hash: string } | null,
    tx: EntityManager,
  ): Promise<SubmitWrite> {
    const ids = [...set.answers.map((a) => a.questionId), ...set.comments.map((c) => c.questionId)];
    const ratings = [...set.answers.map((a) => a.rating), ...set.comments.map(() => null)];
    const comments = [...set.answers.map(() => null), ...set.comments.map((c) => c.text)];
    const rows = await selectRows<{ submitted_at: string | null; key_stored: boolean; cycle_state: string }>(
      tx,
      `WITH gate AS (${GATE}),
       answered AS (
         INSERT INTO answers (organization_id, cycle_id, request_id, question_id, rating, comment)
         SELECT $1, $2, $4, x.question_id, x.rating, x.comment FROM unnest($5::uuid[], $6::smallint[], $7::text[]) AS x(question_id, rating, comment)
          WHERE EXISTS (SELECT 1 FROM gate)),
       submitted AS (
         UPDATE feedback_requests SET state = 'submitted', submitted_at = now(), updated_at = now()
          WHERE organization_id = $1 AND id = $4 AND state IN ('open', 'in_progress') AND EXISTS (SELECT 1 FROM gate)
          RETURNING ${ISO_UTC('submitted_at')} AS submitted_at),
       kept AS (
         INSERT INTO responses (request_id, organization_id, cycle_id, draft, submitted_at, updated_at)
         SELECT $4, $1, $2, $8, now(), now() WHERE EXISTS (SELECT 1 FROM gate)
         ON CONFLICT (organization_id, request_id) DO UPDATE SET draft = EXCLUDED.draft, submitted_at = EXCLUDED.submitted_at, updated_at = now()),
       keyed AS (
         INSERT INTO idempotency_keys (organization_id, person_id, key, request_hash, status_code, response)
         SELECT $1, $10, $11, $12, 200,
                jsonb_build_object('id', $4::text, 'state', 'submitted', 'submittedAt', s.submitted_at,
                                   'progress', jsonb_build_object('answered', $9::int, 'total', $9::int))
           FROM submitted s WHERE $11::text IS NOT NULL
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT (SELECT submitted_at FROM submitted) AS submitted_at, $11::text IS NULL OR EXISTS (SELECT 1 FROM keyed) AS key_stored,
              (SELECT state FROM cycles WHERE organization_id = $1 AND id = $2) AS cycle_state`,
      [
        organizationId,
        cycleId,
        ANSWERING,
        requestId,
        ids,
        ratings,
        comments,
        JSON.stringify(set),
        statements,
        idempotency?.personId ?? null,
        idempotency?.key ?? null,
        idempotency?.hash ?? null,
      ],
    );
    const r = rows[0];
    return { submittedAt: r.submitted_at, keyStored: r.key_stored, cycleState: r.cycle_state };
  }

  /**
   * The autosave in one statement, if the cycle still takes answers (as writeSubmission): the draft
   * replaced, an open request moved to in_progress. Returns when it was saved, or null and the
   * cycle's state when nothing was written.
   */
  async writeDraft(
    organizationId: string,
    cycleId: string,
    requestId: string,
    set: AnswerSet,
    tx: EntityManager,
  ): Promise<{ savedAt: Date | null; cycleState: string }> {
    const rows = await selectRows<{ saved_at: Date | null; cycle_state: string }>(
      tx,
      `WITH gate AS (${GATE}),
       saved AS (
         INSERT INTO responses (request_id, organization_id, cycle_id, draft, submitted_at, updated_at)
         SELECT $4, $1, $2, $5, NULL, now() WHERE EXISTS (SELECT 1 FROM gate)
         ON CONFLICT (organization_id, request_id) DO UPDATE SET draft = EXCLUDED.draft, updated_at = now()
         RETURNING updated_at),
       moved AS (
         UPDATE feedback_requests SET state = 'in_progress', updated_at = now()
          WHERE organization_id = $1 AND id = $4 AND state = 'open' AND EXISTS (SELECT 1 FROM gate))
       SELECT (SELECT updated_at FROM saved) AS saved_at, (SELECT state FROM cycles WHERE organization_id = $1 AND id = $2) AS cycle_state`,
      [organizationId, cycleId, ANSWERING, requestId, JSON.stringify(set)],
    );
    const r = rows[0];
    return { savedAt: r.saved_at ? new Date(r.saved_at) : null, cycleState: r.cycle_state };
  }

  /** In questionnaire order: behaviours by position with their statements, then the open questions. */
  async questions(organizationId: string, frameworkVersionId: string, tx?: EntityManager): Promise<QuestionRow[]> {
    const rows = await selectRows<Row>(
      this.q(tx),
      `SELECT q.id, q.key, q.type, q.text, q.hint, b.id AS behaviour_id, b.key AS behaviour_key, b.name AS behaviour_name,
              b.description AS behaviour_description, b.kind AS behaviour_kind,
              q.translations, b.translations AS behaviour_translations
         FROM questions q
         LEFT JOIN behaviours b ON b.organization_id = q.organization_id AND b.id = q.behaviour_id
        WHERE q.organization_id = $1 AND q.framework_version_id = $2
        ORDER BY b.position NULLS LAST, q.position, q.id`,
      [organizationId, frameworkVersionId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      key: String(r.key),
      type: r.type as QuestionRef['type'],
      text: String(r.text),
      hint: (r.hint as string) ?? null,
      behaviour: r.behaviour_id
        ? {
            id: String(r.behaviour_id as string),
            key: String(r.behaviour_key),
            name: String(r.behaviour_name),
            description: String(r.behaviour_description),
            kind: r.behaviour_kind as 'influence' | 'management',
            translations: (r.behaviour_translations ?? {}) as StoredTranslations,
          }
        : null,
      translations: (r.translations ?? {}) as StoredTranslations,
    }));
  }

  async draft(organizationId: string, requestId: string, tx?: EntityManager): Promise<StoredDraft | null> {
    const rows = await selectRows<Row>(this.q(tx), `SELECT draft, updated_at FROM responses WHERE organization_id = $1 AND request_id = $2`, [
      organizationId,
      requestId,
    ]);
    return rows[0] ? toStoredDraft(rows[0].draft, rows[0].updated_at) : null;
  }

  /** Deletes the request's draft: a request that will never be submitted keeps no opinion about its subject. */
  async deleteDraft(organizationId: string, requestId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM responses WHERE organization_id = $1 AND request_id = $2`, [organizationId, requestId]);
  }

  async findIdempotencyKey(
    organizationId: string,
    personId: string,
    key: string,
    tx: EntityManager,
  ): Promise<{ hash: string; statusCode: number; response: unknown } | null> {
    const rows = await selectRows<Row>(
      tx,
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE organization_id = $1 AND person_id = $2 AND key = $3`,
      [organizationId, personId, key],
    );
    return rows[0] ? { hash: String(rows[0].request_hash), statusCode: Number(rows[0].status_code), response: rows[0].response } : null;
  }

  /** False when a concurrent transaction stored the key first (the caller then compares with it). */
  async saveIdempotencyKey(
    organizationId: string,
    personId: string,
    entry: { key: string; hash: string; statusCode: number; response: unknown },
    tx: EntityManager,
  ): Promise<boolean> {
    const rows = await selectRows<object>(
      tx,
      `INSERT INTO idempotency_keys (organization_id, person_id, key, request_hash, status_code, response)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
      [organizationId, personId, entry.key, entry.hash, entry.statusCode, JSON.stringify(entry.response)],
    );
    return rows.length > 0;
  }
}

function toStoredDraft(stored: unknown, savedAt: unknown): StoredDraft {
  const draft = (stored ?? {}) as Partial<AnswerSet>;
  return {
    set: { answers: Array.isArray(draft.answers) ? draft.answers : [], comments: Array.isArray(draft.comments) ? draft.comments : [] },
    savedAt: new Date(savedAt as string),
  };
}
