import { anonymousRaterIds, frameworkInput, reportSettings, responsesInput, trendSource } from './report-input';
import type { FrameworkShape, RaterVector } from './report-source.repository';

describe('report input', () => {
  it('reads the anonymity settings defensively, never below k = 3', () => {
    expect(reportSettings({})).toEqual({ threshold: 3, showManagerSeparately: true, managerVisibility: 'on_release' });
    expect(reportSettings({ anonymityThreshold: 5, showManagerSeparately: false, reportVisibility: { subject: 'on_release', manager: 'never' } })).toEqual({
      threshold: 5,
      showManagerSeparately: false,
      managerVisibility: 'never',
    });
    expect(reportSettings({ anonymityThreshold: 1 }).threshold).toBe(3);
    expect(reportSettings({ anonymityThreshold: '7' }).threshold).toBe(3);
  });

  it('groups statements under their behaviours in questionnaire order', () => {
    const framework: FrameworkShape = {
      behaviours: [
        { id: 'b1', key: 'listening', name: 'Listening', description: '', kind: 'influence' },
        { id: 'b2', key: 'results', name: 'Results', description: '', kind: 'management' },
      ],
      statements: [
        { id: 's1', key: 'l1', text: 'L1', behaviourId: 'b1' },
        { id: 's2', key: 'r1', text: 'R1', behaviourId: 'b2' },
        { id: 's3', key: 'l2', text: 'L2', behaviourId: 'b1' },
      ],
      openQuestions: [{ id: 'o1', key: 'keep', text: 'Keep doing?' }],
    };
    expect(frameworkInput(framework)).toEqual({
      behaviours: [
        {
          key: 'listening',
          name: 'Listening',
          kind: 'influence',
          statements: [
            { id: 's1', text: 'L1' },
            { id: 's3', text: 'L2' },
          ],
        },
        { key: 'results', name: 'Results', kind: 'management', statements: [{ id: 's2', text: 'R1' }] },
      ],
      openQuestions: [{ id: 'o1', text: 'Keep doing?' }],
    });
  });

  it('turns rating vectors into answers by statement, each response with its own comments', () => {
    const responses = responsesInput(
      ['s1', 's2'],
      [
        { requestId: 'r1', subjectId: 'x', relationship: 'peer', raterId: 'p', raterRole: 'member', ratings: [4, null], comments: {} },
        { requestId: 'r2', subjectId: 'x', relationship: 'self', raterId: 'x', raterRole: 'member', ratings: [2, 5], comments: { o1: 'Mine' } },
      ],
      { origin: 'hr', subjectId: 'x', managerId: 'm', managerVisibility: 'on_release' },
    );
    expect(responses).toEqual([
      { raterGroup: 'peer', answers: { s1: 4, s2: null }, raterMayRead: false },
      { raterGroup: 'self', answers: { s1: 2, s2: 5 }, comments: { o1: 'Mine' }, raterMayRead: true },
    ]);
  });

  it('marks the raters who may read the report: HR admins, and the frozen manager unless the cycle says never', () => {
    const vector = (raterId: string, relationship: 'manager' | 'peer', raterRole: 'admin' | 'member' = 'member'): RaterVector => ({
      requestId: raterId,
      subjectId: 'x',
      relationship,
      raterId,
      raterRole,
      ratings: [3],
      comments: {},
    });
    const vectors = [vector('m', 'manager'), vector('m2', 'manager'), vector('hr', 'peer', 'admin'), vector('p', 'peer')];
    const mayRead = (managerVisibility: 'on_close' | 'on_release' | 'never') =>
      responsesInput(['s1'], vectors, { origin: 'hr', subjectId: 'x', managerId: 'm', managerVisibility }).map((r) => r.raterMayRead);
    // A second "manager" rater (not the frozen manager) never reads the report.
    expect(mayRead('on_release')).toEqual([true, false, true, false]);
    // In a cycle the subject started, neither the manager nor HR reads: both count toward k.
    expect(
      responsesInput(['s1'], vectors, { origin: 'self', subjectId: 'x', managerId: 'm', managerVisibility: 'on_close' }).map((r) => r.raterMayRead),
    ).toEqual([false, false, false, false]);
    expect(mayRead('on_close')).toEqual([true, false, true, false]);
    expect(mayRead('never')).toEqual([false, false, true, false]);
  });

  it('never counts toward k an external rater whose address one reader chose alone (that reader may have answered as them)', () => {
    const external = (requestId: string, readerMayKnow: boolean): RaterVector => ({
      requestId,
      subjectId: 'x',
      relationship: 'external',
      raterId: null,
      raterRole: null,
      ratings: [4],
      comments: {},
      readerMayKnow,
    });
    const input = responsesInput(['s1'], [external('proposed-and-approved', false), external('hr-or-self-invited', true)], {
      origin: 'hr',
      subjectId: 'x',
      managerId: 'm',
      managerVisibility: 'on_release',
    });
    expect(input.map((r) => r.raterMayRead)).toEqual([false, true]);
  });

  it('keeps whom the report counts as anonymous: not self, not a separately shown manager, not a rater who may read it', () => {
    const vector = (raterId: string, relationship: RaterVector['relationship'], raterRole: 'admin' | 'member' = 'member'): RaterVector => ({
      requestId: `r-${raterId}`,
      subjectId: 'x',
      relationship,
      raterId,
      raterRole,
      ratings: [null],
      comments: {},
    });
    const vectors = [
      vector('x', 'self'),
      vector('m', 'manager'),
      vector('hr', 'peer', 'admin'),
      vector('p2', 'peer'),
      vector('p1', 'other'),
      vector('d', 'direct_report'),
    ];
    const counted = (showManagerSeparately: boolean, managerVisibility: 'on_close' | 'on_release' | 'never') => {
      const responses = responsesInput(['s1'], vectors, { origin: 'hr', subjectId: 'x', managerId: 'm', managerVisibility });
      return anonymousRaterIds(vectors, responses, { threshold: 3, showManagerSeparately });
    };
    // Not-observed-only responses count too: they are respondents of the report.
    expect(counted(true, 'never')).toEqual(['d', 'p1', 'p2']);
    expect(counted(false, 'on_release')).toEqual(['d', 'p1', 'p2']);
    expect(counted(false, 'never')).toEqual(['d', 'm', 'p1', 'p2']);
    expect(() => anonymousRaterIds(vectors, [], { threshold: 3, showManagerSeparately: true })).toThrow(RangeError);
  });

  it('reads a stored summary back for the trend, or nothing when it is malformed', () => {
    expect(trendSource({ influence: 3.5, management: null, behaviours: { a: 4, b: null, c: 'x' } })).toEqual({
      influence: 3.5,
      management: null,
      behaviours: { a: 4, b: null, c: null },
    });
    expect(trendSource({})).toBeUndefined();
    expect(trendSource(null)).toBeUndefined();
  });
});
