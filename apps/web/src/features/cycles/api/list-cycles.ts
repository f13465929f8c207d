import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type CycleListItem = Schemas['CycleListItemDto'];
export type CycleState = CycleListItem['state'];

export const listCycles = () => unwrap(api.GET('/api/cycles'));

export const listCyclesQueryOptions = () => queryOptions({ queryKey: cycleKeys.list(), queryFn: listCycles });

export function useCycles() {
  return useQuery(listCyclesQueryOptions());
}
