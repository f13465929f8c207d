import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { selectOne, selectRows } from '@lib/database';
import type { Actor } from '@lib/common';
import {
  ANSWERING_STATES,
  answerProgressHiddenSql,
  askedQuestionSql,
  type CycleOrigin,
  stateAsSeenSql,
  type CycleState,
  type FeedbackRelationship,
  type RequestState,
} from '@lib/cycles';
import type { FeedbackPersonDto } from './request.dto';
import { OPEN_AS_SEEN_BY } from './requests.repository';

type Row = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-base-to-string -- only text and uuid columns go through str(): pg gives them as strings
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);
const person = (r: Row, prefix: string): FeedbackPersonDto => ({
  id: String(r[`${prefix}_id`]),
  name: String(r[`${prefix}_name`]),
  title: str(r[`${prefix}_title`]),
  department: str(r[`${prefix}_department`]),
});
const escapeLike = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface TaskRow {
  id: string;
  cycleId: string;
  cycleName: string;
  cycleState: CycleState;
  /** HR's cycle, or one the subject started on themselves (the inbox then says they asked). */
  cycleOrigin: CycleOrigin;
  responseDeadline: string | null;
  subject: FeedbackPersonDto;
  relationship: FeedbackRelationship;
  state: RequestState;
  submittedAt: string | null;
  answered: number;
  total: number;
  reason: string | null;
  withdrawn: boolean;
  draftKept: boolean;
}

/**
 * Why a person is suggested to ask about a subject: the org chart (same manager, the subject's own
 * manager or direct reports) or the subject's own requests of earlier cycles (people the subject
 * asked before, whatever became of it: whether they answered never makes a suggestion, and who
 * rated whom is not read). Nothing else is read: not whom the subject rated, nor who else asked whom.
 */
export type CandidateSuggestion = 'same_team' | 'asked_before';

export interface CandidateRow extends FeedbackPersonDto {
  openRequests: number;
  alreadyAsked: boolean;
  declined: boolean;
  suggestion: CandidateSuggestion | null;
  /** Everyone matching the search, beyond the page returned. */
  total: number;
}

const SUBJECT_COLUMNS = `sp.id AS subject_id, sp.name AS subject_name, sp.title AS subject_title, sp.department AS subject_department`;
const RATER_COLUMNS = `rp.id AS rater_id, rp.name AS rater_name, rp.title AS rater_title, rp.department AS rater_department`;
const RELATIONSHIP_ORDER = `array_position(ARRAY['self', 'manager', 'direct_report', 'peer', 'other'], fr.relationship)`;

