import type { BadgeTone } from '@/components/ui';
import type { Schemas } from '@/api/client';
import { msg, type MessageId } from '@/i18n';

export type Relationship = Schemas['SubjectRequestDto']['relationship'];
export type RequestState = Schemas['SubjectRequestDto']['state'];
export type CycleState = Schemas['SubjectRequestsDto']['cycleState'];

/** Who the subject is to me, the rater: "your manager", "a peer"… (a 'manager' request means I am their manager). */
export const SUBJECT_TO_RATER: Record<Relationship, MessageId> = {
  self: msg('relation.self'),
  manager: msg('relation.inYourTeam'),
  direct_report: msg('relation.yourManager'),
  peer: msg('relation.aPeer'),
  other: msg('relation.aColleague'),
};

/** Who a rater is to the subject, as a group heading on the subject's page. */
export const RATER_GROUP: Record<Relationship, MessageId> = {
  self: msg('group.self'),
  manager: msg('group.manager'),
  peer: msg('group.peers'),
  direct_report: msg('group.directReports'),
  other: msg('group.others'),
};

export const CYCLE_STATE: Record<CycleState, { label: MessageId; tone: BadgeTone }> = {
  draft: { label: msg('cycleState.draft'), tone: 'neutral' },
  nominating: { label: msg('cycleState.nominating'), tone: 'info' },
  collecting: { label: msg('cycleState.collecting'), tone: 'accent' },
  closed: { label: msg('cycleState.closed'), tone: 'neutral' },
  released: { label: msg('cycleState.released'), tone: 'success' },
};

/** The rater's own request, on My feedback. */
export function taskState(
  state: Schemas['FeedbackTaskDto']['state'],
  canAnswer: boolean,
  withdrawn = false,
): { label: MessageId; tone: BadgeTone; icon: string } {
  if (withdrawn) return { label: msg('requestState.withdrawn'), tone: 'neutral', icon: '–' };
  if (state === 'submitted') return { label: msg('requestState.submitted'), tone: 'success', icon: '✓' };
  if (state === 'declined') return { label: msg('requestState.declined'), tone: 'neutral', icon: '–' };
  if (!canAnswer) return { label: msg('requestState.closed'), tone: 'neutral', icon: '–' };
  if (state === 'in_progress') return { label: msg('requestState.inProgress'), tone: 'info', icon: '…' };
  return { label: msg('requestState.notStarted'), tone: 'warning', icon: '○' };
}

/**
 * A rater's request as the subject side sees it. The subject and the manager only ever get
 * open/proposed/declined/rejected from the API; HR (viewer 'admin') also sees progress.
 */
export function raterState(state: RequestState, viewer: Schemas['SubjectRequestsDto']['viewer']): { label: MessageId; tone: BadgeTone; icon: string } {
  switch (state) {
    case 'proposed':
      return {
        label:
          viewer === 'subject'
            ? msg('requestState.waitingManager')
            : viewer === 'manager'
              ? msg('requestState.waitingYou')
              : msg('requestState.waitingApproval'),
        tone: 'warning',
        icon: '…',
      };
    case 'declined':
      return { label: msg('requestState.declined'), tone: 'danger', icon: '✕' };
    case 'rejected':
      return { label: msg('requestState.rejected'), tone: 'danger', icon: '✕' };
    case 'in_progress':
      return { label: msg('requestState.inProgress'), tone: 'info', icon: '…' };
    case 'submitted':
      return { label: msg('requestState.submitted'), tone: 'success', icon: '✓' };
    case 'open':
    default:
      return { label: viewer === 'admin' ? msg('requestState.askedNotStarted') : msg('requestState.asked'), tone: 'accent', icon: '✓' };
  }
}

/** "3 of 3–8 peers" (or "3 of 3 peers" when the range is one number). */
export function peerCounter(t: (id: MessageId, values?: Record<string, string | number>) => string, active: number, min: number, max: number): string {
  return min === max ? t('peers.counter', { active, max }) : t('peers.counterRange', { active, min, max });
}
