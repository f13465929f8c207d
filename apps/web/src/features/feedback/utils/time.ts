import type { MessageId } from '@/i18n';
import { getDisplayLocale } from '@/lib/format';

const DAY = 24 * 60 * 60 * 1000;

/** Whole calendar days from today to the date, in the reader's time zone. */
function calendarDays(date: Date, now: Date): number {
  const start = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return Math.round((start(date) - start(now)) / DAY);
}

/** "due in 5 days", "due tomorrow", "due today", "was due 2 days ago" (in the active language) — or null without a deadline. */
export function dueText(iso: string | null, t: (id: MessageId, values?: Record<string, string>) => string, now = new Date()): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  const days = calendarDays(date, now);
  const when = new Intl.RelativeTimeFormat(getDisplayLocale(), { numeric: 'auto' }).format(days, 'day');
  if (date.getTime() < now.getTime()) return days === 0 ? t('due.wasToday') : t('due.was', { when });
  return t('due.in', { when });
}

/** True when a deadline is less than three days away (or gone): worth a warning tone. */
export const isSoon = (iso: string | null, now = new Date()): boolean => iso !== null && new Date(iso).getTime() - now.getTime() < 3 * DAY;

/** "10:42" */
export const clockTime = (iso: string): string => new Intl.DateTimeFormat(getDisplayLocale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

export const capitalise = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
