import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type RaterCandidate = Schemas['RaterCandidateDto'];

const LIMIT = 20;

/** GET /api/cycles/:cycleId/rater-candidates?search=&subjectId=: people the subject could ask, with their load in the cycle. */
export const listRaterCandidates = (cycleId: string, subjectId: string, search: string) =>
  unwrap(
    api.GET('/api/cycles/{cycleId}/rater-candidates', {
      params: { path: { cycleId }, query: { subjectId, search: search || undefined, limit: LIMIT } },
    }),
  );

export const raterCandidatesQueryOptions = (cycleId: string, subjectId: string, search: string) =>
  queryOptions({
    queryKey: feedbackKeys.candidates(cycleId, subjectId, search),
    queryFn: () => listRaterCandidates(cycleId, subjectId, search),
    placeholderData: keepPreviousData,
  });

export function useRaterCandidates(cycleId: string, subjectId: string, search: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...raterCandidatesQueryOptions(cycleId, subjectId, search), ...options });
}
