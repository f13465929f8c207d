import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { CycleProgressDto, ReminderPreviewDto, RemindersQueuedDto } from './cycle-progress.dto';
import { CyclesRepository } from './cycles.repository';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import { countsOf, countsSql } from './request-counts';
import { manualReminderSlot } from './notifications/reminder-slots';
import { ANSWERING_STATES, answerProgressHiddenSql, peersMissing, peerTarget, type FeedbackRelationship } from './domain';
import { PeerShortfallRepository } from './peer-shortfall.repository';

const PENDING_RATERS_LIMIT = 500;
/** The names a reminder preview lists (the count is always whole). */
const REMINDER_PREVIEW_LIMIT = 100;

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
/** HR's "send reminder now" works once per cycle in this window, so double clicks send nothing twice. */
export const MANUAL_REMINDER_INTERVAL_MINUTES = 10;

/** The count columns of countsSql, read by countsOf. */
type Counts = Record<string, unknown>;
type GroupedRow = Counts & { by_relationship: number; by_department: number; relationship: FeedbackRelationship; department: string | null };
type SubjectRow = Counts & { person_id: string; name: string; department: string | null };
interface PendingRaterRow {
  rater_id: string;
  name: string;
  email: string;
  department: string | null;
  not_started: number;
  in_progress: number;
  total: number;
}

