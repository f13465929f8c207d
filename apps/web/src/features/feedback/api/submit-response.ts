import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap, type Schemas } from '@/api/client';
import type { Questionnaire } from './get-questionnaire';
import { feedbackKeys } from './keys';

export type SubmitBody = Schemas['SubmitDto'];
export type Submission = Schemas['SubmissionDto'];

export interface SubmitInput {
  id: string;
  body: SubmitBody;
  /** One key per submit attempt, reused by every retry of that attempt: the server answers a repeat with the first result. */
  idempotencyKey: string;
}

const RETRY_DELAYS_MS = [1000, 3000];

/** Only a lost connection or a server error is worth sending again; a 4xx answer stands. */
const retryable = (error: unknown): boolean => isApiError(error) && (error.status === 0 || error.status >= 500);

/** POST /api/feedback-requests/:id/submit with an Idempotency-Key; retried with the same key after a network or server failure. */
export async function submitResponse({ id, body, idempotencyKey }: SubmitInput): Promise<Submission> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await unwrap(api.POST('/api/feedback-requests/{id}/submit', { params: { path: { id }, header: { 'idempotency-key': idempotencyKey } }, body }));
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export function useSubmitResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitResponse,
    onSuccess: async (submission, { id, body }) => {
      // Read-only at once, with exactly what was sent; the refetch below confirms it.
      queryClient.setQueryData<Questionnaire>(feedbackKeys.questionnaire(id), (old) =>
        old
          ? {
              ...old,
              state: 'submitted',
              canEdit: false,
              submittedAt: submission.submittedAt,
              progress: submission.progress,
              draft: { answers: body.answers ?? [], comments: body.comments ?? [] },
            }
          : old,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: feedbackKeys.questionnaire(id) }),
        queryClient.invalidateQueries({ queryKey: feedbackKeys.tasks() }),
      ]);
    },
  });
}
