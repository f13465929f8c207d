import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { frameworkKeys } from './keys';

export type FrameworkContent = Schemas['FrameworkContentDto'];

/**
 * PUT replaces the whole definition: in place, or as version N+1 when a launched cycle uses the
 * latest version (that cycle keeps its questionnaire). Compare `latestVersion.version` to tell.
 */
export const updateFramework = ({ id, ...body }: FrameworkContent & { id: string }) =>
  unwrap(api.PUT('/api/frameworks/{id}', { params: { path: { id } }, body }));

export function useUpdateFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFramework,
    onSuccess: async (framework) => {
      queryClient.setQueryData(frameworkKeys.detail(framework.id), framework);
      // Cycles in draft follow the latest version: their pages show its name and number.
      await Promise.all([queryClient.invalidateQueries({ queryKey: frameworkKeys.all }), queryClient.invalidateQueries({ queryKey: ['cycles'] })]);
    },
  });
}
