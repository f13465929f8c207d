import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { cycleKeys } from './keys';

export const listDepartments = () => unwrap(api.GET('/api/people/departments'));

export const departmentsQueryOptions = () => queryOptions({ queryKey: cycleKeys.departments(), queryFn: listDepartments, staleTime: 5 * 60_000 });

export function useDepartments() {
  return useQuery(departmentsQueryOptions());
}
