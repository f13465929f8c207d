import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { selfRequestKeys } from './keys';

/** GET /api/reports/cycles/:cycleId/shares: whom you shared your report with. */
export function useReportShares(cycleId: string, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: selfRequestKeys.shares(cycleId),
      queryFn: () => unwrap(api.GET('/api/reports/cycles/{cycleId}/shares', { params: { path: { cycleId } } })),
      enabled,
    }),
  );
}

/** Sharing and withdrawing both answer with the whole list: it replaces the cached one. */
export function useShareReport(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, share }: { personId: string; share: boolean }) =>
      share
        ? unwrap(api.PUT('/api/reports/cycles/{cycleId}/shares/{personId}', { params: { path: { cycleId, personId } } }))
        : unwrap(api.DELETE('/api/reports/cycles/{cycleId}/shares/{personId}', { params: { path: { cycleId, personId } } })),
    onSuccess: (list) => queryClient.setQueryData(selfRequestKeys.shares(cycleId), list),
  });
}
