import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe, type Translator } from '@lib/common';
import type { HeatmapCellDto, HeatmapDto } from '../heatmap/heatmap.dto';
import type { HeatmapLevel } from '../domain';
import { fixed } from './report-text';

export const HEATMAP_CSV_HEADER = ['department', 'level', 'measure', 'kind', 'mean', 'n', 'previous_mean', 'change', 'note'];

/** Why a cell is empty, as the page says it, in the reader's words. */
function note(cell: HeatmapCellDto, minCellSize: number, t: Translator): string {
  if (cell.shown) return '';
  if (cell.reason === 'below_threshold') return t.t('heatmap.hidden.below_threshold', { k: minCellSize });
  if (cell.reason === 'complementary') return t.t('heatmap.hidden.complementary');
  return t.t('heatmap.noData');
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
 * hidden one says why and carries no count. Words in the reader's language (`t`); the header and
 * the kind column are codes, for a spreadsheet to rely on.
 */
export function heatmapCsv(map: HeatmapDto, filter: HeatmapCsvFilter, t: Translator): string {
  const pick = (cells: { cells: HeatmapCellDto[]; withReports: HeatmapCellDto[]; withoutReports: HeatmapCellDto[] }): HeatmapCellDto[] =>
    filter.level === 'with_reports' ? cells.withReports : filter.level === 'without_reports' ? cells.withoutReports : cells.cells;
  const groups: { name: string; cells: HeatmapCellDto[] }[] = map.departments
    .filter((d) => filter.department === undefined || d.department === filter.department)
    .map((d) => ({ name: d.department ?? t.t('heatmap.noDepartment'), cells: pick(d) }));
  if (filter.department === undefined) {
    groups.push({ name: t.t('heatmap.wholeOrganisation'), cells: pick({ cells: map.organisation, ...map.levels }) });
  }
  const rows = groups.flatMap((g) =>
    map.measures.map((m, i) => {
      const c = g.cells[i] ?? { shown: false, reason: 'no_data' as const };
      return [
        g.name,
        t.t(`heatmap.level.${filter.level}`),
        m.name,
        m.kind,
        c.shown ? fixed(c.mean) : '',
        c.shown && c.n !== undefined ? String(c.n) : '',
        fixed(c.previousMean),
        fixed(c.change),
        note(c, map.minCellSize, t),
      ];
    }),
  );
  return stringify([HEATMAP_CSV_HEADER, ...rows.map((row) => row.map(spreadsheetSafe))]);
}
