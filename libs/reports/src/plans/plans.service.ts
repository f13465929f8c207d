import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import { type Actor, type FieldError, type Language, translator } from '@lib/common';
import { parseStoredCycleSettings } from '@lib/cycles';
import { PeopleRepository } from '@lib/identity';
import { partiesOfLoaded, reportAccess } from '../access/report-access';
import {
  conversationGuide,
  effectiveMinCellSize,
  followershipTable,
  HeatmapCell,
  heatmapFilterResult,
  HeatmapView,
  planCountsFrom,
  planCountTable,
  planSuggestions,
  reportStrengths,
  type SuggestionSource,
} from '../domain';
import type { HeatmapCellDto } from '../heatmap/heatmap.dto';
import { reportIn } from '../report/report-language';
import { ReportReadRepository, type LoadedReport } from '../report/report-read.repository';
import { upgradeStored, type StoredReport } from '../report/report-shape';
import { ReportsException } from '../reports.exception';
import { ReportSourceRepository } from '../snapshot/report-source.repository';
import { CountTableDto, PlanDto, PlanOrganisationDto, PlanPageDto, SavePlanDto, SharedPlanDto, SharedPlanListDto } from './plan.dto';
import { PulseService } from '../pulse/pulse.service';
import { PlanRow, PlansRepository, StoredPlanItem } from './plans.repository';

type OwnReport = { loaded: LoadedReport; report: StoredReport };

