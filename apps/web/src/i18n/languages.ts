/** The languages the web app speaks. English is the source language: every other catalogue translates its keys. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language by its own name, so that anyone can find theirs whatever the page is in. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The first candidate Ripple speaks, by its primary subtag ("de-AT" → "de"), else English. */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The locale numbers and dates are written in: the browser's own variant when it speaks the same
 * language ("en-GB" keeps day-month dates), else the language itself ("3,4" in German). A tag Intl
 * cannot read (a POSIX one such as "en-US@posix", or anything malformed) counts as no variant:
 * formatting must never throw because of what a browser reports.
 */
export function displayLocale(language: Language, browser: string | null | undefined): string {
  if (!browser || browser.toLowerCase().split(/[-_]/)[0] !== language) return language;
  try {
    const [canonical] = Intl.getCanonicalLocales(browser);
    return canonical && Intl.NumberFormat.supportedLocalesOf([canonical]).length ? canonical : language;
  } catch {
    return language;
  }
}
