import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ANSWERING_STATES, ASKED_STATES } from '@lib/cycles';

/** Reason stored on requests withdrawn because a rater left: the request reads as declined. */
export const LEAVER_REASON = 'Withdrawn: this person has left the organisation';

export interface WithdrawnRequest {
  id: string;
  cycleId: string;
  subjectId: string;
}

/** TypeORM's postgres driver answers UPDATE … RETURNING with [rows, affected]. */
function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

/** Every statement takes the organisation first. Set-based: one statement per kind of change. */
@Injectable()
export class LeaversRepository {
  /** Locks the person; null when not in the organisation. */
  async lockPerson(organizationId: string, id: string, tx: EntityManager): Promise<{ active: boolean; managerId: string | null; role: string } | null> {
    const rows: { active: boolean; manager_id: string | null; role: string }[] = await tx.query(
      `SELECT active, manager_id, role FROM people WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [organizationId, id],
    );
    return rows[0] ? { active: rows[0].active, managerId: rows[0].manager_id, role: rows[0].role } : null;
  }

  async isActive(organizationId: string, id: string, tx: EntityManager): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM people WHERE organization_id = $1 AND id = $2 AND active`, [organizationId, id]);
    return rows.length > 0;
  }

  async otherActiveAdmins(organizationId: string, id: string, tx: EntityManager): Promise<number> {
    const [{ n }]: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM people WHERE organization_id = $1 AND role = 'admin' AND active AND id <> $2`,
      [organizationId, id],
    );
    return n;
  }

  async setActive(organizationId: string, id: string, active: boolean, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE people SET active = $3, deactivated_at = CASE WHEN $3 THEN NULL ELSE now() END, updated_at = now() WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, active],
    );
  }

  async endSessions(organizationId: string, id: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM sessions WHERE organization_id = $1 AND person_id = $2`, [organizationId, id]);
  }

  /** Moves the leaver's current direct reports; cycle_subjects.manager_id (frozen at launch) is not touched. */
  async reassignReports(organizationId: string, leaverId: string, to: string | null, tx: EntityManager): Promise<number> {
    const rows = returned<{ id: string }>(
      await tx.query(`UPDATE people SET manager_id = $3, updated_at = now() WHERE organization_id = $1 AND manager_id = $2 RETURNING id`, [
        organizationId,
        leaverId,
        to,
      ]),
    );
    return rows.length;
  }

  /**
   * The leaver's requests about others in cycles still taking answers, answered or not. Their state
   * is left as it is: a subject sees an open, a started and a submitted request alike ("asked"), so
   * changing only the unanswered ones (declining them, freeing a peer slot) would tell each subject
   * whether the leaver had answered about them. The leaver cannot sign in, gets no mail, and
   * reports count submitted answers only, so an unanswered request simply stays unanswered.
   */
  async requestsInRunningCycles(organizationId: string, raterId: string, tx: EntityManager): Promise<WithdrawnRequest[]> {
    const rows: { id: string; cycle_id: string; subject_id: string }[] = await tx.query(
      `SELECT fr.id, fr.cycle_id, fr.subject_id
         FROM feedback_requests fr
         JOIN cycles c ON c.organization_id = fr.organization_id AND c.id = fr.cycle_id
        WHERE fr.organization_id = $1 AND fr.rater_id = $2 AND fr.subject_id <> fr.rater_id
          AND fr.state = ANY($3::text[]) AND c.state = ANY($4::text[])`,
      [organizationId, raterId, ASKED_STATES, ANSWERING_STATES],
    );
    return rows.map((r) => ({ id: r.id, cycleId: r.cycle_id, subjectId: r.subject_id }));
  }

  /** 'remove': the open requests about the leaver as a subject of a running cycle are withdrawn. */
  async withdrawAbout(organizationId: string, subjectId: string, tx: EntityManager): Promise<string[]> {
    const rows = returned<{ id: string }>(
      await tx.query(
        `UPDATE feedback_requests fr SET state = 'declined', reason = $3, updated_at = now()
         FROM cycles c
        WHERE fr.organization_id = $1 AND fr.subject_id = $2 AND fr.state IN ('proposed', 'open', 'in_progress')
          AND c.organization_id = fr.organization_id AND c.id = fr.cycle_id AND c.state IN ('draft', 'nominating', 'collecting')
        RETURNING fr.id`,
        [organizationId, subjectId, 'Withdrawn: the person reviewed has left the organisation'],
      ),
    );
    if (rows.length) {
      await tx.query(`DELETE FROM responses WHERE organization_id = $1 AND request_id = ANY($2::uuid[])`, [organizationId, rows.map((r) => r.id)]);
    }
    return rows.map((r) => r.id);
  }

  /** Who to tell, per withdrawn request: the active subject, with names for the mail. */
  async subjectsToTell(
    organizationId: string,
    requestIds: string[],
    tx: EntityManager,
  ): Promise<{ requestId: string; cycleId: string; cycleName: string; subjectId: string; subjectEmail: string; subjectName: string; raterName: string }[]> {
    if (!requestIds.length) return [];
    const rows: Record<string, string>[] = await tx.query(
      `SELECT fr.id, fr.cycle_id, c.name AS cycle_name, fr.subject_id, s.email, s.name AS subject_name, r.name AS rater_name
         FROM feedback_requests fr
         JOIN cycles c ON c.organization_id = fr.organization_id AND c.id = fr.cycle_id
         JOIN people s ON s.organization_id = fr.organization_id AND s.id = fr.subject_id
         JOIN people r ON r.organization_id = fr.organization_id AND r.id = fr.rater_id
        WHERE fr.organization_id = $1 AND fr.id = ANY($2::uuid[]) AND fr.subject_id <> fr.rater_id AND s.active`,
      [organizationId, requestIds],
    );
    return rows.map((r) => ({
      requestId: r.id,
      cycleId: r.cycle_id,
      cycleName: r.cycle_name,
      subjectId: r.subject_id,
      subjectEmail: r.email,
      subjectName: r.subject_name,
      raterName: r.rater_name,
    }));
  }
}
