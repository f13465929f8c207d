import { getDisplayTimeZone } from '@/lib/format';
import { msg, tr, type MessageId } from '@/i18n';
import type { BadgeTone } from '@/components/ui';
import type { CycleAction } from '../api/get-cycle';
import type { Relationship } from '../api/get-progress';
import type { CycleState } from '../api/list-cycles';

/** Each state in words, with an icon and a tone; the words carry the meaning (never colour alone). */
export const STATE_INFO: Record<CycleState, { label: MessageId; tone: BadgeTone; icon: string; text: MessageId }> = {
  draft: { label: msg('cycles.state.draft'), tone: 'neutral', icon: '✎', text: msg('cycles.state.draftText') },
  nominating: { label: msg('cycles.state.nominating'), tone: 'info', icon: '↔', text: msg('cycles.state.nominatingText') },
  collecting: { label: msg('cycles.state.collecting'), tone: 'accent', icon: '●', text: msg('cycles.state.collectingText') },
  closed: { label: msg('cycles.state.closed'), tone: 'warning', icon: '■', text: msg('cycles.state.closedText') },
  released: { label: msg('cycles.state.released'), tone: 'success', icon: '✓', text: msg('cycles.state.releasedText') },
};

export const RUNNING_STATES: readonly CycleState[] = ['nominating', 'collecting'];

/** Each transition's button, confirmation dialog (what will happen, point by point) and toast, as message ids. */
export const ACTION_INFO: Record<CycleAction, { label: MessageId; title: MessageId; confirm: MessageId; points: MessageId[]; done: MessageId }> = {
  launch: {
    label: msg('cycles.action.launch'),
    title: msg('cycles.action.launchTitle'),
    confirm: msg('cycles.action.launchConfirm'),
    points: [msg('cycles.action.launchPoint1'), msg('cycles.action.launchPoint2'), msg('cycles.action.launchPoint3')],
    done: msg('cycles.action.launchDone'),
  },
  'start-collecting': {
    label: msg('cycles.action.collect'),
    title: msg('cycles.action.collectTitle'),
    confirm: msg('cycles.action.collectConfirm'),
    points: [msg('cycles.action.collectPoint1'), msg('cycles.action.collectPoint2')],
    done: msg('cycles.action.collectDone'),
  },
  close: {
    label: msg('cycles.action.close'),
    title: msg('cycles.action.closeTitle'),
    confirm: msg('cycles.action.closeConfirm'),
    points: [msg('cycles.action.closePoint1'), msg('cycles.action.closePoint2'), msg('cycles.action.closePoint3'), msg('cycles.action.closePoint4')],
    done: msg('cycles.action.closeDone'),
  },
  release: {
    label: msg('cycles.action.release'),
    title: msg('cycles.action.releaseTitle'),
    confirm: msg('cycles.action.releaseConfirm'),
    points: [msg('cycles.action.releasePoint1'), msg('cycles.action.releasePoint2')],
    done: msg('cycles.action.releaseDone'),
  },
};

export const RELATIONSHIP_LABEL: Record<Relationship, MessageId> = {
  self: msg('cycles.relationship.self'),
  manager: msg('cycles.relationship.manager'),
  peer: msg('cycles.relationship.peer'),
  direct_report: msg('cycles.relationship.directReport'),
  other: msg('cycles.relationship.other'),
};

export const MANAGER_VISIBILITY_LABEL = {
  on_close: msg('cycles.visibility.onClose'),
  on_release: msg('cycles.visibility.onRelease'),
  never: msg('cycles.visibility.never'),
} as const;

/** 0.4267 → "43%" ("43 %" in German); null (nothing requested) → "—". */
export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : tr('cycles.rate.percent', { value: Math.round(rate * 100) / 100 });

/** The date part of an ISO timestamp on the organisation's clock, for <input type="date">. */
export function toDateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: getDisplayTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/**
 * A deadline is the end of the chosen day on the organisation's clock: "answers by 14 March"
 * includes the 14th. Sent without an offset, so the API reads it in the organisation's time zone.
 */
export function endOfDay(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return Number.isNaN(new Date(`${date}T00:00:00Z`).getTime()) ? null : `${date}T23:59`;
}

export function dateInDays(days: number): string {
  return toDateInput(new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString());
}

/** "7, 2" → [7, 2]; null when it is not a list of whole numbers. */
export function parseReminderDays(text: string): number[] | null {
  const parts = text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.map(Number);
}

/** Why the organisation view's minimum cell size cannot change once the cycle is closed. */
export const HEATMAP_MINIMUM_FIXED = msg('cycles.heatmapMinimum.fixed');
