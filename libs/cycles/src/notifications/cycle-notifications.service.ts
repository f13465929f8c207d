import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lib/common';
import { runInOrganization } from '@lib/database';
import { CycleJobData, CycleRemindersJobData, JOB_NAMES, JobsService } from '@lib/jobs';
import { MailService, type OutgoingMail } from '@lib/notifications';
import { OrganizationSettingsService } from '@lib/organizations';
import { CyclesRepository } from '../cycles.repository';
import { CyclesService } from '../cycles.service';
import { ANSWERING_STATES, answerAudience, CLOSED_STATES, AudienceSettings, CycleOrigin, cycleMailHiddenFrom } from '../domain';
import { CycleMailRepository, type MailAskRow } from './cycle-mail.repository';
import { ComposedMail, CycleMailInput, invitationMail, MailAsk, reminderMail } from './cycle-mail';
import { PeerRemindersService } from './peer-reminders.service';
import { dueReminderSlot } from './reminder-slots';

/** Hourly, a few minutes past the hour; pg-boss runs a schedule on one instance at a time. */
export const CYCLE_SWEEP_CRON = '7 * * * *';
/** The sweep leaves a cycle closed this recently to the snapshot job its close queued. */
export const SNAPSHOT_GRACE_MINUTES = 15;
const MARK_BATCH = 500;

export interface SweepResult {
  /** Cycles a person owns closed past their closing date, their own close job having failed. */
  ownedClosed: number;
  nominationsEnded: number;
  invitations: number;
  reminders: number;
  /** Subjects reminded to ask more peers before the nomination deadline (PeerRemindersService). */
  peerReminders: number;
  /** Closed or released cycles whose report snapshots were incomplete, queued again. */
  snapshotsQueued: number;
}

/**
 * The cycle's mail, as jobs: invitations (one per rater listing all their new requests),
 * reminders on the cycle's schedule and on HR's demand, and the hourly sweep that drives the
 * schedule. Every mail carries a dedupe key, so a job that runs twice never mails twice.
 */
/** What a sweep rethrows after finishing the other cycles: the first failure, as an Error. */
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error('cycle sweep failed', { cause: error }));

@Injectable()
export class CycleNotificationsService implements OnModuleInit {
  private readonly logger = new Logger(CycleNotificationsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cycles: CyclesRepository,
    private readonly mailRows: CycleMailRepository,
    private readonly cyclesService: CyclesService,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly organizations: OrganizationSettingsService,
    private readonly peerReminders: PeerRemindersService,
  ) {}

  onModuleInit(): void {
    this.jobs.work<CycleJobData>(JOB_NAMES.cycleInvitations, (data) => this.sendInvitations(data.organizationId, data.cycleId).then(() => undefined));
    this.jobs.work<CycleRemindersJobData>(JOB_NAMES.cycleReminders, (data) =>
      this.sendReminders(data.organizationId, data.cycleId, data.slot, null).then(() => undefined),
    );
    this.jobs.work(JOB_NAMES.cycleSweep, () => this.sweep().then(() => undefined));
    this.jobs.schedule(JOB_NAMES.cycleSweep, CYCLE_SWEEP_CRON);
  }

  /**
   * Invites every rater with open requests not yet announced: one mail per rater listing those
   * subjects. A rater added later gets a mail for the new requests only. The dedupe key names
   * the exact set of requests, so a retry after a crash between sending and marking re-sends
   * nothing. Returns the number of mails sent.
   */
  async sendInvitations(organizationId: string, cycleId: string): Promise<number> {
    const cycle = await this.cycles.find(organizationId, cycleId);
    if (!cycle || !ANSWERING_STATES.includes(cycle.state)) return 0;
    const rows = await this.mailRows.unannouncedAsks(organizationId, cycleId);
    const hiddenFrom = await this.mailRows.subjectsByRater(organizationId, cycleId);
    const timeZone = await this.organizations.timeZone(organizationId);
    let sent = 0;
    const groups = groupByRater(rows);
    // Per MARK_BATCH raters: their mails in one statement (into the outbox), then their requests
    // stamped. A crash before a stamp only makes the retry skip (same keys) what was sent.
    for (let start = 0; start < groups.length; start += MARK_BATCH) {
      const batch = groups.slice(start, start + MARK_BATCH);
      const mails = batch.map((asks) => {
        const ids = asks.map((a) => a.requestId).sort();
        const key = `invite:${cycleId}:${asks[0].raterId}:${createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 16)}`;
        return this.compose(asks, key, invitationMail, cycle, hiddenFrom, timeZone);
      });
      sent += await this.mail.sendMany(organizationId, mails);
      await this.mailRows.markInvited(
        organizationId,
        batch.flatMap((asks) => asks.map((a) => a.requestId)),
      );
    }
    return sent;
  }

