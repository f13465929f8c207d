/**
 * The organisation's time zone, set once the signed-in person is known: every date and time in the
 * app is shown on the organisation's clock (deadlines are set on it), not the reader's.
 */
let displayTimeZone: string | undefined;
let dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
let date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function setDisplayTimeZone(timeZone: string | undefined): void {
  if (timeZone === displayTimeZone) return;
  displayTimeZone = timeZone;
  dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone });
}

export const getDisplayTimeZone = (): string | undefined => displayTimeZone;

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatDate = (iso: string): string => date.format(new Date(iso));

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** "A message" from "a message": API field messages start lower-case. */
export const sentence = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
