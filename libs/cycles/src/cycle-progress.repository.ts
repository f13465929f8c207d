import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { modifyRows, selectFirst, selectOne, selectRows } from '@lib/database';
import type { RequestCountsDto } from './cycle-subject.dto';
import { countsOf, countsSql, type CountColumns } from './request-counts';
import { answerProgressHiddenSql, type FeedbackRelationship } from './domain';

/**
 * The requests "send reminder now" reminds raters of, as HR may count them (org $1, cycle $2,
 * viewer $3): open or started, already announced (a rater not invited yet gets the invitation
 * instead), to an active rater (a leaver gets no mail), and never a request about the viewer (an
 * HR admin who is a subject does not learn which of their raters still owe answers). The preview
 * and the count returned by the send read this one condition.
 */
const REMINDED_REQUESTS = `fr.organization_id = $1 AND fr.cycle_id = $2 AND fr.state IN ('open', 'in_progress') AND fr.invited_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM people r WHERE r.organization_id = $1 AND r.id = fr.rater_id AND r.active)
  AND NOT ${answerProgressHiddenSql('fr', '$3', true)}`;
/** One line of the GROUPING SETS query: the whole cycle, one relationship, or one department. */
export type ProgressGroup =
  | { by: 'overall'; counts: RequestCountsDto }
  | { by: 'relationship'; relationship: FeedbackRelationship; counts: RequestCountsDto }
  | { by: 'department'; department: string | null; counts: RequestCountsDto };

export interface SubjectProgress {
  subjectId: string;
  name: string;
  department: string | null;
  counts: RequestCountsDto;
}

export interface PendingRater {
  raterId: string;
  name: string;
  email: string;
  department: string | null;
  notStarted: number;
  inProgress: number;
}

type GroupedRow = CountColumns & { by_relationship: number; by_department: number; relationship: FeedbackRelationship; department: string | null };
type SubjectRow = CountColumns & { person_id: string; name: string; department: string | null };
interface PendingRaterRow {
  rater_id: string;
  name: string;
  email: string;
  department: string | null;
  not_started: number;
  in_progress: number;
  total: number;
}

/**
 * The statements behind HR's progress page and "send reminder now". `viewer` is the HR admin
 * looking: every count reads their own requests as a subject would see them (countsSql), and the
 * lists of raters leave those requests out (answerProgressHiddenSql). Organisation first.
 */
