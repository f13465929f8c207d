import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type FeedbackTaskCycle = Schemas['FeedbackTaskCycleDto'];
export type FeedbackTask = Schemas['FeedbackTaskDto'];

/** GET /api/feedback-requests?mine=true: the requests put to me as a rater, by cycle (newest first). */
export async function listMyTasks(): Promise<FeedbackTaskCycle[]> {
  const list = await unwrap(api.GET('/api/feedback-requests', { params: { query: { mine: 'true' } } }));
  if (list.kind !== 'tasks') throw new Error(`Expected my feedback tasks, got a "${list.kind}" list`);
  return list.cycles;
}

export const myTasksQueryOptions = () => queryOptions({ queryKey: feedbackKeys.tasks(), queryFn: listMyTasks });

export function useMyTasks() {
  return useQuery(myTasksQueryOptions());
}

/** Requests I can still answer (open or in progress, in a cycle that accepts answers). */
export const waitingTasks = (cycles: FeedbackTaskCycle[]): FeedbackTask[] => cycles.flatMap((c) => c.requests.filter((r) => r.canAnswer));
