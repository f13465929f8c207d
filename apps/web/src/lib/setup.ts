import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '@/api/client';

/**
 * Whether this Ripple still waits for its first-run set-up (no organisation yet). Asked only by
 * signed-out pages: nobody can be signed in before set-up. Once done the API answers `pending: false` for good.
 */
export const setupStatusKey = ['setup', 'status'] as const;

export async function getSetupPending(): Promise<boolean> {
  try {
    return (await unwrap(api.GET('/api/setup'))).pending;
  } catch (error) {
    if (isApiError(error, 410) || isApiError(error, 404)) return false;
    throw error;
  }
}

export function useSetupPending(enabled = true) {
  return useQuery(queryOptions({ queryKey: setupStatusKey, queryFn: getSetupPending, staleTime: Infinity, enabled }));
}
