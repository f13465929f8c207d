import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { reportKeys } from './keys';

export type PlanPage = Schemas['PlanPageDto'];
export type PlanItemInput = Schemas['PlanItemInputDto'];
export type PlanSuggestion = Schemas['PlanSuggestionDto'];
export type SharedPlan = Schemas['SharedPlanDto'];

/** GET /api/plans/cycles/:cycleId: your plan for your released report, with what the report suggests. */
export const getPlan = (cycleId: string) => unwrap(api.GET('/api/plans/cycles/{cycleId}', { params: { path: { cycleId } } }));

export function usePlan(cycleId: string) {
  return useQuery(queryOptions({ queryKey: reportKeys.plan(cycleId), queryFn: () => getPlan(cycleId) }));
}

/** Saving, sharing and withdrawing all answer with the whole page: it replaces the cached one. */
function usePlanMutation<T>(cycleId: string, call: (input: T) => Promise<PlanPage>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (page) => {
      queryClient.setQueryData(reportKeys.plan(cycleId), page);
    },
  });
}

export function useSavePlan(cycleId: string) {
  return usePlanMutation(cycleId, (items: PlanItemInput[]) =>
    unwrap(api.PUT('/api/plans/cycles/{cycleId}', { params: { path: { cycleId } }, body: { items } })),
  );
}

export function useSharePlan(cycleId: string) {
  return usePlanMutation(cycleId, (share: boolean) =>
    share
      ? unwrap(api.PUT('/api/plans/cycles/{cycleId}/share', { params: { path: { cycleId } } }))
      : unwrap(api.DELETE('/api/plans/cycles/{cycleId}/share', { params: { path: { cycleId } } })),
  );
}

/** GET /api/plans/shared: the plans your direct reports shared with you, with a conversation guide each. */
export function useSharedPlans() {
  return useQuery(queryOptions({ queryKey: reportKeys.sharedPlans(), queryFn: () => unwrap(api.GET('/api/plans/shared')) }));
}

/** The plan page's address in the web app. */
export const planPath = (cycleId: string): string => `/reports/cycles/${cycleId}/plan`;
