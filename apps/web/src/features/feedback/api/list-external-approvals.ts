import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type PendingExternalRater = Schemas['PendingExternalRaterDto'];

/** GET /api/external-raters/awaiting-approval: proposals waiting for me as the subject's manager (HR: of subjects without one). */
export const listExternalApprovals = async (): Promise<PendingExternalRater[]> => (await unwrap(api.GET('/api/external-raters/awaiting-approval'))).items;

export const externalApprovalsQueryOptions = () => queryOptions({ queryKey: feedbackKeys.externalApprovals(), queryFn: listExternalApprovals });

export function useExternalApprovals() {
  return useQuery(externalApprovalsQueryOptions());
}
