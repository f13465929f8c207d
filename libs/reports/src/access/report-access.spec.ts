import type { CycleState, ManagerReportVisibility } from '@lib/cycles';
import { ReportParties, reportViewer, willSeeLater } from './report-access';

const SUBJECT = 'subject';
const MANAGER = 'manager';
const parties = (cycleState: CycleState, managerVisibility: ManagerReportVisibility = 'on_release'): ReportParties => ({
  cycleState,
  subjectId: SUBJECT,
  managerId: MANAGER,
  managerVisibility,
});
const member = (personId: string) => ({ personId, role: 'member' as const });
const admin = (personId = 'hr') => ({ personId, role: 'admin' as const });

describe('reportViewer', () => {
  it.each(['draft', 'nominating', 'collecting'] as CycleState[])('shows nothing to anyone while the cycle is %s', (state) => {
    for (const actor of [admin(), member(SUBJECT), member(MANAGER)]) {
      for (const visibility of ['on_close', 'on_release', 'never'] as ManagerReportVisibility[]) expect(reportViewer(actor, parties(state, visibility))).toBeNull();
    }
  });

  it('lets HR read every report once the cycle is closed, their own included', () => {
    expect(reportViewer(admin(), parties('closed', 'never'))).toBe('admin');
    expect(reportViewer(admin(SUBJECT), parties('closed'))).toBe('admin');
    expect(reportViewer(admin(MANAGER), parties('released', 'never'))).toBe('admin');
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

  it('refuses everyone else, and a subject without a manager has none', () => {
    expect(reportViewer(member('rater'), parties('released', 'on_close'))).toBeNull();
    expect(reportViewer(member(MANAGER), { ...parties('released', 'on_close'), managerId: null })).toBeNull();
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
