/** Query keys of the self-requests feature: everything sits under `selfRequestKeys.all`. */
export const selfRequestKeys = {
  all: ['self-requests'] as const,
  options: () => [...selfRequestKeys.all, 'options'] as const,
  mine: () => [...selfRequestKeys.all, 'mine'] as const,
  shares: (cycleId: string) => [...selfRequestKeys.all, 'shares', cycleId] as const,
  colleagues: (search: string) => [...selfRequestKeys.all, 'colleagues', search] as const,
};
