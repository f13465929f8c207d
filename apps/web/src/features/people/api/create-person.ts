import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { peopleKeys } from './keys';

export type CreatePersonInput = Schemas['CreatePersonDto'];

export const createPerson = (body: CreatePersonInput) => unwrap(api.POST('/api/people', { body }));

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: async (person) => {
      queryClient.setQueryData(peopleKeys.detail(person.id), person);
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}