  /**
   * Reminds every rater with open, already announced requests, one mail per rater, keyed
   * `reminder:<cycle>:<rater>:<slot>`. `createdBefore` leaves out requests made after the slot
   * opened (their invitation is recent enough). Returns the number of mails sent.
   */
  async sendReminders(organizationId: string, cycleId: string, slot: string, createdBefore: Date | null): Promise<number> {
    const cycle = await this.cycles.find(organizationId, cycleId);
    if (!cycle || !ANSWERING_STATES.includes(cycle.state)) return 0;
    const rows = await this.mailRows.announcedAsks(organizationId, cycleId, createdBefore);
    const hiddenFrom = await this.mailRows.subjectsByRater(organizationId, cycleId);
    const timeZone = await this.organizations.timeZone(organizationId);
    let sent = 0;
    for (const asks of groupByRater(rows)) {
      const key = `reminder:${cycleId}:${asks[0].raterId}:${slot}`;
      if (await this.deliver(organizationId, asks, key, reminderMail, cycle, hiddenFrom, timeZone)) sent++;
    }
    return sent;
  }

  /**
   * The hourly pass: closes the cycles a person owns that are past their closing date (their
   * close job lost), then, over running cycles, ends nominations past their deadline, sends invitations
   * that were missed (e.g. a request opened by an approval), the reminder to subjects short of
   * peers before the nomination deadline, and the reminder slot that is due;
   * then queues the report snapshots of closed (or released) cycles that still miss some.
   */
  async sweep(now = new Date()): Promise<SweepResult> {
    const result: SweepResult = { ownedClosed: 0, nominationsEnded: 0, invitations: 0, reminders: 0, peerReminders: 0, snapshotsQueued: 0 };
    let failure: Error | undefined;
    // Across organisations on purpose: one scheduler serves them all; each cycle is then handled
    // in its own organisation's scope (row security on), like any request.
    for (const overdue of await this.mailRows.ownedCyclesPastDeadlineAcrossOrganisations(now)) {
      try {
        // Exactly the close job's work (idempotent with it: whichever comes second finds it closed).
        if (await runInOrganization(overdue.organizationId, () => this.cyclesService.closeOwnedDue(overdue.organizationId, overdue.id))) result.ownedClosed++;
      } catch (error) {
        this.logger.error({ err: error, cycleId: overdue.id }, 'cycle sweep could not close an owned cycle past its closing date');
        failure ??= asError(error);
      }
    }
    const running = await this.mailRows.cyclesInStatesAcrossOrganisations(ANSWERING_STATES);
    for (const row of running) {
      try {
        await runInOrganization(row.organizationId, async () => {
          if (row.state === 'nominating' && row.nominationDeadline && row.nominationDeadline.getTime() <= now.getTime()) {
            if (await this.cyclesService.endNominations(row.organizationId, row.id)) result.nominationsEnded++;
          }
          result.invitations += await this.sendInvitations(row.organizationId, row.id);
          result.peerReminders += await this.peerReminders.sendDue(row.organizationId, row.id, now);
          const cycle = await this.cycles.find(row.organizationId, row.id);
          const timeZone = await this.organizations.timeZone(row.organizationId);
          const due = cycle && dueReminderSlot(cycle.settings.responseDeadline, cycle.settings.reminderDaysBeforeDeadline, now, timeZone);
          if (due) result.reminders += await this.sendReminders(row.organizationId, row.id, due.slot, due.at);
        });
      } catch (error) {
        // One cycle's failure (e.g. SMTP down) must not starve the others; the job then fails and
        // is retried, and the dedupe keys make the retry send only what is still missing.
        this.logger.error({ err: error, cycleId: row.id }, 'cycle sweep failed for a cycle');
        failure ??= asError(error);
      }
    }
    try {
      result.snapshotsQueued = await this.queueMissingSnapshots(now);
    } catch (error) {
      this.logger.error({ err: error }, 'cycle sweep could not queue missing report snapshots');
      failure ??= asError(error);
    }
    if (failure) throw failure;
    return result;
  }

