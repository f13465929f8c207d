import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { CyclesException, isTooFewPulseRaters, type OwnedCycleStarted, OwnedCyclesService, parseStoredCycleSettings, pulseRaters } from '@lib/cycles';
import { PeopleRepository } from '@lib/identity';
import { JOB_NAMES, JobsService, type PulseJobData } from '@lib/jobs';
import { OrganizationsRepository } from '@lib/organizations';
import { partiesOfLoaded, reportAccess } from '../access/report-access';
import { comparePulse, PULSE_COLLECTING_DAYS, PULSE_WEEKS, pulseProgress, pulseStartsAt, type PulseChange, type PulseComparison } from '../domain';
import { PlansRepository, type PlanRow } from '../plans/plans.repository';
import { ReportReadRepository, type LoadedReport } from '../report/report-read.repository';
import { ReportsException } from '../reports.exception';
import { ReportSourceRepository } from '../snapshot/report-source.repository';
import { AskPulseDto, PulseChangeDto, PulseComparisonDto, PulseDto, PulsePageDto } from './pulse.dto';
import { PulseRepository, type PulseRow } from './pulse.repository';

/** The actor's own released report with its plan: the only way to a pulse. */
interface OwnPlan {
  loaded: LoadedReport;
  plan: PlanRow;
  releasedAt: Date;
  threshold: number;
}

/**
 * Follow-up pulses (README, "Development plans"): from a plan, the subject asks the original
 * cycle's raters who are still active (and people they add) about just the plan's behaviours,
 * some weeks after the report; then sees, per behaviour, then vs now as comparePulse allows.
 *
 * Who reads what: the subject; their manager today while the plan is shared with them, the same
 * then vs now, unless either report counted them as an anonymous rater (readers never count);
 * nobody else. HR sees only that a pulse cycle exists (origin 'pulse'), never its content.
 * The start is a job (`reports.pulse-start`, scoped to the organisation): it reads the raters
 * then, so a leaver between asking and starting is not asked. The pulse cycle closes by itself at
 * its closing date like every cycle a person owns (`cycle.owned-close`, libs/cycles).
 */
