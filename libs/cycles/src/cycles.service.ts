import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { Actor, isAdmin } from '@lib/common';
import { FrameworksService } from '@lib/frameworks';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { OrganizationSettingsService } from '@lib/organizations';
import { CycleLaunchRepository } from './cycle-launch.repository';
import { CreateCycleDto, CycleDto, CycleListDto, CycleRole, CycleSettingsDto, UpdateCycleDto } from './cycle.dto';
import { CycleRecord, CyclesRepository } from './cycles.repository';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import { ExternalRaterErasureRepository } from './external-rater-erasure.repository';
import { SubjectRemovalService } from './subject-removal.service';
import {
  allowedActions,
  assertValidCycleSettings,
  changedLockedSettings,
  CycleAction,
  CycleSettings,
  CycleState,
  editableSettings,
  transition,
} from './domain';

const ANALYZE_AFTER_REQUESTS = 5_000;

/** Who changes a cycle: HR, an owner, or the scheduler (nomination deadline, an owned cycle's closing date), recorded with no actor. */
type ChangeActor = Pick<Actor, 'organizationId'> & { personId: string | null };

@Injectable()
export class CyclesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cycles: CyclesRepository,
    private readonly launcher: CycleLaunchRepository,
    private readonly frameworks: FrameworksService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly organizations: OrganizationSettingsService,
    private readonly removal: SubjectRemovalService,
    private readonly externalRaters: ExternalRaterErasureRepository,
  ) {}

  /** For other libraries: the cycle with parsed settings, or null (tenant-scoped). */
  findCycle(organizationId: string, cycleId: string, tx?: EntityManager): Promise<CycleRecord | null> {
    return this.cycles.find(organizationId, cycleId, tx);
  }

  list(actor: Actor): Promise<CycleListDto> {
    return this.cycles.list(actor.organizationId, actor.personId, isAdmin(actor)).then((items) => ({ items }));
  }

  /**
   * HR: any cycle of HR's own. Anyone (HR in a cycle a person owns too): a launched cycle they are a
   * subject or rater of; otherwise 404.
   */
  async get(actor: Actor, id: string, tx?: EntityManager): Promise<CycleDto> {
    const cycle = await this.cycles.find(actor.organizationId, id, tx);
    if (!cycle) throw CyclesException.cycleNotFound();
    if (isAdmin(actor) && cycle.origin === 'hr') {
      const roles = await this.cycles.participation(actor.organizationId, id, actor.personId);
      return toDto(cycle, ['admin', ...roles], true);
    }
    const roles = cycle.state === 'draft' ? [] : await this.cycles.participation(actor.organizationId, id, actor.personId);
    if (!roles.length) throw CyclesException.cycleNotFound();
    return toDto(cycle, roles, false);
  }

  /** A new cycle starts from the organisation's defaults (k, framework); its dates are on the organisation's clock. */
  async create(actor: Actor, dto: CreateCycleDto): Promise<CycleDto> {
    return this.db.transaction(async (tx) => {
      const defaults = await this.organizations.defaults(actor.organizationId, tx);
      const settings = assertValidCycleSettings({ anonymityThreshold: defaults.anonymityThreshold, ...dto.settings }, { timeZone: defaults.timeZone });
      const frameworkId = dto.frameworkId ?? defaults.frameworkId;
      const frameworkVersionId = await this.latestVersion(actor.organizationId, frameworkId, tx);
      const id = await this.cycles.insert(actor.organizationId, { name: dto.name, frameworkVersionId, settings, createdBy: actor.personId }, tx);
      await this.audit.record(actor, { action: 'cycle.created', targetType: 'cycle', targetId: id, details: { name: dto.name } }, tx);
      return this.get(actor, id, tx);
    });
  }

  /**
   * Changes the name, the framework (draft only) and settings. Settings are merged with the
   * current ones and validated as a whole; a change to a setting locked in this state is a 409
   * naming the fields, and nothing is written.
   */
  async update(actor: Actor, id: string, dto: UpdateCycleDto): Promise<CycleDto> {
    return this.db.transaction(async (tx) => {
      const cycle = await this.cycles.find(actor.organizationId, id, tx, true);
      if (!cycle || cycle.origin !== 'hr') throw CyclesException.cycleNotFound();
      const timeZone = await this.organizations.timeZone(actor.organizationId, tx);
      const next: CycleSettings = dto.settings ? assertValidCycleSettings(mergeSettings(cycle.settings, dto.settings), { timeZone }) : cycle.settings;
      const locked: string[] = changedLockedSettings(cycle.state, cycle.settings, next);
      if (dto.frameworkId && dto.frameworkId !== cycle.frameworkId && cycle.state !== 'draft') locked.push('frameworkId');
      if (locked.length) {
        throw new CyclesException(CyclesErrorCode.SettingLocked, `These settings can no longer change (the cycle is ${cycle.state}): ${locked.join(', ')}`, {
          fields: locked,
          errors: locked.map((field) => ({ field, message: `${field} is locked once the cycle is ${cycle.state}` })),
        });
      }
      const frameworkVersionId =
        dto.frameworkId && dto.frameworkId !== cycle.frameworkId
          ? await this.latestVersion(actor.organizationId, dto.frameworkId, tx)
          : cycle.frameworkVersionId;
      await this.cycles.update(actor.organizationId, id, { name: dto.name ?? cycle.name, frameworkVersionId, settings: next }, tx);
      await this.audit.record(
        actor,
        {
          action: 'cycle.updated',
          targetType: 'cycle',
          targetId: id,
          details: { name: dto.name, frameworkId: dto.frameworkId, settings: Object.keys(dto.settings ?? {}) },
        },
        tx,
      );
      return this.get(actor, id, tx);
    });
  }

  /**
   * Launch, in one transaction: freeze the framework version and the org chart, create the
   * org-chart requests with set-based SQL, change state. The invitations go out afterwards as a
   * job (one mail per rater, listing every subject they were asked about).
   */
  async launch(actor: Actor, id: string): Promise<CycleDto> {
    const org = actor.organizationId;
    const created = await this.db.transaction(async (tx) => {
      const cycle = await this.cycles.find(org, id, tx, true);
      if (!cycle || cycle.origin !== 'hr') throw CyclesException.cycleNotFound();
      const target = transition(cycle.state, 'launch', cycle.settings);
      await this.launcher.dropInactiveSubjects(org, id, tx);
      await this.assertLaunchable(org, id, cycle, tx);
      // Held FOR SHARE until commit: a framework edit waits, then sees the version in use.
      const versionId = await this.frameworks.latestVersionIdForLaunch(org, cycle.frameworkId, tx);
      await this.cycles.setFrameworkVersion(org, id, versionId, tx);
      await this.launcher.freezeSubjects(org, id, null, tx);
      const requests = await this.launcher.createOrgChartRequests(org, id, cycle.settings.selfReview, null, tx);
      await this.cycles.setState(org, id, target, tx);
      await this.audit.record(actor, { action: 'cycle.launched', targetType: 'cycle', targetId: id, details: { state: target, requests } }, tx);
      return requests;
    });
    // A large launch changes these tables' size at once; fresh statistics keep the next queries'
    // plans sane before autovacuum notices (PostgreSQL's advice after bulk loads).
    if (created >= ANALYZE_AFTER_REQUESTS) await this.launcher.analyze();
    await this.jobs.send(JOB_NAMES.cycleInvitations, { organizationId: org, cycleId: id });
    return this.get(actor, id);
  }

  startCollecting(actor: Actor, id: string): Promise<CycleDto> {
    return this.change(actor, id, 'start-collecting').then(() => this.get(actor, id));
  }

  /**
   * Closing freezes answers; the report snapshots are computed by the reports.snapshot job, queued
   * in the same transaction, so a cycle is never closed without it. Should the job still be lost
   * (it failed past its retries), the hourly sweep queues it again (see CycleNotificationsService).
   * The drafts kept for raters on requests withdrawn with their subject go now (SubjectRemovalService).
   */
  async close(actor: Actor, id: string): Promise<CycleDto> {
    await this.change(actor, id, 'close', undefined, (tx) => this.closing(actor, id, tx));
    return this.get(actor, id);
  }

  /**
   * The owner of a cycle they started (a self-started 360, a pulse) closes it, as HR closes its own:
   * the same work in the same transaction. Its report is released to the owner once computed (the
   * reports.snapshot job). Anyone but the owner, HR included, gets a 404.
   */
  async closeOwned(actor: Actor, id: string): Promise<void> {
    await this.change(actor, id, 'close', undefined, (tx) => this.closing(actor, id, tx), actor.personId);
  }

  /**
   * The job at an owned cycle's closing date: a cycle a person owns that is still collecting closes
   * exactly as when its owner closes it (recorded with no actor). Idempotent: a cycle already closed,
   * HR's, or not of this organisation is left alone (false).
   */
  async closeOwnedDue(organizationId: string, id: string): Promise<boolean> {
    const cycle = await this.cycles.find(organizationId, id);
    if (!cycle || cycle.origin === 'hr' || !cycle.ownerId || cycle.state !== 'collecting') return false;
    const scheduler: ChangeActor = { organizationId, personId: null };
    try {
      // Checked again under the row lock: an owner closing it meanwhile leaves nothing to do.
      await this.change(scheduler, id, 'close', 'collecting', (tx) => this.closing(scheduler, id, tx), cycle.ownerId);
      return true;
    } catch (error) {
      if (error instanceof CyclesException && error.code === CyclesErrorCode.CycleNotFound) return false;
      throw error;
    }
  }

  private async closing(actor: ChangeActor, id: string, tx: EntityManager): Promise<void> {
    await this.removal.deleteWithdrawnDrafts(actor.organizationId, id, tx);
    await this.eraseExternalEmails(actor, id, tx);
    await this.jobs.send(JOB_NAMES.reportsSnapshot, { organizationId: actor.organizationId, cycleId: id }, { tx });
  }

  /** Releasing publishes the reports as they were computed, so every subject must have one first. */
  async release(actor: Actor, id: string): Promise<CycleDto> {
    await this.change(actor, id, 'release', undefined, async (tx) => {
      const missing = await this.cycles.subjectsWithoutSnapshot(actor.organizationId, id, tx);
      if (missing > 0) {
        throw new CyclesException(CyclesErrorCode.ReportsPending, 'Reports are still being computed — try again in a minute', {
          subjectsWithoutReport: missing,
        });
      }
      // Erased at close already; kept here so that release can never publish with an address left.
      await this.eraseExternalEmails(actor, id, tx);
    });
    return this.get(actor, id);
  }

  /** The scheduler ends nominations whose deadline has passed; a cycle moved meanwhile is left alone. */
  async endNominations(organizationId: string, id: string): Promise<boolean> {
    try {
      await this.change({ organizationId, personId: null }, id, 'start-collecting', 'nominating');
      return true;
    } catch (error) {
      if (error instanceof CyclesException || (error as { code?: string }).code === 'invalid_transition') return false;
      throw error;
    }
  }

  /**
   * One state change in one transaction, under the cycle's row lock. `alongside` runs in that
   * transaction once the transition is known to be allowed: a further check (which may refuse) or
   * work that must commit with the change. Without `owner`, only HR's cycles change (a cycle a
   * person owns is not HR's to run); with it, only a cycle that person owns.
   */
  private async change(
    actor: ChangeActor,
    id: string,
    action: Exclude<CycleAction, 'launch'>,
    expected?: CycleState,
    alongside?: (tx: EntityManager) => Promise<void>,
    owner?: string,
  ): Promise<CycleState> {
    return this.db.transaction(async (tx) => {
      const cycle = await this.cycles.find(actor.organizationId, id, tx, true);
      if (!cycle || (expected && cycle.state !== expected)) throw CyclesException.cycleNotFound();
      if (owner === undefined ? cycle.origin !== 'hr' : cycle.origin === 'hr' || cycle.ownerId !== owner) throw CyclesException.cycleNotFound();
      const target = transition(cycle.state, action, cycle.settings);
      await alongside?.(tx);
      await this.cycles.setState(actor.organizationId, id, target, tx);
      await this.audit.record(actor, { action: `cycle.${target}`, targetType: 'cycle', targetId: id, details: { from: cycle.state, action } }, tx);
      return target;
    });
  }

  /** External raters' addresses go when the cycle no longer needs them, with an audit entry saying so (never the addresses). */
  private async eraseExternalEmails(actor: ChangeActor, id: string, tx: EntityManager): Promise<void> {
    const erased = await this.externalRaters.eraseForCycle(actor.organizationId, id, tx);
    if (erased > 0) {
      await this.audit.record(actor, { action: 'cycle.external_emails_erased', targetType: 'cycle', targetId: id, details: { count: erased } }, tx);
    }
  }

  private async latestVersion(organizationId: string, frameworkId: string, tx: EntityManager): Promise<string> {
    try {
      return await this.frameworks.latestVersionId(organizationId, frameworkId, tx);
    } catch {
      throw new CyclesException(CyclesErrorCode.FrameworkNotFound, 'Unknown framework', { errors: [{ field: 'frameworkId', message: 'unknown framework' }] });
    }
  }

  private async assertLaunchable(organizationId: string, id: string, cycle: CycleRecord, tx: EntityManager): Promise<void> {
    const errors: { field: string; message: string }[] = [];
    if ((await this.cycles.countSubjects(organizationId, id, tx)) === 0)
      errors.push({ field: 'subjects', message: 'Add at least one subject before launching' });
    const deadline = cycle.settings.responseDeadline;
    if (!deadline) errors.push({ field: 'responseDeadline', message: 'Set a response deadline before launching' });
    else if (deadline.getTime() <= Date.now()) errors.push({ field: 'responseDeadline', message: 'The response deadline has passed' });
    if (errors.length) {
      throw new CyclesException(CyclesErrorCode.LaunchIncomplete, `The cycle cannot be launched yet: ${errors.map((e) => e.message).join('; ')}`, { errors });
    }
  }
}