@Injectable()
export class CycleProgressRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Response counts overall, by relationship and by department, in one GROUPING SETS query. */
  async groupedCounts(organizationId: string, cycleId: string, viewer: string): Promise<ProgressGroup[]> {
    const rows = await selectRows<GroupedRow>(
      this.db,
      `SELECT GROUPING(fr.relationship) AS by_relationship, GROUPING(cs.department) AS by_department, fr.relationship, cs.department, ${countsSql('$3')}
         FROM feedback_requests fr
         JOIN cycle_subjects cs ON cs.organization_id = fr.organization_id AND cs.cycle_id = fr.cycle_id AND cs.person_id = fr.subject_id
        WHERE fr.organization_id = $1 AND fr.cycle_id = $2 AND cs.organization_id = $1 AND cs.removed_at IS NULL
        GROUP BY GROUPING SETS ((), (fr.relationship), (cs.department))`,
      [organizationId, cycleId, viewer],
    );
    return rows.map((r): ProgressGroup => {
      const counts = countsOf(r);
      if (r.by_relationship === 0) return { by: 'relationship', relationship: r.relationship, counts };
      if (r.by_department === 0) return { by: 'department', department: r.department ?? null, counts };
      return { by: 'overall', counts };
    });
  }

  /** Every subject still in the cycle with their counts, by name. */
  async bySubject(organizationId: string, cycleId: string, viewer: string): Promise<SubjectProgress[]> {
    const rows = await selectRows<SubjectRow>(
      this.db,
      `SELECT cs.person_id, p.name, cs.department, ${countsSql('$3')}
         FROM cycle_subjects cs
         JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
         LEFT JOIN feedback_requests fr ON fr.organization_id = cs.organization_id AND fr.cycle_id = cs.cycle_id AND fr.subject_id = cs.person_id
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL
        GROUP BY cs.person_id, p.name, cs.department
        ORDER BY p.name, cs.person_id`,
      [organizationId, cycleId, viewer],
    );
    return rows.map((r) => ({ subjectId: r.person_id, name: r.name, department: r.department ?? null, counts: countsOf(r) }));
  }

  /** Raters who owe answers (open or in progress), most owed first, at most `limit`; `total` counts them all. */
  async pendingRaters(organizationId: string, cycleId: string, viewer: string, limit: number): Promise<{ total: number; items: PendingRater[] }> {
    const rows = await selectRows<PendingRaterRow>(
      this.db,
      `SELECT fr.rater_id, p.name, p.email, p.department,
              count(*) FILTER (WHERE fr.state = 'open')::int AS not_started,
              count(*) FILTER (WHERE fr.state = 'in_progress')::int AS in_progress,
              count(*) OVER ()::int AS total
         FROM feedback_requests fr
         JOIN people p ON p.organization_id = fr.organization_id AND p.id = fr.rater_id
        WHERE fr.organization_id = $1 AND fr.cycle_id = $2 AND fr.state IN ('open', 'in_progress') AND NOT ${answerProgressHiddenSql('fr', '$4', true)}
        GROUP BY fr.rater_id, p.name, p.email, p.department
        ORDER BY count(*) DESC, p.name, fr.rater_id
        LIMIT $3`,
      [organizationId, cycleId, limit, viewer],
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        raterId: r.rater_id,
        name: r.name,
        email: r.email,
        department: r.department ?? null,
        notStarted: r.not_started,
        inProgress: r.in_progress,
      })),
    };
  }

  /**
   * Stamps the cycle's manual reminder at `now` unless one was stamped within `intervalMinutes`.
   * Returns whether it stamped (the caller holds the cycle's row lock).
   */
  async markRemindersSent(organizationId: string, cycleId: string, now: Date, intervalMinutes: number, tx: EntityManager): Promise<boolean> {
    const { rows } = await modifyRows<{ id: string }>(
      tx,
      `UPDATE cycles SET reminders_sent_at = $3
        WHERE organization_id = $1 AND id = $2
          AND (reminders_sent_at IS NULL OR reminders_sent_at <= $3::timestamptz - make_interval(mins => $4))
       RETURNING id`,
      [organizationId, cycleId, now, intervalMinutes],
    );
    return rows.length > 0;
  }

  /** Raters invited to requests they still owe, leaving out the requests about `viewer`. */
  async ratersToRemind(organizationId: string, cycleId: string, viewer: string, tx: EntityManager): Promise<number> {
    const { raters } = await selectOne<{ raters: number }>(
      tx,
      `SELECT count(DISTINCT fr.rater_id)::int AS raters FROM feedback_requests fr WHERE ${REMINDED_REQUESTS}`,
      [organizationId, cycleId, viewer],
    );
    return raters;
  }

  /** Who "send reminder now" would mail (REMINDED_REQUESTS), most open requests first, and how many in all. */
  async ratersToRemindList(
    organizationId: string,
    cycleId: string,
    viewer: string,
    limit: number,
  ): Promise<{ raterId: string; name: string; department: string | null; openRequests: number; total: number }[]> {
    const rows = await selectRows<{ rater_id: string; name: string; department: string | null; open_requests: number; total: number }>(
      this.db,
      `SELECT fr.rater_id, p.name, p.department, count(*)::int AS open_requests, count(*) OVER ()::int AS total
         FROM feedback_requests fr
         JOIN people p ON p.organization_id = fr.organization_id AND p.id = fr.rater_id
        WHERE ${REMINDED_REQUESTS} AND p.organization_id = $1
        GROUP BY fr.rater_id, p.name, p.department
        ORDER BY count(*) DESC, p.name, fr.rater_id
        LIMIT $4`,
      [organizationId, cycleId, viewer, limit],
    );
    return rows.map((r) => ({ raterId: r.rater_id, name: r.name, department: r.department ?? null, openRequests: r.open_requests, total: r.total }));
  }

  /** When HR last sent reminders for the cycle, if ever. */
  async remindersSentAt(organizationId: string, cycleId: string): Promise<Date | null> {
    const row = await selectFirst<{ sent_at: Date | null }>(this.db, `SELECT reminders_sent_at AS sent_at FROM cycles WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      cycleId,
    ]);
    return row?.sent_at ? new Date(row.sent_at) : null;
  }
}
