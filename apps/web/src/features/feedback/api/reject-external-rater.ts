import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { feedbackKeys } from './keys';

/** POST /api/external-raters/:id/reject: the subject's manager (or HR) turns a proposal down: nothing is sent. */
export const rejectExternalRater = (id: string) => unwrap(api.POST('/api/external-raters/{id}/reject', { params: { path: { id } } }));

export function useRejectExternalRater() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectExternalRater,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.external() }),
  });
}
