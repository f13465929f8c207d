import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type Cycle = Schemas['CycleDto'];
export type CycleSettings = Schemas['CycleSettingsDto'];
export type CycleAction = Cycle['allowedActions'][number];

export const getCycle = (id: string) => unwrap(api.GET('/api/cycles/{id}', { params: { path: { id } } }));

export const cycleQueryOptions = (id: string) => queryOptions({ queryKey: cycleKeys.detail(id), queryFn: () => getCycle(id) });

export function useCycle(id: string) {
  return useQuery(cycleQueryOptions(id));
}
