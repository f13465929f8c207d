import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { feedbackKeys } from './keys';

export type Questionnaire = Schemas['QuestionnaireDto'];

/** GET /api/feedback-requests/:id: the questionnaire with my saved draft (only the rater gets it; others 404). */
export const getQuestionnaire = (id: string) => unwrap(api.GET('/api/feedback-requests/{id}', { params: { path: { id } } }));

export const questionnaireQueryOptions = (id: string) =>
  // The form keeps its own copy while open; a refetch on focus must not look like lost answers.
  queryOptions({ queryKey: feedbackKeys.questionnaire(id), queryFn: () => getQuestionnaire(id), refetchOnWindowFocus: false });

export function useQuestionnaire(id: string) {
  return useQuery(questionnaireQueryOptions(id));
}
