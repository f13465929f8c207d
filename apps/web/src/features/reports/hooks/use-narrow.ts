import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 640px)'; // i18n-exempt: a CSS media query

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** True on phone-width screens (the breakpoint of the app's stacked tables), kept in step as the window resizes. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
