import { ErrorKind } from '@lib/common';
import {
  checkPeerRequest,
  ExistingRequest,
  FeedbackRequestError,
  isActiveRequest,
  isOpenRequest,
  isRepeatedSubmit,
  peerReplacementsLeft,
  peerRoom,
  PeerRoomContext,
  RaterRequestContext,
  REQUEST_ACTIONS,
  requestAllowedActions,
  RequestAction,
  RequestState,
  requestTransition,
} from './request-rules';

const NOW = new Date('2026-03-01T12:00:00Z');
const DEADLINE = new Date('2026-03-08T00:00:00Z');
const BEFORE_DEADLINE = new Date('2026-02-20T09:00:00Z');
const AFTER_DEADLINE = new Date('2026-03-10T09:00:00Z');

/** A context in which the request is allowed; each test overrides what it is about. */
const aPeerRequest = (overrides: Partial<RaterRequestContext> = {}): RaterRequestContext => ({
  cycleState: 'nominating',
  settings: { maxPeers: 3, maxOpenRequestsPerRater: 12, managerApprovesPeers: true, nominationDeadline: DEADLINE },
  relationship: 'peer',
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

const request = (
  raterId: string,
  state: RequestState,
  relationship: ExistingRequest['relationship'] = 'peer',
  createdAt: Date = BEFORE_DEADLINE,
): ExistingRequest => ({ raterId, relationship, state, createdAt });

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

  it.each([[{ requestedBy: 'admin' as const }], [{ requestedBy: 'manager' as const }], [{ subjectHasManager: false }]])(
    'opens the request at once when nobody needs to approve it: %p',
    (overrides) => {
      expect(checkPeerRequest(aPeerRequest(overrides))).toEqual({ initialState: 'open' });
    },
  );

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

  const refusals: [string, Partial<RaterRequestContext>, string, ErrorKind, RegExp][] = [
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
    ['the rater has already submitted', { subjectRequests: [request('rater', 'submitted')] }, 'duplicate_request', ErrorKind.Conflict, /already been asked/],
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

describe('checkPeerRequest after the nomination deadline', () => {
  const late = (overrides: Partial<RaterRequestContext> = {}): RaterRequestContext =>
    aPeerRequest({ cycleState: 'collecting', now: AFTER_DEADLINE, ...overrides });

  it('refuses the subject a new peer when nobody has dropped out', () => {
    const error = refusal(() => checkPeerRequest(late({ subjectRequests: [request('a', 'open'), request('b', 'submitted')] })));
    expect(error.code).toBe('nominations_closed');
    expect(error.message).toMatch(/nominations closed on 2026-03-08.*in place of one who declined/);
  });

  it.each(['declined', 'rejected'] as const)('lets the subject replace a peer who %s, through the manager as before', (state) => {
    const subjectRequests = [request('a', 'open'), request('b', state)];
    expect(checkPeerRequest(late({ subjectRequests }))).toEqual({ initialState: 'proposed' });
  });

  it('allows one replacement per peer who dropped out, and again when a replacement declines', () => {
    const replaced = [request('a', 'open'), request('b', 'declined'), request('c', 'proposed', 'peer', AFTER_DEADLINE)];
    expect(refusal(() => checkPeerRequest(late({ subjectRequests: replaced }))).code).toBe('nominations_closed');
    const replacementDeclined = [request('a', 'open'), request('b', 'declined'), request('c', 'declined', 'peer', AFTER_DEADLINE)];
    expect(() => checkPeerRequest(late({ subjectRequests: replacementDeclined }))).not.toThrow();
  });

  it("holds the manager asking on the subject's behalf to the same rule", () => {
    expect(refusal(() => checkPeerRequest(late({ requestedBy: 'manager' }))).code).toBe('nominations_closed');
    expect(checkPeerRequest(late({ requestedBy: 'manager', subjectRequests: [request('b', 'declined')] }))).toEqual({ initialState: 'open' });
  });

  it('lets HR add peers while the cycle collects, whoever dropped out, up to maxPeers', () => {
    expect(checkPeerRequest(late({ requestedBy: 'admin' }))).toEqual({ initialState: 'open' });
    const full = [request('a', 'open'), request('b', 'submitted'), request('c', 'in_progress')];
    expect(refusal(() => checkPeerRequest(late({ requestedBy: 'admin', subjectRequests: full }))).code).toBe('peer_limit_reached');
  });

  it('counts only live requests toward maxPeers when replacing', () => {
    const subjectRequests = [request('a', 'open'), request('b', 'submitted'), request('c', 'declined'), request('d', 'rejected')];
    expect(() => checkPeerRequest(late({ subjectRequests }))).not.toThrow();
    const full = [...subjectRequests, request('e', 'open', 'peer', AFTER_DEADLINE)];
    expect(refusal(() => checkPeerRequest(late({ subjectRequests: full }))).code).toBe('peer_limit_reached');
  });

  it('still refuses a rater who declined this subject, even as a replacement', () => {
    const error = refusal(() => checkPeerRequest(late({ raterId: 'b', subjectRequests: [request('b', 'declined')] })));
    expect(error.code).toBe('rater_declined');
  });
});

describe('checkPeerRequest for other raters (HR)', () => {
  const other = (overrides: Partial<RaterRequestContext> = {}): RaterRequestContext =>
    aPeerRequest({ relationship: 'other', requestedBy: 'admin', cycleState: 'collecting', ...overrides });
  const noPeers = { maxPeers: 0, maxOpenRequestsPerRater: 12, managerApprovesPeers: true, nominationDeadline: DEADLINE };

  it('does not count them toward maxPeers, nor refuse them in a cycle without peers', () => {
    const full = [request('a', 'open'), request('b', 'open'), request('c', 'open')];
    expect(checkPeerRequest(other({ subjectRequests: full }))).toEqual({ initialState: 'open' });
    expect(checkPeerRequest(other({ settings: noPeers }))).toEqual({ initialState: 'open' });
    expect(checkPeerRequest(other({ settings: noPeers, now: AFTER_DEADLINE }))).toEqual({ initialState: 'open' });
  });

  it('still refuses duplicates, people at capacity, and a cycle that no longer takes raters', () => {
    expect(refusal(() => checkPeerRequest(other({ subjectRequests: [request('rater', 'open', 'direct_report')] }))).code).toBe('duplicate_request');
    expect(refusal(() => checkPeerRequest(other({ raterOpenRequestCount: 12 }))).code).toBe('rater_at_capacity');
    const closed = refusal(() => checkPeerRequest(other({ cycleState: 'closed' })));
    expect(closed.code).toBe('nominations_closed');
    expect(closed.message).toBe('Raters can no longer be added: the cycle is closed');
  });
});

describe('peerRoom', () => {
  const room = (overrides: Partial<PeerRoomContext> = {}): number =>
    peerRoom({
      cycleState: 'nominating',
      settings: { maxPeers: 4, nominationDeadline: DEADLINE },
      subjectRequests: [],
      requestedBy: 'subject',
      now: NOW,
      ...overrides,
    });
  const some = [request('a', 'open'), request('b', 'declined'), request('c', 'rejected'), request('m', 'open', 'manager')];

  it('is maxPeers less the live peers before the deadline, for everyone', () => {
    expect(room({ subjectRequests: some })).toBe(3);
    expect(room({ subjectRequests: some, requestedBy: 'admin', cycleState: 'draft' })).toBe(3);
  });

  it('is zero once the cycle no longer takes raters or collects no peers', () => {
    expect(room({ cycleState: 'closed' })).toBe(0);
    expect(room({ cycleState: 'released', requestedBy: 'admin' })).toBe(0);
    expect(room({ settings: { maxPeers: 0, nominationDeadline: null } })).toBe(0);
  });

  it('after the deadline: the replacements left for the subject and the manager, the free places for HR', () => {
    expect(room({ subjectRequests: some, now: AFTER_DEADLINE, cycleState: 'collecting' })).toBe(2);
    expect(room({ subjectRequests: some, now: AFTER_DEADLINE, cycleState: 'collecting', requestedBy: 'manager' })).toBe(2);
    expect(room({ subjectRequests: some, now: AFTER_DEADLINE, cycleState: 'collecting', requestedBy: 'admin' })).toBe(3);
    expect(room({ subjectRequests: [request('a', 'open')], now: AFTER_DEADLINE, cycleState: 'collecting' })).toBe(0);
  });

  it('counts the peers asked since the deadline against the replacements, whoever asked', () => {
    const replaced = [...some, request('d', 'open', 'peer', AFTER_DEADLINE)];
    expect(peerReplacementsLeft(replaced, DEADLINE)).toBe(1);
    expect(peerReplacementsLeft([...replaced, request('e', 'open', 'peer', AFTER_DEADLINE), request('f', 'open', 'peer', AFTER_DEADLINE)], DEADLINE)).toBe(0);
    // Not peers: a declined direct report is not the subject's to replace.
    expect(peerReplacementsLeft([request('d', 'declined', 'direct_report')], DEADLINE)).toBe(0);
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
