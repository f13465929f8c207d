import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type OutboxMessage = Schemas['OutboxMessageDto'];

export const listOutbox = () => unwrap(api.GET('/api/outbox'));

export const outboxQueryOptions = () => queryOptions({ queryKey: ['outbox'], queryFn: listOutbox, staleTime: 0 });

/** Mail is written by other pages (invitations, reminders): always refetch when the page opens. */
export function useOutbox() {
  return useQuery({ ...outboxQueryOptions(), refetchOnMount: 'always' });
}
