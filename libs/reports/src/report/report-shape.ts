import { summarizeReport, type ReportView, type SummarySource } from '../domain';
import type { ReportDto } from './report.dto';

/** The version of the stored report's shape: a later shape must keep reading this one. */
export const REPORT_FORMAT = 3;

/** The part of ReportDto that is stored with the snapshot; the rest is added at read time. */
export type StoredReport = Omit<ReportDto, 'cycle' | 'subject' | 'viewer' | 'computedAt' | 'scale' | 'history' | 'followership'>;
export type ReportHeader = Pick<ReportDto, 'cycle' | 'subject' | 'viewer' | 'computedAt' | 'scale' | 'history' | 'followership'>;

/**
 * The pure module's view model in the API's shape, ready to be served as is: behaviour
 * descriptions and the earlier cycle's name frozen in, the trend source left out (it has a
 * column of its own, report_snapshots.summary). Every number and hidden reason is unchanged.
 */
export function storedReport(
  view: ReportView,
  descriptions: ReadonlyMap<string, string>,
  previousCycle: { id: string; name: string; closedAt: string | null } | null,
): StoredReport {
  const { summary: _summary, trend, behaviours, ...rest } = view;
  return {
    ...rest,
    behaviours: behaviours.map((b) => ({ ...b, description: descriptions.get(b.key) ?? '' })),
    trend: trend ? { previousCycle, ...trend } : null,
    overview: summarizeReport(view),
  };
}

/**
 * The response body from the header and the stored JSON text, without parsing and re-serialising
 * the report (tens of kilobytes) on every read. `stored` is a JSON object's text.
 */
export function reportJson(header: ReportHeader, stored: string): string {
  const head = JSON.stringify(header);
  const body = stored.trim();
  return body === '{}' ? head : `${head.slice(0, -1)},${body.slice(1)}`;
}

/**
 * The stored report without its trend (nor the summary's change, which is the trend's), for a
 * reader who may not read the earlier report the trend compares with. Parses and re-serialises,
 * so only called in that rare case.
 */
export function withoutTrend(stored: string): string {
  const report = JSON.parse(stored) as StoredReport;
  return JSON.stringify({ ...report, trend: null, overview: { ...report.overview, change: null } });
}

/**
 * A report stored in an earlier format (1: before the summary; 2: the summary's directions of
 * influence one each, without the pooled ones) in today's shape: the summary is picked again from
 * the stored numbers exactly as storedReport picks it from the view they came from.
 */
export function upgradeStored(format: number, stored: string): string {
  if (format >= REPORT_FORMAT) return stored;
  const report = JSON.parse(stored) as StoredReport;
  // The stored report is the view model serialised (storedReport): its cells are the domain's cells.
  return JSON.stringify({ ...report, overview: summarizeReport(report as unknown as SummarySource) });
}
