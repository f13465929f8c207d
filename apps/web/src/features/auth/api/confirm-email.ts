import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { meQueryKey } from '@/lib/auth';

export type ConfirmEmailInput = Schemas['ConfirmEmailChangeDto'];

/** Moves the account to the new address; other sessions of the person end. */
export const confirmEmail = (body: ConfirmEmailInput) => unwrap(api.POST('/api/auth/email/confirm', { body }));

/** Whoever is signed in here may be the person: ask again who that is (their address changed). */
export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
