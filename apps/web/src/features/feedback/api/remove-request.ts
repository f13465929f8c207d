import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { feedbackKeys } from './keys';

/** DELETE /api/feedback-requests/:id: the subject withdraws a proposal; HR removes any rater who has not submitted. */
export const removeRequest = (id: string) => unwrap(api.DELETE('/api/feedback-requests/{id}', { params: { path: { id } } }));

export function useRemoveRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeRequest,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
    },
  });
}
