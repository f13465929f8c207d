import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type MyCycle = Schemas['CycleListItemDto'];

/**
 * GET /api/cycles, kept to the cycles I am a subject of: where I can ask colleagues for feedback.
 * (HR gets every cycle from this endpoint; `myRoles` says which ones they are reviewed in.)
 */
export async function listMySubjectCycles(): Promise<MyCycle[]> {
  const { items } = await unwrap(api.GET('/api/cycles'));
  return items.filter((c) => c.myRoles.includes('subject') && c.state !== 'draft');
}

export const mySubjectCyclesQueryOptions = () => queryOptions({ queryKey: feedbackKeys.myCycles(), queryFn: listMySubjectCycles });

export function useMySubjectCycles() {
  return useQuery(mySubjectCyclesQueryOptions());
}

/**
 * Cycles in which I can still choose who gives me feedback: running, and before their nomination
 * deadline (after it only a replacement for a peer who dropped out can be asked, which the requests page tells).
 */
export const nominationsOpen = (cycles: MyCycle[], now: number): MyCycle[] =>
  cycles.filter((c) => (c.state === 'nominating' || c.state === 'collecting') && (c.nominationDeadline === null || Date.parse(c.nominationDeadline) > now));
