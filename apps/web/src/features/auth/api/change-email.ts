import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type ChangeEmailInput = Schemas['ChangeEmailDto'];

/** Mails a confirmation link to the new address; nothing changes until it is opened. */
export const changeEmail = (body: ChangeEmailInput) => unwrap(api.POST('/api/auth/email', { body }));

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
