import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { peopleKeys } from './keys';

export type DeactivatePersonInput = Schemas['DeactivatePersonDto'];

export const deactivatePerson = ({ id, ...body }: DeactivatePersonInput & { id: string }) =>
  unwrap(api.POST('/api/people/{id}/deactivate', { params: { path: { id } }, body }));

export const reactivatePerson = (id: string) => unwrap(api.POST('/api/people/{id}/reactivate', { params: { path: { id } } }));

/** Leaving moves direct reports too: every people query is stale afterwards. */
export function useDeactivatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivatePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useReactivatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reactivatePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
