import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type Heatmap = Schemas['HeatmapDto'];
export type HeatmapCell = Schemas['HeatmapCellDto'];
export type HeatmapMeasure = Schemas['HeatmapMeasureDto'];
export type HiddenReason = NonNullable<HeatmapCell['reason']>;

/** The API's default smallest group, raised to the cycle's anonymity threshold when that is higher. */
export const DEFAULT_MIN_CELL_SIZE = 5;
export const MAX_MIN_CELL_SIZE = 1000;

export const getHeatmap = (cycleId: string, minCellSize: number) =>
  unwrap(api.GET('/api/reports/cycles/{cycleId}/heatmap', { params: { path: { cycleId }, query: { minCellSize } } }));

/**
 * Under the cycle's key prefix, so anything that changes the cycle refreshes it. While another
 * cell size loads, the previous map of the same cycle stays on screen (marked busy) instead of a
 * spinner; another cycle's map never stands in for this one.
 */
export const heatmapQueryOptions = (cycleId: string, minCellSize: number) =>
  queryOptions({
    queryKey: [...cycleKeys.cycle(cycleId), 'heatmap', minCellSize] as const,
    queryFn: () => getHeatmap(cycleId, minCellSize),
    placeholderData: (previous) => (previous?.cycleId === cycleId ? previous : undefined),
  });

export function useHeatmap(cycleId: string, minCellSize: number, options: { enabled?: boolean } = {}) {
  return useQuery({ ...heatmapQueryOptions(cycleId, minCellSize), ...options });
}
