import type { BadgeTone } from '@/components/ui';
import type { Schemas } from '@/api/client';

export type Relationship = Schemas['SubjectRequestDto']['relationship'];
export type RequestState = Schemas['SubjectRequestDto']['state'];
export type CycleState = Schemas['SubjectRequestsDto']['cycleState'];

/** Who the subject is to me, the rater: "your manager", "a peer"… (a 'manager' request means I am their manager). */
export const SUBJECT_TO_RATER: Record<Relationship, string> = {
  self: 'you (self-review)',
  manager: 'in your team',
  direct_report: 'your manager',
  peer: 'a peer',
  other: 'a colleague',
};

/** Who a rater is to the subject, as a group heading on the subject's page. */
export const RATER_GROUP: Record<Relationship, string> = {
  self: 'Self-review',
  manager: 'Manager',
  peer: 'Peers',
  direct_report: 'Direct reports',
  other: 'Others',
};

export const CYCLE_STATE: Record<CycleState, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  nominating: { label: 'Choosing raters', tone: 'info' },
  collecting: { label: 'Collecting feedback', tone: 'accent' },
  closed: { label: 'Closed', tone: 'neutral' },
  released: { label: 'Reports released', tone: 'success' },
};

/** The rater's own request, on My feedback. */
export function taskState(state: Schemas['FeedbackTaskDto']['state'], canAnswer: boolean, withdrawn = false): { label: string; tone: BadgeTone; icon: string } {
  if (withdrawn) return { label: 'Withdrawn', tone: 'neutral', icon: '–' };
  if (state === 'submitted') return { label: 'Submitted', tone: 'success', icon: '✓' };
  if (state === 'declined') return { label: 'Declined', tone: 'neutral', icon: '–' };
  if (!canAnswer) return { label: 'Closed', tone: 'neutral', icon: '–' };
  if (state === 'in_progress') return { label: 'In progress', tone: 'info', icon: '…' };
  return { label: 'Not started', tone: 'warning', icon: '○' };
}

/**
 * A rater's request as the subject side sees it. The subject and the manager only ever get
 * open/proposed/declined/rejected from the API; HR (viewer 'admin') also sees progress.
 */
export function raterState(state: RequestState, viewer: Schemas['SubjectRequestsDto']['viewer']): { label: string; tone: BadgeTone; icon: string } {
  switch (state) {
    case 'proposed':
      return {
        label: viewer === 'subject' ? "Waiting for your manager's approval" : viewer === 'manager' ? 'Waiting for your approval' : 'Waiting for approval',
        tone: 'warning',
        icon: '…',
      };
    case 'declined':
      return { label: 'Declined', tone: 'danger', icon: '✕' };
    case 'rejected':
      return { label: 'Not approved', tone: 'danger', icon: '✕' };
    case 'in_progress':
      return { label: 'In progress', tone: 'info', icon: '…' };
    case 'submitted':
      return { label: 'Submitted', tone: 'success', icon: '✓' };
    case 'open':
    default:
      return { label: viewer === 'admin' ? 'Asked, not started' : 'Asked', tone: 'accent', icon: '✓' };
  }
}

/** "3 of 3–8 peers" (or "3 of 3 peers" when the range is one number). */
export function peerCounter(active: number, min: number, max: number): string {
  const range = min === max ? String(max) : `${min}–${max}`;
  return `${active} of ${range} peer${max === 1 ? '' : 's'}`;
}
