import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { Actor, AppException, FieldError, isTimeZone, type Language } from '@lib/common';
import { FrameworksErrorCode, FrameworksException, FrameworksService } from '@lib/frameworks';
import { OrganizationsException } from '../organizations.exception';
import { OrganizationsRepository } from '../organizations.repository';
import type { OrganizationSettingsDto, UpdateOrganizationSettingsDto } from './organization.dto';
import { nextMinRaters, SelfRequestSettings } from './self-request-limits';

/** What a new cycle of the organisation starts with, and the clock its dates are read on. */
export interface OrganizationDefaults {
  anonymityThreshold: number;
  frameworkId: string;
  timeZone: string;
}

/** The organisation's own settings: HR reads and edits them; cycles and mail read their defaults. */
@Injectable()
export class OrganizationSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly frameworks: FrameworksService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<OrganizationSettingsDto> {
    const settings = await this.organizations.settings(actor.organizationId);
    if (!settings) throw AppException.notFound('Organisation');
    return settings;
  }

  async update(actor: Actor, dto: UpdateOrganizationSettingsDto): Promise<OrganizationSettingsDto> {
    const errors: FieldError[] = [];
    if (dto.timeZone !== undefined && !isTimeZone(dto.timeZone)) {
      errors.push({ field: 'timeZone', message: 'timeZone must be a time zone name such as Europe/Paris' });
    }
    if (errors.length) throw OrganizationsException.invalid(errors);
    return this.db.transaction(async (tx) => {
      const current = await this.organizations.settings(actor.organizationId, tx, true);
      if (!current) throw AppException.notFound('Organisation');
      if (dto.defaultFrameworkId !== undefined && !(await this.isOwnFramework(actor.organizationId, dto.defaultFrameworkId, tx))) {
        throw OrganizationsException.invalid([{ field: 'defaultFrameworkId', message: "defaultFrameworkId must be one of the organisation's frameworks" }]);
      }
      const anonymityThreshold = dto.anonymityThreshold ?? current.anonymityThreshold;
      const selfRequestMinRaters = nextMinRaters(current.selfRequestMinRaters, dto.selfRequestMinRaters, anonymityThreshold);
      if (selfRequestMinRaters === null) {
        throw OrganizationsException.invalid([
          { field: 'selfRequestMinRaters', message: `selfRequestMinRaters must be at least the anonymity threshold (${anonymityThreshold})` },
        ]);
      }
      const next = {
        name: dto.name ?? current.name,
        anonymityThreshold,
        defaultFrameworkId: dto.defaultFrameworkId ?? current.defaultFrameworkId,
        mailSenderName: dto.mailSenderName !== undefined ? dto.mailSenderName : current.mailSenderName,
        timeZone: dto.timeZone ?? current.timeZone,
        language: dto.language ?? current.language,
        selfRequestsEnabled: dto.selfRequestsEnabled ?? current.selfRequestsEnabled,
        selfRequestMinRaters,
        selfRequestMaxBehaviours: dto.selfRequestMaxBehaviours ?? current.selfRequestMaxBehaviours,
        raterOpenRequestCap: dto.raterOpenRequestCap ?? current.raterOpenRequestCap,
      };
      await this.organizations.updateSettings(actor.organizationId, next, tx);
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
      if (changed.length) {
        await this.audit.record(
          actor,
          { action: 'organization.updated', targetType: 'organization', targetId: actor.organizationId, details: { fields: changed } },
          tx,
        );
      }
      return { id: actor.organizationId, ...next };
    });
  }

  /**
   * For a new cycle: the organisation's k, its default framework (seeding the standard one for an
   * organisation that has none yet) and its time zone.
   */
  async defaults(organizationId: string, tx?: EntityManager): Promise<OrganizationDefaults> {
    const settings = await this.organizations.settings(organizationId, tx);
    if (!settings) throw AppException.notFound('Organisation');
    const frameworkId = settings.defaultFrameworkId ?? (await this.frameworks.ensureDefault(organizationId, tx));
    return { anonymityThreshold: settings.anonymityThreshold, frameworkId, timeZone: settings.timeZone };
  }

  /** The limits on feedback people ask for themselves, with the organisation's k (the fewest raters is never below it). */
  async selfRequestSettings(
    organizationId: string,
    tx?: EntityManager,
  ): Promise<SelfRequestSettings & { anonymityThreshold: number; timeZone: string; language: Language }> {
    const s = await this.organizations.settings(organizationId, tx);
    if (!s) throw AppException.notFound('Organisation');
    const { selfRequestsEnabled, selfRequestMinRaters, selfRequestMaxBehaviours, raterOpenRequestCap, anonymityThreshold, timeZone, language } = s;
    return { selfRequestsEnabled, selfRequestMinRaters, selfRequestMaxBehaviours, raterOpenRequestCap, anonymityThreshold, timeZone, language };
  }

  /** The clock the organisation's dates are on (deadlines, reminders, dates in mail). */
  async timeZone(organizationId: string, tx?: EntityManager): Promise<string> {
    return (await this.organizations.settings(organizationId, tx))?.timeZone ?? 'UTC';
  }

  private async isOwnFramework(organizationId: string, frameworkId: string, tx: EntityManager): Promise<boolean> {
    try {
      await this.frameworks.latestVersionId(organizationId, frameworkId, tx);
      return true;
    } catch (error) {
      if (error instanceof FrameworksException && error.code === FrameworksErrorCode.FrameworkNotFound) return false;
      throw error;
    }
  }
}
