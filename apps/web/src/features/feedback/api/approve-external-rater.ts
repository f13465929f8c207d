import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { feedbackKeys } from './keys';

/** POST /api/external-raters/:id/approve: the subject's manager (or HR) lets a proposal through: the link is mailed. */
export const approveExternalRater = (id: string) => unwrap(api.POST('/api/external-raters/{id}/approve', { params: { path: { id } } }));

export function useApproveExternalRater() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveExternalRater,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.external() }),
  });
}
