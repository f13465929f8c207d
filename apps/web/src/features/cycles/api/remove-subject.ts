import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { cycleKeys } from './keys';

/** Draft only (409 afterwards). */
export const removeSubject = ({ id, personId }: { id: string; personId: string }) =>
  unwrap(api.DELETE('/api/cycles/{id}/subjects/{personId}', { params: { path: { id, personId } } }));

export function useRemoveSubject(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (subject: { personId: string; name: string }) => removeSubject({ id: cycleId, personId: subject.personId }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: cycleKeys.cycle(cycleId) }), queryClient.invalidateQueries({ queryKey: cycleKeys.list() })]),
  });
}
