import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type TeamView = Schemas['TeamViewDto'];
export type TeamCell = Schemas['HeatmapCellDto'];

const teamKeys = {
  all: ['team'] as const,
  cycles: () => [...teamKeys.all, 'cycles'] as const,
  view: (cycleId: string) => [...teamKeys.all, 'view', cycleId] as const,
};

/** GET /api/reports/team: released cycles in which I managed someone, newest first. */
export const teamCyclesQueryOptions = () =>
  queryOptions({ queryKey: teamKeys.cycles(), queryFn: async () => (await unwrap(api.GET('/api/reports/team'))).items });

export function useTeamCycles() {
  return useQuery(teamCyclesQueryOptions());
}

/** GET /api/reports/cycles/{cycleId}/team: my direct reports as one group, beside the organisation. */
export function useTeamView(cycleId: string | undefined) {
  return useQuery({
    queryKey: teamKeys.view(cycleId ?? ''),
    queryFn: () => unwrap(api.GET('/api/reports/cycles/{cycleId}/team', { params: { path: { cycleId: cycleId! } } })),
    enabled: cycleId !== undefined,
  });
}
