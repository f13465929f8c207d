import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { switchPerson } from '@/lib/auth';

export type AcceptInvitationInput = Schemas['AcceptInvitationDto'];

export const acceptInvitation = (body: AcceptInvitationInput) => unwrap(api.POST('/api/auth/accept-invitation', { body }));

/** Setting the password also signs the person in. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (me) => {
      switchPerson(queryClient, me);
    },
  });
}
