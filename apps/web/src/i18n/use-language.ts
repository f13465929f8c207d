import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { api, unwrap } from '@/api/client';
import { meQueryKey, useMe } from '@/lib/auth';
import { isLanguage, pickLanguage, type Language } from './languages';

/**
 * The language the app speaks to the person: signed in, the one in effect on their profile (their own
 * choice, else the organisation's); signed out, the one chosen in this browser, else the browser's own,
 * else English.
 */
const STORAGE_KEY = 'ripple.language';
const listeners = new Set<() => void>();

function readStored(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage refused (private window): the browser's language still applies
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key === STORAGE_KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Refused: the choice lasts until the page is reloaded.
  }
  for (const listener of listeners) listener();
}

export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const language = pickLanguage(me?.language, stored, typeof navigator === 'undefined' ? undefined : navigator.language);
  const signedIn = Boolean(me);
  const setLanguage = useCallback(
    (next: Language) => {
      storeLanguage(next);
      if (!signedIn) return;
      // Signed in, the choice is the person's (mails and PDFs follow it too); the server's texts
      // (framework statements, report words) depend on it, so everything is fetched again.
      void unwrap(api.PUT('/api/auth/me/language', { body: { language: next } })).then((updated) => {
        queryClient.setQueryData(meQueryKey, updated);
        void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      });
    },
    [signedIn, queryClient],
  );
  return { language, setLanguage };
}
