import { Headcount, answersByColumn, choosePlan, commentAudience, decideStatementCells, isAnonymous, orderComments, planColumns } from './anonymity';
import { COLUMN_KEYS, ColumnKey, RATER_GROUPS, RaterGroup } from './report-types';

/** A count, or [all, of whom anonymous]: a plain number means nobody among them may read the report. */
type Count = number | [total: number, anonymous: number];
const headcount = (c: Count | undefined): Headcount => (Array.isArray(c) ? { total: c[0], anonymous: c[1] } : { total: c ?? 0, anonymous: c ?? 0 });
const respondents = (r: Partial<Record<RaterGroup, Count>>): Record<RaterGroup, Headcount> =>
  Object.fromEntries(RATER_GROUPS.map((g) => [g, headcount(r[g])])) as Record<RaterGroup, Headcount>;
const answered = (a: Partial<Record<ColumnKey, Count>>): Record<ColumnKey, Headcount> =>
  Object.fromEntries(COLUMN_KEYS.map((c) => [c, headcount(a[c])])) as Record<ColumnKey, Headcount>;
const visible = (v: Record<ColumnKey, { shown: boolean; reason?: string }>): Record<string, string> =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.shown ? 'shown' : x.reason!]));

describe('planColumns', () => {
  it('gives groups of at least k their own column and pools the rest with "other"', () => {
    const plan = planColumns({ threshold: 3, showManagerSeparately: false }, respondents({ self: 1, manager: 1, peer: 4, direct_report: 2, other: 1 }));
    expect(plan.columnOfGroup).toEqual({ self: 'self', manager: 'others', peer: 'peer', direct_report: 'others', external: 'others', other: 'others' });
    expect(plan.columns.find((c) => c.key === 'others')).toEqual({
      key: 'others',
      groups: ['manager', 'direct_report', 'other'],
      identified: false,
      shown: true,
      respondents: 4,
    });
  });

  it('hides a pool that stays under k, and says so without a count', () => {
    const plan = planColumns({ threshold: 4, showManagerSeparately: true }, respondents({ manager: 1, peer: 5, direct_report: 2, other: 1 }));
    expect(plan.columns.map((c) => [c.key, c.shown ? c.respondents : c.reason])).toEqual([
      ['self', 'no_responses'],
      ['manager', 1],
      ['peer', 5],
      ['direct_report', 'below_threshold'],
      ['external', 'no_responses'],
      ['others', 'below_threshold'],
      ['all_others', 9],
    ]);
  });

  it('identifies the manager only when the cycle says so', () => {
    const separate = planColumns({ threshold: 3, showManagerSeparately: true }, respondents({ manager: 1 }));
    expect(separate.columns[1]).toMatchObject({ key: 'manager', identified: true, shown: true });
    const pooled = planColumns({ threshold: 3, showManagerSeparately: false }, respondents({ manager: 1 }));
    expect(pooled.columns[1]).toMatchObject({ key: 'manager', identified: false, shown: false });
  });
});

describe('planColumns with external raters', () => {
  const settings = { threshold: 3, showManagerSeparately: true };

  it('gives k external raters a column of their own, like peers', () => {
    const plan = planColumns(settings, respondents({ self: 1, manager: 1, peer: 4, external: 3 }));
    expect(plan.columnOfGroup.external).toBe('external');
    expect(plan.columns.find((c) => c.key === 'external')).toEqual({ key: 'external', groups: ['external'], identified: false, shown: true, respondents: 3 });
  });

  it('pools fewer than k external raters into "others", shown only when the pool reaches k', () => {
    const pooled = planColumns(settings, respondents({ manager: 1, peer: 4, external: 2, other: 1 }));
    expect(pooled.columnOfGroup.external).toBe('others');
    expect(pooled.columns.find((c) => c.key === 'external')).toEqual({ key: 'external', groups: [], identified: false, shown: false, reason: 'pooled' });
    expect(pooled.columns.find((c) => c.key === 'others')).toMatchObject({ shown: true, groups: ['external', 'other'], respondents: 3 });
    const hidden = planColumns(settings, respondents({ manager: 1, peer: 4, external: 2 }));
    expect(hidden.columns.find((c) => c.key === 'external')).toMatchObject({ shown: false, reason: 'below_threshold' });
    expect(hidden.columns.find((c) => c.key === 'others')).toMatchObject({ shown: false, reason: 'below_threshold' });
  });

  it('never identifies an external rater, and counts them toward k', () => {
    expect(isAnonymous({ raterGroup: 'external' }, settings)).toBe(true);
    expect(() => planColumns(settings, respondents({ external: 3, peer: 3 }), ['external'])).not.toThrow();
  });

  it('hides the peers on a statement where two external answers would be total − manager − peers', () => {
    const plan = planColumns(settings, respondents({ manager: 1, peer: 4, external: 2 }));
    expect(visible(decideStatementCells(plan, answersByColumn(plan, respondents({ manager: 1, peer: 4, external: 2 }))))).toMatchObject({
      peer: 'complementary',
      external: 'below_threshold',
      all_others: 'shown',
    });
  });
});

