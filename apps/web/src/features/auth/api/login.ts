import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { switchPerson } from '@/lib/auth';

export type LoginInput = Schemas['LoginDto'];

export const login = (body: LoginInput) => unwrap(api.POST('/api/auth/login', { body }));

/** On success the cache is emptied (nothing of a previous person survives) and holds the new `me`. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      switchPerson(queryClient, me);
    },
  });
}
