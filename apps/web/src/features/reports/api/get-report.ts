import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { reportKeys } from './keys';

export type Report = Schemas['ReportDto'];
export type ReportCell = Schemas['ReportCellDto'];
export type ReportCells = Schemas['ReportCellsDto'];
export type ReportColumn = Schemas['ReportColumnDto'];
export type ColumnKey = ReportColumn['key'];
export type HiddenReason = NonNullable<ReportCell['reason']>;
export type ReportBehaviour = Schemas['ReportBehaviourDto'];
export type ReportGap = Schemas['ReportGapDto'];
export type RankedStatement = Schemas['ReportRankedStatementDto'];
export type TrendValue = Schemas['ReportTrendValueDto'];
export type Quadrant = NonNullable<Schemas['ReportProfileDto']['quadrant']>;

/**
 * GET /api/reports/cycles/:cycleId/subjects/:subjectId: one subject's report, as stored when the
 * cycle closed. A 404 for anyone who may not see it (yet). Every view is audited by the API.
 */
export const getReport = (cycleId: string, subjectId: string) =>
  unwrap(api.GET('/api/reports/cycles/{cycleId}/subjects/{subjectId}', { params: { path: { cycleId, subjectId } } }));

// The numbers never change once stored; each fetch is an audited view, so none on window focus.
export const reportQueryOptions = (cycleId: string, subjectId: string) =>
  queryOptions({ queryKey: reportKeys.report(cycleId, subjectId), queryFn: () => getReport(cycleId, subjectId), refetchOnWindowFocus: false });

export function useReport(cycleId: string, subjectId: string) {
  return useQuery(reportQueryOptions(cycleId, subjectId));
}

/** The export's address, for a plain download link (the session cookie goes along). */
export const reportFileUrl = (cycleId: string, subjectId: string, format: 'pdf' | 'csv'): string =>
  `/api/reports/cycles/${encodeURIComponent(cycleId)}/subjects/${encodeURIComponent(subjectId)}.${format}`;

/** The report page's address in the web app. */
export const reportPath = (cycleId: string, subjectId: string): string => `/reports/cycles/${cycleId}/subjects/${subjectId}`;
