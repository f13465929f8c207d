import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

export const invitePerson = (id: string) => unwrap(api.POST('/api/people/{id}/invite', { params: { path: { id } } }));

/** A new invitation replaces any pending one; without SMTP the mail lands in the outbox. */
export function useInvitePerson() {
  return useMutation({ mutationFn: invitePerson });
}
