import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { CycleAction } from './get-cycle';
import { cycleKeys } from './keys';

/**
 * The four state changes, POST /api/cycles/:id/{launch|start-collecting|close|release}: one
 * family of endpoints with the same empty body and the same answer (the cycle), so one file.
 */
export const transitionCycle = ({ id, action }: { id: string; action: CycleAction }) => {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'launch':
      return unwrap(api.POST('/api/cycles/{id}/launch', params));
    case 'start-collecting':
      return unwrap(api.POST('/api/cycles/{id}/start-collecting', params));
    case 'close':
      return unwrap(api.POST('/api/cycles/{id}/close', params));
    case 'release':
      return unwrap(api.POST('/api/cycles/{id}/release', params));
  }
};

/** A launch freezes a framework version: the frameworks pages show which cycles use which version. */
const frameworksKey = ['frameworks'] as const;

export function useTransitionCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionCycle,
    onSuccess: async (cycle) => {
      queryClient.setQueryData(cycleKeys.detail(cycle.id), cycle);
      // Launch creates requests: subjects' counts and progress change with the state.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: cycleKeys.cycle(cycle.id) }),
        queryClient.invalidateQueries({ queryKey: cycleKeys.list() }),
        queryClient.invalidateQueries({ queryKey: frameworksKey }),
      ]);
    },
  });
}
