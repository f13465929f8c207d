import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { de } from './messages.de';
import { en, type MessageKey } from './messages.en';
import type { Language } from './languages';

export type { MessageKey } from './messages.en';

/** Every catalogue, by language: one per entry of LANGUAGES (the type refuses a missing one). */
export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, de };

/** The locale each language formats numbers and dates in: British English (as the web app), German. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };

type MessageValues = Record<string, string | number | Date>;

/** Words, numbers, dates and lists in one language: what a mail, a PDF or a CSV is written with. */
export interface Translator {
  readonly language: Language;
  readonly locale: string;
  t(key: MessageKey, values?: MessageValues): string;
  /** A number with exactly `digits` decimals, in the language's notation ("3.50", "3,50"). */
  decimal(value: number, digits?: number): string;
  date(value: Date | string, options: Intl.DateTimeFormatOptions): string;
  /** "a, b and c" / "a, b und c". */
  list(items: readonly string[]): string;
}

const cache = createIntlCache();
const translators = new Map<Language, Translator>();

function build(language: Language): Translator {
  const intl: IntlShape<string> = createIntl({ locale: LOCALES[language], messages: CATALOGUES[language], defaultLocale: 'en-GB' }, cache);
  return {
    language,
    locale: LOCALES[language],
    // Values are data, never markup: formatMessage with plain values returns a string.
    t: (key, values) => intl.formatMessage({ id: key }, values),
    decimal: (value, digits = 2) => intl.formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }),
    date: (value, options) => intl.formatDate(typeof value === 'string' ? new Date(value) : value, options),
    list: (items) => intl.formatList(items, { type: 'conjunction' }),
  };
}

/** The translator of a language (one per language, kept for the life of the process). */
export function translator(language: Language): Translator {
  let t = translators.get(language);
  if (!t) translators.set(language, (t = build(language)));
  return t;
}
export { en as ENGLISH_MESSAGES };
