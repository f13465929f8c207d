import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { effectiveLanguage, type Language } from '@lib/common';
import { modifyRows, selectRows } from '@lib/database';

/** Stored on every request withdrawn because its subject left the cycle; the rater reads it. */
export const SUBJECT_REMOVED_REASON = 'Withdrawn: the person you were asked about is no longer part of this cycle. You do not need to answer.';

export interface WithdrawnAboutSubject {
  requestId: string;
  cycleId: string;
  raterId: string;
  /** The request had been put to the rater (not a mere proposal): they are told. */
  wasAsked: boolean;
  /** The rater had saved a draft: it is kept, readable by them alone, until the cycle closes. */
  hadDraft: boolean;
}

/** The SQL of removing a subject from cycles. Every statement takes the organisation first. */
@Injectable()
export class SubjectRemovalRepository {
  /** Draft cycles have asked nobody yet: the subject's row simply goes. */
  async deleteFromDrafts(organizationId: string, personId: string, cycleId: string | null, tx: EntityManager): Promise<string[]> {
    return (
      await modifyRows<{ cycle_id: string }>(
        tx,
        `DELETE FROM cycle_subjects cs USING cycles c
          WHERE cs.organization_id = $1 AND cs.person_id = $2 AND ($3::uuid IS NULL OR cs.cycle_id = $3)
            AND c.organization_id = cs.organization_id AND c.id = cs.cycle_id AND c.state = 'draft'
          RETURNING cs.cycle_id`,
        [organizationId, personId, cycleId],
      )
    ).rows.map((r) => r.cycle_id);
  }

  /** Running cycles keep the row, marked removed, so the requests about them (and drafts) survive. */
  async markRemovedFromRunning(organizationId: string, personId: string, cycleId: string | null, tx: EntityManager): Promise<string[]> {
    return (
      await modifyRows<{ cycle_id: string }>(
        tx,
        `UPDATE cycle_subjects cs SET removed_at = now()
           FROM cycles c
          WHERE cs.organization_id = $1 AND cs.person_id = $2 AND ($3::uuid IS NULL OR cs.cycle_id = $3) AND cs.removed_at IS NULL
            AND c.organization_id = cs.organization_id AND c.id = cs.cycle_id AND c.state IN ('nominating', 'collecting')
          RETURNING cs.cycle_id`,
        [organizationId, personId, cycleId],
      )
    ).rows.map((r) => r.cycle_id);
  }

  /**
   * Withdraws the unanswered requests about the subject in these cycles: declined, with the reason
   * the rater reads. A proposal was never put to its rater, so it is rejected instead (raters never
   * see rejected requests) and nobody is told. Drafts are NOT deleted here (the rater may still read theirs, see
   * deleteWithdrawnDrafts). Submitted requests stay as they are; no report is made for the subject.
   */
  async withdrawRequests(organizationId: string, subjectId: string, cycleIds: string[], tx: EntityManager): Promise<WithdrawnAboutSubject[]> {
    if (!cycleIds.length) return [];
    const rows = (
      await modifyRows<{ id: string; cycle_id: string; rater_id: string; state: string; had_draft: boolean }>(
        tx,
        `UPDATE feedback_requests fr
            SET state = CASE WHEN fr.state = 'proposed' THEN 'rejected' ELSE 'declined' END, reason = $4, withdrawn_at = now(), updated_at = now()
          WHERE fr.organization_id = $1 AND fr.subject_id = $2 AND fr.cycle_id = ANY($3::uuid[]) AND fr.state IN ('proposed', 'open', 'in_progress')
          RETURNING fr.id, fr.cycle_id, fr.rater_id, fr.state,
                    EXISTS (SELECT 1 FROM responses r WHERE r.organization_id = fr.organization_id AND r.request_id = fr.id AND r.submitted_at IS NULL) AS had_draft`,
        [organizationId, subjectId, cycleIds, SUBJECT_REMOVED_REASON],
      )
    ).rows;
    return rows.map((r) => ({ requestId: r.id, cycleId: r.cycle_id, raterId: r.rater_id, wasAsked: r.state === 'declined', hadDraft: r.had_draft }));
  }

  /**
   * Ends every external rater of the subject in these cycles, as revoking each would: links and
   * access stop working, drafts and answers are dropped. Whether any had answered is told to nobody
   * (the subject's report is not made anyway). The address itself goes at close, with the others'.
   */
  async revokeExternalRaters(organizationId: string, subjectId: string, cycleIds: string[], tx: EntityManager): Promise<number> {
    if (!cycleIds.length) return 0;
    const { count } = await modifyRows(
      tx,
      `UPDATE external_raters
          SET state = 'revoked', link_hash = NULL, link_expires_at = NULL, access_hash = NULL, access_expires_at = NULL,
              draft = NULL, draft_saved_at = NULL, answers = NULL, submitted_at = NULL
        WHERE organization_id = $1 AND subject_id = $2 AND cycle_id = ANY($3::uuid[]) AND state IN ('proposed', 'invited', 'submitted')`,
      [organizationId, subjectId, cycleIds],
    );
    return count;
  }

  /**
   * At close: the drafts kept on withdrawn requests are deleted. Until then only their rater reads
   * them (the questionnaire route); after it nobody needs them, and nothing ever counts them.
   */
  async deleteWithdrawnDrafts(organizationId: string, cycleId: string, tx: EntityManager): Promise<number> {
    const { count: deleted } = await modifyRows(
      tx,
      `DELETE FROM responses r USING feedback_requests fr
        WHERE r.organization_id = $1 AND r.cycle_id = $2 AND r.submitted_at IS NULL
          AND fr.organization_id = r.organization_id AND fr.id = r.request_id AND fr.withdrawn_at IS NOT NULL`,
      [organizationId, cycleId],
    );
    return deleted;
  }

  /** What each told rater's mail needs; active raters only (a leaver gets no mail anyway). */
  async raterNotices(
    organizationId: string,
    requestIds: string[],
    tx: EntityManager,
  ): Promise<
    { requestId: string; cycleName: string; subjectId: string; subjectName: string; raterEmail: string; raterName: string; raterLanguage: Language }[]
  > {
    if (!requestIds.length) return [];
    const rows = await selectRows<{
      id: string;
      cycle_name: string;
      subject_id: string;
      subject_name: string;
      rater_email: string;
      rater_name: string;
      rater_language: string | null;
      organization_language: string;
    }>(
      tx,
      `SELECT fr.id, c.name AS cycle_name, fr.subject_id, s.name AS subject_name, r.email AS rater_email, r.name AS rater_name,
              r.language AS rater_language, o.language AS organization_language
         FROM feedback_requests fr
         JOIN organizations o ON o.id = fr.organization_id
         JOIN cycles c ON c.organization_id = fr.organization_id AND c.id = fr.cycle_id
         JOIN people s ON s.organization_id = fr.organization_id AND s.id = fr.subject_id
         JOIN people r ON r.organization_id = fr.organization_id AND r.id = fr.rater_id
        WHERE fr.organization_id = $1 AND fr.id = ANY($2::uuid[]) AND fr.rater_id <> fr.subject_id AND r.active`,
      [organizationId, requestIds],
    );
    return rows.map((r) => ({
      requestId: r.id,
      cycleName: r.cycle_name,
      subjectId: r.subject_id,
      subjectName: r.subject_name,
      raterEmail: r.rater_email,
      raterName: r.rater_name,
      raterLanguage: effectiveLanguage(r.rater_language, r.organization_language),
    }));
  }
}
