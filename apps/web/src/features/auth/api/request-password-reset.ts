import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type RequestPasswordResetInput = Schemas['RequestPasswordResetDto'];

/** Always the same answer for any address; 429 when asked too often. */
export const requestPasswordReset = (body: RequestPasswordResetInput) => unwrap(api.POST('/api/auth/password-reset', { body }));

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
