import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@lib/common';
import { FrameworksService } from '@lib/frameworks';
import { PeopleRepository } from '@lib/identity';
import { OrganizationSettingsService } from '@lib/organizations';
import { checkSelfRequest, fewestRaters } from '../domain';
import { OwnedCyclesRepository } from './owned-cycles.repository';
import { OWNED_CYCLE_MAX_DAYS, OwnedCyclesService } from './owned-cycles.service';
import { SelfRequestActivityDto, SelfRequestDto, SelfRequestListDto, SelfRequestOptionsDto, StartSelfRequestDto } from './self-request.dto';
import type { OwnedCycleRow } from './owned-cycles.repository';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/**
 * A small 360 anyone starts on themselves (origin `self`), on the owned-cycles machinery: the
 * person chooses behaviours and colleagues within the organisation's limits (domain/self-request-rules.ts),
 * closes it, and reads (and shares) the report alone. HR sees only that it happened (activity).
 */
@Injectable()
export class SelfRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly owned: OwnedCyclesService,
    private readonly rows: OwnedCyclesRepository,
    private readonly organizations: OrganizationSettingsService,
    private readonly frameworks: FrameworksService,
    private readonly people: PeopleRepository,
  ) {}

  async options(actor: Actor): Promise<SelfRequestOptionsDto> {
    const language = await this.people.language(actor.organizationId, actor.personId);
    return this.db.transaction(async (tx) => {
      const limits = await this.organizations.selfRequestSettings(actor.organizationId, tx);
      const { frameworkId } = await this.organizations.defaults(actor.organizationId, tx);
      const versionId = await this.frameworks.latestVersionId(actor.organizationId, frameworkId, tx);
      return {
        enabled: limits.selfRequestsEnabled,
        minRaters: fewestRaters({ settings: limits, threshold: limits.anonymityThreshold }),
        maxBehaviours: limits.selfRequestMaxBehaviours,
        raterOpenRequestCap: limits.raterOpenRequestCap,
        anonymityThreshold: limits.anonymityThreshold,
        maxDays: OWNED_CYCLE_MAX_DAYS,
        behaviours: await this.rows.behaviours(actor.organizationId, versionId, language, tx),
      };
    });
  }

  async start(actor: Actor, dto: StartSelfRequestDto): Promise<SelfRequestDto> {
    const name = await this.rows.personName(actor.organizationId, actor.personId);
    const { cycleId } = await this.owned.start(actor, {
      origin: 'self',
      parentCycleId: null,
      name: (words) => words.t('cycle.ownedName.self', { name: name ?? words.t('cycle.ownedName.someone') }),
      behaviourKeys: dto.behaviourKeys,
      responseDeadline: dto.responseDeadline,
      chooseRaters: (facts) => {
        const errors = checkSelfRequest({ subjectId: actor.personId, behaviourKeys: dto.behaviourKeys, raterIds: dto.raterIds }, facts);
        return errors.length ? { ok: false, errors } : { ok: true, raterIds: dto.raterIds };
      },
    });
    return this.one(actor, cycleId);
  }

  async list(actor: Actor): Promise<SelfRequestListDto> {
    return { items: (await this.owned.listMine(actor, 'self')).map(toDto) };
  }

  async close(actor: Actor, cycleId: string): Promise<SelfRequestDto> {
    await this.owned.close(actor, cycleId);
    return this.one(actor, cycleId);
  }

  /** HR: who started one and when, counted; nothing of what was asked, of whom, how far it got, or what it says. */
  async activity(actor: Actor): Promise<SelfRequestActivityDto> {
    const facts = (await this.owned.facts(actor)).filter((f) => f.origin === 'self');
    return {
      total: facts.length,
      running: facts.filter((f) => f.closedAt === null).length,
      people: new Set(facts.map((f) => f.ownerId)).size,
      items: facts.map((f) => ({
        personId: f.ownerId,
        name: f.ownerName,
        department: f.department,
        startedAt: new Date(f.startedAt).toISOString(),
        closedAt: iso(f.closedAt),
      })),
    };
  }

  private async one(actor: Actor, cycleId: string): Promise<SelfRequestDto> {
    const row = (await this.owned.listMine(actor, 'self')).find((r) => r.id === cycleId);
    // Just started or closed by this actor: it is theirs. Kept as a guard, never an expected path.
    if (!row) throw new Error(`Self-started request ${cycleId} is not listed for its owner`);
    return toDto(row);
  }
}

function toDto(r: OwnedCycleRow): SelfRequestDto {
  return {
    id: r.id,
    name: r.name,
    state: r.state,
    behaviourKeys: r.behaviourKeys,
    responseDeadline: iso(r.responseDeadline),
    startedAt: iso(r.launchedAt),
    closedAt: iso(r.closedAt),
    releasedAt: iso(r.releasedAt),
    asked: r.asked,
    declined: r.declined,
    selfSubmitted: r.selfState === 'submitted',
    reportReady: r.state === 'released' && r.hasReport,
  };
}
