import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

export const logout = () => unwrap(api.POST('/api/auth/logout'));

/**
 * Signs out on the server, then loads the sign-in page afresh: every cached answer, the CSRF token
 * and any half-filled form of this person go with the page.
 */
export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => window.location.assign('/login?signedOut=1'),
  });
}
