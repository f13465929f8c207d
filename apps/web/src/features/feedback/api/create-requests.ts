import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type CreateRequestsBody = Schemas['CreateRequestsDto'];

/** One refused rater of a refused call: `errors[]` of a 404/409/422 answer. */
export interface RaterRefusal {
  raterId: string;
  code: string;
  message: string;
}

/**
 * POST /api/cycles/:cycleId/subjects/:subjectId/requests {raterIds, relationship?}: all are asked
 * or none. Answers with the subject's raters after the change.
 */
export const createRequests = ({ cycleId, subjectId, ...body }: CreateRequestsBody & { cycleId: string; subjectId: string }) =>
  unwrap(api.POST('/api/cycles/{cycleId}/subjects/{subjectId}/requests', { params: { path: { cycleId, subjectId } }, body }));

/** The per-rater refusals of a failed call (empty when the whole call was refused, e.g. nominations closed). */
export function raterRefusals(error: unknown): RaterRefusal[] {
  if (!(error instanceof ApiError)) return [];
  return (error.errors as Partial<RaterRefusal>[]).flatMap((e) =>
    typeof e?.raterId === 'string' && typeof e.message === 'string' ? [{ raterId: e.raterId, code: String(e.code ?? ''), message: e.message }] : [],
  );
}

export function useCreateRequests() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRequests,
    onSuccess: async (view) => {
      queryClient.setQueryData(feedbackKeys.subject(view.cycleId, view.subject.id), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: feedbackKeys.candidatesOf(view.cycleId, view.subject.id) }),
        queryClient.invalidateQueries({ queryKey: feedbackKeys.approvals() }),
      ]);
    },
  });
}
