import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { organizationKeys } from './keys';

/** GET /api/self-requests/activity (HR): that self-started requests happened — who, when — never their content. */
export function useSelfRequestActivity() {
  return useQuery(queryOptions({ queryKey: organizationKeys.selfRequestActivity, queryFn: () => unwrap(api.GET('/api/self-requests/activity')) }));
}
