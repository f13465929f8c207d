import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { feedbackKeys } from './keys';

/** POST /api/feedback-requests/:id/decline {reason}: the rater says no; the subject is told and can ask someone else. */
export const declineRequest = ({ id, reason }: { id: string; reason: string }) =>
  unwrap(api.POST('/api/feedback-requests/{id}/decline', { params: { path: { id } }, body: { reason } }));

export function useDeclineRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineRequest,
    onSuccess: async (_result, { id }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: feedbackKeys.tasks() }),
        queryClient.invalidateQueries({ queryKey: feedbackKeys.questionnaire(id) }),
      ]);
    },
  });
}
