import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/api/client';
import { tr } from '@/i18n';
import { forgetUnsavedAnswers, keepUnsavedAnswers } from '@/lib/unsaved-answers';
import type { Questionnaire } from '../api/get-questionnaire';
import { feedbackKeys } from '../api/keys';
import { saveDraft, type DraftBody, type DraftSaved } from '../api/save-draft';

export type SaveStatus =
  | { kind: 'idle'; savedAt: string | null }
  | { kind: 'pending'; savedAt: string | null }
  | { kind: 'saving'; savedAt: string | null }
  | { kind: 'saved'; savedAt: string }
  | { kind: 'retrying'; savedAt: string | null }
  /** The cycle closed under us (409): nothing more can be saved; the server keeps the last draft. */
  | { kind: 'closed'; savedAt: string | null; message: string }
  /** Refused for good (another 4xx): shown, not retried. */
  | { kind: 'failed'; savedAt: string | null; message: string };

const DEBOUNCE_MS = 800;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

/** A lost connection, a server error or a rate limit may pass; any other 4xx will not. */
const worthRetrying = (error: unknown): boolean => !isApiError(error) || error.status === 0 || error.status === 429 || error.status >= 500;

/**
 * Autosave of the questionnaire: `change(body)` after every edit sends the WHOLE draft (PUT
 * …/draft replaces it) once edits pause for ~800 ms. One save at a time; edits made meanwhile
 * go in the next one. Failures that may pass are retried with backoff ("Couldn't save —
 * retrying"), a 409 means the cycle closed. Leaving the page sends what is still unsaved.
 * Until the server has them, the answers are also kept in this browser (lib/unsaved-answers), so a
 * tab closed while saves fail loses nothing; the questionnaire offers them back when it reopens.
 */
export function useDraftAutosave(requestId: string, initialSavedAt: string | null, options: { onClosed?: (message: string) => void; personId: string }) {
  const { personId } = options;
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle', savedAt: initialSavedAt });
  const pending = useRef<DraftBody | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failures = useRef(0);
  const stopped = useRef(false);
  /** A submit is under way: edits are recorded, not sent. */
  const held = useRef(false);
  const savedAt = useRef(initialSavedAt);
  const onClosed = useRef(options.onClosed);
  // The newest callback, for the async save loop (updated after each render, read only later).
  useEffect(() => {
    onClosed.current = options.onClosed;
  });

  const remember = useCallback(
    (saved: DraftSaved, body: DraftBody) => {
      savedAt.current = saved.savedAt;
      // Keep the cached questionnaire in step, so coming back to the page shows these answers at once.
      queryClient.setQueryData<Questionnaire>(feedbackKeys.questionnaire(requestId), (old) =>
        old
          ? {
              ...old,
              state: saved.state,
              savedAt: saved.savedAt,
              progress: saved.progress,
              draft: { answers: body.answers ?? [], comments: body.comments ?? [] },
            }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.tasks() });
    },
    [queryClient, requestId],
  );

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (stopped.current || held.current) return;
    if (inFlight.current) {
      // A save is running: the newest edits follow when it ends.
      await inFlight.current;
      // eslint-disable-next-line react-hooks/immutability -- the loop calls itself after an await, when flush is long defined
      return flush();
    }
    const body = pending.current;
    if (!body) return;
    pending.current = null;
    setStatus({ kind: 'saving', savedAt: savedAt.current });
    const run = (async () => {
      try {
        const saved = await saveDraft(requestId, body);
        failures.current = 0;
        remember(saved, body);
        // Saved: the browser's copy goes, unless newer edits wait (then it is theirs, on top of this save).
        if (pending.current) keepUnsavedAnswers(personId, requestId, { body: pending.current, savedAt: saved.savedAt });
        else forgetUnsavedAnswers(personId, requestId);
        if (!stopped.current) setStatus(pending.current ? { kind: 'pending', savedAt: saved.savedAt } : { kind: 'saved', savedAt: saved.savedAt });
      } catch (error) {
        if (stopped.current) return;
        pending.current ??= body;
        if (isApiError(error, 409)) {
          stopped.current = true;
          // Nothing can be saved any more: the browser keeps no copy that could never be used.
          forgetUnsavedAnswers(personId, requestId);
          const message = error.message;
          setStatus({ kind: 'closed', savedAt: savedAt.current, message });
          onClosed.current?.(message);
        } else if (worthRetrying(error)) {
          const delay = RETRY_MS[Math.min(failures.current, RETRY_MS.length - 1)]!;
          failures.current += 1;
          setStatus({ kind: 'retrying', savedAt: savedAt.current });
          if (!held.current) timer.current = setTimeout(() => void flush(), delay);
        } else {
          setStatus({ kind: 'failed', savedAt: savedAt.current, message: isApiError(error) ? error.message : tr('error.unexpected') });
        }
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    // Edits that arrived during the save, with no retry already planned.
    if (pending.current && !timer.current && !stopped.current && !held.current) timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
  }, [personId, remember, requestId]);

  /** Call after every edit with the whole draft. */
  const change = useCallback(
    (body: DraftBody) => {
      if (stopped.current) return;
      pending.current = body;
      keepUnsavedAnswers(personId, requestId, { body, savedAt: savedAt.current });
      setStatus((s) => (s.kind === 'retrying' || s.kind === 'saving' ? s : { kind: 'pending', savedAt: savedAt.current }));
      // While retrying, the planned retry sends the newest body; otherwise wait for a pause in the edits.
      if (held.current || (failures.current > 0 && timer.current)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, personId, requestId],
  );

  /** Before a submit: no save may start meanwhile (the submit carries the answers itself). */
  const hold = useCallback(async () => {
    held.current = true;
    clearTimeout(timer.current);
    timer.current = undefined;
    if (inFlight.current) await inFlight.current;
  }, []);

  /** After a refused submit: save what is still unsaved. */
  const resume = useCallback(() => {
    held.current = false;
    if (pending.current && !stopped.current) timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
  }, [flush]);

  /** After a successful submit (or a close): nothing more to save, nor to keep in the browser. */
  const stop = useCallback(() => {
    stopped.current = true;
    pending.current = null;
    clearTimeout(timer.current);
    forgetUnsavedAnswers(personId, requestId);
  }, [personId, requestId]);

  // Leaving the page (another route) with unsaved edits: send them now rather than drop them.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      const body = pending.current;
      // While held, a submit carries these answers itself; a draft PUT after it would only be refused.
      if (body && !stopped.current && !held.current) {
        stopped.current = true;
        saveDraft(requestId, body).then(
          (saved) => {
            remember(saved, body);
            forgetUnsavedAnswers(personId, requestId);
          },
          () => undefined, // still kept in the browser, offered back next time
        );
      }
    },
    [personId, remember, requestId],
  );

  // Closing the tab with unsaved edits: let the browser ask first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (pending.current && !stopped.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return { status, change, hold, resume, stop, flush };
}
