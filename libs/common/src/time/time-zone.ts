/**
 * Wall-clock times in an organisation's time zone (an IANA name such as "Europe/Paris"), with
 * nothing but Intl: deadlines typed without an offset mean the organisation's clock, and reminders
 * go out at a fixed hour of its day, also across daylight-saving changes.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True for a time zone name this runtime knows (IANA names such as "Europe/Paris", or "UTC"). */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || !name || name.length > 64) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** What clocks in `timeZone` show at `instant`. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const asUtc = (w: WallTime): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The zone's offset from UTC at `instant`, in ms (east positive), to the second. */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return asUtc(wallTimeAt(new Date(whole), timeZone)) - whole;
}

/**
 * The instant at which clocks in `timeZone` show `wall`. A wall time skipped by a spring-forward
 * gap is read with the offset before the change (02:30 becomes 03:30); one that happens twice in
 * an autumn overlap is the first of the two.
 */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const naive = asUtc(wall);
  // The offsets of the day around it: the right one is whichever maps back onto the wall time.
  const before = offsetAt(naive - 86_400_000, timeZone);
  const after = offsetAt(naive + 86_400_000, timeZone);
  const candidates = [naive - before, naive - after].filter((t) => asUtc(wallTimeAt(new Date(t), timeZone)) === naive);
  if (candidates.length) return new Date(Math.min(...candidates));
  return new Date(naive - before);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/**
 * "2026-03-14T23:59" (no offset, as an HTML datetime input gives it) as a wall time; null for
 * anything else, including strings that carry an offset or a "Z", which name an instant already.
 */
export function parseWallTime(text: string): WallTime | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  const wall: WallTime = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) };
  const check = new Date(asUtc(wall));
  const valid =
    check.getUTCFullYear() === wall.year &&
    check.getUTCMonth() + 1 === wall.month &&
    check.getUTCDate() === wall.day &&
    wall.hour < 24 &&
    wall.minute < 60 &&
    wall.second < 60;
  return valid ? wall : null;
}

/** The calendar day `days` before the wall time's day, at `hour`:00 (month and year ends handled). */
export function daysBeforeAt(wall: WallTime, days: number, hour: number): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute: 0, second: 0 };
}
