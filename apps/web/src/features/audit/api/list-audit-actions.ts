import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

/** GET /api/audit-events/actions: the actions recorded in the organisation, for the "what" filter. */
export const listAuditActions = () => unwrap(api.GET('/api/audit-events/actions'));

export const auditActionsQueryOptions = () => queryOptions({ queryKey: ['audit-events', 'actions'], queryFn: listAuditActions, staleTime: 60_000 });

export function useAuditActions() {
  return useQuery(auditActionsQueryOptions());
}