@Injectable()
export class CycleProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cycles: CyclesRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly shortfall: PeerShortfallRepository,
  ) {}

  /**
   * Response rates overall, by relationship and by department in one GROUPING SETS query; then by
   * subject, who has not answered, and the subjects short of peers. The viewer may be a subject of
   * the cycle, and like any subject never learns which of their own raters have answered: every
   * count reads their own requests as a subject would see them (countsSql), the list of who has not
   * answered leaves those requests out, and the peer count never depends on answers (countedPeers).
   */
  async progress(actor: Actor, cycleId: string): Promise<CycleProgressDto> {
    const org = actor.organizationId;
    const viewer = actor.personId;
    const cycle = await this.cycles.find(org, cycleId);
    if (!cycle) throw CyclesException.cycleNotFound();
    const grouped: GroupedRow[] = await this.db.query(
      `SELECT GROUPING(fr.relationship) AS by_relationship, GROUPING(cs.department) AS by_department, fr.relationship, cs.department, ${countsSql('$3')}
         FROM feedback_requests fr
         JOIN cycle_subjects cs ON cs.organization_id = fr.organization_id AND cs.cycle_id = fr.cycle_id AND cs.person_id = fr.subject_id
        WHERE fr.organization_id = $1 AND fr.cycle_id = $2 AND cs.organization_id = $1 AND cs.removed_at IS NULL
        GROUP BY GROUPING SETS ((), (fr.relationship), (cs.department))`,
      [org, cycleId, viewer],
    );
    const subjects: SubjectRow[] = await this.db.query(
      `SELECT cs.person_id, p.name, cs.department, ${countsSql('$3')}
         FROM cycle_subjects cs
         JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
         LEFT JOIN feedback_requests fr ON fr.organization_id = cs.organization_id AND fr.cycle_id = cs.cycle_id AND fr.subject_id = cs.person_id
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL
        GROUP BY cs.person_id, p.name, cs.department
        ORDER BY p.name, cs.person_id`,
      [org, cycleId, viewer],
    );
    const pending: PendingRaterRow[] = await this.db.query(
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
      [org, cycleId, PENDING_RATERS_LIMIT, viewer],
    );
    // Counts every live peer request alike, the viewer's own included: nothing in it tells who answered.
    const short = await this.shortfall.shortOfPeers(org, cycleId, peerTarget(cycle.settings));
    const overall = grouped.find((r) => r.by_relationship === 1 && r.by_department === 1);
    return {
      cycleId,
      state: cycle.state,
      responseDeadline: cycle.settings.responseDeadline?.toISOString() ?? null,
      overall: countsOf(overall ?? {}),
      byRelationship: grouped
        .filter((r) => r.by_relationship === 0)
        .sort((a, b) => RELATIONSHIP_ORDER.indexOf(a.relationship) - RELATIONSHIP_ORDER.indexOf(b.relationship))
        .map((r) => ({ relationship: r.relationship, ...countsOf(r) })),
      byDepartment: grouped
        .filter((r) => r.by_department === 0)
        .sort((a, b) => (a.department ?? '\uffff').localeCompare(b.department ?? '\uffff'))
        .map((r) => ({ department: r.department ?? null, ...countsOf(r) })),
      bySubject: subjects.map((r) => ({
        subjectId: r.person_id,
        name: r.name,
        department: r.department ?? null,
        progressHidden: r.person_id === viewer,
        ...countsOf(r),
      })),
      pendingRaters: {
        total: pending[0]?.total ?? 0,
        items: pending.map((r) => ({
          raterId: r.rater_id,
          name: r.name,
          email: r.email,
          department: r.department ?? null,
          notStarted: r.not_started,
          inProgress: r.in_progress,
        })),
      },
      peerShortfall: {
        minPeers: peerTarget(cycle.settings),
        maxPeers: cycle.settings.maxPeers,
        subjects: short.map((r) => ({
          subjectId: r.subjectId,
          name: r.name,
          department: r.department,
          peers: r.peers,
          missing: peersMissing(r.peers, cycle.settings),
        })),
      },
    };
  }

  /**
   * What "send reminder now" would do, before HR clicks: how many raters get a mail and who (most
   * open requests first), and whether the ten-minute pause allows it now. Counted exactly as the
   * send counts (REMINDED_REQUESTS).
   */
  async reminderPreview(actor: Actor, cycleId: string, now = new Date()): Promise<ReminderPreviewDto> {
    const org = actor.organizationId;
    const cycle = await this.cycles.find(org, cycleId);
    if (!cycle) throw CyclesException.cycleNotFound();
    const rows: { rater_id: string; name: string; department: string | null; open_requests: number; total: number; sent_at: Date | null }[] =
      await this.db.query(
        `SELECT fr.rater_id, p.name, p.department, count(*)::int AS open_requests, count(*) OVER ()::int AS total
           FROM feedback_requests fr
           JOIN people p ON p.organization_id = fr.organization_id AND p.id = fr.rater_id
          WHERE ${REMINDED_REQUESTS} AND p.organization_id = $1
          GROUP BY fr.rater_id, p.name, p.department
          ORDER BY count(*) DESC, p.name, fr.rater_id
          LIMIT $4`,
        [org, cycleId, actor.personId, REMINDER_PREVIEW_LIMIT],
      );
    const [{ sent_at: sentAt }]: { sent_at: Date | null }[] = await this.db.query(
      `SELECT reminders_sent_at AS sent_at FROM cycles WHERE organization_id = $1 AND id = $2`,
      [org, cycleId],
    );
    const nextAllowed = sentAt ? new Date(new Date(sentAt).getTime() + MANUAL_REMINDER_INTERVAL_MINUTES * 60_000) : null;
    return {
      running: ANSWERING_STATES.includes(cycle.state),
      raterCount: rows[0]?.total ?? 0,
      raters: rows.map((r) => ({ raterId: r.rater_id, name: r.name, department: r.department ?? null, openRequests: r.open_requests })),
      lastSentAt: sentAt ? new Date(sentAt).toISOString() : null,
      nextAllowedAt: nextAllowed && nextAllowed > now ? nextAllowed.toISOString() : null,
    };
  }

  /**
   * HR's "send reminder now": queues one reminder per rater with open requests they have been
   * invited to (a rater whose invitation is still queued gets that first). Refused (429)
   * within MANUAL_REMINDER_INTERVAL_MINUTES of the previous one; each mail is also keyed by the
   * minute, so a job that runs twice sends nothing twice. The job is queued in the transaction
   * that marks the reminders as sent: if queuing fails, nothing is marked and HR can try again.
   * The rater count, like pendingRaters, leaves out requests about the viewer.
   */
  async sendReminders(actor: Actor, cycleId: string, now = new Date()): Promise<RemindersQueuedDto> {
    const org = actor.organizationId;
    return this.db.transaction(async (tx) => {
      const cycle = await this.cycles.find(org, cycleId, tx, true);
      if (!cycle) throw CyclesException.cycleNotFound();
      if (!ANSWERING_STATES.includes(cycle.state)) {
        throw new CyclesException(CyclesErrorCode.CycleNotRunning, `Reminders go out only while the cycle runs (it is ${cycle.state})`);
      }
      const [rows]: [{ id: string }[], number] = await tx.query(
        `UPDATE cycles SET reminders_sent_at = $3
          WHERE organization_id = $1 AND id = $2
            AND (reminders_sent_at IS NULL OR reminders_sent_at <= $3::timestamptz - make_interval(mins => $4))
         RETURNING id`,
        [org, cycleId, now, MANUAL_REMINDER_INTERVAL_MINUTES],
      );
      if (!rows.length) {
        throw new CyclesException(
          CyclesErrorCode.RemindersTooSoon,
          `Reminders for this cycle were sent less than ${MANUAL_REMINDER_INTERVAL_MINUTES} minutes ago`,
          { retryAfterMinutes: MANUAL_REMINDER_INTERVAL_MINUTES },
        );
      }
      const [{ raters }]: { raters: number }[] = await tx.query(
        `SELECT count(DISTINCT fr.rater_id)::int AS raters FROM feedback_requests fr WHERE ${REMINDED_REQUESTS}`,
        [org, cycleId, actor.personId],
      );
      const slot = manualReminderSlot(now);
      // The audit trail records no rater count: every HR admin reads it, and a count that holds the
      // requests about another admin who is a subject would tell them how many of their raters owed answers.
      await this.audit.record(actor, { action: 'cycle.reminders_sent', targetType: 'cycle', targetId: cycleId, details: { slot } }, tx);
      await this.jobs.send(JOB_NAMES.cycleReminders, { organizationId: org, cycleId, slot }, { tx });
      return { slot, raterCount: raters };
    });
  }
}

const RELATIONSHIP_ORDER: FeedbackRelationship[] = ['self', 'manager', 'peer', 'direct_report', 'other'];
