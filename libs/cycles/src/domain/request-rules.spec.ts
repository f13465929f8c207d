import { ErrorKind } from '@lib/common';
import {
  checkPeerRequest,
  ExistingRequest,
  FeedbackRequestError,
  isActiveRequest,
  isOpenRequest,
  isRepeatedSubmit,
  PeerRequestContext,
  REQUEST_ACTIONS,
  requestAllowedActions,
  RequestAction,
  RequestState,
  requestTransition,
} from './request-rules';

const NOW = new Date('2026-03-01T12:00:00Z');

/** A context in which the request is allowed; each test overrides what it is about. */
const aPeerRequest = (overrides: Partial<PeerRequestContext> = {}): PeerRequestContext => ({
  cycleState: 'nominating',
  settings: { maxPeers: 3, maxOpenRequestsPerRater: 12, managerApprovesPeers: true, nominationDeadline: new Date('2026-03-08T00:00:00Z') },
  subjectId: 'subject',
  raterId: 'rater',
  raterFound: true,
  subjectRequests: [],
  raterOpenRequestCount: 0,
  requestedBy: 'subject',
  subjectHasManager: true,
  now: NOW,
  ...overrides,
});

const request = (raterId: string, state: RequestState, relationship: ExistingRequest['relationship'] = 'peer'): ExistingRequest => ({
  raterId,
  relationship,
  state,
});

const refusal = (fn: () => unknown): FeedbackRequestError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FeedbackRequestError) return e;
    throw e;
  }
  throw new Error('expected a FeedbackRequestError');
};

