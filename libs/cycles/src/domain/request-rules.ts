import { AppException, ErrorKind } from '@lib/common';
import type { CycleSettings } from './cycle-settings';
import type { CycleState } from './cycle-state';

export type FeedbackRelationship = 'self' | 'manager' | 'peer' | 'direct_report' | 'other';

export type RequestState = 'proposed' | 'open' | 'in_progress' | 'submitted' | 'declined' | 'rejected';

export const REQUEST_STATES: readonly RequestState[] = ['proposed', 'open', 'in_progress', 'submitted', 'declined', 'rejected'];

export type RequestAction = 'approve' | 'reject' | 'decline' | 'save-draft' | 'submit';

export const REQUEST_ACTIONS: readonly RequestAction[] = ['approve', 'reject', 'decline', 'save-draft', 'submit'];

/**
 * Active: the rater is, or will be, counted for this subject. A second request for the same
 * rater, subject and cycle is a duplicate whatever its relationship, because one person's answers
 * must never count twice. Declined and rejected requests free the slot for someone else.
 */
export const ACTIVE_REQUEST_STATES: readonly RequestState[] = ['proposed', 'open', 'in_progress', 'submitted'];

/**
 * Open: work that may still land on the rater's desk, which is what the per-rater cap protects.
 * Proposed requests count, or approving a batch of them could push a rater past the cap.
 */
export const OPEN_REQUEST_STATES: readonly RequestState[] = ['proposed', 'open', 'in_progress'];

/**
 * Raters may be added while the cycle is a draft, while nominations run and while answers are
 * collected: HR at any time, the subject (and their manager) before the nomination deadline and,
 * after it, in place of a peer who declined or was rejected (see peerRoom).
 */
export const NOMINATION_STATES: readonly CycleState[] = ['draft', 'nominating', 'collecting'];

export const isActiveRequest = (state: RequestState): boolean => ACTIVE_REQUEST_STATES.includes(state);
export const isOpenRequest = (state: RequestState): boolean => OPEN_REQUEST_STATES.includes(state);

/**
 * The peers a subject has, as every rule counts them (the nomination page, the peer limit, the
 * progress page, the reminder to ask more): live peer requests, whatever their progress. Submitted
 * counts exactly as open or proposed, so no number built from it tells who has answered; declined
 * (also a leaver's withdrawn request) and rejected ones do not count. SQL reads ACTIVE_REQUEST_STATES.
 */
export const countedPeers = (requests: readonly { relationship: FeedbackRelationship; state: RequestState }[]): number =>
  requests.filter((r) => r.relationship === 'peer' && isActiveRequest(r.state)).length;

export enum FeedbackRequestErrorCode {
  CannotRequestSelf = 'cannot_request_self',
  RaterNotFound = 'rater_not_found',
  DuplicateRequest = 'duplicate_request',
  RaterDeclined = 'rater_declined',
  RaterAtCapacity = 'rater_at_capacity',
  NominationsClosed = 'nominations_closed',
  PeersNotCollected = 'peers_not_collected',
  PeerLimitReached = 'peer_limit_reached',
  InvalidTransition = 'invalid_transition',
}

const KIND: Record<FeedbackRequestErrorCode, ErrorKind> = {
  [FeedbackRequestErrorCode.CannotRequestSelf]: ErrorKind.Validation,
  // 404 whether the person is in another organisation or nowhere: no existence leaks across tenants.
  [FeedbackRequestErrorCode.RaterNotFound]: ErrorKind.NotFound,
  [FeedbackRequestErrorCode.DuplicateRequest]: ErrorKind.Conflict,
  [FeedbackRequestErrorCode.RaterDeclined]: ErrorKind.Conflict,
  [FeedbackRequestErrorCode.RaterAtCapacity]: ErrorKind.Conflict,
  [FeedbackRequestErrorCode.NominationsClosed]: ErrorKind.Conflict,
  [FeedbackRequestErrorCode.PeersNotCollected]: ErrorKind.Conflict,
  [FeedbackRequestErrorCode.PeerLimitReached]: ErrorKind.Conflict,
  [FeedbackRequestErrorCode.InvalidTransition]: ErrorKind.Conflict,
};

export class FeedbackRequestError extends AppException {
  declare readonly code: FeedbackRequestErrorCode;

  constructor(code: FeedbackRequestErrorCode, message: string, details?: Record<string, unknown>) {
    super(KIND[code], code, message, details);
  }
}

