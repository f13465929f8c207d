import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { effectiveLanguage, type Language } from '@lib/common';
import { modifyRows, selectOne, selectRows } from '@lib/database';
import { ANSWERING_STATES, ASKED_STATES, sqlStateList } from '@lib/cycles';

const sqlCycleStates = (states: readonly string[]): string => states.map((x) => `'${x}'`).join(', ');

/** Reason stored on requests withdrawn because a rater left: the request reads as declined. */
export const LEAVER_REASON = 'Withdrawn: this person has left the organisation';

export interface WithdrawnRequest {
  id: string;
  cycleId: string;
  subjectId: string;
}

/** The requests a rater owes others in cycles still taking answers, whatever their state (requestsInRunningCycles says why). */
const OWED_IN_RUNNING_CYCLES = `
         FROM feedback_requests fr
         JOIN cycles c ON c.organization_id = fr.organization_id AND c.id = fr.cycle_id
        WHERE fr.organization_id = $1 AND fr.subject_id <> fr.rater_id
          AND fr.state IN (${sqlStateList(ASKED_STATES)}) AND c.state IN (${sqlCycleStates(ANSWERING_STATES)})`;

/** Every statement takes the organisation first. Set-based: one statement per kind of change. */
@Injectable()
export class LeaversRepository {
  /** Locks the person; null when not in the organisation. */
  async lockPerson(organizationId: string, id: string, tx: EntityManager): Promise<{ active: boolean; managerId: string | null; role: string } | null> {
    const rows = await selectRows<{ active: boolean; manager_id: string | null; role: string }>(
      tx,
      `SELECT active, manager_id, role FROM people WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [organizationId, id],
    );
    return rows[0] ? { active: rows[0].active, managerId: rows[0].manager_id, role: rows[0].role } : null;
  }

  async isActive(organizationId: string, id: string, tx: EntityManager): Promise<boolean> {
    const rows = await selectRows<object>(tx, `SELECT 1 FROM people WHERE organization_id = $1 AND id = $2 AND active`, [organizationId, id]);
    return rows.length > 0;
  }

  async otherActiveAdmins(organizationId: string, id: string, tx: EntityManager): Promise<number> {
    const { n } = await selectOne<{ n: number }>(
      tx,
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

  /**
   * The leaver's report shares end, both ways (report_shares): the reports colleagues shared with
   * them (a share is given to a colleague, and a reactivated account starts with nothing shared),
   * and the reports they shared themselves (only the owner withdraws a share, and a leaver cannot:
   * it would outlive them). HR's trail shows no shares, so none is audited one by one.
   */
  async endReportShares(organizationId: string, id: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM report_shares WHERE organization_id = $1 AND (person_id = $2 OR subject_id = $2)`, [organizationId, id]);
  }

  async endSessions(organizationId: string, id: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM sessions WHERE organization_id = $1 AND person_id = $2`, [organizationId, id]);
  }

  /** Moves the leaver's current direct reports; cycle_subjects.manager_id (frozen at launch) is not touched. */
  async reassignReports(organizationId: string, leaverId: string, to: string | null, tx: EntityManager): Promise<number> {
    const { count } = await modifyRows(tx, `UPDATE people SET manager_id = $3, updated_at = now() WHERE organization_id = $1 AND manager_id = $2`, [
      organizationId,
      leaverId,
      to,
    ]);
    return count;
  }

  /**
   * The leaver's requests about others in cycles still taking answers, answered or not. Their state
   * is left as it is: a subject sees an open, a started and a submitted request alike ("asked"), so
   * changing only the unanswered ones (declining them, freeing a peer slot) would tell each subject
   * whether the leaver had answered about them. The leaver cannot sign in, gets no mail, and
   * reports count submitted answers only, so an unanswered request simply stays unanswered.
   */
  async requestsInRunningCycles(organizationId: string, raterId: string, tx: EntityManager): Promise<WithdrawnRequest[]> {
    const rows = await selectRows<{ id: string; cycle_id: string; subject_id: string }>(
      tx,
      `SELECT fr.id, fr.cycle_id, fr.subject_id ${OWED_IN_RUNNING_CYCLES} AND fr.rater_id = $2`,
      [organizationId, raterId],
    );
    return rows.map((r) => ({ id: r.id, cycleId: r.cycle_id, subjectId: r.subject_id }));
  }

  /** Who to tell, per withdrawn request: the active subject, with names for the mail. */
  async subjectsToTell(
    organizationId: string,
    requestIds: string[],
    tx: EntityManager,
  ): Promise<
    {
      requestId: string;
      cycleId: string;
      cycleName: string;
      subjectId: string;
      subjectEmail: string;
      subjectName: string;
      subjectLanguage: Language;
      raterName: string;
    }[]
  > {
    if (!requestIds.length) return [];
    const rows = await selectRows<{
      id: string;
      cycle_id: string;
      cycle_name: string;
      subject_id: string;
      email: string;
      subject_name: string;
      rater_name: string;
      subject_language: string | null;
      organization_language: string;
    }>(
      tx,
      `SELECT fr.id, fr.cycle_id, c.name AS cycle_name, fr.subject_id, s.email, s.name AS subject_name, r.name AS rater_name,
              s.language AS subject_language, o.language AS organization_language
         FROM feedback_requests fr
         JOIN organizations o ON o.id = fr.organization_id
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
      subjectLanguage: effectiveLanguage(r.subject_language, r.organization_language),
      raterName: r.rater_name,
    }));
  }

  /**
   * For a dry run, per person: the requests they owe in running cycles (counted as the leaver logic
   * counts them, answered or not) and the running cycles they are a subject of. One statement for
   * any number of people.
   */
  async workInRunningCycles(organizationId: string, personIds: string[], tx: EntityManager): Promise<Map<string, { owed: number; subjectOf: number }>> {
    const work = new Map(personIds.map((id) => [id, { owed: 0, subjectOf: 0 }]));
    if (!personIds.length) return work;
    const rows = await selectRows<{ person_id: string; owed: number; subject_of: number }>(
      tx,
      `SELECT x.person_id,
              (SELECT count(*)::int ${OWED_IN_RUNNING_CYCLES} AND fr.rater_id = x.person_id) AS owed,
              (SELECT count(*)::int FROM cycle_subjects cs
                 JOIN cycles c ON c.organization_id = cs.organization_id AND c.id = cs.cycle_id
                WHERE cs.organization_id = $1 AND cs.person_id = x.person_id AND cs.removed_at IS NULL
                  AND c.state IN (${sqlCycleStates(ANSWERING_STATES)})) AS subject_of
         FROM unnest($2::uuid[]) AS x(person_id)`,
      [organizationId, personIds],
    );
    for (const r of rows) work.set(r.person_id, { owed: r.owed, subjectOf: r.subject_of });
    return work;
  }
}
