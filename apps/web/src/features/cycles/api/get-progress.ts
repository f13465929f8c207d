import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type CycleProgress = Schemas['CycleProgressDto'];
export type Relationship = Schemas['RelationshipProgressDto']['relationship'];
export type SubjectProgress = Schemas['SubjectProgressDto'];
export type PendingRater = Schemas['PendingRaterDto'];

export const getProgress = (id: string) => unwrap(api.GET('/api/cycles/{id}/progress', { params: { path: { id } } }));

export const progressQueryOptions = (id: string) => queryOptions({ queryKey: cycleKeys.progress(id), queryFn: () => getProgress(id) });

export function useProgress(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...progressQueryOptions(id), ...options });
}

/** The list has no response rates: it reads each running cycle's progress (a handful at most). */
export function useProgressOf(ids: string[]) {
  return useQueries({ queries: ids.map((id) => progressQueryOptions(id)) });
}
