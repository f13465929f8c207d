import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { cycleKeys } from './keys';

export type CreateCycleInput = Schemas['CreateCycleDto'];

export const createCycle = (body: CreateCycleInput) => unwrap(api.POST('/api/cycles', { body }));

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCycle,
    onSuccess: async (cycle) => {
      queryClient.setQueryData(cycleKeys.detail(cycle.id), cycle);
      await queryClient.invalidateQueries({ queryKey: cycleKeys.list() });
    },
  });
}
