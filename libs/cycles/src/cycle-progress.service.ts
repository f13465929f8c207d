import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { CycleProgressDto, ReminderPreviewDto, RemindersQueuedDto } from './cycle-progress.dto';
import { CyclesRepository } from './cycles.repository';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import { countsOf } from './request-counts';
import { CycleProgressRepository } from './cycle-progress.repository';
import { manualReminderSlot } from './notifications/reminder-slots';
import { ANSWERING_STATES, peersMissing, peerTarget, type FeedbackRelationship } from './domain';
import { PeerShortfallRepository } from './peer-shortfall.repository';

const PENDING_RATERS_LIMIT = 500;
/** The names a reminder preview lists (the count is always whole). */
const REMINDER_PREVIEW_LIMIT = 100;

/** HR's "send reminder now" works once per cycle in this window, so double clicks send nothing twice. */
export const MANUAL_REMINDER_INTERVAL_MINUTES = 10;

@Injectable()
export class CycleProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cycles: CyclesRepository,
    private readonly progressRows: CycleProgressRepository,
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
    if (!cycle || cycle.origin !== 'hr') throw CyclesException.cycleNotFound();
    const grouped = await this.progressRows.groupedCounts(org, cycleId, viewer);
    const subjects = await this.progressRows.bySubject(org, cycleId, viewer);
    const pendingRaters = await this.progressRows.pendingRaters(org, cycleId, viewer, PENDING_RATERS_LIMIT);
    // Counts every live peer request alike, the viewer's own included: nothing in it tells who answered.
    const short = await this.shortfall.shortOfPeers(org, cycleId, peerTarget(cycle.settings));
    const overall = grouped.find((r) => r.by === 'overall');
    const byRelationship = grouped
      .flatMap((r) => (r.by === 'relationship' ? [r] : []))
      .sort((a, b) => RELATIONSHIP_ORDER.indexOf(a.relationship) - RELATIONSHIP_ORDER.indexOf(b.relationship));
    const byDepartment = grouped
      .flatMap((r) => (r.by === 'department' ? [r] : []))
      .sort((a, b) => (a.department ?? '\uffff').localeCompare(b.department ?? '\uffff'));
    return {
      cycleId,
      state: cycle.state,
      responseDeadline: cycle.settings.responseDeadline?.toISOString() ?? null,
      overall: overall?.counts ?? countsOf({}),
      byRelationship: byRelationship.map((r) => ({ relationship: r.relationship, ...r.counts })),
      byDepartment: byDepartment.map((r) => ({ department: r.department, ...r.counts })),
      bySubject: subjects.map((r) => ({
        subjectId: r.subjectId,
        name: r.name,
        department: r.department,
        progressHidden: r.subjectId === viewer,
        ...r.counts,
      })),
      pendingRaters,
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
    if (!cycle || cycle.origin !== 'hr') throw CyclesException.cycleNotFound();
    const rows = await this.progressRows.ratersToRemindList(org, cycleId, actor.personId, REMINDER_PREVIEW_LIMIT);
    const sentAt = await this.progressRows.remindersSentAt(org, cycleId);
    const nextAllowed = sentAt ? new Date(new Date(sentAt).getTime() + MANUAL_REMINDER_INTERVAL_MINUTES * 60_000) : null;
    return {
      running: ANSWERING_STATES.includes(cycle.state),
      raterCount: rows[0]?.total ?? 0,
      raters: rows.map((r) => ({ raterId: r.raterId, name: r.name, department: r.department, openRequests: r.openRequests })),
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
      if (!cycle || cycle.origin !== 'hr') throw CyclesException.cycleNotFound();
      if (!ANSWERING_STATES.includes(cycle.state)) {
        throw new CyclesException(CyclesErrorCode.CycleNotRunning, `Reminders go out only while the cycle runs (it is ${cycle.state})`);
      }
      const stamped = await this.progressRows.markRemindersSent(org, cycleId, now, MANUAL_REMINDER_INTERVAL_MINUTES, tx);
      if (!stamped) {
        throw new CyclesException(
          CyclesErrorCode.RemindersTooSoon,
          `Reminders for this cycle were sent less than ${MANUAL_REMINDER_INTERVAL_MINUTES} minutes ago`,
          { retryAfterMinutes: MANUAL_REMINDER_INTERVAL_MINUTES },
        );
      }
      const raters = await this.progressRows.ratersToRemind(org, cycleId, actor.personId, tx);
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
