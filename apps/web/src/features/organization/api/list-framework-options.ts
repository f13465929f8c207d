import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { organizationKeys } from './keys';

/** The frameworks the default can be chosen from. */
export const listFrameworkOptions = () => unwrap(api.GET('/api/frameworks'));

export function useFrameworkOptions() {
  return useQuery(queryOptions({ queryKey: organizationKeys.frameworkOptions, queryFn: listFrameworkOptions }));
}
