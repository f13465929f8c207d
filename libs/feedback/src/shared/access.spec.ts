import type { Actor } from '@lib/common';
import type { CycleOrigin, RequestState } from '@lib/cycles';
import { requestAccess, subjectRoles, viewerOf } from './access';

const actor = (personId: string, role: Actor['role'] = 'member'): Actor => ({ personId, organizationId: 'org', role, sessionId: 's' });
const parties = { subjectId: 'subject', frozenManagerId: 'old-manager', currentManagerId: 'new-manager' };

describe('subjectRoles', () => {
  it('knows the manager at launch and the current one', () => {
    expect(subjectRoles(actor('old-manager'), parties).isManager).toBe(true);
    expect(subjectRoles(actor('new-manager'), parties).isManager).toBe(true);
    expect(subjectRoles(actor('someone'), parties)).toEqual({ isSubject: false, isManager: false, isAdmin: false });
  });

  it('shows progress to HR, except about themself', () => {
    expect(viewerOf(subjectRoles(actor('hr', 'admin'), parties))).toBe('admin');
    const hrSubject = subjectRoles(actor('subject', 'admin'), parties);
    expect(viewerOf(hrSubject)).toBe('subject');
    expect(viewerOf(subjectRoles(actor('new-manager'), parties))).toBe('manager');
  });
});

describe('requestAccess', () => {
  const request = (state: RequestState, cycleState: 'draft' | 'collecting' = 'collecting', origin: CycleOrigin = 'hr') => ({
    ...parties,
    raterId: 'rater',
    state,
    cycleState,
    cycle: { origin },
  });

  it('lets the rater see requests put to them in a launched cycle only', () => {
    expect(requestAccess(actor('rater'), request('open')).isRater).toBe(true);
    expect(requestAccess(actor('rater'), request('declined')).isRater).toBe(true);
    expect(requestAccess(actor('rater'), request('proposed')).isRater).toBe(false);
    expect(requestAccess(actor('rater'), request('rejected')).isRater).toBe(false);
    expect(requestAccess(actor('rater'), request('open', 'draft')).isRater).toBe(false);
  });

  it('shows a draft cycle to HR only on the subject side', () => {
    expect(requestAccess(actor('subject'), request('open', 'draft')).seesAsSubjectSide).toBe(false);
    expect(requestAccess(actor('hr', 'admin'), request('open', 'draft')).seesAsSubjectSide).toBe(true);
    expect(requestAccess(actor('stranger'), request('open')).seesAsSubjectSide).toBe(false);
  });

  it('in a cycle the subject started, gives neither HR nor the manager a part; the rater and the subject keep theirs', () => {
    expect(requestAccess(actor('hr', 'admin'), request('open', 'collecting', 'self')).seesAsSubjectSide).toBe(false);
    expect(requestAccess(actor('old-manager'), request('open', 'collecting', 'self')).seesAsSubjectSide).toBe(false);
    expect(requestAccess(actor('new-manager'), request('open', 'collecting', 'pulse')).seesAsSubjectSide).toBe(false);
    expect(requestAccess(actor('subject'), request('open', 'collecting', 'self')).seesAsSubjectSide).toBe(true);
    expect(requestAccess(actor('rater', 'admin'), request('open', 'collecting', 'self')).isRater).toBe(true);
    expect(subjectRoles(actor('hr', 'admin'), { ...parties, origin: 'self' })).toEqual({ isSubject: false, isManager: false, isAdmin: false });
  });
});
