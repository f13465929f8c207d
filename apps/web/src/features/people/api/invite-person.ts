import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '@/api/client';
import { peopleKeys } from './keys';

export const invitePerson = (id: string) => unwrap(api.POST('/api/people/{id}/invite', { params: { path: { id } } }));

/**
 * A new invitation replaces any pending one; without SMTP the mail lands in the outbox. A person
 * who has set a password since the page loaded is refused (409): reload them to show it.
 */
export function useInvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: invitePerson,
    onError: async (error, id) => {
      if (isApiError(error, 409)) await queryClient.invalidateQueries({ queryKey: peopleKeys.detail(id) });
    },
  });
}
