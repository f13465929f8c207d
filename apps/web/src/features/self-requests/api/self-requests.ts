import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { selfRequestKeys } from './keys';

export type SelfRequest = Schemas['SelfRequestDto'];
export type SelfRequestOptions = Schemas['SelfRequestOptionsDto'];
export type StartSelfRequest = Schemas['StartSelfRequestDto'];

/** GET /api/self-requests/options: whether asking is on, the limits, the behaviours to choose from. */
export function useSelfRequestOptions() {
  return useQuery(queryOptions({ queryKey: selfRequestKeys.options(), queryFn: () => unwrap(api.GET('/api/self-requests/options')) }));
}

/** GET /api/self-requests: your own requests, newest first. */
export function useMySelfRequests() {
  return useQuery(queryOptions({ queryKey: selfRequestKeys.mine(), queryFn: () => unwrap(api.GET('/api/self-requests')) }));
}

export function useStartSelfRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartSelfRequest) => unwrap(api.POST('/api/self-requests', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: selfRequestKeys.mine() }),
  });
}

export function useCloseSelfRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/self-requests/{id}/close', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: selfRequestKeys.mine() }),
  });
}

/** Colleagues to ask or share with, by name, title or department (GET /api/people?search=). */
export function useSearchColleagues(search: string) {
  return useQuery({
    queryKey: selfRequestKeys.colleagues(search),
    queryFn: () => unwrap(api.GET('/api/people', { params: { query: { search, limit: 8 } } })),
    enabled: search.length > 0,
    staleTime: 60_000,
  });
}
