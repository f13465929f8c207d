import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '@lib/common';
import type { HeatmapLevel } from '../domain';
import type { HeatmapCellDto, HeatmapDto } from '../heatmap/heatmap.dto';
import { fixed } from './report-text';

export const HEATMAP_CSV_HEADER = ['department', 'level', 'measure', 'kind', 'mean', 'n', 'previous_mean', 'change', 'note'];

const LEVEL_LABELS: Record<HeatmapLevel, string> = { all: 'Everyone', with_reports: 'With direct reports', without_reports: 'Without direct reports' };

/** Why a cell is empty, as the page says it. */
function note(cell: HeatmapCellDto, minCellSize: number): string {
  if (cell.shown) return '';
  if (cell.reason === 'below_threshold') return `hidden: fewer than ${minCellSize} people`;
  if (cell.reason === 'complementary') return 'hidden: would let a smaller group be worked out from the totals';
  return 'no data';
}

export interface HeatmapCsvFilter {
  /** A department's name, null for people without one; undefined: every department and the whole organisation. */
  department: string | null | undefined;
  level: HeatmapLevel;
}

/**
 * The organisation view as the page shows it for one filter: a row per department (or the one
 * chosen) at the chosen level and, for every department, the whole organisation; one line per
 * measure (long format, for a spreadsheet to pivot). Only numbers of the suppressed view; a
 * hidden one says why and carries no count.
 */
export function heatmapCsv(map: HeatmapDto, filter: HeatmapCsvFilter): string {
  const pick = (cells: { cells: HeatmapCellDto[]; withReports: HeatmapCellDto[]; withoutReports: HeatmapCellDto[] }): HeatmapCellDto[] =>
    filter.level === 'with_reports' ? cells.withReports : filter.level === 'without_reports' ? cells.withoutReports : cells.cells;
  const groups: { name: string; cells: HeatmapCellDto[] }[] = map.departments
    .filter((d) => filter.department === undefined || d.department === filter.department)
    .map((d) => ({ name: d.department ?? 'No department', cells: pick(d) }));
  if (filter.department === undefined) {
    groups.push({ name: 'Whole organisation', cells: pick({ cells: map.organisation, ...map.levels }) });
  }
  const rows = groups.flatMap((g) =>
    map.measures.map((m, i) => {
      const c = g.cells[i] ?? { shown: false, reason: 'no_data' as const };
      return [
        g.name,
        LEVEL_LABELS[filter.level],
        m.name,
        m.kind,
        c.shown ? fixed(c.mean) : '',
        c.shown && c.n !== undefined ? String(c.n) : '',
        fixed(c.previousMean),
        fixed(c.change),
        note(c, map.minCellSize),
      ];
    }),
  );
  return stringify([HEATMAP_CSV_HEADER, ...rows.map((row) => row.map(spreadsheetSafe))]);
}
