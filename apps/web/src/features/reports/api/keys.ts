/** Query keys of the reports feature: everything sits under `reportKeys.all`. */
export const reportKeys = {
  all: ['reports'] as const,
  mine: () => [...reportKeys.all, 'mine'] as const,
  report: (cycleId: string, subjectId: string) => [...reportKeys.all, 'report', cycleId, subjectId] as const,
  plan: (cycleId: string) => [...reportKeys.all, 'plan', cycleId] as const,
  sharedPlans: () => [...reportKeys.all, 'plans', 'shared'] as const,
  pulse: (cycleId: string) => [...reportKeys.all, 'pulse', cycleId] as const,
  people: (search: string) => [...reportKeys.all, 'people', search] as const,
};
