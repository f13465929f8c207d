import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { Actor, FieldError, translator, type Translator } from '@lib/common';
import { FrameworksService } from '@lib/frameworks';
import { CycleJobData, JOB_NAMES, JobsService } from '@lib/jobs';
import { OrganizationSettingsService } from '@lib/organizations';
import { CyclesService } from '../cycles.service';
import { CyclesErrorCode, CyclesException } from '../cycles.exception';
import {
  assertValidCycleSettings,
  checkBehaviours,
  CycleOrigin,
  CycleSettings,
  CYCLE_SETTING_LIMITS,
  defaultCycleSettings,
  HEATMAP_MIN_CELL_SIZE_DEFAULT,
  SelfRequestFacts,
} from '../domain';
import { OwnedCycleFactRow, OwnedCycleRow, OwnedCyclesRepository } from './owned-cycles.repository';
import { ownedRelationship } from './owned-relationship';

/** The longest a cycle a person owns may run: long enough for a holiday, short enough to stay fresh. */
export const OWNED_CYCLE_MAX_DAYS = 90;

/** The raters a start asks, chosen from the facts read inside its transaction, or why not (400). */
export type OwnedRaterChoice = { ok: true; raterIds: string[] } | { ok: false; errors: FieldError[] };

/** What starting a cycle a person owns needs; see OwnedCyclesService.start. */
export interface OwnedCycleStart {
  origin: Exclude<CycleOrigin, 'hr'>;
  /** The cycle a pulse follows; null for a self-started 360. */
  parentCycleId: string | null;
  /**
   * Shown to the owner and the raters (the raters' inbox names the owner): written once, in the
   * organisation's language, as HR writes the names of its cycles.
   */
  name: (t: Translator) => string;
  /** The behaviours asked about: 1..selfRequestMaxBehaviours keys of the framework version used. */
  behaviourKeys: string[];
  /** The closing date, as the API received it (a wall time without offset is the organisation's clock). */
  responseDeadline: string;
  /** The framework version to ask from; default: the latest of the organisation's default framework. A pulse passes its parent's. */
  frameworkVersionId?: string;
  /**
   * The lowest k the cycle may have: a pulse passes its original cycle's, so that the pulse is
   * never read under a smaller k than the report it follows. The organisation's k when higher.
   */
  minimumThreshold?: number;
  /**
   * Picks the raters from the facts read under the per-organisation rater-cap lock: checkSelfRequest
   * for a self-started 360, pulseRaters for a pulse (both in domain/self-request-rules.ts).
   */
  chooseRaters: (facts: SelfRequestFacts) => OwnedRaterChoice;
}

export interface OwnedCycleStarted {
  cycleId: string;
  /** Requests created: the owner's self-assessment and one per rater. */
  requests: number;
}

/**
 * The machinery of cycles a PERSON owns (origin `self` or `pulse`), shared by the self-started 360
 * and the follow-up pulse. HR sees only that such a cycle happened (summary); the owner runs it,
 * and it closes by itself at its closing date if the owner has not closed it before.
 */
