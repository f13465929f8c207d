import { Injectable } from '@nestjs/common';
import { AuditService } from '@lib/audit';
import { translator, type Actor } from '@lib/common';
import { CLOSED_STATES, parseStoredCycleSettings, type CycleState } from '@lib/cycles';
import { PeopleRepository } from '@lib/identity';
import { managersSeeReports } from '../access/report-access';
import {
  effectiveMinCellSize,
  HeatmapCell,
  HeatmapCellInput,
  heatmapChange,
  heatmapFilterResult,
  HeatmapLevel,
  HeatmapView,
  profileQuadrant,
  suppressHeatmap,
  teamCellDecision,
  TeamSplitCell,
} from '../domain';
import { heatmapCsv } from '../export/heatmap-csv';
import { ReportsException } from '../reports.exception';
import { ReportSourceRepository } from '../snapshot/report-source.repository';
import {
  HeatmapCellDto,
  HeatmapCsvQueryDto,
  HeatmapDto,
  HeatmapMeasureDto,
  HeatmapPreviousCycleDto,
  TeamCycleListDto,
  TeamQuadrantCountsDto,
  TeamViewDto,
} from './heatmap.dto';
import { HeatmapAggregate, HeatmapRepository } from './heatmap.repository';

/** One cycle's organisation view for one reader: per measure, the suppressed table and its team split. */
interface Tables {
  threshold: number;
  minCellSize: number;
  departments: (string | null)[];
  views: HeatmapView[];
  /** Per measure, departments × {with, without}: the team's people and the others (all "rest" without a team). */
  splits: TeamSplitCell[][][];
  /** Per measure, the sum of the team's values (0 without a team). */
  teamSums: number[];
}

interface CycleRef {
  id: string;
  settings: Record<string, unknown>;
}

const RELEASED: readonly CycleState[] = ['released'];

/**
 * The organisation view (HR): how the all-others indices and behaviour means spread across
 * departments and across people with and without direct reports; and the team view (a
 * manager's direct reports as one group beside the organisation).
 *
 * Each measure is one table for the suppression: departments × {with reports, without}, whose
 * margins are the department row, the with/without row and the organisation. The domain module
 * hides every cell of fewer than minCellSize people and then enough more that no hidden cell can
 * be computed from the shown totals, across both views at once. Every filter of the page and the
 * CSV is a number of that table (heatmapFilterResult), so filters can be combined and
 * subtracted freely. A team's total is one more number beside that table, shown only where the
 * domain's teamCellDecision says it adds nothing lighter than m people.
 *
 * The minimum is the cycle's own setting, never the caller's: the suppression protects one view,
 * and two views of the same answers at different minimums could be subtracted from each other
 * (a total shown in one, its parts in the other). The setting is locked from close on, when the
 * heatmap first appears, so every view of a cycle is the same view.
 *
 * Readers never count, here too: a reader's view leaves out every subject whose report counted
 * that reader as an anonymous rater (domain/anonymity.ts, "Organisation views", says why it is
 * needed and why it is enough). Such a reader always gets the same view, built only from reports
 * in which they did not count — as HR, as a manager, and in every format.
 *
 * Comparisons with the previous cycle put two separately suppressed views side by side: a
 * change is printed only where both cells are shown, and is their difference, nothing more
 * (domain heatmapChange, which says why joiners and leavers cannot be isolated by it).
 */
@Injectable()
export class HeatmapService {
  constructor(
    private readonly source: ReportSourceRepository,
    private readonly heatmaps: HeatmapRepository,
    private readonly audit: AuditService,
    private readonly people: PeopleRepository,
  ) {}

  async heatmap(actor: Actor, cycleId: string): Promise<HeatmapDto> {
    const map = await this.organisationView(actor, cycleId);
    await this.audit.record(actor, {
      action: 'heatmap.viewed',
      targetType: 'report',
      targetId: `${cycleId}:heatmap`,
      details: { cycleId, minCellSize: map.minCellSize },
    });
    return map;
  }

  /** The organisation view as CSV: exactly the rows the page shows for the same filter, audited as an export. */
  async heatmapCsv(actor: Actor, cycleId: string, query: HeatmapCsvQueryDto): Promise<{ filename: string; body: string }> {
    if (query.department !== undefined && query.noDepartment !== undefined) {
      throw ReportsException.invalidFilter('department', 'Choose a department or noDepartment, not both');
    }
    const map = await this.organisationView(actor, cycleId);
    const department = query.noDepartment ? null : query.department;
    if (department !== undefined && !map.departments.some((d) => d.department === department)) {
      throw ReportsException.invalidFilter(query.noDepartment ? 'noDepartment' : 'department', 'No such department among this cycle’s subjects');
    }
    const level: HeatmapLevel = query.level ?? 'all';
    await this.audit.record(actor, {
      action: 'heatmap.exported',
      targetType: 'report',
      targetId: `${cycleId}:heatmap`,
      details: { cycleId, minCellSize: map.minCellSize, format: 'csv', department: department ?? '(all)', level },
    });
    const language = await this.people.language(actor.organizationId, actor.personId);
    return { filename: `organisation-view-${cycleId}.csv`, body: heatmapCsv(map, { department, level }, translator(language)) };
  }

