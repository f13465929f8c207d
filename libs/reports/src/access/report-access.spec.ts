import type { CycleOrigin, CycleState, ManagerReportVisibility } from '@lib/cycles';
import { managerVisibility, mayEverRead, ReportParties, reportAccess, reportViewer } from './report-access';

const SUBJECT = 'subject';
const MANAGER = 'manager';
const parties = (
  cycleState: CycleState,
  managerVisibility: ManagerReportVisibility = 'on_release',
  anonymousRaters: string[] = [],
  origin: CycleOrigin = 'hr',
): ReportParties => ({
  cycleState,
  origin,
  subjectId: SUBJECT,
  managerId: MANAGER,
  managerVisibility,
  anonymousRaters,
});
const willSeeLater = (actor: { personId: string; role: 'admin' | 'member' }, p: ReportParties): boolean => {
  const access = reportAccess(actor, p);
  return !access.allowed && access.refusal === 'not_available_yet';
};
const member = (personId: string) => ({ personId, role: 'member' as const });
const admin = (personId = 'hr') => ({ personId, role: 'admin' as const });

describe('reportViewer', () => {
  it.each(['draft', 'nominating', 'collecting'] as CycleState[])('shows nothing to anyone while the cycle is %s', (state) => {
    for (const actor of [admin(), member(SUBJECT), member(MANAGER)]) {
      for (const visibility of ['on_close', 'on_release', 'never'] as ManagerReportVisibility[])
        expect(reportViewer(actor, parties(state, visibility))).toBeNull();
    }
  });

  it('lets HR read every report once the cycle is closed, their own only after release', () => {
    expect(reportViewer(admin(), parties('closed', 'never'))).toBe('admin');
    expect(reportViewer(admin(MANAGER), parties('released', 'never'))).toBe('admin');
    // An HR admin reviewed in the cycle is a subject first: no own report before release.
    expect(reportViewer(admin(SUBJECT), parties('closed', 'on_close'))).toBeNull();
    expect(willSeeLater(admin(SUBJECT), parties('closed'))).toBe(true);
    expect(reportViewer(admin(SUBJECT), parties('released'))).toBe('admin');
  });

  it('lets the subject read their own report after release only', () => {
    expect(reportViewer(member(SUBJECT), parties('closed', 'on_close'))).toBeNull();
    expect(reportViewer(member(SUBJECT), parties('released', 'never'))).toBe('subject');
  });

  it.each([
    ['on_close', 'closed', 'manager'],
    ['on_close', 'released', 'manager'],
    ['on_release', 'closed', null],
    ['on_release', 'released', 'manager'],
    ['never', 'closed', null],
    ['never', 'released', null],
  ] as [ManagerReportVisibility, CycleState, string | null][])('lets the frozen manager read it per visibility %s when %s', (visibility, state, expected) => {
    expect(reportViewer(member(MANAGER), parties(state, visibility))).toBe(expected);
  });

  it.each(['self', 'pulse'] as CycleOrigin[])('keeps a %s cycle to its subject: after release, and never to HR or the manager', (origin) => {
    for (const state of ['draft', 'nominating', 'collecting', 'closed', 'released'] as CycleState[]) {
      for (const visibility of ['on_close', 'on_release', 'never'] as ManagerReportVisibility[]) {
        const p = parties(state, visibility, [], origin);
        expect(reportViewer(admin(), p)).toBeNull();
        expect(reportViewer(member(MANAGER), p)).toBeNull();
        expect(reportViewer(admin(MANAGER), p)).toBeNull();
        expect(reportViewer(member(SUBJECT), p)).toBe(state === 'released' ? 'subject' : null);
        // An HR admin who is the subject reads it as the subject.
        expect(reportViewer(admin(SUBJECT), p)).toBe(state === 'released' ? 'subject' : null);
        // Nobody but the subject learns from the refusal that it exists.
        const access = reportAccess(admin(), p);
        expect(access.allowed ? access.viewer : access.refusal).toBe('not_found');
        expect(mayEverRead(admin(), p) || mayEverRead(member(MANAGER), p)).toBe(false);
      }
    }
    // HR who rated in it counted as anonymous, and still gets the plain 404.
    const rated = reportAccess(admin('p1'), parties('released', 'on_close', ['p1'], origin));
    expect(rated.allowed ? rated.viewer : rated.refusal).toBe('not_found');
  });

  it('lets whom the subject shared a self-started report with read it once released; never in HR cycles, never a rater', () => {
    const owned = { ...parties('released', 'never', ['rater'], 'self'), sharedWith: ['friend', 'rater'] };
    expect(reportViewer(member('friend'), owned)).toBe('shared');
    expect(reportViewer(member('friend'), { ...owned, cycleState: 'closed' })).toBeNull();
    expect(reportViewer(member('friend'), { ...owned, sharedWith: [] })).toBeNull();
    // A rater the report counted is refused even when shared (the share rule refuses them first).
    expect(reportViewer(member('rater'), owned)).toBeNull();
    expect(reportViewer(member('friend'), { ...parties('released', 'never'), sharedWith: ['friend'] })).toBeNull();
  });

  it('refuses everyone else, and a subject without a manager has none', () => {
    expect(reportViewer(member('rater'), parties('released', 'on_close'))).toBeNull();
    expect(reportViewer(member(MANAGER), { ...parties('released', 'on_close'), managerId: null })).toBeNull();
  });
});

