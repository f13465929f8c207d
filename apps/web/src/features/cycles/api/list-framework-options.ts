import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { frameworkOptionsKey } from './keys';

/** The frameworks a cycle can use (GET /api/frameworks seeds the default one on first call). */
export const listFrameworkOptions = () => unwrap(api.GET('/api/frameworks'));

export const frameworkOptionsQueryOptions = () => queryOptions({ queryKey: frameworkOptionsKey, queryFn: listFrameworkOptions });

export function useFrameworkOptions() {
  return useQuery(frameworkOptionsQueryOptions());
}
