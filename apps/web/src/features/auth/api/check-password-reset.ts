import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

/** The token goes in the body, so it never lands in an access log. */
export const checkPasswordReset = (token: string) => unwrap(api.POST('/api/auth/password-reset/check', { body: { token } }));

export const passwordResetQueryOptions = (token: string) =>
  queryOptions({ queryKey: ['auth', 'password-reset', token], queryFn: () => checkPasswordReset(token), staleTime: Infinity, retry: false });

export function usePasswordReset(token: string) {
  return useQuery({ ...passwordResetQueryOptions(token), enabled: token.length > 0 });
}