/** The lists: a rater's tasks, a manager's pending approvals, a cycle's requests, rater candidates. */
@Injectable()
export class RequestListsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Requests put to the rater in launched cycles; answered counts the draft's rating entries. */
  async tasks(organizationId: string, raterId: string, cycleId?: string): Promise<TaskRow[]> {
    const rows = await selectRows<Row>(
      this.db,
      `WITH totals AS (
         SELECT framework_version_id, count(*)::int AS total FROM questions
          WHERE organization_id = $1 AND type = 'rating' GROUP BY framework_version_id
       )
       SELECT fr.id, fr.relationship, fr.state, fr.submitted_at, fr.reason, fr.withdrawn_at IS NOT NULL AS withdrawn,
              r.request_id IS NOT NULL AND r.submitted_at IS NULL AS has_draft, c.id AS cycle_id, c.name AS cycle_name, c.state AS cycle_state,
              c.response_deadline, ${SUBJECT_COLUMNS}, c.origin,
              CASE WHEN c.behaviour_keys IS NULL THEN COALESCE(t.total, 0) ELSE (
                SELECT count(*)::int FROM questions q JOIN behaviours b ON b.organization_id = q.organization_id AND b.id = q.behaviour_id
                 WHERE q.organization_id = $1 AND q.framework_version_id = c.framework_version_id AND q.type = 'rating'
                   AND ${askedQuestionSql('b.key', 'c.behaviour_keys')}) END AS total,
              CASE WHEN jsonb_typeof(r.draft -> 'answers') = 'array' THEN jsonb_array_length(r.draft -> 'answers') ELSE 0 END AS answered
         FROM feedback_requests fr
         JOIN cycles c ON c.organization_id = fr.organization_id AND c.id = fr.cycle_id
         JOIN people sp ON sp.organization_id = fr.organization_id AND sp.id = fr.subject_id
         LEFT JOIN responses r ON r.organization_id = fr.organization_id AND r.request_id = fr.id
         LEFT JOIN totals t ON t.framework_version_id = c.framework_version_id
        WHERE fr.organization_id = $1 AND fr.rater_id = $2 AND c.state <> 'draft'
          AND fr.state IN ('open', 'in_progress', 'submitted', 'declined')
          AND ($3::uuid IS NULL OR fr.cycle_id = $3)
        ORDER BY c.created_at DESC, c.id, sp.name, fr.id
        LIMIT 1000`,
      [organizationId, raterId, cycleId ?? null],
    );
    return rows.map((r) => ({
      id: String(r.id),
      cycleId: String(r.cycle_id),
      cycleName: String(r.cycle_name),
      cycleState: r.cycle_state as CycleState,
      cycleOrigin: r.origin as CycleOrigin,
      responseDeadline: iso(r.response_deadline),
      subject: person(r, 'subject'),
      relationship: r.relationship as FeedbackRelationship,
      state: r.state as RequestState,
      submittedAt: iso(r.submitted_at),
      total: Number(r.total),
      answered: r.state === 'submitted' ? Number(r.total) : Math.min(Number(r.answered), Number(r.total)),
      reason: r.state === 'declined' ? str(r.reason) : null,
      withdrawn: r.withdrawn === true,
      draftKept: r.withdrawn === true && r.has_draft === true,
    }));
  }

  /** Peer proposals of running cycles whose subject the person manages (at launch or now). */
  async approvals(organizationId: string, managerId: string, cycleId?: string) {
    const rows = await selectRows<Row>(
      this.db,
      `SELECT fr.id, fr.relationship, fr.created_at, c.id AS cycle_id, c.name AS cycle_name, ${SUBJECT_COLUMNS}, ${RATER_COLUMNS}
         FROM feedback_requests fr
         JOIN cycles c ON c.organization_id = fr.organization_id AND c.id = fr.cycle_id
         JOIN cycle_subjects cs ON cs.organization_id = fr.organization_id AND cs.cycle_id = fr.cycle_id AND cs.person_id = fr.subject_id
         JOIN people sp ON sp.organization_id = fr.organization_id AND sp.id = fr.subject_id
         JOIN people rp ON rp.organization_id = fr.organization_id AND rp.id = fr.rater_id
        WHERE fr.organization_id = $1 AND fr.state = 'proposed' AND c.state = ANY($4::text[]) AND cs.removed_at IS NULL
          AND (cs.manager_id = $2 OR sp.manager_id = $2) AND fr.subject_id <> $2
          AND ($3::uuid IS NULL OR fr.cycle_id = $3)
        ORDER BY fr.created_at, sp.name, rp.name, fr.id
        LIMIT 1000`,
      [organizationId, managerId, cycleId ?? null, ANSWERING_STATES],
    );
    return rows.map((r) => ({
      id: String(r.id),
      cycleId: String(r.cycle_id),
      cycleName: String(r.cycle_name),
      subject: person(r, 'subject'),
      rater: person(r, 'rater'),
      relationship: r.relationship as FeedbackRelationship,
      createdAt: new Date(r.created_at as string).toISOString(),
    }));
  }

  /**
   * Every request of a cycle for HR. Requests about the viewer themself show the subject's view
   * (in progress and submitted read as open), also when filtering by state, so that filtering
   * cannot reveal them either.
   */
  async forCycle(
    organizationId: string,
    cycleId: string,
    viewerId: string,
    filter: { state?: RequestState; subjectId?: string; limit: number; offset: number },
  ) {
    const hidden = answerProgressHiddenSql('fr', '$3', true);
    const shownState = stateAsSeenSql('fr', hidden);
    const where = `fr.organization_id = $1 AND fr.cycle_id = $2 AND ($4::text IS NULL OR ${shownState} = $4) AND ($5::uuid IS NULL OR fr.subject_id = $5)`;
    const params = [organizationId, cycleId, viewerId, filter.state ?? null, filter.subjectId ?? null];
    const { total } = await selectOne<{ total: number }>(this.db, `SELECT count(*)::int AS total FROM feedback_requests fr WHERE ${where}`, params);
    const rows = await selectRows<Row>(
      this.db,
      `SELECT fr.id, fr.relationship, ${shownState} AS state, fr.reason,
              CASE WHEN ${hidden} THEN NULL ELSE fr.submitted_at END AS submitted_at, ${SUBJECT_COLUMNS}, ${RATER_COLUMNS}
         FROM feedback_requests fr
         JOIN people sp ON sp.organization_id = fr.organization_id AND sp.id = fr.subject_id
         JOIN people rp ON rp.organization_id = fr.organization_id AND rp.id = fr.rater_id
        WHERE ${where}
        ORDER BY sp.name, fr.subject_id, ${RELATIONSHIP_ORDER}, rp.name, fr.id
        LIMIT $6 OFFSET $7`,
      [...params, filter.limit, filter.offset],
    );
    return {
      total,
      items: rows.map((r) => ({
        id: String(r.id),
        subject: person(r, 'subject'),
        rater: person(r, 'rater'),
        relationship: r.relationship as FeedbackRelationship,
        state: r.state as RequestState,
        reason: r.state === 'declined' || r.state === 'rejected' ? str(r.reason) : null,
        submittedAt: iso(r.submitted_at),
      })),
    };
  }

  /**
   * Active people other than the subject, with their load in this cycle as the viewer may know it
   * (OPEN_AS_SEEN_BY, as RequestsRepository.openCounts) and their history
   * with the subject; suggestions first (CandidateSuggestion), then by name, with the number matching.
   */
  async candidates(
    organizationId: string,
    cycleId: string,
    subjectId: string,
    viewer: Actor,
    search: string | undefined,
    limit: number,
    /** Suggest the people the subject asked in earlier cycles: for the subject (who asked them) and HR only. */
    withEarlierRequests: boolean,
  ): Promise<CandidateRow[]> {
    const rows = await selectRows<Row>(
      this.db,
      `SELECT p.id, p.name, p.title, p.department,
              (SELECT count(*)::int FROM feedback_requests f
                WHERE f.organization_id = $1 AND f.cycle_id = $2 AND f.rater_id = p.id AND ${OPEN_AS_SEEN_BY('f', '$6', viewer)}) AS open_requests,
              EXISTS (SELECT 1 FROM feedback_requests f WHERE f.organization_id = $1 AND f.cycle_id = $2 AND f.subject_id = $3 AND f.rater_id = p.id
                         AND f.state NOT IN ('declined', 'rejected')) AS already_asked,
              EXISTS (SELECT 1 FROM feedback_requests f WHERE f.organization_id = $1 AND f.cycle_id = $2 AND f.subject_id = $3 AND f.rater_id = p.id
                         AND f.state = 'declined') AS declined,
              suggested.suggestion,
              count(*) OVER ()::int AS total
         FROM people p
         JOIN people s ON s.organization_id = $1 AND s.id = $3
         CROSS JOIN LATERAL (
           SELECT CASE
                    WHEN (s.manager_id IS NOT NULL AND p.manager_id = s.manager_id) OR p.id = s.manager_id OR p.manager_id = s.id THEN 'same_team'
                    WHEN $7::boolean AND EXISTS (SELECT 1 FROM feedback_requests e
                                  WHERE e.organization_id = $1 AND e.subject_id = $3 AND e.rater_id = p.id AND e.cycle_id <> $2
                                    AND e.requested_by = $3) THEN 'asked_before'
                  END AS suggestion
         ) suggested
        WHERE p.organization_id = $1 AND p.active AND p.id <> $3
          AND ($4::text IS NULL OR p.name ILIKE $4 OR p.title ILIKE $4 OR p.department ILIKE $4)
        ORDER BY array_position(ARRAY['same_team', 'asked_before'], suggested.suggestion) NULLS LAST, p.name, p.id
        LIMIT $5`,
      [organizationId, cycleId, subjectId, search ? escapeLike(search) : null, limit, viewer.personId, withEarlierRequests],
    );
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      title: str(r.title),
      department: str(r.department),
      openRequests: Number(r.open_requests),
      alreadyAsked: Boolean(r.already_asked),
      declined: Boolean(r.declined),
      suggestion: r.suggestion === 'same_team' || r.suggestion === 'asked_before' ? r.suggestion : null,
      total: Number(r.total),
    }));
  }
}