@Injectable()
export class PulseService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pulses: PulseRepository,
    private readonly plans: PlansRepository,
    private readonly reports: ReportReadRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly owned: OwnedCyclesService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly people: PeopleRepository,
    private readonly source: ReportSourceRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.work<PulseJobData>(JOB_NAMES.pulseStart, (data) => this.start(data.organizationId, data.pulseId).then(() => undefined));
  }

  async page(actor: Actor, cycleId: string): Promise<PulsePageDto> {
    const own = await this.ownPlan(actor, cycleId);
    return this.pageOf(actor, own, await this.pulses.find(actor.organizationId, cycleId, actor.personId));
  }

  /**
   * Asks for the pulse: checked now against the raters who could be asked now (the start checks
   * again), stored, and its start queued for `startsAt` in the same transaction.
   */
  async ask(actor: Actor, cycleId: string, dto: AskPulseDto): Promise<PulsePageDto> {
    const own = await this.ownPlan(actor, cycleId);
    const org = actor.organizationId;
    const weeks = dto.weeks ?? PULSE_WEEKS.default;
    const added = dto.addRaterIds ?? [];
    const startsAt = pulseStartsAt(own.releasedAt, weeks, new Date());
    await this.db.transaction(async (tx) => {
      if (!(await this.pulses.lockPlan(org, cycleId, actor.personId, tx))) throw ReportsException.planNotFound();
      if (await this.pulses.find(org, cycleId, actor.personId, tx)) throw ReportsException.pulseExists();
      await this.checkRaters(org, cycleId, actor.personId, own.threshold, added);
      const pulseId = await this.pulses.insert(
        org,
        { cycleId, subjectId: actor.personId, behaviourKeys: own.plan.items.map((i) => i.behaviourKey), addedRaterIds: added, weeks, startsAt },
        tx,
      );
      await this.jobs.send<PulseJobData>(JOB_NAMES.pulseStart, { organizationId: org, pulseId }, { startAfter: startsAt, tx });
      await this.audit.record(
        actor,
        { action: 'pulse.asked', targetType: 'plan', targetId: `${cycleId}:${actor.personId}`, details: { cycleId, weeks, startsAt: startsAt.toISOString() } },
        tx,
      );
    });
    return this.page(actor, cycleId);
  }

  /** The subject ends the answering of a collecting pulse; its report is computed and released to them. */
  async close(actor: Actor, cycleId: string): Promise<PulsePageDto> {
    const own = await this.ownPlan(actor, cycleId);
    const pulse = await this.pulses.find(actor.organizationId, cycleId, actor.personId);
    if (!pulse) throw ReportsException.pulseNotFound();
    if (pulse.pulseCycle?.state !== 'collecting') {
      throw ReportsException.pulseNotCollecting();
    }
    await this.owned.close(actor, pulse.pulseCycle.id);
    return this.pageOf(actor, own, await this.pulses.find(actor.organizationId, cycleId, actor.personId));
  }

  /**
   * The job: starts the pulse cycle through the machinery of cycles a person owns (one
   * transaction: the cycle on the plan's behaviours only, the requests, the invitations), or
   * records why it could not. The raters are read now: the original cycle's raters who are still
   * active and have room under the cap, plus the people the subject added. Idempotent: a pulse
   * already started or failed is left alone, and a cycle a crashed run left behind is adopted.
   * Runs in the organisation's scope (JobsService).
   */
  async start(organizationId: string, pulseId: string): Promise<'started' | 'not_started' | 'skipped'> {
    const pulse = await this.pulses.findById(organizationId, pulseId);
    if (!pulse || pulse.pulseCycle || pulse.failure) return 'skipped';
    const left = await this.pulses.startedCycle(organizationId, pulse.cycleId, pulse.subjectId);
    if (left) {
      await this.started(organizationId, pulseId, left);
      return 'started';
    }
    const subject = await this.pulses.person(organizationId, pulse.subjectId);
    const original = await this.pulses.originalCycle(organizationId, pulse.cycleId);
    if (!subject?.active || !original) {
      await this.db.transaction((tx) => this.pulses.setFailure(organizationId, pulseId, 'no_longer_member', tx));
      return 'not_started';
    }
    const threshold = parseStoredCycleSettings(original.settings).anonymityThreshold;
    const originalRaterIds = await this.pulses.originalRaterIds(organizationId, pulse.cycleId, pulse.subjectId);
    let started: OwnedCycleStarted;
    try {
      started = await this.owned.start(
        { organizationId, personId: subject.id, role: subject.role, sessionId: `job:${JOB_NAMES.pulseStart}` },
        {
          origin: 'pulse',
          parentCycleId: pulse.cycleId,
          name: (words) => words.t('cycle.ownedName.pulse', { name: original.name }),
          behaviourKeys: pulse.behaviourKeys,
          responseDeadline: closesAt().toISOString(),
          frameworkVersionId: original.frameworkVersionId,
          // The original report's k, and never below the organisation's: for the raters asked and the pulse's own report.
          minimumThreshold: threshold,
          chooseRaters: (facts) => pulseRaters(subject.id, originalRaterIds, pulse.addedRaterIds, facts),
        },
      );
    } catch (error) {
      // Refused by the rules (mostly too few raters who can still be asked): the plan keeps why, as a code its reader's app words.
      const errors = error instanceof CyclesException ? error.details?.errors : undefined;
      if (!errors) throw error;
      const failure = errors.some(isTooFewPulseRaters) ? 'too_few_raters' : 'cannot_start';
      await this.db.transaction((tx) => this.pulses.setFailure(organizationId, pulseId, failure, tx));
      return 'not_started';
    }
    await this.started(organizationId, pulseId, started.cycleId);
    return 'started';
  }

  /**
   * Marks the pulse started. The pulse cycle closes by itself at its closing date: OwnedCyclesService
   * queued that job (`cycle.owned-close`) when it started the cycle, as for every cycle a person owns.
   */
  private async started(organizationId: string, pulseId: string, pulseCycleId: string): Promise<void> {
    await this.db.transaction((tx) => this.pulses.setStarted(organizationId, pulseId, pulseCycleId, tx));
  }

  /**
   * The pulse of a plan shared with `actor` as the subject's manager today (the caller has checked
   * the share): its progress, and then vs now unless either report counted the manager as an
   * anonymous rater.
   */
  async forSharedPlan(actor: Actor, plan: PlanRow): Promise<PulseDto | null> {
    const pulse = await this.pulses.find(actor.organizationId, plan.cycleId, plan.subjectId);
    return pulse && this.pulseDto(actor, plan, pulse);
  }

  /** The pulse as it could be asked now: at least k raters who can be asked, the added ones within the organisation's limits. */
  private async checkRaters(organizationId: string, cycleId: string, subjectId: string, threshold: number, added: readonly string[]): Promise<void> {
    const facts = await this.pulses.startFacts(organizationId, cycleId, subjectId, added);
    const settings = await this.organizations.settings(organizationId);
    if (!settings) throw ReportsException.reportNotFound();
    const result = pulseRaters(subjectId, facts.originalRaterIds, added, {
      settings,
      threshold: Math.max(settings.anonymityThreshold, threshold),
      behaviourKeys: new Set<string>(),
      activePeople: facts.activePeople,
      openRequests: facts.openRequests,
    });
    if (!result.ok) throw ReportsException.invalidPulse(result.errors);
  }

  private async ownPlan(actor: Actor, cycleId: string): Promise<OwnPlan> {
    const loaded = await this.reports.load(actor.organizationId, cycleId, actor.personId, actor.personId);
    if (!loaded || loaded.context.cycleState !== 'released' || !loaded.snapshot || !loaded.context.releasedAt) throw ReportsException.reportNotFound();
    if (!reportAccess(actor, partiesOfLoaded(loaded)).allowed) throw ReportsException.reportNotFound();
    const plan = await this.plans.find(actor.organizationId, cycleId, actor.personId);
    if (!plan) throw ReportsException.planNotFound();
    return {
      loaded,
      plan,
      releasedAt: new Date(loaded.context.releasedAt),
      threshold: parseStoredCycleSettings(loaded.context.settings).anonymityThreshold,
    };
  }

  private async pageOf(actor: Actor, own: OwnPlan, pulse: PulseRow | null): Promise<PulsePageDto> {
    return {
      cycleId: own.loaded.context.cycleId,
      releasedAt: own.releasedAt.toISOString(),
      defaultWeeks: PULSE_WEEKS.default,
      threshold: own.threshold,
      pulse: pulse && (await this.pulseDto(actor, own.plan, pulse)),
    };
  }

  private async pulseDto(actor: Actor, plan: PlanRow, pulse: PulseRow): Promise<PulseDto> {
    // Named in the reader's language; the comparison stays keyed by behaviour key.
    const language = await this.people.language(actor.organizationId, actor.personId);
    const names = new Map((await this.source.behaviourNames(actor.organizationId, plan.cycleId, language)).map((b) => [b.key, b.name]));
    const behaviours = pulse.behaviourKeys.map((key) => ({ key, name: names.get(key) ?? key }));
    const progress = pulseProgress({ cycle: pulse.pulseCycle, failure: pulse.failure });
    let comparison: PulseComparison | null = null;
    if (progress === 'ready' && pulse.pulseCycle) {
      const then = await this.pulses.summary(actor.organizationId, pulse.cycleId, pulse.subjectId);
      const now = await this.pulses.summary(actor.organizationId, pulse.pulseCycle.id, pulse.subjectId);
      // Readers never count: someone either report counted as an anonymous rater sees no numbers of it.
      const readerCounted = [then, now].some((s) => s?.anonymousRaters.includes(actor.personId));
      if (then && now && !readerCounted) comparison = comparePulse(then.summary, now.summary, behaviours);
    }
    return {
      progress,
      weeks: pulse.weeks,
      startsAt: pulse.startsAt,
      behaviours,
      addedRaters: pulse.addedRaterIds.length,
      failure: pulse.failure,
      comparison: comparison && comparisonDto(comparison),
    };
  }
}

/** When a pulse starting now stops collecting answers. */
const closesAt = (): Date => new Date(Date.now() + PULSE_COLLECTING_DAYS * 24 * 60 * 60 * 1000);

function changeDto(change: PulseChange): PulseChangeDto {
  return change.shown ? { shown: true, then: change.then, now: change.now, delta: change.delta } : { shown: false };
}

function comparisonDto(c: PulseComparison): PulseComparisonDto {
  return { behaviours: c.behaviours.map((b) => ({ key: b.key, name: b.name, change: changeDto(b.change) })), total: changeDto(c.total) };
}
