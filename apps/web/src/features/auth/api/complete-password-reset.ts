import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { switchPerson } from '@/lib/auth';

export type CompletePasswordResetInput = Schemas['CompletePasswordResetDto'];

/** Sets the new password; the person then signs in with it (every session has ended). */
export const completePasswordReset = (body: CompletePasswordResetInput) => unwrap(api.POST('/api/auth/password-reset/complete', { body }));

/** Every session of the person has ended, this browser's included: forget whoever was signed in here. */
export function useCompletePasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completePasswordReset,
    onSuccess: () => {
      switchPerson(queryClient, null);
    },
  });
}
