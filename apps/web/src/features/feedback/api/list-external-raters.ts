import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type ExternalRaterList = Schemas['ExternalRaterListDto'];
export type ExternalRater = Schemas['ExternalRaterDto'];

/**
 * GET /api/cycles/:cycleId/subjects/:subjectId/external-raters: a subject's raters from outside the
 * organisation, for the subject, their manager and HR, with what the viewer may do. Whether one has
 * answered is never in it.
 */
export const listExternalRaters = (cycleId: string, subjectId: string) =>
  unwrap(api.GET('/api/cycles/{cycleId}/subjects/{subjectId}/external-raters', { params: { path: { cycleId, subjectId } } }));

export const externalRatersQueryOptions = (cycleId: string, subjectId: string) =>
  queryOptions({ queryKey: feedbackKeys.externalOf(cycleId, subjectId), queryFn: () => listExternalRaters(cycleId, subjectId) });

export function useExternalRaters(cycleId: string, subjectId: string) {
  return useQuery(externalRatersQueryOptions(cycleId, subjectId));
}
