import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { reportKeys } from './keys';

export type PulsePage = Schemas['PulsePageDto'];
export type Pulse = Schemas['PulseDto'];
export type PulseChange = Schemas['PulseChangeDto'];
export type AskPulse = Schemas['AskPulseDto'];

/** GET /api/plans/cycles/:cycleId/pulse: your plan's follow-up pulse, its progress and, once ready, then vs now. */
export function usePulse(cycleId: string, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: reportKeys.pulse(cycleId),
      queryFn: () => unwrap(api.GET('/api/plans/cycles/{cycleId}/pulse', { params: { path: { cycleId } } })),
      enabled,
    }),
  );
}

/** Asking and closing answer with the whole pulse page: it replaces the cached one. */
function usePulseMutation<T>(cycleId: string, call: (input: T) => Promise<PulsePage>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (page) => {
      queryClient.setQueryData(reportKeys.pulse(cycleId), page);
    },
  });
}

export function useAskPulse(cycleId: string) {
  return usePulseMutation(cycleId, (body: AskPulse) => unwrap(api.POST('/api/plans/cycles/{cycleId}/pulse', { params: { path: { cycleId } }, body })));
}

export function useClosePulse(cycleId: string) {
  return usePulseMutation(cycleId, () => unwrap(api.POST('/api/plans/cycles/{cycleId}/pulse/close', { params: { path: { cycleId } } })));
}

/** Colleagues to add to a pulse, by name, title or department (GET /api/people?search=). */
export function useSearchPeople(search: string) {
  return useQuery({
    queryKey: reportKeys.people(search),
    queryFn: () => unwrap(api.GET('/api/people', { params: { query: { search, limit: 8 } } })),
    enabled: search.length > 0,
    staleTime: 60_000,
  });
}
