const DAY = 24 * 60 * 60 * 1000;
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Whole calendar days from today to the date, in the reader's time zone. */
function calendarDays(date: Date, now: Date): number {
  const start = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return Math.round((start(date) - start(now)) / DAY);
}

/** "due in 5 days", "due tomorrow", "due today", "was due 2 days ago" — or null without a deadline. */
export function dueText(iso: string | null, now = new Date()): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  const days = calendarDays(date, now);
  if (date.getTime() < now.getTime()) return days === 0 ? 'was due today' : `was due ${relative.format(days, 'day')}`;
  return `due ${relative.format(days, 'day')}`;
}

/** True when a deadline is less than three days away (or gone): worth a warning tone. */
export const isSoon = (iso: string | null, now = new Date()): boolean => iso !== null && new Date(iso).getTime() - now.getTime() < 3 * DAY;

/** "10:42" */
export const clockTime = (iso: string): string => clock.format(new Date(iso));

export const capitalise = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
