import type { Actor } from '@lib/common';
import type { CycleSettings, CycleState } from '@lib/cycles';
import type { RateBudget } from '@lib/database';

/**
 * The rules of raters from outside the organisation, in one place.
 *
 * "Works once", precisely: the mailed link is exchanged, on its first open, for a credential
 * scoped to that one questionnaire (an httpOnly cookie sent only to /api/external, valid
 * EXTERNAL_ACCESS_HOURS). The link is then spent: opened again, it opens nothing, and whoever
 * invited can send a new one (which ends the old credential too). Submitting ends the credential:
 * after submission nothing opens. Closing the cycle erases the address and every link.
 */
export const EXTERNAL_LINK_DAYS = 14;
export const EXTERNAL_ACCESS_HOURS = 12;
/** Per subject and cycle, every invitation that is not rejected or revoked. */
export const MAX_EXTERNAL_RATERS_PER_SUBJECT = 10;
export const MAX_EXTERNAL_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;

/**
 * Refused attempts to open a link, counted over a window (RateLimiter budgets of failures, in
 * PostgreSQL so that they hold across instances): per IP, and per organisation the token names (its
 * first 22 characters, unverified). Once either is spent, no link opens from there until the window ends.
 */
export const LINK_FAILURES_PER_NETWORK: RateBudget = { scope: 'external_link.ip', limit: 20, windowSeconds: 15 * 60 };
export const LINK_FAILURES_PER_ORGANIZATION: RateBudget = { scope: 'external_link.token_prefix', limit: 200, windowSeconds: 15 * 60 };

export type ExternalRaterState = 'proposed' | 'invited' | 'submitted' | 'rejected' | 'revoked';

/** Invitations that are alive: they count toward the cap and hold their address for the subject. */
export const LIVE_EXTERNAL_STATES: readonly ExternalRaterState[] = ['proposed', 'invited', 'submitted'];

/** Cycle states in which external raters are invited, approved, sent new links and revoked. */
export const INVITING_CYCLE_STATES: readonly CycleState[] = ['nominating', 'collecting'];

export type InviteRefusal = 'not_allowed' | 'cycle_not_open' | 'too_many';

/**
 * Whether `actor` may invite an external rater for `subjectId`, and in which state the invitation
 * starts: HR adds directly; the subject, when the cycle allows it, directly or, when the cycle asks
 * for approval, for their manager's (HR's when they have no manager). Nobody else. Only a proposal
 * someone else approved counts toward k in the report (report-source.repository.ts).
 */
export function inviteDecision(
  actor: Pick<Actor, 'personId' | 'role'>,
  ctx: {
    subjectId: string;
    cycleState: CycleState;
    settings: Pick<CycleSettings, 'externalRatersAllowed' | 'managerApprovesExternalRaters'>;
    liveCount: number;
  },
): { ok: true; state: 'proposed' | 'invited' } | { ok: false; refusal: InviteRefusal } {
  const isHr = actor.role === 'admin';
  const isSubject = actor.personId === ctx.subjectId;
  if (!ctx.settings.externalRatersAllowed || (!isHr && !isSubject)) return { ok: false, refusal: 'not_allowed' };
  if (!INVITING_CYCLE_STATES.includes(ctx.cycleState)) return { ok: false, refusal: 'cycle_not_open' };
  if (ctx.liveCount >= MAX_EXTERNAL_RATERS_PER_SUBJECT) return { ok: false, refusal: 'too_many' };
  const needsApproval = !isHr && ctx.settings.managerApprovesExternalRaters;
  return { ok: true, state: needsApproval ? 'proposed' : 'invited' };
}

/**
 * What an inviter is told of an invitation's state. Whether an external rater has answered is
 * theirs alone, like any rater's: "submitted" reads as "invited" to everyone.
 */
export function shownState(state: ExternalRaterState): Exclude<ExternalRaterState, 'submitted'> {
  return state === 'submitted' ? 'invited' : state;
}
