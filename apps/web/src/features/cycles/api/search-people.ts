import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

/** HR's full view or, for anyone else, the summary (id, name, title, department). */
export type PersonOption = Schemas['PersonDto'] | Schemas['PersonSummaryDto'];

/** The line under a name in a picker: title and department, else the email when HR sees it. */
export const detailOf = (p: PersonOption): string => [p.title, p.department].filter(Boolean).join(' · ') || ('email' in p ? p.email : '');

/** People to add as subjects, by name, email, title or department (GET /api/people?search=). */
export const searchPeople = (search: string) => unwrap(api.GET('/api/people', { params: { query: { search, limit: 8 } } }));

export const searchPeopleQueryOptions = (search: string) =>
  queryOptions({ queryKey: cycleKeys.peopleSearch(search), queryFn: () => searchPeople(search), staleTime: 60_000 });

export function useSearchPeople(search: string, enabled: boolean) {
  return useQuery({ ...searchPeopleQueryOptions(search), enabled: enabled && search.length > 0 });
}
