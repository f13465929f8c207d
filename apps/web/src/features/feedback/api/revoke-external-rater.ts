import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { feedbackKeys } from './keys';

/** POST /api/external-raters/:id/revoke: HR, or the subject for an address they proposed, ends an invitation (or withdraws a proposal); any answer is dropped with it. */
export const revokeExternalRater = (id: string) => unwrap(api.POST('/api/external-raters/{id}/revoke', { params: { path: { id } } }));

export function useRevokeExternalRater() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeExternalRater,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.external() }),
  });
}
