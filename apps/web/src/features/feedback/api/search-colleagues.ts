import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { feedbackKeys } from './keys';

/** Colleagues to name for the followership question, by name, title or department (GET /api/people?search=). */
export function useSearchColleagues(search: string) {
  return useQuery({
    queryKey: feedbackKeys.colleagues(search),
    queryFn: () => unwrap(api.GET('/api/people', { params: { query: { search, limit: 8 } } })),
    enabled: search.length > 0,
    staleTime: 60_000,
  });
}
