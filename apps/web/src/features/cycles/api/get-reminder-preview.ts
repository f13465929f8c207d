import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type ReminderPreview = Schemas['ReminderPreviewDto'];

/** GET /api/cycles/:id/reminders: who "send reminder now" would mail, counted as the send counts. */
export const getReminderPreview = (id: string) => unwrap(api.GET('/api/cycles/{id}/reminders', { params: { path: { id } } }));

export const reminderPreviewQueryOptions = (id: string) =>
  queryOptions({ queryKey: cycleKeys.reminderPreview(id), queryFn: () => getReminderPreview(id), staleTime: 0 });

export function useReminderPreview(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...reminderPreviewQueryOptions(id), ...options });
}
