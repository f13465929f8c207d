import { getDisplayTimeZone } from '@/lib/format';
import type { BadgeTone } from '@/components/ui';
import type { CycleAction } from '../api/get-cycle';
import type { Relationship } from '../api/get-progress';
import type { CycleState } from '../api/list-cycles';

/** Each state in words, with an icon and a tone; the words carry the meaning (never colour alone). */
export const STATE_INFO: Record<CycleState, { label: string; tone: BadgeTone; icon: string; text: string }> = {
  draft: { label: 'Draft', tone: 'neutral', icon: '✎', text: 'Being prepared. Nobody has been asked anything yet.' },
  nominating: { label: 'Nominating', tone: 'info', icon: '↔', text: 'Subjects are choosing peers; raters are answering.' },
  collecting: { label: 'Collecting', tone: 'accent', icon: '●', text: 'Raters are answering. Nominations are closed.' },
  closed: { label: 'Closed', tone: 'warning', icon: '■', text: 'Answers are final. Reports are being prepared.' },
  released: { label: 'Released', tone: 'success', icon: '✓', text: 'Reports are available to the people reviewed.' },
};

export const RUNNING_STATES: readonly CycleState[] = ['nominating', 'collecting'];

export const ACTION_INFO: Record<CycleAction, { label: string; title: string; confirm: string; points: string[]; done: string }> = {
  launch: {
    label: 'Launch',
    title: 'Launch this cycle?',
    confirm: 'Launch cycle',
    points: [
      'Feedback requests are created from the org chart as it is now: a self-review (if on), the manager, and direct reports of every subject.',
      'Raters are notified by email, one message listing everyone they were asked about.',
      'The framework version is frozen, and the anonymity settings (threshold, self-review, peers, report visibility) are locked.',
    ],
    done: 'Cycle launched',
  },
  'start-collecting': {
    label: 'Start collecting',
    title: 'End nominations and start collecting?',
    confirm: 'Start collecting',
    points: [
      'Subjects can no longer ask peers for feedback, and pending peer proposals stay as they are.',
      'Raters keep answering until the response deadline.',
    ],
    done: 'Nominations closed; collecting answers',
  },
  close: {
    label: 'Close cycle',
    title: 'Close this cycle?',
    confirm: 'Close cycle',
    points: [
      'No more answers are accepted; drafts that were not submitted are kept but not counted.',
      'Report snapshots are computed from the submitted answers, so reports never change afterwards.',
      'Managers who may see reports on close can read their reports’ reports.',
      'Every setting is locked, including the minimum people per cell of the organisation view.',
    ],
    done: 'Cycle closed',
  },
  release: {
    label: 'Release reports',
    title: 'Release the reports?',
    confirm: 'Release reports',
    points: ['Every subject can read their own report.', 'This is final: a released cycle cannot be changed or reopened.'],
    done: 'Reports released',
  },
};

export const RELATIONSHIP_LABEL: Record<Relationship, string> = {
  self: 'Self',
  manager: 'Manager',
  peer: 'Peers',
  direct_report: 'Direct reports',
  other: 'Others',
};

export const MANAGER_VISIBILITY_LABEL = {
  on_close: 'When the cycle closes',
  on_release: 'When reports are released',
  never: 'Never',
} as const;

/** 0.4267 → "43%"; null (nothing requested) → "—". */
export const percent = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`);

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
export const HEATMAP_MINIMUM_WHY = 'the same answers grouped at two sizes could be compared to work out a small group';
export const HEATMAP_MINIMUM_FIXED = `Fixed when the cycle closed, so the organisation view always hides the same groups: ${HEATMAP_MINIMUM_WHY}.`;
