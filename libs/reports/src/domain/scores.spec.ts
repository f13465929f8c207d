import { StatementComparison, combineTallies, findGaps, indexMean, mean, profileQuadrant, rankStatements, spread, tally, trendValue } from './scores';

const item = (statementId: string, self: number | undefined, others: number | undefined): StatementComparison => ({
  statementId,
  behaviourKey: 'b',
  text: statementId,
  self,
  others,
});

describe('tally, mean and spread', () => {
  it('computes the mean and the population standard deviation of the answers', () => {
    const t = tally([2, 4, 4, 4, 5, 5, 5, 1]);
    expect(t).toEqual({ sum: 30, sumOfSquares: 128, answers: 8 });
    expect(mean(t)).toBe(3.75);
    expect(spread(t)).toBeCloseTo(Math.sqrt(128 / 8 - 3.75 ** 2), 12);
    expect(spread(tally([3]))).toBe(0);
  });

  it('gives the same bits whatever order the answers come in', () => {
    const a = combineTallies([tally([1, 5]), tally([2, 2, 3])]);
    const b = combineTallies([tally([3, 2]), tally([5, 2, 1])]);
    expect([mean(a), spread(a)]).toEqual([mean(b), spread(b)]);
  });

  it('refuses to average nothing', () => {
    expect(() => mean(tally([]))).toThrow(RangeError);
  });
});

describe('indexMean', () => {
  it('weighs every behaviour the same, whatever its number of statements', () => {
    expect(indexMean([4, 3, 2.5])).toBeCloseTo(3.1666666667, 9);
    expect(indexMean([])).toBeNull();
  });
});

describe('profileQuadrant', () => {
  it.each([
    [3.5, 3.5, 'manager_leader'],
    [4.2, 3.49, 'leader_without_title'],
    [2.0, 3.9, 'manager'],
    [3.49, 3.49, 'emerging'],
  ] as const)('influence %s, management %s → %s', (influence, management, quadrant) => {
    expect(profileQuadrant(influence, management)).toBe(quadrant);
  });
});

describe('findGaps', () => {
  it('marks self ≥ others + 1 as blind spots and self ≤ others − 1 as hidden strengths, largest first', () => {
    const { blindSpots, hiddenStrengths } = findGaps([
      item('exactly-one-above', 4, 3),
      item('just-under', 4, 3.01),
      item('far-above', 5, 2.5),
      item('below', 2, 3.4),
      item('no-self', undefined, 1),
      item('hidden-others', 5, undefined),
    ]);
    expect(blindSpots.map((g) => [g.statementId, g.gap])).toEqual([
      ['far-above', 2.5],
      ['exactly-one-above', 1],
    ]);
    expect(hiddenStrengths.map((g) => g.statementId)).toEqual(['below']);
    expect(hiddenStrengths[0]).toMatchObject({ self: 2, others: 3.4, gap: expect.closeTo(-1.4, 12) });
  });

  it('catches a gap of exactly 1 despite float division (11/3 vs 8/3)', () => {
    expect(findGaps([item('s', 11 / 3, 8 / 3)]).blindSpots).toHaveLength(1);
  });
});

describe('rankStatements', () => {
  const many = Array.from({ length: 12 }, (_, i) => item(`s${i}`, undefined, 1 + (i % 6) * 0.5));

  it('takes the top five and bottom five by the others mean, keeping questionnaire order on ties', () => {
    const { strengths, developmentAreas } = rankStatements(many);
    expect(strengths.map((s) => s.statementId)).toEqual(['s5', 's11', 's4', 's10', 's3']);
    expect(developmentAreas.map((s) => s.statementId)).toEqual(['s0', 's6', 's1', 's7', 's2']);
  });

  it('never lists a statement twice when few are shown, and skips hidden ones', () => {
    const { strengths, developmentAreas } = rankStatements([item('a', 5, 4), item('b', 5, 2), item('c', 5, 3), item('hidden', 5, undefined)]);
    expect(strengths.map((s) => s.statementId)).toEqual(['a', 'c']);
    expect(developmentAreas.map((s) => s.statementId)).toEqual(['b']);
  });
});

describe('trendValue', () => {
  it('shows the change only where both cycles showed the number', () => {
    expect(trendValue(3.5, 3)).toEqual({ shown: true, previous: 3, current: 3.5, delta: 0.5 });
    expect(trendValue(3.5, null)).toEqual({ shown: false, reason: 'no_previous' });
    expect(trendValue(3.5, undefined)).toEqual({ shown: false, reason: 'no_previous' });
    expect(trendValue(null, 3)).toEqual({ shown: false, reason: 'not_shown' });
  });
});
