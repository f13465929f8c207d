import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { effectiveLanguage, type Language } from '@lib/common';
import { execute, selectRows } from '@lib/database';
import type { CycleState, FeedbackRelationship } from '../domain';

/** One open request a rater is mailed about. */
export interface MailAskRow {
  requestId: string;
  raterId: string;
  raterName: string;
  raterRole: 'admin' | 'member';
  email: string;
  subjectId: string;
  subjectName: string;
  relationship: FeedbackRelationship;
  /** The rater's language (their own, else the organisation's): their mail is written in it. */
  language: Language;
}

/** A running cycle, as the hourly sweep reads it across organisations. */
export interface SweptCycle {
  organizationId: string;
  id: string;
  state: CycleState;
  nominationDeadline: Date | null;
}

interface AskRow {
  request_id: string;
  rater_id: string;
  rater_name: string;
  rater_role: 'admin' | 'member';
  email: string;
  subject_id: string;
  subject_name: string;
  relationship: FeedbackRelationship;
  rater_language: string | null;
  organization_language: string;
}

// $1 = organisation, $2 = cycle. Only active raters: someone who has left gets no mail.
const SELECT_ASKS = `
  SELECT fr.id AS request_id, fr.rater_id, r.name AS rater_name, r.role AS rater_role, r.email, fr.subject_id, s.name AS subject_name, fr.relationship,
         r.language AS rater_language, o.language AS organization_language
    FROM feedback_requests fr
    JOIN organizations o ON o.id = fr.organization_id
    JOIN people r ON r.organization_id = fr.organization_id AND r.id = fr.rater_id AND r.active
    JOIN people s ON s.organization_id = fr.organization_id AND s.id = fr.subject_id
   WHERE fr.organization_id = $1 AND fr.cycle_id = $2 AND fr.state IN ('open', 'in_progress')`;

const toAsk = (r: AskRow): MailAskRow => ({
  requestId: r.request_id,
  raterId: r.rater_id,
  raterName: r.rater_name,
  raterRole: r.rater_role,
  email: r.email,
  subjectId: r.subject_id,
  subjectName: r.subject_name,
  relationship: r.relationship,
  language: effectiveLanguage(r.rater_language, r.organization_language),
});

/**
 * The statements behind the cycle's mail (CycleNotificationsService). Per cycle they take the
 * organisation first; the two sweeps read across organisations on purpose (one scheduler serves
 * them all) and say so in their names.
 */
@Injectable()
export class CycleMailRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Open requests not yet announced to their (active) rater, by rater. */
  async unannouncedAsks(organizationId: string, cycleId: string): Promise<MailAskRow[]> {
    const rows = await selectRows<AskRow>(this.db, `${SELECT_ASKS} AND fr.invited_at IS NULL ORDER BY fr.rater_id, fr.id`, [organizationId, cycleId]);
    return rows.map(toAsk);
  }

  /** Open requests already announced, made no later than `createdBefore` (any age when null), by rater. */
  async announcedAsks(organizationId: string, cycleId: string, createdBefore: Date | null): Promise<MailAskRow[]> {
    const rows = await selectRows<AskRow>(
      this.db,
      `${SELECT_ASKS} AND fr.invited_at IS NOT NULL AND ($3::timestamptz IS NULL OR fr.created_at <= $3) ORDER BY fr.rater_id, fr.id`,
      [organizationId, cycleId, createdBefore],
    );
    return rows.map(toAsk);
  }

  /** Stamps requests as announced (once: a request stamped before keeps its time). */
  async markInvited(organizationId: string, requestIds: string[]): Promise<void> {
    await execute(this.db, `UPDATE feedback_requests SET invited_at = now() WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND invited_at IS NULL`, [
      organizationId,
      requestIds,
    ]);
  }

  /** Every subject each rater was asked about in the cycle, in any state, in one grouped query. */
  async subjectsByRater(organizationId: string, cycleId: string): Promise<Map<string, string[]>> {
    const rows = await selectRows<{ rater_id: string; subject_ids: string[] }>(
      this.db,
      `SELECT rater_id, array_agg(DISTINCT subject_id) AS subject_ids FROM feedback_requests
        WHERE organization_id = $1 AND cycle_id = $2 GROUP BY rater_id`,
      [organizationId, cycleId],
    );
    return new Map(rows.map((r) => [r.rater_id, r.subject_ids]));
  }

  /** Across organisations: the cycles in one of `states`, oldest first. */
  async cyclesInStatesAcrossOrganisations(states: readonly CycleState[]): Promise<SweptCycle[]> {
    const rows = await selectRows<{ organization_id: string; id: string; state: CycleState; nomination_deadline: Date | null }>(
      this.db,
      `SELECT organization_id, id, state, nomination_deadline FROM cycles WHERE state = ANY($1::text[]) ORDER BY created_at`,
      [states],
    );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      id: r.id,
      state: r.state,
      nominationDeadline: r.nomination_deadline ? new Date(r.nomination_deadline) : null,
    }));
  }

  /**
   * Across organisations: the cycles a person owns (self-started requests, pulses) still collecting
   * after their closing date, by organisation, the longest overdue first. Their close job should
   * have closed them; one that failed past its retries leaves them here.
   */
  async ownedCyclesPastDeadlineAcrossOrganisations(now: Date): Promise<{ organizationId: string; id: string }[]> {
    const rows = await selectRows<{ organization_id: string; id: string }>(
      this.db,
      `SELECT organization_id, id FROM cycles
        WHERE state = 'collecting' AND origin <> 'hr' AND owner_id IS NOT NULL AND response_deadline <= $1
        ORDER BY organization_id, response_deadline`,
      [now],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, id: r.id }));
  }

  /**
   * Across organisations (the anti-join is organisation-scoped row by row): cycles in one of
   * `states`, closed at least `graceMinutes` before `now`, with a subject still in the cycle but
   * no report snapshot for them.
   */
  async cyclesMissingSnapshotsAcrossOrganisations(
    states: readonly CycleState[],
    now: Date,
    graceMinutes: number,
  ): Promise<{ organizationId: string; id: string }[]> {
    const rows = await selectRows<{ organization_id: string; id: string }>(
      this.db,
      `SELECT c.organization_id, c.id FROM cycles c
        WHERE c.state = ANY($3::text[]) AND c.closed_at <= $1::timestamptz - make_interval(mins => $2)
          AND EXISTS (
            SELECT 1 FROM cycle_subjects cs
             WHERE cs.organization_id = c.organization_id AND cs.cycle_id = c.id AND cs.removed_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM report_snapshots rs WHERE rs.organization_id = cs.organization_id AND rs.cycle_id = cs.cycle_id AND rs.subject_id = cs.person_id))
        ORDER BY c.closed_at`,
      [now, graceMinutes, states],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, id: r.id }));
  }
}
