import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type CountTable = Schemas['CountTableDto'];

/** HR: plan and followership counts per department of a released cycle (counts only, suppressed like the heatmap). */
export const getPlanCounts = (cycleId: string) => unwrap(api.GET('/api/plans/cycles/{cycleId}/organisation', { params: { path: { cycleId } } }));

export function usePlanCounts(cycleId: string, options: { enabled?: boolean } = {}) {
  return useQuery(queryOptions({ queryKey: [...cycleKeys.cycle(cycleId), 'plan-counts'] as const, queryFn: () => getPlanCounts(cycleId), ...options }));
}
