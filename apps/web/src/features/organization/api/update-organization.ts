import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { meQueryKey } from '@/lib/auth';
import { organizationKeys } from './keys';

export type UpdateOrganizationInput = Schemas['UpdateOrganizationSettingsDto'];

export const updateOrganization = (body: UpdateOrganizationInput) => unwrap(api.PATCH('/api/organization', { body }));

/** The name and time zone also travel with `me` (top bar, dates everywhere): refreshed with the settings. */
export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: async (settings) => {
      queryClient.setQueryData(organizationKeys.settings, settings);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
