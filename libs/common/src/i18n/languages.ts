/**
 * The languages Ripple speaks. One list: the database checks (migration AddLanguages), the DTOs'
 * validation and the catalogues (./catalogue.ts) all follow it. Adding one: README, "Languages".
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A person's language: their own choice, else their organisation's. */
export function effectiveLanguage(own: string | null | undefined, organization: string | null | undefined): Language {
  if (isLanguage(own)) return own;
  return isLanguage(organization) ? organization : DEFAULT_LANGUAGE;
}
