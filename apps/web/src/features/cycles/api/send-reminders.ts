import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { cycleKeys } from './keys';

/** 202 with the number of raters reminded; 429 within ten minutes of the previous one; 409 unless running. */
export const sendReminders = (id: string) => unwrap(api.POST('/api/cycles/{id}/reminders', { params: { path: { id } } }));

export function useSendReminders(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendReminders(cycleId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: cycleKeys.progress(cycleId) }),
        queryClient.invalidateQueries({ queryKey: cycleKeys.reminderPreview(cycleId) }),
      ]),
  });
}
