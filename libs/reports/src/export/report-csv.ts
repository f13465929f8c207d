import { stringify } from 'csv-stringify/sync';
import { type Language, spreadsheetSafe, translator, type Translator } from '@lib/common';
import type { ReportCellsDto, ReportDto } from '../report/report.dto';
import { columnLabels, fixed, followershipSentence, hiddenText, printedColumns } from './report-text';

const COLUMNS = ['section', 'behaviour', 'kind', 'statement', 'group', 'mean', 'n', 'spread', 'note'] as const;

/** The header row in the reader's language; the `section` and `kind` values stay codes, and numbers keep a decimal point, for spreadsheets. */
const csvHeader = (t: Translator): string[] => COLUMNS.map((c) => t.t(`csv.${c}`));

/**
 * The shown numbers of a report, one line per number and group (long format, so that a
 * spreadsheet can pivot it). A hidden number has empty mean/n/spread and says why in `note`;
 * nothing here is not also on the report page. The last line, `followership`, is the page's line under the summary.
 */
export function reportCsv(report: ReportDto, language: Language = 'en'): string {
  const t = translator(language);
  const k = report.threshold;
  const columns = printedColumns(report);
  const labels = columnLabels(report, t);
  const rows: string[][] = [];
  const push = (section: string, behaviour: string, kind: string, statement: string, cells: ReportCellsDto): void => {
    for (const key of columns) {
      const cell = cells[key];
      rows.push(
        cell.shown
          ? [section, behaviour, kind, statement, labels[key], fixed(cell.mean), String(cell.n), fixed(cell.spread), '']
          : [section, behaviour, kind, statement, labels[key], '', '', '', hiddenText(cell.reason, k, t)],
      );
    }
  };
  push('index', t.t('report.influenceIndex'), 'influence', '', report.indices.influence);
  push('index', t.t('report.managementIndex'), 'management', '', report.indices.management);
  for (const b of report.behaviours) {
    push('behaviour', b.name, b.kind, '', b.cells);
    for (const s of b.statements) push('statement', b.name, b.kind, s.text, s.cells);
  }
  // Followership, as the page says it: the count in `n` only when the report shows it, the sentence in `note`.
  const followership = followershipSentence(report, t);
  if (followership) rows.push(['followership', '', '', '', '', '', report.followership.shown ? String(report.followership.named ?? '') : '', '', followership]);
  return stringify([csvHeader(t), ...rows.map((row) => row.map(spreadsheetSafe))]);
}
