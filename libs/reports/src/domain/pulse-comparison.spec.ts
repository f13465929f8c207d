import { comparePulse } from './pulse-comparison';

const behaviours = [
  { key: 'listening', name: 'Listening' },
  { key: 'trust', name: 'Building trust' },
  { key: 'vision', name: 'Vision' },
];

describe('comparePulse', () => {
  it('sets the published means side by side, and totals only the behaviours shown on both sides', () => {
    const then = { behaviours: { listening: 3, trust: 2.5, vision: 4, results: 3.2 } };
    const now = { behaviours: { listening: 3.5, trust: null, vision: 4.5 } };
    expect(comparePulse(then, now, behaviours)).toEqual({
      behaviours: [
        { key: 'listening', name: 'Listening', change: { shown: true, then: 3, now: 3.5, delta: 0.5 } },
        { key: 'trust', name: 'Building trust', change: { shown: false, reason: 'not_shown' } },
        { key: 'vision', name: 'Vision', change: { shown: true, then: 4, now: 4.5, delta: 0.5 } },
      ],
      // (3 + 4) / 2 then, (3.5 + 4.5) / 2 now: trust is hidden now, so it is left out of both sides.
      total: { shown: true, then: 3.5, now: 4, delta: 0.5 },
    });
  });

  it('shows nothing for a behaviour the original did not show, nor a total without a behaviour shown on both sides', () => {
    const result = comparePulse({ behaviours: { listening: null } }, { behaviours: { listening: 4, vision: 3 } }, behaviours);
    expect(result.behaviours.map((b) => b.change.shown)).toEqual([false, false, false]);
    expect(result.total).toEqual({ shown: false, reason: 'not_shown' });
  });
});
