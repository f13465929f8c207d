import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import type { paths } from '@/api/schema';

export type AuditEvent = Schemas['AuditEventDto'];
export type AuditQuery = NonNullable<paths['/api/audit-events']['get']['parameters']['query']>;

export const listAuditEvents = (query: AuditQuery) => unwrap(api.GET('/api/audit-events', { params: { query } }));

export const auditEventsQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: ['audit-events', query],
    // The answer carries its query, so paging text describes the rows shown while the next page loads.
    queryFn: async () => ({ ...(await listAuditEvents(query)), query }),
    placeholderData: keepPreviousData,
  });

export function useAuditEvents(query: AuditQuery) {
  return useQuery(auditEventsQueryOptions(query));
}
