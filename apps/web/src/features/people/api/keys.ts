import type { ListPeopleQuery } from './list-people';

/** Query keys of the people feature: mutations invalidate `peopleKeys.all` (lists, details, departments). */
export const peopleKeys = {
  all: ['people'] as const,
  lists: () => [...peopleKeys.all, 'list'] as const,
  list: (query: ListPeopleQuery) => [...peopleKeys.lists(), query] as const,
  detail: (id: string) => [...peopleKeys.all, 'detail', id] as const,
  departments: () => [...peopleKeys.all, 'departments'] as const,
};