describe('isAnonymous', () => {
  it('is every rater but self, a separately shown manager, and raters who may read the report', () => {
    const pooled = { threshold: 3, showManagerSeparately: false };
    const separate = { threshold: 3, showManagerSeparately: true };
    expect(isAnonymous({ raterGroup: 'peer' }, pooled)).toBe(true);
    expect(isAnonymous({ raterGroup: 'peer', raterMayRead: true }, pooled)).toBe(false);
    expect(isAnonymous({ raterGroup: 'manager' }, pooled)).toBe(true);
    expect(isAnonymous({ raterGroup: 'manager', raterMayRead: true }, pooled)).toBe(false);
    expect(isAnonymous({ raterGroup: 'manager' }, separate)).toBe(false);
    expect(isAnonymous({ raterGroup: 'self', raterMayRead: false }, pooled)).toBe(false);
  });
});

describe('planColumns with raters who may read the report', () => {
  it('counts only anonymous respondents toward k: a pooled manager who reads does not make three', () => {
    // The review's case: k = 3, self, the manager (pooled, may read), 2 peers.
    const plan = planColumns({ threshold: 3, showManagerSeparately: false }, respondents({ self: 1, manager: [1, 0], peer: 2 }));
    expect(plan.columns.map((c) => [c.key, c.shown ? c.respondents : c.reason])).toEqual([
      ['self', 1],
      ['manager', 'below_threshold'],
      ['peer', 'below_threshold'],
      ['direct_report', 'no_responses'],
      ['external', 'no_responses'],
      ['others', 'below_threshold'],
      ['all_others', 'below_threshold'],
    ]);
    // When managers never see reports, the same manager is anonymous and the pool of 3 is shown.
    const unread = planColumns({ threshold: 3, showManagerSeparately: false }, respondents({ self: 1, manager: 1, peer: 2 }));
    expect(unread.columns.find((c) => c.key === 'others')).toMatchObject({ shown: true, respondents: 3, groups: ['manager', 'peer'] });
    expect(unread.columns.find((c) => c.key === 'all_others')).toMatchObject({ shown: true, respondents: 3 });
  });

  it('keeps a reader inside a shown column, counted in its respondents but not toward k', () => {
    // 4 peers, one an HR admin: 3 anonymous, so peers stand alone over all 4.
    const four = planColumns({ threshold: 3, showManagerSeparately: true }, respondents({ manager: 1, peer: [4, 3] }));
    expect(four.columns.find((c) => c.key === 'peer')).toMatchObject({ shown: true, respondents: 4 });
    expect(four.columns.find((c) => c.key === 'all_others')).toMatchObject({ shown: true, respondents: 5 });
    // 3 peers, one an HR admin: pooled with the 1 other into others (3 anonymous of 4).
    const three = planColumns({ threshold: 3, showManagerSeparately: true }, respondents({ manager: 1, peer: [3, 2], other: 1 }));
    expect(three.columnOfGroup.peer).toBe('others');
    expect(three.columns.find((c) => c.key === 'others')).toMatchObject({ shown: true, respondents: 4, groups: ['peer', 'other'] });
  });

  it('never counts a separately shown manager as anonymous, whatever the caller says', () => {
    const plan = planColumns({ threshold: 3, showManagerSeparately: true }, respondents({ manager: 1, peer: 2 }));
    expect(plan.columns.find((c) => c.key === 'all_others')).toMatchObject({ shown: false, reason: 'below_threshold' });
  });
});

