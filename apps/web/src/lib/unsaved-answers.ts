/**
 * A rater's answers that the server has not confirmed yet, kept in this browser (localStorage) so
 * that a failing save and a closed tab lose nothing. Only the questionnaire writes here, keyed by
 * the person and the request; an entry goes as soon as the server has the answers, when the
 * answers are submitted, and every entry goes at sign-out (a shared computer keeps nobody's
 * answers). Signing in as someone else drops the entries of anyone else. Answers are confidential:
 * they are kept nowhere but here and on the server.
 */
const PREFIX = 'ripple.unsaved-answers.';

export interface UnsavedAnswers<T> {
  /** The answers, as the draft the server takes. */
  body: T;
  /** When the server last saved this draft before these edits (null: never): a newer save elsewhere makes them stale. */
  savedAt: string | null;
}

const keyOf = (personId: string, requestId: string): string => `${PREFIX}${personId}.${requestId}`;

/** localStorage may be missing or full (private windows, quotas): keeping answers here is a help, never a failure. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function keepUnsavedAnswers<T>(personId: string, requestId: string, entry: UnsavedAnswers<T>): void {
  try {
    storage()?.setItem(keyOf(personId, requestId), JSON.stringify(entry));
  } catch {
    // Full or refused: the answers are still in the page and still being saved.
  }
}

export function readUnsavedAnswers<T>(personId: string, requestId: string): UnsavedAnswers<T> | null {
  const raw = storage()?.getItem(keyOf(personId, requestId));
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as Partial<UnsavedAnswers<T>>;
    if (typeof entry !== 'object' || entry === null || typeof entry.body !== 'object' || entry.body === null) return null;
    return { body: entry.body, savedAt: typeof entry.savedAt === 'string' ? entry.savedAt : null };
  } catch {
    return null;
  }
}

export function forgetUnsavedAnswers(personId: string, requestId: string): void {
  storage()?.removeItem(keyOf(personId, requestId));
}

/** Every entry, or every entry but `keepPersonId`'s. */
export function forgetAllUnsavedAnswers(keepPersonId?: string): void {
  const store = storage();
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => k !== null && k.startsWith(PREFIX));
  for (const key of keys) if (!keepPersonId || !key.startsWith(`${PREFIX}${keepPersonId}.`)) store.removeItem(key);
}
