import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { organizationKeys } from './keys';

export type ScimToken = Schemas['ScimTokenDto'];
export type CreatedScimToken = Schemas['CreatedScimTokenDto'];

export const listScimTokens = () => unwrap(api.GET('/api/scim-tokens'));

export function useScimTokens() {
  return useQuery(queryOptions({ queryKey: organizationKeys.scimTokens, queryFn: listScimTokens }));
}

export function useCreateScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/scim-tokens', { body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.scimTokens }),
  });
}

export function useRevokeScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/scim-tokens/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.scimTokens }),
  });
}
