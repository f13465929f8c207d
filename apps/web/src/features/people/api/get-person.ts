import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { peopleKeys } from './keys';

export const getPerson = (id: string) => unwrap(api.GET('/api/people/{id}', { params: { path: { id } } }));

export const personQueryOptions = (id: string) => queryOptions({ queryKey: peopleKeys.detail(id), queryFn: () => getPerson(id) });

export function usePerson(id: string) {
  return useQuery(personQueryOptions(id));
}
