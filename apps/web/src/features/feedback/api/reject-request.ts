import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { feedbackKeys } from './keys';

/** POST /api/feedback-requests/:id/reject {reason}: the subject's manager (or HR) turns a peer proposal down; the subject sees the reason. */
export const rejectRequest = ({ id, reason }: { id: string; reason: string }) =>
  unwrap(api.POST('/api/feedback-requests/{id}/reject', { params: { path: { id } }, body: { reason } }));

export function useRejectRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectRequest,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: feedbackKeys.approvals() }),
        queryClient.invalidateQueries({ queryKey: feedbackKeys.subjects() }),
      ]);
    },
  });
}
