import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { meQueryKey } from '@/lib/auth';
import { peopleKeys } from './keys';

export type UpdatePersonInput = Schemas['UpdatePersonDto'];

export const updatePerson = ({ id, ...body }: UpdatePersonInput & { id: string }) => unwrap(api.PATCH('/api/people/{id}', { params: { path: { id } }, body }));

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: async (person) => {
      queryClient.setQueryData(peopleKeys.detail(person.id), person);
      // Names and managers show up in other people's rows, and HR may have edited themself.
      await Promise.all([queryClient.invalidateQueries({ queryKey: peopleKeys.all }), queryClient.invalidateQueries({ queryKey: meQueryKey })]);
    },
  });
}
