import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import type { paths } from '@/api/schema';
import { peopleKeys } from './keys';

/** A person as HR admins see them. */
export type Person = Schemas['PersonDto'];
/** A colleague as members see them: id, name, title, department. */
export type PersonSummary = Schemas['PersonSummaryDto'];
/** What the directory returns: the API chooses the view by the caller's role. */
export type PersonView = Person | PersonSummary;

/** Whether this is HR's full view (role, sign-in, email, manager) rather than a member's summary. */
export const isFullPerson = (person: PersonView): person is Person => 'role' in person;
export type ListPeopleQuery = NonNullable<paths['/api/people']['get']['parameters']['query']>;

export const listPeople = (query: ListPeopleQuery) => unwrap(api.GET('/api/people', { params: { query } }));

/**
 * The answer carries the query it answers: while the next page loads, the previous one stays on
 * screen (no flash of an empty table) and paging text must describe the rows shown, not the URL.
 */
export const listPeopleQueryOptions = (query: ListPeopleQuery) =>
  queryOptions({
    queryKey: peopleKeys.list(query),
    queryFn: async () => ({ ...(await listPeople(query)), query }),
    placeholderData: keepPreviousData,
  });

export function useListPeople(query: ListPeopleQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ ...listPeopleQueryOptions(query), ...options });
}
