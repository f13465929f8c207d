import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type ChangePasswordInput = Schemas['ChangePasswordDto'];

/** This session stays signed in; every other one of the person ends. */
export const changePassword = (body: ChangePasswordInput) => unwrap(api.POST('/api/auth/password', { body }));

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