/** A request already made for the subject in this cycle, of any relationship or state. */
export interface ExistingRequest {
  raterId: string;
  relationship: FeedbackRelationship;
  state: RequestState;
  /** When it was made: peers asked after the nomination deadline are replacements (see peerRoom). */
  createdAt: Date;
}

/**
 * Who asks: the subject; their manager on their behalf; or HR, who runs the cycle. An HR admin
 * asking for themself is the subject, and an HR admin who is the manager asks as HR.
 */
export type Nominator = 'subject' | 'manager' | 'admin';

export interface PeerRoomContext {
  cycleState: CycleState;
  settings: Pick<CycleSettings, 'maxPeers' | 'nominationDeadline'>;
  /** Every request of this subject in this cycle. */
  subjectRequests: readonly ExistingRequest[];
  requestedBy: Nominator;
  now: Date;
}

export const nominationDeadlinePassed = (settings: Pick<CycleSettings, 'nominationDeadline'>, now: Date): boolean =>
  settings.nominationDeadline !== null && now.getTime() >= settings.nominationDeadline.getTime();

/**
 * After the nomination deadline a peer can only be asked in place of one who dropped out: one
 * new peer for each who declined or was rejected, less the peers asked since the deadline (by
 * anyone). A replacement who declines in turn frees their place again.
 */
export function peerReplacementsLeft(subjectRequests: readonly ExistingRequest[], deadline: Date): number {
  const peers = subjectRequests.filter((r) => r.relationship === 'peer');
  const droppedOut = peers.filter((r) => r.state === 'declined' || r.state === 'rejected').length;
  const askedSince = peers.filter((r) => r.createdAt.getTime() >= deadline.getTime()).length;
  return Math.max(0, droppedOut - askedSince);
}

/**
 * How many more peers `requestedBy` may ask for the subject now: the free places up to maxPeers
 * (live requests only: declined and rejected ones free their place) while the cycle takes raters;
 * for the subject and their manager, after the nomination deadline, no more than the peers who
 * dropped out (peerReplacementsLeft). HR is bound by maxPeers only.
 */
export function peerRoom(ctx: PeerRoomContext): number {
  const { settings } = ctx;
  if (!NOMINATION_STATES.includes(ctx.cycleState) || settings.maxPeers === 0) return 0;
  const free = Math.max(0, settings.maxPeers - countedPeers(ctx.subjectRequests));
  if (ctx.requestedBy === 'admin' || !settings.nominationDeadline || !nominationDeadlinePassed(settings, ctx.now)) return free;
  return Math.min(free, peerReplacementsLeft(ctx.subjectRequests, settings.nominationDeadline));
}

export interface RaterRequestContext {
  cycleState: CycleState;
  settings: Pick<CycleSettings, 'maxPeers' | 'maxOpenRequestsPerRater' | 'managerApprovesPeers' | 'nominationDeadline'>;
  /**
   * 'peer' counts toward maxPeers and follows the nomination deadline; 'other' (HR only: the
   * caller checks who asks) is outside the peer group, so only duplicates and the per-rater cap apply.
   */
  relationship: 'peer' | 'other';
  subjectId: string;
  raterId: string;
  /** Whether the rater is a person of the subject's organisation; the caller looks it up tenant-scoped. */
  raterFound: boolean;
  /** Every request of this subject in this cycle (including those accepted earlier in the same call). */
  subjectRequests: readonly ExistingRequest[];
  /** The rater's requests in this cycle whose state is in OPEN_REQUEST_STATES. */
  raterOpenRequestCount: number;
  /** The subject asks; their manager or HR nominate on their behalf and need no approval. */
  requestedBy: Nominator;
  /** Without a manager there is nobody to approve, so the request opens at once. */
  subjectHasManager: boolean;
  now: Date;
}

export interface PeerRequestDecision {
  initialState: 'proposed' | 'open';
}

/**
 * Whether rater R may be asked about the subject; throws a FeedbackRequestError if not. Checks
 * run from the cycle to the person, so the message names the most general obstacle: a closed
 * nomination window matters more than this rater's load.
 */