  /**
   * Closing queues the snapshot job with the close itself, but a job can still be lost (it failed
   * past its retries), and release waits for every subject's report. One set-based query finds the
   * closed and released cycles (closed over SNAPSHOT_GRACE_MINUTES ago, so the close's own job has
   * had its chance) with a subject but no snapshot, and each gets the job again (it only writes
   * what is missing once released). Returns the number of jobs queued.
   */
  async queueMissingSnapshots(now = new Date()): Promise<number> {
    // Across organisations, as the sweep above; the anti-join is organisation-scoped row by row.
    const incomplete = await this.mailRows.cyclesMissingSnapshotsAcrossOrganisations(CLOSED_STATES, now, SNAPSHOT_GRACE_MINUTES);
    for (const cycle of incomplete) {
      this.logger.warn(`Cycle ${cycle.id} misses report snapshots: queuing the snapshot job again`);
      await this.jobs.send(JOB_NAMES.reportsSnapshot, { organizationId: cycle.organizationId, cycleId: cycle.id });
    }
    return incomplete.length;
  }

  private async deliver(
    organizationId: string,
    asks: MailAskRow[],
    dedupeKey: string,
    compose: (input: CycleMailInput) => ComposedMail,
    cycle: { name: string; origin: CycleOrigin; settings: AudienceSettings & { responseDeadline: Date | null } },
    subjectsByRater: Map<string, string[]>,
    timeZone: string,
  ): Promise<boolean> {
    return this.mail.send({ organizationId, ...this.compose(asks, dedupeKey, compose, cycle, subjectsByRater, timeZone) });
  }

  /** One rater's mail about `asks` (all theirs), addressed, keyed and hidden from the subjects it concerns. */
  private compose(
    asks: MailAskRow[],
    dedupeKey: string,
    compose: (input: CycleMailInput) => ComposedMail,
    cycle: { name: string; origin: CycleOrigin; settings: AudienceSettings & { responseDeadline: Date | null } },
    subjectsByRater: Map<string, string[]>,
    timeZone: string,
  ): Omit<OutgoingMail, 'organizationId'> {
    const rater = asks[0];
    const mail = compose({
      timeZone,
      raterName: rater.raterName,
      cycleName: cycle.name,
      asks: asks.map((a): MailAsk => ({
        subjectName: a.subjectName,
        relationship: a.relationship,
        // HR reads no report of a cycle a person owns: an HR rater there counts like anyone.
        audience: answerAudience(a.relationship, cycle.settings, { isAdmin: a.raterRole === 'admin' && cycle.origin === 'hr' }),
      })),
      responseDeadline: cycle.settings.responseDeadline,
      link: `${this.config.publicUrl.replace(/\/+$/, '')}/feedback`,
      language: rater.language,
    });
    // The asks themselves are in the map (they are this rater's requests); listed too for safety.
    const hiddenFrom = cycleMailHiddenFrom(rater.raterId, [...(subjectsByRater.get(rater.raterId) ?? []), ...asks.map((a) => a.subjectId)]);
    return { to: rater.email, dedupeKey, hiddenFrom, ...mail };
  }
}

function groupByRater(rows: MailAskRow[]): MailAskRow[][] {
  const groups = new Map<string, MailAskRow[]>();
  for (const row of rows) {
    const group = groups.get(row.raterId);
    if (group) group.push(row);
    else groups.set(row.raterId, [row]);
  }
  return [...groups.values()];
}
