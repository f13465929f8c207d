import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type PendingApproval = Schemas['PendingApprovalDto'];

/** GET /api/feedback-requests?mine=approvals: peer proposals waiting for me as the subject's manager. */
export async function listMyApprovals(): Promise<PendingApproval[]> {
  const list = await unwrap(api.GET('/api/feedback-requests', { params: { query: { mine: 'approvals' } } }));
  if (list.kind !== 'approvals') throw new Error(`Expected approvals, got a "${list.kind}" list`);
  return list.items;
}

export const myApprovalsQueryOptions = () => queryOptions({ queryKey: feedbackKeys.approvals(), queryFn: listMyApprovals });

export function useMyApprovals() {
  return useQuery(myApprovalsQueryOptions());
}
