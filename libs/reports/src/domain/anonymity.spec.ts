import { commentAudience, decideStatementCells, orderComments, planColumns } from './anonymity';
import { ColumnKey, RaterGroup } from './report-types';

const respondents = (r: Partial<Record<RaterGroup, number>>): Record<RaterGroup, number> => ({
  self: 0,
  manager: 0,
  peer: 0,
  direct_report: 0,
  other: 0,
  ...r,
});
const answered = (a: Partial<Record<ColumnKey, number>>): Record<ColumnKey, number> => ({
  self: 0,
  manager: 0,
  peer: 0,
  direct_report: 0,
  others: 0,
  all_others: 0,
  ...a,
});
const visible = (v: Record<ColumnKey, { shown: boolean; reason?: string }>): Record<string, string> =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.shown ? 'shown' : x.reason!]));

describe('planColumns', () => {
  it('gives groups of at least k their own column and pools the rest with "other"', () => {
    const plan = planColumns({ threshold: 3, showManagerSeparately: false }, respondents({ self: 1, manager: 1, peer: 4, direct_report: 2, other: 1 }));
    expect(plan.columnOfGroup).toEqual({ self: 'self', manager: 'others', peer: 'peer', direct_report: 'others', other: 'others' });
    expect(plan.columns.find((c) => c.key === 'others')).toEqual({ key: 'others', groups: ['manager', 'direct_report', 'other'], identified: false, shown: true, respondents: 4 });
  });

  it('hides a pool that stays under k, and says so without a count', () => {
    const plan = planColumns({ threshold: 4, showManagerSeparately: true }, respondents({ manager: 1, peer: 5, direct_report: 2, other: 1 }));
    expect(plan.columns.map((c) => [c.key, c.shown ? c.respondents : c.reason])).toEqual([
      ['self', 'no_responses'],
      ['manager', 1],
      ['peer', 5],
      ['direct_report', 'below_threshold'],
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

describe('decideStatementCells', () => {
  const plan = planColumns({ threshold: 3, showManagerSeparately: true }, respondents({ self: 1, manager: 1, peer: 4, direct_report: 3, other: 3 }));

  it('shows every group with k answers, and the total', () => {
    expect(visible(decideStatementCells(plan, answered({ self: 1, manager: 1, peer: 3, direct_report: 3, others: 3 })))).toEqual({
      self: 'shown',
      manager: 'shown',
      peer: 'shown',
      direct_report: 'shown',
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