describe('checkPeerRequest', () => {
  it('opens a proposal for the manager to approve when the cycle asks for it', () => {
    expect(checkPeerRequest(aPeerRequest())).toEqual({ initialState: 'proposed' });
  });

  it.each([
    [{ requestedBy: 'admin' as const }],
    [{ requestedBy: 'manager' as const }],
    [{ subjectHasManager: false }],
  ])('opens the request at once when nobody needs to approve it: %p', (overrides) => {
    expect(checkPeerRequest(aPeerRequest(overrides))).toEqual({ initialState: 'open' });
  });

  it('opens the request at once when the cycle does not ask for approval', () => {
    const settings = { ...aPeerRequest().settings, managerApprovesPeers: false };
    expect(checkPeerRequest(aPeerRequest({ settings }))).toEqual({ initialState: 'open' });
  });

  it.each(['draft', 'nominating', 'collecting'] as const)('allows requests while the cycle is %s', (cycleState) => {
    expect(() => checkPeerRequest(aPeerRequest({ cycleState }))).not.toThrow();
  });

  it('allows requests until the cycle closes when no nomination deadline is set', () => {
    const settings = { ...aPeerRequest().settings, nominationDeadline: null };
    expect(() => checkPeerRequest(aPeerRequest({ cycleState: 'collecting', settings }))).not.toThrow();
  });

  it('replaces a declined or rejected peer: they free their slot', () => {
    const subjectRequests = [request('a', 'submitted'), request('b', 'open'), request('c', 'declined'), request('d', 'rejected')];
    expect(() => checkPeerRequest(aPeerRequest({ subjectRequests }))).not.toThrow();
  });

  it('asks again a rater whose earlier proposal the manager rejected', () => {
    expect(() => checkPeerRequest(aPeerRequest({ subjectRequests: [request('rater', 'rejected')] }))).not.toThrow();
  });

  const refusals: [string, Partial<PeerRequestContext>, string, ErrorKind, RegExp][] = [
    ['the cycle is closed', { cycleState: 'closed' }, 'nominations_closed', ErrorKind.Conflict, /cycle is closed/],
    ['the cycle is released', { cycleState: 'released' }, 'nominations_closed', ErrorKind.Conflict, /cycle is released/],
    ['the nomination deadline has passed', { now: new Date('2026-03-08T00:00:00Z') }, 'nominations_closed', ErrorKind.Conflict, /2026-03-08/],
    [
      'the cycle collects no peers',
      { settings: { maxPeers: 0, maxOpenRequestsPerRater: 12, managerApprovesPeers: true, nominationDeadline: null } },
      'peers_not_collected',
      ErrorKind.Conflict,
      /does not collect feedback from peers/,
    ],
    ['the subject asks themself', { raterId: 'subject' }, 'cannot_request_self', ErrorKind.Validation, /yourself/],
    ['the rater is not in the organisation', { raterFound: false }, 'rater_not_found', ErrorKind.NotFound, /not found/],
    [
      'the rater already has an active request as a peer',
      { subjectRequests: [request('rater', 'in_progress')] },
      'duplicate_request',
      ErrorKind.Conflict,
      /already been asked/,
    ],
    [
      'the rater already rates the subject as their manager',
      { subjectRequests: [request('rater', 'open', 'manager')] },
      'duplicate_request',
      ErrorKind.Conflict,
      /already been asked/,
    ],
    [
      'the rater has already submitted',
      { subjectRequests: [request('rater', 'submitted')] },
      'duplicate_request',
      ErrorKind.Conflict,
      /already been asked/,
    ],
    ['the rater declined earlier', { subjectRequests: [request('rater', 'declined')] }, 'rater_declined', ErrorKind.Conflict, /declined/],
    [
      'the subject has reached maxPeers',
      { subjectRequests: [request('a', 'proposed'), request('b', 'open'), request('c', 'submitted')] },
      'peer_limit_reached',
      ErrorKind.Conflict,
      /at most 3 peers/,
    ],
    ['the rater is at capacity', { raterOpenRequestCount: 12 }, 'rater_at_capacity', ErrorKind.Conflict, /open feedback requests/],
  ];

  it.each(refusals)('refuses when %s', (_case, overrides, code, kind, message) => {
    const error = refusal(() => checkPeerRequest(aPeerRequest(overrides)));
    expect(error.code).toBe(code);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it('does not count requests of other relationships towards maxPeers', () => {
    const subjectRequests = [request('m', 'open', 'manager'), request('s', 'open', 'self'), request('d', 'open', 'direct_report')];
    const settings = { ...aPeerRequest().settings, maxPeers: 1 };
    expect(() => checkPeerRequest(aPeerRequest({ subjectRequests, settings }))).not.toThrow();
  });

  it('names the most general obstacle first', () => {
    const everythingWrong = aPeerRequest({ cycleState: 'closed', raterId: 'subject', raterFound: false, raterOpenRequestCount: 99 });
    expect(refusal(() => checkPeerRequest(everythingWrong)).code).toBe('nominations_closed');
  });
});

describe('request states', () => {
  it('counts proposed, open, in_progress and submitted as active; declined and rejected as not', () => {
    const states: RequestState[] = ['proposed', 'open', 'in_progress', 'submitted', 'declined', 'rejected'];
    expect(states.filter(isActiveRequest)).toEqual(['proposed', 'open', 'in_progress', 'submitted']);
    expect(states.filter(isOpenRequest)).toEqual(['proposed', 'open', 'in_progress']);
  });
});

describe('requestTransition', () => {
  const TABLE: Record<RequestState, Partial<Record<RequestAction, RequestState>>> = {
    proposed: { approve: 'open', reject: 'rejected' },
    open: { decline: 'declined', 'save-draft': 'in_progress', submit: 'submitted' },
    in_progress: { decline: 'declined', 'save-draft': 'in_progress', submit: 'submitted' },
    submitted: {},
    declined: {},
    rejected: {},
  };
  const pairs = (Object.keys(TABLE) as RequestState[]).flatMap((state) =>
    REQUEST_ACTIONS.map((action) => [state, action, TABLE[state][action] ?? null] as const),
  );

  it.each(pairs)('%s + %s -> %p', (state, action, target) => {
    if (target) {
      expect(requestTransition(state, action)).toBe(target);
      expect(requestAllowedActions(state)).toContain(action);
    } else {
      const error = refusal(() => requestTransition(state, action));
      expect(error.code).toBe('invalid_transition');
      expect(error.kind).toBe(ErrorKind.Conflict);
      expect(error.message).toContain(`Cannot ${action} a request that is ${state}`);
      expect(requestAllowedActions(state)).not.toContain(action);
    }
  });

  it('names the allowed actions in the error', () => {
    const error = refusal(() => requestTransition('proposed', 'submit'));
    expect(error.message).toBe('Cannot submit a request that is proposed (allowed: approve, reject)');
    expect(error.details).toEqual({ state: 'proposed', action: 'submit', allowedActions: ['approve', 'reject'] });
  });

  it('leaves a repeated submit to the caller, who answers it as a success', () => {
    expect(isRepeatedSubmit('submitted', 'submit')).toBe(true);
    expect(isRepeatedSubmit('in_progress', 'submit')).toBe(false);
    expect(isRepeatedSubmit('submitted', 'save-draft')).toBe(false);
    expect(refusal(() => requestTransition('submitted', 'submit')).message).toMatch(/no action is allowed any more/);
  });
});
