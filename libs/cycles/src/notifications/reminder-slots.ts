import { daysBeforeAt, instantOf, wallTimeAt } from '@lib/common';
import type { CycleState } from '../domain';

/** Reminders go out at this hour of the organisation's day: people read them as they start work. */
export const REMINDER_HOUR = 9;
/** "0 days before" means the deadline day itself: a last call a few hours before it. */
const LAST_CALL_MS = 4 * 60 * 60 * 1000;

export interface ReminderSlot {
  /** Part of each mail's dedupe key: `reminder:<cycle>:<rater>:<slot>`. */
  slot: string;
  /** When the slot opened. Requests created after it are not reminded in this slot. */
  at: Date;
}

/**
 * When the reminder "`days` before the deadline" is due: at 09:00 on the organisation's calendar
 * day that many days before the deadline's day, in its time zone (so a reminder keeps its hour
 * across a daylight-saving change); 0 days is the last call, four hours before the deadline.
 */
export function reminderTime(responseDeadline: Date, days: number, timeZone: string): Date {
  if (days === 0) return new Date(responseDeadline.getTime() - LAST_CALL_MS);
  return instantOf(daysBeforeAt(wallTimeAt(responseDeadline, timeZone), days, REMINDER_HOUR), timeZone);
}

/**
 * The reminder slot due at `now`: the latest slot that has opened, while the deadline has not
 * passed. Only one: when the scheduler was down across two slots, raters get one reminder, not
 * two in a row. Null when none is due.
 */
export function dueReminderSlot(responseDeadline: Date | null, reminderDays: readonly number[], now: Date, timeZone: string): ReminderSlot | null {
  if (!responseDeadline || now.getTime() >= responseDeadline.getTime()) return null;
  const due = reminderDays
    .map((days) => ({ slot: `d${days}`, at: reminderTime(responseDeadline, days, timeZone) }))
    .filter((s) => s.at.getTime() <= now.getTime())
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return due[0] ?? null;
}

/** HR's "send now": one slot per minute, so a retried or doubled job never mails twice. */
export function manualReminderSlot(now: Date): string {
  return `manual:${now.toISOString().slice(0, 16)}`;
}

/**
 * Subjects still short of peers are reminded two days before the nomination deadline, at
 * REMINDER_HOUR on the organisation's clock, and once more on the day, four hours before it.
 */
export const PEER_REMINDER_DAYS: readonly number[] = [2, 0];

export interface PeerReminderCycle {
  state: CycleState;
  nominationDeadline: Date | null;
  /** When nominations opened: a slot that opened earlier is not due (the subject has just been told). */
  launchedAt: Date | null;
}

/**
 * The reminder to ask more peers due at `now`, or null. Only while nominations run and before
 * their deadline; only the latest slot that has opened, and none that opened before the launch.
 * The slot names the deadline (`d2@<deadline>`): a deadline moved later is a new promise, with
 * its own reminders. Without a nomination deadline nothing is due: nominations then end when HR
 * starts collecting, and there is no date to remind before; the progress page lists the subjects
 * short of peers, and HR can add peers for them.
 */
export function duePeerReminderSlot(cycle: PeerReminderCycle, now: Date, timeZone: string): ReminderSlot | null {
  if (cycle.state !== 'nominating' || !cycle.nominationDeadline) return null;
  const due = dueReminderSlot(cycle.nominationDeadline, PEER_REMINDER_DAYS, now, timeZone);
  if (!due || (cycle.launchedAt && due.at.getTime() < cycle.launchedAt.getTime())) return null;
  return { slot: `${due.slot}@${cycle.nominationDeadline.toISOString()}`, at: due.at };
}
