import { useCallback, useSyncExternalStore } from 'react';
import { useMe } from '@/lib/auth';
import { isLanguage, pickLanguage, type Language } from './languages';

/**
 * The language the app speaks to the person: the one on their profile when the API gives it, else the
 * one chosen in this browser, else the browser's own, else English.
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
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  // The one line to change when the API carries the person's language.
  const fromProfile = (me as { language?: string | null } | null | undefined)?.language;
  const language = pickLanguage(fromProfile, stored, typeof navigator === 'undefined' ? undefined : navigator.language);
  const setLanguage = useCallback((next: Language) => storeLanguage(next), []);
  return { language, setLanguage };
}
