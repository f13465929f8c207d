import { api, unwrap, type Schemas } from '@/api/client';

export type DraftBody = Schemas['DraftDto'];
export type DraftSaved = Schemas['DraftSavedDto'];

/**
 * PUT /api/feedback-requests/:id/draft: replaces the whole draft. Called by the autosave hook
 * (use-draft-autosave), which owns debouncing, retries and the cache update, so no mutation hook here.
 */
export const saveDraft = (id: string, body: DraftBody): Promise<DraftSaved> =>
  unwrap(api.PUT('/api/feedback-requests/{id}/draft', { params: { path: { id } }, body }));