/**
 * Development plans (README, "Development plans"). The plan is the subject's: only they read
 * and change it, from their own released report; their manager today reads it while it is shared
 * with them; HR sees only counts, per department, suppressed like the heatmap and frozen after a
 * window (domain/development-plan.ts). Every change is one transaction, audited.
 */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plans: PlansRepository,
    private readonly reports: ReportReadRepository,
    private readonly source: ReportSourceRepository,
    private readonly audit: AuditService,
    private readonly pulses: PulseService,
    private readonly people: PeopleRepository,
  ) {}

  async page(actor: Actor, cycleId: string): Promise<PlanPageDto> {
    const own = await this.ownReport(actor, cycleId);
    return this.pageOf(actor, own, await this.plans.find(actor.organizationId, cycleId, actor.personId));
  }

  async save(actor: Actor, cycleId: string, dto: SavePlanDto): Promise<PlanPageDto> {
    const own = await this.ownReport(actor, cycleId);
    const names = new Map(own.report.behaviours.map((b) => [b.key, b.name]));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    dto.items.forEach((item, i) => {
      if (!names.has(item.behaviourKey)) errors.push({ field: `items.${i}.behaviourKey`, message: 'is not a behaviour of this report' });
      else if (seen.has(item.behaviourKey)) errors.push({ field: `items.${i}.behaviourKey`, message: 'is chosen twice' });
      seen.add(item.behaviourKey);
    });
    if (errors.length) throw ReportsException.invalidPlan(errors);
    const items: StoredPlanItem[] = dto.items.map((i) => ({
      behaviourKey: i.behaviourKey,
      name: names.get(i.behaviourKey)!,
      action: i.action.trim(),
      evidence: i.evidence.trim(),
    }));
    const plan = await this.db.transaction(async (tx) => {
      await this.plans.save(actor.organizationId, cycleId, actor.personId, items, tx);
      await this.audit.record(actor, { action: 'plan.saved', targetType: 'plan', targetId: `${cycleId}:${actor.personId}`, details: { cycleId } }, tx);
      return this.plans.find(actor.organizationId, cycleId, actor.personId, tx);
    });
    return this.pageOf(actor, own, plan);
  }

  /** Shares the plan with the subject's manager today; `share: false` withdraws it. */
  async share(actor: Actor, cycleId: string, share: boolean): Promise<PlanPageDto> {
    const own = await this.ownReport(actor, cycleId);
    const plan = await this.db.transaction(async (tx) => {
      const manager = share ? await this.plans.currentManager(actor.organizationId, actor.personId, tx) : null;
      if (share && !manager) throw ReportsException.noManager();
      if (!(await this.plans.setShare(actor.organizationId, cycleId, actor.personId, manager?.id ?? null, tx))) throw ReportsException.planNotFound();
      await this.audit.record(
        actor,
        {
          action: share ? 'plan.shared' : 'plan.share_withdrawn',
          targetType: 'plan',
          targetId: `${cycleId}:${actor.personId}`,
          details: { cycleId, ...(manager ? { managerId: manager.id } : {}) },
        },
        tx,
      );
      return this.plans.find(actor.organizationId, cycleId, actor.personId, tx);
    });
    return this.pageOf(actor, own, plan);
  }

  /**
   * The behaviours a person chose to develop, per cycle, newest first: for a later view of their
   * progress (e.g. a follow-up pulse on those behaviours). Keys only; the caller decides who may see what.
   */
  planBehaviours(organizationId: string, subjectId: string): Promise<{ cycleId: string; behaviourKeys: string[] }[]> {
    return this.plans.behaviourKeys(organizationId, subjectId);
  }

  /** The plans shared with the actor as their reports' manager today, each with a conversation guide. */
  async shared(actor: Actor): Promise<SharedPlanListDto> {
    const rows = await this.plans.sharedWith(actor.organizationId, actor.personId);
    // The guide is written for the manager reading it: in their language, else their organisation's.
    const language = await this.people.language(actor.organizationId, actor.personId);
    const t = translator(language);
    const items: SharedPlanDto[] = [];
    for (const stored of rows) {
      const row = { ...stored, items: await this.itemsIn(actor, stored, language) };
      items.push({
        cycleId: row.cycleId,
        cycleName: row.cycleName,
        subject: { id: row.subjectId, name: row.subjectName },
        subjectTitle: row.subjectTitle,
        sharedAt: row.sharedAt!,
        items: row.items,
        guide: conversationGuide(row.items, await this.strengthsFor(actor, row, language), t),
        pulse: await this.pulses.forSharedPlan(actor, row),
      });
    }
    return { items };
  }

  /** HR: plan counts (after the window) and followership counts per department, suppressed like the heatmap. */
  async organisation(actor: Actor, cycleId: string): Promise<PlanOrganisationDto> {
    const org = actor.organizationId;
    const cycle = await this.source.cycle(org, cycleId);
    if (!cycle || cycle.state !== 'released' || !cycle.releasedAt) throw ReportsException.cycleNotFound();
    const { anonymityThreshold: threshold, heatmapMinCellSize } = parseStoredCycleSettings(cycle.settings);
    const minCellSize = effectiveMinCellSize(threshold, heatmapMinCellSize);
    const countedAt = planCountsFrom(cycle.releasedAt);
    const followers = await this.plans.followershipPeople(org, cycleId, actor.personId);
    const planPeople = countedAt.getTime() <= Date.now() ? await this.plans.countPeople(org, cycleId, actor.personId, countedAt) : null;
    const departments = [...new Set([...followers, ...(planPeople ?? [])].map((p) => p.department))].sort(byDepartment);
    const row = (d: string | null): number => departments.indexOf(d);
    const followership = followershipTable(
      followers.map((p) => ({
        department: row(p.department),
        hasReports: p.hasReports,
        count: p.named === null || p.anonymous === null ? null : { named: p.named, anonymous: p.anonymous },
        readerNamed: p.readerNamed,
      })),
      departments.length,
      threshold,
      minCellSize,
    );
    const plans =
      planPeople &&
      planCountTable(
        planPeople.map((p) => ({ ...p, department: row(p.department) })),
        departments.length,
        threshold,
        minCellSize,
      );
    await this.audit.record(actor, { action: 'plans.counts_viewed', targetType: 'report', targetId: `${cycleId}:plans`, details: { cycleId } });
    return {
      cycleId,
      cycleName: cycle.name,
      threshold,
      minCellSize,
      plansCountedAt: countedAt.toISOString(),
      plans: plans ? countTable(plans, departments) : null,
      followership: countTable(followership, departments),
    };
  }

  /** The actor's own released report: the only way into a plan. Anyone else's id, or not released: 404. */
  private async ownReport(actor: Actor, cycleId: string): Promise<OwnReport> {
    const loaded = await this.reports.load(actor.organizationId, cycleId, actor.personId, actor.personId);
    if (!loaded || loaded.context.cycleState !== 'released' || !loaded.snapshot) throw ReportsException.reportNotFound();
    const access = reportAccess(actor, partiesOfLoaded(loaded));
    if (!access.allowed) throw ReportsException.reportNotFound();
    return { loaded, report: JSON.parse(upgradeStored(loaded.snapshot.format, loaded.snapshot.reportJson)) as StoredReport };
  }

  private async pageOf(actor: Actor, own: OwnReport, stored: PlanRow | null): Promise<PlanPageDto> {
    const { context } = own.loaded;
    const language = await this.people.language(actor.organizationId, actor.personId);
    const report = await this.reportIn(actor, context.cycleId, own.report, language);
    const plan = stored && { ...stored, items: await this.itemsIn(actor, stored, language) };
    return {
      cycleId: context.cycleId,
      cycleName: context.cycleName,
      // The stored report is the view model serialised: its cells are the domain's cells.
      suggestions: planSuggestions(report as unknown as SuggestionSource),
      behaviours: report.behaviours.map((b) => ({ key: b.key, name: b.name, kind: b.kind })),
      plan: plan && planDto(plan),
      manager: await this.plans.currentManager(actor.organizationId, actor.personId),
    };
  }

  /**
   * The report's strengths join the guide only when the manager may read that report anyway
   * (the cycle lets them, and it did not count them as an anonymous rater): otherwise the guide
   * stands on the plan alone, so sharing a plan never opens a door the report keeps shut.
   */
  private async strengthsFor(actor: Actor, row: PlanRow, language: Language): Promise<string[] | null> {
    const loaded = await this.reports.load(actor.organizationId, row.cycleId, row.subjectId, actor.personId);
    if (!loaded?.snapshot || !reportAccess(actor, partiesOfLoaded(loaded)).allowed) return null;
    const stored = JSON.parse(upgradeStored(loaded.snapshot.format, loaded.snapshot.reportJson)) as StoredReport;
    const report = await this.reportIn(actor, row.cycleId, stored, language);
    return reportStrengths(report as unknown as Parameters<typeof reportStrengths>[0]);
  }

  /** The stored report with the framework's words in the reader's language, as the report page shows it. */
  private async reportIn(actor: Actor, cycleId: string, report: StoredReport, language: Language): Promise<StoredReport> {
    if (language === 'en') return report;
    return reportIn(report, await this.reports.frameworkWords(actor.organizationId, cycleId, language));
  }

  /**
   * A plan's items with each behaviour named in the reader's language (localisedSql). A plan stores
   * the name it was made with; the key is what counts, so the subject and their manager each read their own words.
   */
  private async itemsIn(actor: Actor, plan: PlanRow, language: Language): Promise<StoredPlanItem[]> {
    const names = new Map((await this.source.behaviourNames(actor.organizationId, plan.cycleId, language)).map((b) => [b.key, b.name]));
    return plan.items.map((i) => ({ ...i, name: names.get(i.behaviourKey) ?? i.name }));
  }
}

