import { Injectable } from '@nestjs/common';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { CLOSED_STATES, parseStoredCycleSettings } from '@lib/cycles';
import { effectiveMinCellSize, HeatmapCell, HeatmapCellInput, suppressHeatmap } from '../domain';
import { ReportsException } from '../reports.exception';
import { ReportSourceRepository } from '../snapshot/report-source.repository';
import { HeatmapCellDto, HeatmapDto, HeatmapMeasureDto } from './heatmap.dto';
import { HeatmapAggregate, HeatmapRepository } from './heatmap.repository';

/**
 * The organisation view (HR): how the all-others indices and behaviour means spread across
 * departments and across people with and without direct reports.
 *
 * Each measure is one table for the suppression: departments × {with reports, without}, whose
 * margins are the department row, the with/without row and the organisation. The domain module
 * hides every cell of fewer than minCellSize people and then enough more that no hidden cell can
 * be computed from the shown totals, across both views at once.
 *
 * The minimum is the cycle's own setting, never the caller's: the suppression protects one view,
 * and two views of the same answers at different minimums could be subtracted from each other
 * (a total shown in one, its parts in the other). The setting is locked from close on, when the
 * heatmap first appears, so every view of a cycle is the same view.
 *
 * Readers never count, here too: an HR reader's view leaves out every subject whose report
 * counted that reader as an anonymous rater (domain/anonymity.ts, "Organisation views", says
 * why it is needed and why it is enough). Such a reader always gets the same view, built only
 * from reports in which they did not count.
 */
@Injectable()
export class HeatmapService {
  constructor(
    private readonly source: ReportSourceRepository,
    private readonly heatmaps: HeatmapRepository,
    private readonly audit: AuditService,
  ) {}

  async heatmap(actor: Actor, cycleId: string): Promise<HeatmapDto> {
    const org = actor.organizationId;
    const cycle = await this.source.cycle(org, cycleId);
    // Nothing before close, for anyone; HR-only is the route's guard.
    if (!cycle || !CLOSED_STATES.includes(cycle.state)) throw ReportsException.cycleNotFound();
    const { anonymityThreshold: threshold, heatmapMinCellSize } = parseStoredCycleSettings(cycle.settings);
    const minCellSize = effectiveMinCellSize(threshold, heatmapMinCellSize);
    const [framework, departments, aggregates] = [
      await this.source.framework(org, cycle.frameworkVersionId),
      await this.heatmaps.departments(org, cycleId),
      await this.heatmaps.aggregates(org, cycleId, actor.personId),
    ];
    const measures: HeatmapMeasureDto[] = [
      { key: 'index:influence', name: 'Influence index', kind: 'index' },
      { key: 'index:management', name: 'Management index', kind: 'index' },
      ...framework.behaviours.map((b) => ({ key: `behaviour:${b.key}`, name: b.name, kind: b.kind })),
    ];
    const lookup = new Map<string, HeatmapAggregate>(aggregates.map((a) => [`${a.measure}|${a.department ?? ''}|${a.department === null}|${a.hasReports}`, a]));
    const input = (measure: string, department: string | null, hasReports: boolean): HeatmapCellInput => {
      const a = lookup.get(`${measure}|${department ?? ''}|${department === null}|${hasReports}`);
      return a ? { sum: a.sum, count: a.count } : { sum: 0, count: 0 };
    };
    const views = measures.map((m) =>
      suppressHeatmap({ cells: departments.map((d) => [input(m.key, d, true), input(m.key, d, false)]), threshold, minCellSize }),
    );
    await this.audit.record(actor, { action: 'heatmap.viewed', targetType: 'report', targetId: `${cycleId}:heatmap`, details: { cycleId, minCellSize } });
    return {
      cycleId,
      cycleName: cycle.name,
      cycleState: cycle.state,
      threshold,
      minCellSize,
      measures,
      departments: departments.map((department, i) => ({
        department,
        cells: views.map((v) => cellDto(v.rowTotals[i])),
        withReports: views.map((v) => cellDto(v.cells[i][0])),
        withoutReports: views.map((v) => cellDto(v.cells[i][1])),
      })),
      levels: { withReports: views.map((v) => cellDto(v.columnTotals[0])), withoutReports: views.map((v) => cellDto(v.columnTotals[1])) },
      organisation: views.map((v) => cellDto(v.total)),
    };
  }
}

function cellDto(cell: HeatmapCell | undefined): HeatmapCellDto {
  if (!cell) return { shown: false, reason: 'no_data' };
  return cell.shown ? { shown: true, mean: cell.mean, n: cell.n } : { shown: false, reason: cell.reason };
}