describe('mayEverRead', () => {
  const people = [admin(), admin(SUBJECT), admin(MANAGER), member(SUBJECT), member(MANAGER), member('rater')];
  const visibilities: ManagerReportVisibility[] = ['on_close', 'on_release', 'never'];

  it('is whoever reportViewer lets in once the cycle is closed or released', () => {
    for (const person of people) {
      for (const visibility of visibilities) {
        const later = reportViewer(person, parties('closed', visibility)) !== null || reportViewer(person, parties('released', visibility)) !== null;
        expect({ person, visibility, may: mayEverRead(person, parties('closed', visibility)) }).toEqual({ person, visibility, may: later });
      }
    }
  });

  it('counts the frozen manager only when the cycle lets managers read, and HR always', () => {
    expect(mayEverRead(member(MANAGER), parties('closed', 'on_release'))).toBe(true);
    expect(mayEverRead(member(MANAGER), parties('closed', 'never'))).toBe(false);
    expect(mayEverRead(admin('hr'), parties('closed', 'never'))).toBe(true);
    expect(mayEverRead(member('rater'), parties('closed', 'on_close'))).toBe(false);
  });
});

describe('managerVisibility', () => {
  it('reads the setting defensively, on_release by default', () => {
    expect(managerVisibility({ reportVisibility: { manager: 'never' } })).toBe('never');
    expect(managerVisibility({ reportVisibility: { manager: 'on_close' } })).toBe('on_close');
    expect(managerVisibility({ reportVisibility: { manager: 'sometimes' } })).toBe('on_release');
    expect(managerVisibility({})).toBe('on_release');
  });
});

describe('willSeeLater', () => {
  it('tells HR, the subject and a manager who will be allowed, never others or after release', () => {
    expect(willSeeLater(admin(), parties('collecting'))).toBe(true);
    expect(willSeeLater(member(SUBJECT), parties('closed'))).toBe(true);
    expect(willSeeLater(member(MANAGER), parties('collecting', 'on_close'))).toBe(true);
    expect(willSeeLater(member(MANAGER), parties('closed', 'never'))).toBe(false);
    expect(willSeeLater(member('rater'), parties('collecting'))).toBe(false);
    expect(willSeeLater(member(SUBJECT), parties('released'))).toBe(false);
  });

  it('keeps a draft to HR: its subjects have not been told', () => {
    expect(willSeeLater(member(SUBJECT), parties('draft'))).toBe(false);
    expect(willSeeLater(admin(), parties('draft'))).toBe(true);
  });
});

describe('readers never count', () => {
  const refusal = (actor: { personId: string; role: 'admin' | 'member' }, p: ReportParties) => {
    const access = reportAccess(actor, p);
    return access.allowed ? access.viewer : access.refusal;
  };

  it('refuses an HR admin whom the report counted as an anonymous rater, in every state that would let HR in', () => {
    expect(refusal(admin('p1'), parties('closed', 'on_release', ['p1']))).toBe('rated_anonymously');
    expect(refusal(admin('p1'), parties('released', 'on_release', ['p1']))).toBe('rated_anonymously');
    // Another HR admin, not counted, still reads it.
    expect(refusal(admin('hr'), parties('released', 'on_release', ['p1']))).toBe('admin');
  });

  it('refuses the frozen manager when counted as anonymous, now and later, and never lets the current manager in', () => {
    expect(refusal(member(MANAGER), parties('released', 'on_release', [MANAGER]))).toBe('rated_anonymously');
    expect(refusal(member(MANAGER), parties('closed', 'on_release', [MANAGER]))).toBe('rated_anonymously');
    expect(refusal(member('todays-manager'), parties('released', 'on_close', ['todays-manager']))).toBe('not_found');
  });

  it('tells nobody else: a counted rater whom nothing lets in gets the plain 404', () => {
    expect(refusal(member('p1'), parties('released', 'on_close', ['p1']))).toBe('not_found');
    expect(refusal(member(MANAGER), parties('released', 'never', [MANAGER]))).toBe('not_found');
    expect(refusal(admin('p1'), parties('collecting', 'on_close', ['p1']))).toBe('rated_anonymously');
    expect(refusal(member('p2'), parties('collecting', 'on_close', ['p1']))).toBe('not_found');
  });

  it('leaves the subject their own report (self is never anonymous)', () => {
    expect(refusal(member(SUBJECT), parties('released', 'on_close', ['p1', 'p2', 'p3']))).toBe('subject');
  });
});