@Injectable()
export class OwnedCyclesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly owned: OwnedCyclesRepository,
    private readonly cycles: CyclesService,
    private readonly frameworks: FrameworksService,
    private readonly organizations: OrganizationSettingsService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.work<CycleJobData>(JOB_NAMES.ownedCycleClose, (data) => this.cycles.closeOwnedDue(data.organizationId, data.cycleId).then(() => undefined));
  }

  /**
   * Starts a cycle `actor` owns, in ONE transaction: the cycle (collecting at once, the owner its
   * only subject, the org chart frozen now, only the chosen behaviours asked), the owner's
   * self-assessment and one open request per chosen rater (relationship from the org chart), the
   * invitations queued on the existing notifications path, the job that closes it at its closing
   * date (`cycle.owned-close`), and an audit entry that says only that it happened. The rater cap is checked under a per-organisation lock, so concurrent starts
   * never take a rater past it. Refusals are 400s naming the fields; nothing is written.
   */
  async start(actor: Actor, start: OwnedCycleStart): Promise<OwnedCycleStarted> {
    const org = actor.organizationId;
    return this.db.transaction(async (tx) => {
      const limits = await this.organizations.selfRequestSettings(org, tx);
      const frameworkVersionId = start.frameworkVersionId ?? (await this.defaultVersion(org, tx));
      await this.owned.lockRaterCap(org, tx);
      const threshold = Math.max(limits.anonymityThreshold, start.minimumThreshold ?? 0);
      const facts: SelfRequestFacts = {
        settings: limits,
        threshold,
        behaviourKeys: await this.owned.behaviourKeys(org, frameworkVersionId, tx),
        activePeople: await this.owned.activePeople(org, tx),
        openRequests: await this.owned.openRequests(org, tx),
      };
      const errors: FieldError[] = [];
      const choice = start.chooseRaters(facts);
      if (!choice.ok) errors.push(...choice.errors);
      if (!errors.some((e) => e.field === 'behaviourKeys' || e.field === 'selfRequestsEnabled')) errors.push(...checkBehaviours(start.behaviourKeys, facts));
      const settings = this.settings(start.responseDeadline, threshold, limits.timeZone, errors);
      if (!choice.ok || errors.length || !settings) throw invalid(errors);
      if (!facts.activePeople.has(actor.personId)) throw invalid([{ field: 'ownerId', message: 'Only an active person can ask for feedback' }]);

      const places = await this.owned.chartPlaces(org, [actor.personId, ...choice.raterIds], tx);
      const subject = places.get(actor.personId)!;
      const raters = choice.raterIds.map((raterId) => ({ raterId, relationship: ownedRelationship(subject, places.get(raterId)!) }));
      const cycleId = await this.owned.insertCycle(
        org,
        {
          name: start.name(translator(limits.language)),
          origin: start.origin,
          ownerId: actor.personId,
          parentCycleId: start.parentCycleId,
          behaviourKeys: start.behaviourKeys,
          frameworkVersionId,
          settings,
        },
        tx,
      );
      const requests = await this.owned.insertRequests(org, cycleId, actor.personId, raters, tx);
      await this.audit.record(actor, { action: `cycle.${start.origin}_started`, targetType: 'cycle', targetId: cycleId }, tx);
      await this.jobs.send<CycleJobData>(JOB_NAMES.cycleInvitations, { organizationId: org, cycleId }, { tx });
      await this.jobs.send<CycleJobData>(JOB_NAMES.ownedCycleClose, { organizationId: org, cycleId }, { startAfter: settings.responseDeadline!, tx });
      return { cycleId, requests };
    });
  }

  /** The owner closes their cycle before its closing date (the job closes it then); anyone else gets a 404. The report is released to them once computed. */
  close(actor: Actor, cycleId: string): Promise<void> {
    return this.cycles.closeOwned(actor, cycleId);
  }

  /** The actor's own cycles of this origin (all owned ones when null), newest first. */
  listMine(actor: Actor, origin: Exclude<CycleOrigin, 'hr'> | null): Promise<OwnedCycleRow[]> {
    return this.owned.listOwned(actor.organizationId, actor.personId, origin);
  }

  /** HR: that owned cycles happened (who, when, which kind), never their content, raters, progress or report. */
  facts(actor: Actor): Promise<OwnedCycleFactRow[]> {
    return this.owned.facts(actor.organizationId);
  }

  /**
   * Settings of an owned cycle: the organisation's k, a self-assessment, no peer nominations or
   * approvals, no external raters, no manager reading (the report is the owner's alone), the
   * manager pooled with the other raters rather than shown apart (the owner chose them all).
   */
  private settings(responseDeadline: string, threshold: number, timeZone: string, errors: FieldError[]): CycleSettings | null {
    const defaults = defaultCycleSettings();
    let settings: CycleSettings;
    try {
      settings = assertValidCycleSettings(
        {
          anonymityThreshold: threshold,
          selfReview: true,
          minPeers: 0,
          maxPeers: 0,
          managerApprovesPeers: false,
          externalRatersAllowed: false,
          maxOpenRequestsPerRater: CYCLE_SETTING_LIMITS.maxOpenRequestsPerRater.maximum,
          reportVisibility: { subject: 'on_release', manager: 'never' },
          showManagerSeparately: false,
          heatmapMinCellSize: Math.max(HEATMAP_MIN_CELL_SIZE_DEFAULT, threshold),
          reminderDaysBeforeDeadline: defaults.reminderDaysBeforeDeadline,
          responseDeadline,
        },
        { timeZone },
      );
    } catch (error) {
      const fieldErrors = (error as { details?: { errors?: FieldError[] } }).details?.errors;
      errors.push(...(fieldErrors ?? [{ field: 'responseDeadline', message: 'responseDeadline must be a date (ISO 8601)' }]));
      return null;
    }
    const deadline = settings.responseDeadline;
    if (!deadline) errors.push({ field: 'responseDeadline', message: 'responseDeadline is required' });
    else if (deadline.getTime() <= Date.now()) errors.push({ field: 'responseDeadline', message: 'responseDeadline must be in the future' });
    else if (deadline.getTime() > Date.now() + OWNED_CYCLE_MAX_DAYS * 86_400_000)
      errors.push({ field: 'responseDeadline', message: `responseDeadline must be within ${OWNED_CYCLE_MAX_DAYS} days` });
    return errors.length ? null : settings;
  }

  private async defaultVersion(organizationId: string, tx: EntityManager): Promise<string> {
    const { frameworkId } = await this.organizations.defaults(organizationId, tx);
    return this.frameworks.latestVersionIdForLaunch(organizationId, frameworkId, tx);
  }
}

function invalid(errors: FieldError[]): CyclesException {
  const disabled = errors.find((e) => e.field === 'selfRequestsEnabled');
  if (disabled) return new CyclesException(CyclesErrorCode.SelfRequestsDisabled, disabled.message);
  return new CyclesException(CyclesErrorCode.InvalidOwnedCycle, `This request cannot start: ${errors.map((e) => e.message).join('; ')}`, { errors });
}
