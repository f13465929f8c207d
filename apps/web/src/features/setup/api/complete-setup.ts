import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { switchPerson } from '@/lib/auth';
import { setupStatusKey } from '@/lib/setup';

export type CompleteSetupInput = Schemas['CompleteSetupDto'];

export const completeSetup = (body: CompleteSetupInput) => unwrap(api.POST('/api/setup', { body }));

/** Creates the organisation and signs its first HR admin in; set-up is then gone for good. */
export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSetup,
    onSuccess: (me) => {
      switchPerson(queryClient, me);
      queryClient.setQueryData(setupStatusKey, false);
    },
  });
}
