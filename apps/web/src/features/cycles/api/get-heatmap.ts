import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type Heatmap = Schemas['HeatmapDto'];
export type HeatmapCell = Schemas['HeatmapCellDto'];
export type HeatmapMeasure = Schemas['HeatmapMeasureDto'];
export type HiddenReason = NonNullable<HeatmapCell['reason']>;
export type HeatmapLevel = 'all' | 'with_reports' | 'without_reports';

/** The CSV of what the department table shows for a filter: the same suppressed cells. */
export function heatmapCsvUrl(cycleId: string, filter: { department?: string; noDepartment?: 'true'; level?: Exclude<HeatmapLevel, 'all'> }): string {
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return `/api/reports/cycles/${encodeURIComponent(cycleId)}/heatmap.csv${query ? `?${query}` : ''}`;
}

/**
 * The organisation view of a closed cycle. It takes no options: the minimum cell size is the
 * cycle's own setting (heatmapMinCellSize), so every view of a cycle is the same view.
 */
export const getHeatmap = (cycleId: string) => unwrap(api.GET('/api/reports/cycles/{cycleId}/heatmap', { params: { path: { cycleId } } }));

/** Under the cycle's key prefix, so anything that changes the cycle refreshes it. */
export const heatmapQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: [...cycleKeys.cycle(cycleId), 'heatmap'] as const,
    queryFn: () => getHeatmap(cycleId),
  });

export function useHeatmap(cycleId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...heatmapQueryOptions(cycleId), ...options });
}