describe('decideStatementCells', () => {
  const plan = planColumns({ threshold: 3, showManagerSeparately: true }, respondents({ self: 1, manager: 1, peer: 4, direct_report: 3, other: 3 }));

  it('shows every group with k answers, and the total', () => {
    expect(visible(decideStatementCells(plan, answered({ self: 1, manager: 1, peer: 3, direct_report: 3, others: 3 })))).toEqual({
      self: 'shown',
      manager: 'shown',
      peer: 'shown',
      direct_report: 'shown',
      external: 'no_responses',
      others: 'shown',
      all_others: 'shown',
    });
  });

  it('hides the smallest shown group when the hidden rest would be under k', () => {
    // 2 hidden "others" answers: total − manager − peers − direct reports would be their sum.
    expect(visible(decideStatementCells(plan, answered({ manager: 1, peer: 4, direct_report: 3, others: 2 })))).toMatchObject({
      peer: 'shown',
      direct_report: 'complementary',
      others: 'below_threshold',
      all_others: 'shown',
    });
  });

  it('keeps groups when the hidden rest already reaches k', () => {
    expect(visible(decideStatementCells(plan, answered({ peer: 4, direct_report: 2, others: 2 })))).toMatchObject({
      peer: 'shown',
      direct_report: 'below_threshold',
      others: 'below_threshold',
      all_others: 'shown',
    });
  });

  it('hides the total when fewer than k anonymous answers stand behind it, whatever the manager did', () => {
    expect(visible(decideStatementCells(plan, answered({ self: 1, manager: 1, peer: 2 })))).toMatchObject({
      self: 'shown',
      manager: 'shown',
      peer: 'below_threshold',
      all_others: 'below_threshold',
    });
    expect(visible(decideStatementCells(plan, answered({})))).toMatchObject({ self: 'not_observed', manager: 'not_observed' });
  });
});

describe('decideStatementCells with raters who may read the report', () => {
  // k = 3, manager pooled and reading, 3 peers: peers stand alone, the manager is alone in others.
  const plan = planColumns({ threshold: 3, showManagerSeparately: false }, respondents({ self: 1, manager: [1, 0], peer: 3 }));

  it("hides the peers when the total would give away the reading manager's hidden answer", () => {
    // total − peers = the manager's rating: the subject must not learn it.
    expect(plan.columns.find((c) => c.key === 'others')).toMatchObject({ shown: false, reason: 'below_threshold' });
    expect(visible(decideStatementCells(plan, answered({ self: 1, peer: 3, others: [1, 0] })))).toEqual({
      self: 'shown',
      manager: 'below_threshold',
      peer: 'complementary',
      direct_report: 'no_responses',
      external: 'no_responses',
      others: 'below_threshold',
      all_others: 'shown',
    });
  });

  it('shows the peers when the manager answered "not observed": nothing hidden is left to expose', () => {
    expect(visible(decideStatementCells(plan, answered({ self: 1, peer: 3 })))).toMatchObject({ peer: 'shown', all_others: 'shown' });
  });

  it('needs k anonymous answers per cell, however many readers answered too', () => {
    const big = planColumns({ threshold: 3, showManagerSeparately: true }, respondents({ manager: 1, peer: [5, 3], direct_report: 3 }));
    expect(visible(decideStatementCells(big, answered({ manager: 1, peer: [3, 2], direct_report: 3 })))).toMatchObject({
      peer: 'below_threshold',
      direct_report: 'complementary',
      all_others: 'shown',
    });
    expect(visible(decideStatementCells(big, answered({ manager: 1, peer: [4, 3], direct_report: 3 })))).toMatchObject({
      peer: 'shown',
      direct_report: 'shown',
      all_others: 'shown',
    });
  });
});

