import { api, unwrap, type Schemas } from '@/api/client';

export type ExternalQuestionnaire = Schemas['ExternalQuestionnaireDto'];
export type ExternalAnswers = Schemas['DraftDto'];

/** POST /api/external/open: spends the mailed link for access in this browser (the token goes in the body, never a log). */
export const openExternalLink = (token: string) => unwrap(api.POST('/api/external/open', { body: { token } }));

/**
 * GET /api/external/questionnaire: the one questionnaire this browser may open, in the language the
 * rater was invited in, or in `language` when they switch on the page.
 */
export const getExternalQuestionnaire = (language?: ExternalQuestionnaire['language']) =>
  unwrap(api.GET('/api/external/questionnaire', { params: { query: language ? { language } : {} } }));

export const saveExternalDraft = (body: ExternalAnswers) => unwrap(api.PUT('/api/external/questionnaire/draft', { body }));

export const submitExternalAnswers = (body: ExternalAnswers) => unwrap(api.POST('/api/external/questionnaire/submit', { body }));
