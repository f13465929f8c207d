import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { organizationKeys } from './keys';

export type SsoSettings = Schemas['SsoSettingsDto'];
export type UpdateSsoSettingsInput = Schemas['UpdateSsoSettingsDto'];

export const getSsoSettings = () => unwrap(api.GET('/api/organization/sso'));

export function useSsoSettings() {
  return useQuery(queryOptions({ queryKey: organizationKeys.sso, queryFn: getSsoSettings }));
}

export function useSaveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSsoSettingsInput) => unwrap(api.PUT('/api/organization/sso', { body })),
    onSuccess: (settings) => queryClient.setQueryData(organizationKeys.sso, settings),
  });
}

export function useRemoveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/organization/sso')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organizationKeys.sso }),
  });
}

/** Starts HR's test sign-in: the browser goes to the provider and comes back to the settings page. */
export function useStartSsoTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/organization/sso/test')),
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
    // A provider that cannot be reached is reported on the page, as the last test.
    onError: () => queryClient.invalidateQueries({ queryKey: organizationKeys.sso }),
  });
}