describe('choosePlan (rule 7: of the safe layouts, the one that shows the most)', () => {
  const separate = { threshold: 3, showManagerSeparately: true };
  const columns = (plan: ReturnType<typeof planColumns>) => plan.columns.map((c) => [c.key, c.shown ? `${c.groups.join('+')} ${c.respondents}` : c.reason]);
  const cellsOf = (plan: ReturnType<typeof planColumns>, byGroup: Partial<Record<RaterGroup, Count>>) =>
    visible(decideStatementCells(plan, answersByColumn(plan, respondents(byGroup))));

  it("pools Priya's peers with her 2 direct reports rather than hide the peers on every statement", () => {
    // The demo's showcase: self, a separately shown manager, 5 peers, 2 direct reports; every statement answered by all.
    const everyone = { self: 1, manager: 1, peer: 5, direct_report: 2 };
    // Rule 2 alone: peers stand alone, the direct reports sit in a hidden "others", and
    // total − manager − peers would give them away, so the peers go on every statement.
    const rule2 = planColumns(separate, respondents(everyone));
    expect(cellsOf(rule2, everyone)).toEqual({
      self: 'shown',
      manager: 'shown',
      peer: 'complementary',
      direct_report: 'below_threshold',
      external: 'no_responses',
      others: 'below_threshold',
      all_others: 'shown',
    });
    const plan = choosePlan(separate, respondents(everyone), [respondents(everyone), respondents(everyone)]);
    expect(columns(plan)).toEqual([
      ['self', 'self 1'],
      ['manager', 'manager 1'],
      ['peer', 'pooled'],
      ['direct_report', 'pooled'],
      ['external', 'no_responses'],
      ['others', 'peer+direct_report 7'],
      ['all_others', 'manager+peer+direct_report 8'],
    ]);
    expect(cellsOf(plan, everyone)).toEqual({
      self: 'shown',
      manager: 'shown',
      peer: 'pooled',
      direct_report: 'pooled',
      external: 'no_responses',
      others: 'shown',
      all_others: 'shown',
    });
    // The manager is identified: never pooled (a reader would subtract the known ratings).
    expect(() => planColumns(separate, respondents(everyone), ['manager'])).toThrow(/identified/);
  });

  it('keeps rule 2 when pooling would lose a number on any statement', () => {
    // 3 peers, and 2 direct reports with 1 other colleague in "others": s1 shows both groups and
    // the total. Pooling the peers would show more on s2 (where a peer said "not observed") but
    // one number fewer on s1: rejected.
    const everyone = { manager: 1, peer: 3, direct_report: 2, other: 1 };
    const s2 = { manager: 1, peer: 2, direct_report: 2, other: 1 };
    const plan = choosePlan(separate, respondents(everyone), [respondents(everyone), respondents(s2)]);
    expect(plan).toEqual(planColumns(separate, respondents(everyone)));
    expect(cellsOf(plan, s2)).toMatchObject({ peer: 'below_threshold', others: 'complementary', all_others: 'shown' });
    expect(cellsOf(planColumns(separate, respondents(everyone), ['peer']), s2)).toMatchObject({ others: 'shown', all_others: 'shown' });
  });

  it('pools the small group into the smallest shown neighbour, the larger keeps its column', () => {
    // Manager pooled by the cycle (3 managers, anonymous), 6 peers, 2 direct reports. Rule 2
    // hides the managers (the smallest shown group) for the direct reports' sake; pooling either
    // the managers or the peers with the direct reports shows one number more; the managers'
    // pool is the smaller, and the peers keep their column.
    const settings = { threshold: 3, showManagerSeparately: false };
    const everyone = { manager: 3, peer: 6, direct_report: 2 };
    expect(cellsOf(planColumns(settings, respondents(everyone)), everyone)).toMatchObject({
      manager: 'complementary',
      peer: 'shown',
      others: 'below_threshold',
    });
    const plan = choosePlan(settings, respondents(everyone), [respondents(everyone)]);
    expect(columns(plan)).toEqual([
      ['self', 'no_responses'],
      ['manager', 'pooled'],
      ['peer', 'peer 6'],
      ['direct_report', 'pooled'],
      ['external', 'no_responses'],
      ['others', 'manager+direct_report 5'],
      ['all_others', 'manager+peer+direct_report 11'],
    ]);
  });

  it('counts only anonymous raters in a pool made by choice: a reading manager adds nothing toward k', () => {
    // The manager may read (0 anonymous); 3 peers. Pooled, the peers' 3 anonymous answers carry the manager's.
    const settings = { threshold: 3, showManagerSeparately: false };
    const everyone: Partial<Record<RaterGroup, Count>> = { manager: [1, 0], peer: 3 };
    const plan = choosePlan(settings, respondents(everyone), [respondents(everyone)]);
    expect(columns(plan)).toContainEqual(['others', 'manager+peer 4']);
    // With a peer saying "not observed", the pool holds 2 anonymous answers and is hidden, and so is the total.
    expect(cellsOf(plan, { manager: [1, 0], peer: 2 })).toMatchObject({ others: 'below_threshold', all_others: 'below_threshold' });
  });
});

describe('commentAudience', () => {
  it('shows self as self, anonymous raters only from shown columns, a separate manager only in a crowd', () => {
    const crowd = planColumns({ threshold: 3, showManagerSeparately: true }, respondents({ self: 1, manager: 1, peer: 3, other: 1 }));
    expect(audiences(crowd)).toEqual({ self: 'self', manager: 'others', peer: 'others', direct_report: null, other: null });
    const alone = planColumns({ threshold: 3, showManagerSeparately: true }, respondents({ manager: 1, peer: 2 }));
    expect(audiences(alone)).toMatchObject({ manager: null, peer: null });
  });
});

function audiences(plan: ReturnType<typeof planColumns>): Record<RaterGroup, string | null> {
  const groups: RaterGroup[] = ['self', 'manager', 'peer', 'direct_report', 'other'];
  return Object.fromEntries(groups.map((g) => [g, commentAudience(plan, g)])) as Record<RaterGroup, string | null>;
}

describe('orderComments', () => {
  it('is a fixed order that ignores the order given', () => {
    const texts = ['Zebra crossing', 'apple', 'Apple', 'middle', 'apple'];
    const ordered = orderComments(texts);
    expect([...ordered].sort()).toEqual([...texts].sort());
    expect(orderComments([...texts].reverse())).toEqual(ordered);
    expect(ordered).not.toEqual(texts);
  });
});
