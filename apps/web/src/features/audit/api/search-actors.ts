import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

/** People to filter the trail by (GET /api/people?search=, leavers included: they acted too). */
export const searchActors = (search: string) => unwrap(api.GET('/api/people', { params: { query: { search, status: 'all', limit: 8 } } }));

export const searchActorsQueryOptions = (search: string) =>
  queryOptions({ queryKey: ['audit-events', 'actors', search], queryFn: () => searchActors(search), staleTime: 60_000, placeholderData: keepPreviousData });

export function useSearchActors(search: string) {
  return useQuery({ ...searchActorsQueryOptions(search), enabled: search.length > 0 });
}
