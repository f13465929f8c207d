import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { forgetAllUnsavedAnswers } from '@/lib/unsaved-answers';

export const logout = () => unwrap(api.POST('/api/auth/logout'));

/**
 * Signs out on the server, then loads the sign-in page afresh: every cached answer, the CSRF token
 * and any half-filled form of this person go with the page, and answers kept in this browser
 * because they were not saved yet are dropped (the next person at this computer must not find them).
 */
export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      forgetAllUnsavedAnswers();
      window.location.assign('/login?signedOut=1');
    },
  });
}
