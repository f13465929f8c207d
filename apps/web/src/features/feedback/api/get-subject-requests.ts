import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type SubjectRequests = Schemas['SubjectRequestsDto'];
export type SubjectRequest = Schemas['SubjectRequestDto'];
export type FeedbackPerson = Schemas['FeedbackPersonDto'];

/**
 * GET /api/cycles/:cycleId/subjects/:subjectId/requests: who has been asked about a subject, for
 * the subject, their manager and HR. Only HR gets real progress; the others see asked/declined/…
 */
export const getSubjectRequests = (cycleId: string, subjectId: string) =>
  unwrap(api.GET('/api/cycles/{cycleId}/subjects/{subjectId}/requests', { params: { path: { cycleId, subjectId } } }));

export const subjectRequestsQueryOptions = (cycleId: string, subjectId: string) =>
  queryOptions({ queryKey: feedbackKeys.subject(cycleId, subjectId), queryFn: () => getSubjectRequests(cycleId, subjectId) });

export function useSubjectRequests(cycleId: string, subjectId: string) {
  return useQuery(subjectRequestsQueryOptions(cycleId, subjectId));
}
