import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { feedbackKeys } from './keys';

/** POST /api/feedback-requests/:id/approve: the subject's manager (or HR) lets a peer proposal go to the rater. */
export const approveRequest = (id: string) => unwrap(api.POST('/api/feedback-requests/{id}/approve', { params: { path: { id } } }));

export function useApproveRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveRequest,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: feedbackKeys.approvals() }),
        queryClient.invalidateQueries({ queryKey: feedbackKeys.subjects() }),
      ]);
    },
  });
}