/** A PATCH of settings: top-level fields replace, reportVisibility merges one level down. */
function mergeSettings(current: CycleSettings, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current, ...patch };
  const visibility = patch.reportVisibility;
  if (visibility && typeof visibility === 'object' && !Array.isArray(visibility)) {
    merged.reportVisibility = { ...current.reportVisibility, ...visibility };
  }
  return merged;
}

export function settingsDto(settings: CycleSettings): CycleSettingsDto {
  return {
    ...settings,
    reportVisibility: { ...settings.reportVisibility },
    reminderDaysBeforeDeadline: [...settings.reminderDaysBeforeDeadline],
    nominationDeadline: settings.nominationDeadline?.toISOString() ?? null,
    responseDeadline: settings.responseDeadline?.toISOString() ?? null,
  };
}

function toDto(cycle: CycleRecord, roles: CycleRole[], admin: boolean): CycleDto {
  const settings = settingsDto(cycle.settings);
  return {
    id: cycle.id,
    name: cycle.name,
    state: cycle.state,
    frameworkId: cycle.frameworkId,
    frameworkName: cycle.frameworkName,
    frameworkVersionId: cycle.frameworkVersionId,
    frameworkVersion: cycle.frameworkVersion,
    settings,
    nominationDeadline: settings.nominationDeadline,
    responseDeadline: settings.responseDeadline,
    subjectCount: cycle.subjectCount,
    createdAt: cycle.createdAt,
    launchedAt: cycle.launchedAt,
    closedAt: cycle.closedAt,
    releasedAt: cycle.releasedAt,
    allowedActions: admin ? allowedActions(cycle.state, cycle.settings) : [],
    editableSettings: admin ? editableSettings(cycle.state) : [],
    myRoles: roles,
  };
}
