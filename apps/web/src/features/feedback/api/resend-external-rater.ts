import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { feedbackKeys } from './keys';

/** POST /api/external-raters/:id/resend: HR, or the subject to an address they proposed, mails a new link; the old one and any browser it opened stop working. */
export const resendExternalRater = (id: string) => unwrap(api.POST('/api/external-raters/{id}/resend', { params: { path: { id } } }));

export function useResendExternalRater() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendExternalRater,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.external() }),
  });
}
