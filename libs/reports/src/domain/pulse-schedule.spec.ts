import { PULSE_WEEKS, pulseProgress, pulseStartsAt } from './pulse-schedule';

describe('pulse schedule', () => {
  const released = new Date('2026-01-05T09:00:00Z');

  it('starts the chosen weeks after the release', () => {
    expect(pulseStartsAt(released, PULSE_WEEKS.default, new Date('2026-01-20T00:00:00Z')).toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(pulseStartsAt(released, 1, new Date('2026-01-06T00:00:00Z')).toISOString()).toBe('2026-01-12T09:00:00.000Z');
  });

  it('starts at once when those weeks have passed', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(pulseStartsAt(released, 8, now)).toEqual(now);
    expect(pulseStartsAt(released, 21, now)).toEqual(now);
    expect(pulseStartsAt(released, 22, now).getTime()).toBeGreaterThan(now.getTime());
  });

  it('reports progress: scheduled, collecting, computing, ready, or not started with its reason', () => {
    expect(pulseProgress({ cycle: null, failure: null })).toBe('scheduled');
    expect(pulseProgress({ cycle: null, failure: 'too few raters' })).toBe('not_started');
    expect(pulseProgress({ cycle: { state: 'collecting', hasReport: false }, failure: null })).toBe('collecting');
    // Closed, its report not stored yet.
    expect(pulseProgress({ cycle: { state: 'closed', hasReport: false }, failure: null })).toBe('computing');
    expect(pulseProgress({ cycle: { state: 'closed', hasReport: true }, failure: null })).toBe('ready');
    expect(pulseProgress({ cycle: { state: 'released', hasReport: true }, failure: null })).toBe('ready');
  });
});
