import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import type { MessageId } from './en';
import { en } from './en';

/**
 * The active catalogue for plain functions outside components (tables of labels, formatters in
 * utils/): set by the I18nProvider while it renders, before any child reads it, as lib/format's
 * locale is. Components use `useT()`.
 */
const cache = createIntlCache();
let current: IntlShape = createIntl({ locale: 'en', messages: en }, cache);

export function setCurrentIntl(locale: string, messages: Record<MessageId, string>, timeZone?: string): void {
  if (current.locale === locale && current.messages === messages && current.timeZone === timeZone) return;
  current = createIntl({ locale, messages, defaultLocale: 'en', timeZone }, cache);
}

/** A message of the active catalogue, outside React. */
export const tr = (id: MessageId, values?: Record<string, string | number>): string => current.formatMessage({ id }, values);

/** A number in the active locale with exactly `digits` decimals: "3.40" in English, "3,40" in German. */
export const formatDecimal = (value: number, digits = 2): string =>
  current.formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The active locale ("de-DE", "en-GB"): what the API writes its error messages in for a signed-out page. */
export const currentLocale = (): string => current.locale;
