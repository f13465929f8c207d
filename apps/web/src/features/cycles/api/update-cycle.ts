import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type UpdateCycleInput = Schemas['UpdateCycleDto'];

/** The API merges `settings` into the current ones; a locked setting that changes is a 409 naming it. */
export const updateCycle = ({ id, ...body }: UpdateCycleInput & { id: string }) => unwrap(api.PATCH('/api/cycles/{id}', { params: { path: { id } }, body }));

export function useUpdateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCycle,
    onSuccess: async (cycle) => {
      queryClient.setQueryData(cycleKeys.detail(cycle.id), cycle);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: cycleKeys.cycle(cycle.id) }),
        queryClient.invalidateQueries({ queryKey: cycleKeys.list() }),
      ]);
    },
  });
}
