import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type InviteExternalRaterBody = Schemas['InviteExternalRaterDto'];

/** POST /api/cycles/:cycleId/subjects/:subjectId/external-raters {name, email}: HR's goes out at once; a subject's may wait for approval. */
export const inviteExternalRater = ({ cycleId, subjectId, ...body }: InviteExternalRaterBody & { cycleId: string; subjectId: string }) =>
  unwrap(api.POST('/api/cycles/{cycleId}/subjects/{subjectId}/external-raters', { params: { path: { cycleId, subjectId } }, body }));

export function useInviteExternalRater() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteExternalRater,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKeys.external() }),
  });
}