  private async organisationView(actor: Actor, cycleId: string): Promise<HeatmapDto> {
    const org = actor.organizationId;
    const cycle = await this.source.cycle(org, cycleId);
    // Nothing before close, for anyone; HR-only is the route's guard. A cycle someone started on
    // themselves is not HR's to read: no organisation view of it.
    if (!cycle || cycle.origin !== 'hr' || !CLOSED_STATES.includes(cycle.state)) throw ReportsException.cycleNotFound();
    const measures = await this.measures(actor, cycleId);
    const now = await this.tables(org, cycle, measures, actor.personId, null);
    const earlier = await this.heatmaps.previousCycle(org, cycle, CLOSED_STATES);
    const before = earlier && (await this.tables(org, earlier, measures, actor.personId, null));
    const previousRow = (department: string | null): number => (before ? before.departments.indexOf(department) : -1);
    const compare = (now: HeatmapCell, then: HeatmapCell | undefined): HeatmapCellDto => withChange(now, then);
    return {
      cycleId,
      cycleName: cycle.name,
      cycleState: cycle.state,
      threshold: now.threshold,
      minCellSize: now.minCellSize,
      measures,
      departments: now.departments.map((department, i) => {
        const p = previousRow(department);
        const then = (m: number, level: HeatmapLevel): HeatmapCell | undefined => (p >= 0 ? heatmapFilterResult(before!.views[m], p, level) : undefined);
        const cells = (level: HeatmapLevel): HeatmapCellDto[] => now.views.map((v, m) => compare(heatmapFilterResult(v, i, level), then(m, level)));
        return { department, cells: cells('all'), withReports: cells('with_reports'), withoutReports: cells('without_reports') };
      }),
      levels: {
        withReports: now.views.map((v, m) =>
          compare(heatmapFilterResult(v, 'all', 'with_reports'), before?.views[m] && heatmapFilterResult(before.views[m], 'all', 'with_reports')),
        ),
        withoutReports: now.views.map((v, m) =>
          compare(heatmapFilterResult(v, 'all', 'without_reports'), before?.views[m] && heatmapFilterResult(before.views[m], 'all', 'without_reports')),
        ),
      },
      organisation: now.views.map((v, m) =>
        compare(heatmapFilterResult(v, 'all', 'all'), before?.views[m] && heatmapFilterResult(before.views[m], 'all', 'all')),
      ),
      previousCycle: earlier && before ? previousDto(earlier, before) : null,
    };
  }

  /** The released cycles in which the actor managed someone: where a team view may exist. */
  async teamCycles(actor: Actor): Promise<TeamCycleListDto> {
    const cycles = await this.heatmaps.managedCycles(actor.organizationId, actor.personId);
    return { items: cycles.map((c) => ({ cycleId: c.id, cycleName: c.name, releasedAt: c.releasedAt ? c.releasedAt.toISOString() : null })) };
  }

  /**
   * A manager's team in a released cycle: their direct reports frozen at launch (indirect reports
   * do not count: a skip-level manager's "team" would overlap their reports' teams, and two
   * overlapping teams could be subtracted). Not a manager there: 404. Fewer than m reports that
   * count: an explained empty view. Quadrant counts only where the cycle lets managers read
   * their reports anyway; behaviour means always under the same suppression as the heatmap.
   */
  async team(actor: Actor, cycleId: string): Promise<TeamViewDto> {
    const org = actor.organizationId;
    const cycle = await this.source.cycle(org, cycleId);
    if (!cycle || cycle.origin !== 'hr' || cycle.state !== 'released') throw ReportsException.cycleNotFound();
    if ((await this.heatmaps.directReports(org, cycleId, actor.personId)) === 0) throw ReportsException.cycleNotFound();
    const measures = await this.measures(actor, cycleId);
    const now = await this.tables(org, cycle, measures, actor.personId, actor.personId);
    const members = await this.heatmaps.teamIndices(org, cycleId, actor.personId);
    const base = { cycleId, cycleName: cycle.name, threshold: now.threshold, minCellSize: now.minCellSize, measures };
    await this.audit.record(actor, { action: 'team.viewed', targetType: 'report', targetId: `${cycleId}:team`, details: { cycleId } });
    if (members.length < now.minCellSize) {
      return { ...base, eligible: false, team: [], organisation: [], quadrants: { shown: false }, previousCycle: null };
    }
    const earlier = await this.heatmaps.previousCycle(org, cycle, RELEASED);
    const before = earlier && (await this.tables(org, earlier, measures, actor.personId, actor.personId));
    const organisation = now.views.map((v) => cellDto(v.total));
    return {
      ...base,
      eligible: true,
      team: now.views.map((_, m) => withChange(teamCell(now, m), before ? teamCell(before, m) : undefined)),
      // The organisation as this reader's organisation view shows it; a comparison, so no change here.
      organisation,
      quadrants: managersSeeReports(cycle.settings, cycle.state, cycle.origin)
        ? { shown: true, counts: quadrantCounts(members) }
        : { shown: false, reason: 'manager_cannot_see_reports' },
      previousCycle: earlier && before ? previousDto(earlier, before) : null,
    };
  }

