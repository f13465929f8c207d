import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { frameworkKeys } from './keys';

/** POST /api/frameworks with `copyFrom`: a new framework (version 1) from another's latest version. */
export const copyFramework = (body: { copyFrom: string; name: string; description?: string }) => unwrap(api.POST('/api/frameworks', { body }));

export function useCopyFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: copyFramework,
    onSuccess: async (framework) => {
      queryClient.setQueryData(frameworkKeys.detail(framework.id), framework);
      await queryClient.invalidateQueries({ queryKey: frameworkKeys.list() });
    },
  });
}
