import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { modifyRows, selectOne, selectRows } from '@lib/database';
import type { AnswerSet, QuestionRef } from './answer-rules';

export interface QuestionRow extends QuestionRef {
  text: string;
  hint: string | null;
  behaviour: { id: string; key: string; name: string; description: string; kind: 'influence' | 'management' } | null;
}

export interface StoredDraft {
  set: AnswerSet;
  savedAt: Date;
}

type Row = Record<string, unknown>;

/** Questions of a framework version, drafts, submitted answers and the Idempotency-Key store. */
@Injectable()
export class ResponsesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  /** In questionnaire order: behaviours by position with their statements, then the open questions. */
  async questions(organizationId: string, frameworkVersionId: string, tx?: EntityManager): Promise<QuestionRow[]> {
    const rows = await selectRows<Row>(
      this.q(tx),
      `SELECT q.id, q.key, q.type, q.text, q.hint, b.id AS behaviour_id, b.key AS behaviour_key, b.name AS behaviour_name,
              b.description AS behaviour_description, b.kind AS behaviour_kind
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
          }
        : null,
    }));
  }

  async draft(organizationId: string, requestId: string, tx?: EntityManager): Promise<StoredDraft | null> {
    const rows = await selectRows<Row>(this.q(tx), `SELECT draft, updated_at FROM responses WHERE organization_id = $1 AND request_id = $2`, [
      organizationId,
      requestId,
    ]);
    if (!rows[0]) return null;
    const draft = (rows[0].draft ?? {}) as Partial<AnswerSet>;
    return {
      set: { answers: Array.isArray(draft.answers) ? draft.answers : [], comments: Array.isArray(draft.comments) ? draft.comments : [] },
      savedAt: new Date(rows[0].updated_at as string),
    };
  }

  /** Replaces the draft (one row per request); returns when it was saved. */
  async saveDraft(organizationId: string, cycleId: string, requestId: string, set: AnswerSet, tx: EntityManager, submitted = false): Promise<Date> {
    const rows = await selectRows<{ updated_at: string }>(
      tx,
      `INSERT INTO responses (request_id, organization_id, cycle_id, draft, submitted_at, updated_at)
       VALUES ($2, $1, $3, $4, CASE WHEN $5 THEN now() END, now())
       ON CONFLICT (organization_id, request_id) DO UPDATE SET draft = EXCLUDED.draft, submitted_at = COALESCE(EXCLUDED.submitted_at, responses.submitted_at), updated_at = now()
       RETURNING updated_at`,
      [organizationId, requestId, cycleId, JSON.stringify(set), submitted],
    );
    return new Date(rows[0].updated_at);
  }

  /** The submitted answers in one insert: a row per statement (rating or null) and per non-blank comment. */
  async insertAnswers(organizationId: string, cycleId: string, requestId: string, set: AnswerSet, tx: EntityManager): Promise<void> {
    const ids = [...set.answers.map((a) => a.questionId), ...set.comments.map((c) => c.questionId)];
    const ratings = [...set.answers.map((a) => a.rating), ...set.comments.map(() => null)];
    const comments = [...set.answers.map(() => null), ...set.comments.map((c) => c.text)];
    await tx.query(
      `INSERT INTO answers (organization_id, cycle_id, request_id, question_id, rating, comment)
       SELECT $1, $2, $3, x.question_id, x.rating, x.comment FROM unnest($4::uuid[], $5::smallint[], $6::text[]) AS x(question_id, rating, comment)`,
      [organizationId, cycleId, requestId, ids, ratings, comments],
    );
  }

  /** open|in_progress → submitted; returns the submission time, or null if the state had moved. */
  async markSubmitted(organizationId: string, requestId: string, tx: EntityManager): Promise<Date | null> {
    const { rows } = await modifyRows<{ submitted_at: string }>(
      tx,
      `UPDATE feedback_requests SET state = 'submitted', submitted_at = now(), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND state IN ('open', 'in_progress') RETURNING submitted_at`,
      [organizationId, requestId],
    );
    return rows[0] ? new Date(rows[0].submitted_at) : null;
  }

  /** Deletes the request's draft: a request that will never be submitted keeps no opinion about its subject. */
  async deleteDraft(organizationId: string, requestId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM responses WHERE organization_id = $1 AND request_id = $2`, [organizationId, requestId]);
  }

  async markInProgress(organizationId: string, requestId: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE feedback_requests SET state = 'in_progress', updated_at = now() WHERE organization_id = $1 AND id = $2 AND state = 'open'`, [
      organizationId,
      requestId,
    ]);
  }

  async countAnswers(organizationId: string, requestId: string, tx?: EntityManager): Promise<number> {
    const { n } = await selectOne<{ n: number }>(this.q(tx), `SELECT count(*)::int AS n FROM answers WHERE organization_id = $1 AND request_id = $2`, [
      organizationId,
      requestId,
    ]);
    return n;
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
