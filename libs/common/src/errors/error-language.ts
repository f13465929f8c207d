import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/languages';

/** The effective language of a signed-in person (their own, else their organisation's); null if unknown. */
export type PersonLanguageLookup = (person: { organizationId: string; personId: string }) => Promise<Language | null>;

/** What the error filter reads of a request to choose its language. */
export interface LanguageHints {
  url: string;
  headers?: Record<string, string | string[] | undefined>;
  query?: unknown;
  user?: unknown;
}

/**
 * The supported language an Accept-Language header prefers most ("de-CH;q=0.9, en;q=0.8" → de),
 * by quality then order; null when it names none of them.
 */
export function acceptedLanguage(header: string | string[] | undefined): Language | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  const ranges = value
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], quality: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.quality > 0 && Number.isFinite(r.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges.map((r) => r.language).find(isLanguage) ?? null;
}

const isSignedIn = (user: unknown): user is { organizationId: string; personId: string } =>
  typeof user === 'object' &&
  user !== null &&
  typeof (user as { personId?: unknown }).personId === 'string' &&
  typeof (user as { organizationId?: unknown }).organizationId === 'string';

/**
 * The language an error is written in: the signed-in person's; else, on the external
 * questionnaire, the language its page asked for (`?language=`); else the best match of
 * Accept-Language (the web app sends its own language); else English. Asked only when an error
 * is answered, so the success path never pays for it; a failed lookup falls through.
 */
export function errorLanguage(request: LanguageHints, lookup?: PersonLanguageLookup): Language | Promise<Language> {
  if (lookup && isSignedIn(request.user)) {
    return lookup({ organizationId: request.user.organizationId, personId: request.user.personId })
      .catch(() => null)
      .then((own) => own ?? anonymousLanguage(request));
  }
  return anonymousLanguage(request);
}

/** Without a person: the external questionnaire's own language, else Accept-Language, else English. */
function anonymousLanguage(request: LanguageHints): Language {
  if (request.url.startsWith('/api/external/')) {
    const asked = (request.query as { language?: unknown } | undefined)?.language;
    if (isLanguage(asked)) return asked;
  }
  return acceptedLanguage(request.headers?.['accept-language']) ?? DEFAULT_LANGUAGE;
}
