import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type AddSubjectsInput = Schemas['AddSubjectsDto'];

/** Exactly one of personIds, department or everyone. Adding someone twice is harmless (alreadyIncluded). */
export const addSubjects = ({ id, ...body }: AddSubjectsInput & { id: string }) =>
  unwrap(api.POST('/api/cycles/{id}/subjects', { params: { path: { id } }, body }));

export function useAddSubjects(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddSubjectsInput) => addSubjects({ id: cycleId, ...body }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: cycleKeys.cycle(cycleId) }), queryClient.invalidateQueries({ queryKey: cycleKeys.list() })]),
  });
}
