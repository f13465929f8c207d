import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import type { paths } from '@/api/schema';
import { cycleKeys } from './keys';

export type CycleSubject = Schemas['CycleSubjectDto'];
export type RequestCounts = Schemas['RequestCountsDto'];
export type ListSubjectsQuery = NonNullable<paths['/api/cycles/{id}/subjects']['get']['parameters']['query']>;

export const listSubjects = (id: string, query: ListSubjectsQuery) => unwrap(api.GET('/api/cycles/{id}/subjects', { params: { path: { id }, query } }));

/** Like the people list, the answer carries the query it answers, so paging text matches the rows shown. */
export const subjectsQueryOptions = (id: string, query: ListSubjectsQuery) =>
  queryOptions({
    queryKey: cycleKeys.subjects(id, query),
    queryFn: async () => ({ ...(await listSubjects(id, query)), query }),
    placeholderData: keepPreviousData,
  });

export function useSubjects(id: string, query: ListSubjectsQuery) {
  return useQuery(subjectsQueryOptions(id, query));
}
