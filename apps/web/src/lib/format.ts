/**
 * The organisation's time zone, set once the signed-in person is known: every date and time in the
 * app is shown on the organisation's clock (deadlines are set on it), not the reader's. The locale is
 * the active language's (see i18n/I18nProvider).
 */
let displayTimeZone: string | undefined;
let displayLocale: string | undefined;
let dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
let date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function rebuild(): void {
  dateTime = new Intl.DateTimeFormat(displayLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: displayTimeZone });
  date = new Intl.DateTimeFormat(displayLocale, { dateStyle: 'medium', timeZone: displayTimeZone });
}

export function setDisplayTimeZone(timeZone: string | undefined): void {
  if (timeZone === displayTimeZone) return;
  displayTimeZone = timeZone;
  rebuild();
}

export function setDisplayLocale(locale: string | undefined): void {
  if (locale === displayLocale) return;
  displayLocale = locale;
  rebuild();
}

export const getDisplayTimeZone = (): string | undefined => displayTimeZone;
export const getDisplayLocale = (): string | undefined => displayLocale;

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatDate = (iso: string): string => date.format(new Date(iso));

export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** "A message" from "a message": API field messages start lower-case. */
export const sentence = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