function planDto(plan: PlanRow): PlanDto {
  return { id: plan.id, items: plan.items, sharedWith: plan.sharedWith, sharedAt: plan.sharedAt, updatedAt: plan.updatedAt };
}

const byDepartment = (a: string | null, b: string | null): number => (a === null ? 1 : b === null ? -1 : a.localeCompare(b));

function cellDto(cell: HeatmapCell): HeatmapCellDto {
  return cell.shown ? { shown: true, mean: cell.mean, n: cell.n } : { shown: false, reason: cell.reason };
}

/** Every number through heatmapFilterResult: the same cells and margins as the heatmap's filters. */
function countTable(view: HeatmapView, departments: (string | null)[]): CountTableDto {
  return {
    departments: departments.map((department, i) => ({
      department,
      all: cellDto(heatmapFilterResult(view, i, 'all')),
      withReports: cellDto(heatmapFilterResult(view, i, 'with_reports')),
      withoutReports: cellDto(heatmapFilterResult(view, i, 'without_reports')),
    })),
    withReports: cellDto(heatmapFilterResult(view, 'all', 'with_reports')),
    withoutReports: cellDto(heatmapFilterResult(view, 'all', 'without_reports')),
    organisation: cellDto(heatmapFilterResult(view, 'all', 'all')),
  };
}