  /** The columns: both indices, then every behaviour, named in the reader's language (cells stay keyed by `key`). */
  private async measures(actor: Actor, cycleId: string): Promise<HeatmapMeasureDto[]> {
    const language = await this.people.language(actor.organizationId, actor.personId);
    const behaviours = await this.source.behaviourNames(actor.organizationId, cycleId, language);
    const words = translator(language);
    return [
      { key: 'index:influence', name: words.t('report.influenceIndex'), kind: 'index' },
      { key: 'index:management', name: words.t('report.managementIndex'), kind: 'index' },
      ...behaviours.map((b) => ({ key: `behaviour:${b.key}`, name: b.name, kind: b.kind })),
    ];
  }

  private async tables(org: string, cycle: CycleRef, measures: HeatmapMeasureDto[], readerId: string, teamOf: string | null): Promise<Tables> {
    const { anonymityThreshold: threshold, heatmapMinCellSize } = parseStoredCycleSettings(cycle.settings);
    const minCellSize = effectiveMinCellSize(threshold, heatmapMinCellSize);
    const departments = await this.heatmaps.departments(org, cycle.id);
    const aggregates = await this.heatmaps.aggregates(org, cycle.id, readerId, teamOf);
    const key = (measure: string, department: string | null, hasReports: boolean, inTeam: boolean): string =>
      JSON.stringify([measure, department, hasReports, inTeam]);
    const lookup = new Map<string, HeatmapAggregate>(aggregates.map((a) => [key(a.measure, a.department, a.hasReports, a.inTeam), a]));
    const part = (measure: string, department: string | null, hasReports: boolean, inTeam: boolean): HeatmapCellInput => {
      const a = lookup.get(key(measure, department, hasReports, inTeam));
      return a ? { sum: a.sum, count: a.count } : { sum: 0, count: 0 };
    };
    const input = (measure: string, department: string | null, hasReports: boolean): HeatmapCellInput => {
      const [t, r] = [part(measure, department, hasReports, true), part(measure, department, hasReports, false)];
      return { sum: t.sum + r.sum, count: t.count + r.count };
    };
    const views = measures.map((m) =>
      suppressHeatmap({ cells: departments.map((d) => [input(m.key, d, true), input(m.key, d, false)]), threshold, minCellSize }),
    );
    const splits = measures.map((m) =>
      departments.map((d) => [true, false].map((h) => ({ team: part(m.key, d, h, true).count, rest: part(m.key, d, h, false).count }))),
    );
    const teamSums = measures.map((m) => departments.reduce((s, d) => s + part(m.key, d, true, true).sum + part(m.key, d, false, true).sum, 0));
    return { threshold, minCellSize, departments, views, splits, teamSums };
  }
}

function cellDto(cell: HeatmapCell): HeatmapCellDto {
  return cell.shown ? { shown: true, mean: cell.mean, n: cell.n } : { shown: false, reason: cell.reason };
}

/** The comparison with the previous cycle, as the domain's one rule (heatmapChange) decides it. */
function withChange(now: HeatmapCell, then: HeatmapCell | undefined): HeatmapCellDto {
  const change = heatmapChange(now, then);
  return change ? { ...cellDto(now), ...change } : cellDto(now);
}

function previousDto(cycle: { id: string; name: string }, tables: Tables): HeatmapPreviousCycleDto {
  return { cycleId: cycle.id, cycleName: cycle.name, minCellSize: tables.minCellSize };
}

/** The team's total on one measure, where the domain lets it show beside the organisation view. */
function teamCell(tables: Tables, measure: number): HeatmapCell {
  const decision = teamCellDecision(tables.splits[measure], tables.views[measure]);
  if (!decision.shown) return decision;
  const n = tables.splits[measure].flat().reduce((s, c) => s + c.team, 0);
  return { shown: true, mean: tables.teamSums[measure] / n, n };
}

function quadrantCounts(members: { influence: number | null; management: number | null }[]): TeamQuadrantCountsDto {
  const counts: TeamQuadrantCountsDto = { manager_leader: 0, leader_without_title: 0, manager: 0, emerging: 0, notShown: 0 };
  for (const m of members) {
    if (m.influence === null || m.management === null) counts.notShown++;
    else counts[profileQuadrant(m.influence, m.management)]++;
  }
  return counts;
}