export function checkPeerRequest(ctx: RaterRequestContext): PeerRequestDecision {
  const refuse = (code: FeedbackRequestErrorCode, message: string): never => {
    throw new FeedbackRequestError(code, message);
  };
  const { settings } = ctx;
  const peer = ctx.relationship === 'peer';
  if (!NOMINATION_STATES.includes(ctx.cycleState)) {
    refuse(
      FeedbackRequestErrorCode.NominationsClosed,
      `${peer ? 'Peers can no longer be requested' : 'Raters can no longer be added'}: the cycle is ${ctx.cycleState}`,
    );
  }
  if (peer && settings.maxPeers === 0) {
    refuse(FeedbackRequestErrorCode.PeersNotCollected, 'This cycle does not collect feedback from peers');
  }
  const deadline = settings.nominationDeadline;
  if (
    peer &&
    ctx.requestedBy !== 'admin' &&
    deadline &&
    nominationDeadlinePassed(settings, ctx.now) &&
    peerReplacementsLeft(ctx.subjectRequests, deadline) === 0
  ) {
    refuse(
      FeedbackRequestErrorCode.NominationsClosed,
      `Peers can no longer be requested: nominations closed on ${deadline.toISOString()}. Since then a peer can only be asked in place of one who declined or was not approved.`,
    );
  }
  if (ctx.raterId === ctx.subjectId) {
    refuse(FeedbackRequestErrorCode.CannotRequestSelf, 'You cannot ask yourself for peer feedback');
  }
  if (!ctx.raterFound) refuse(FeedbackRequestErrorCode.RaterNotFound, 'Rater not found');

  const forRater = ctx.subjectRequests.filter((r) => r.raterId === ctx.raterId);
  if (forRater.some((r) => isActiveRequest(r.state))) {
    refuse(FeedbackRequestErrorCode.DuplicateRequest, 'This person has already been asked for feedback on this subject in this cycle');
  }
  // Their "no" stands for the cycle: asking again would turn a request into pressure.
  if (forRater.some((r) => r.state === 'declined')) {
    refuse(FeedbackRequestErrorCode.RaterDeclined, 'This person has declined to give feedback on this subject in this cycle');
  }
  if (peer) {
    if (countedPeers(ctx.subjectRequests) >= settings.maxPeers) {
      refuse(FeedbackRequestErrorCode.PeerLimitReached, `This cycle allows at most ${settings.maxPeers} peers per person`);
    }
  }
  if (ctx.raterOpenRequestCount >= settings.maxOpenRequestsPerRater) {
    refuse(FeedbackRequestErrorCode.RaterAtCapacity, 'This person already has as many open feedback requests as the cycle allows');
  }

  const needsApproval = settings.managerApprovesPeers && ctx.requestedBy === 'subject' && ctx.subjectHasManager;
  return { initialState: needsApproval ? 'proposed' : 'open' };
}

// Approval and rejection belong to the manager before the rater is involved; declining belongs
// to the rater once asked. Submitted, declined and rejected are final.
const REQUEST_TRANSITIONS: Record<RequestState, Partial<Record<RequestAction, RequestState>>> = {
  proposed: { approve: 'open', reject: 'rejected' },
  open: { decline: 'declined', 'save-draft': 'in_progress', submit: 'submitted' },
  in_progress: { decline: 'declined', 'save-draft': 'in_progress', submit: 'submitted' },
  submitted: {},
  declined: {},
  rejected: {},
};

export function requestAllowedActions(state: RequestState): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => REQUEST_TRANSITIONS[state]?.[action] !== undefined);
}

/**
 * The request's state after `action`, or a FeedbackRequestError (409). A repeated submit is
 * refused here too: the caller checks `isRepeatedSubmit` first and answers with the stored
 * submission, so that idempotency never hides a real invalid transition.
 */
export function requestTransition(state: RequestState, action: RequestAction): RequestState {
  const next = REQUEST_TRANSITIONS[state]?.[action];
  if (next === undefined) {
    const allowed = requestAllowedActions(state);
    const options = allowed.length ? `allowed: ${allowed.join(', ')}` : 'no action is allowed any more';
    throw new FeedbackRequestError(FeedbackRequestErrorCode.InvalidTransition, `Cannot ${action} a request that is ${state} (${options})`, {
      state,
      action,
      allowedActions: allowed,
    });
  }
  return next;
}

/** A submit of an already submitted request: a retry, to be answered with success, not an error. */
export function isRepeatedSubmit(state: RequestState, action: RequestAction): boolean {
  return state === 'submitted' && action === 'submit';
}
