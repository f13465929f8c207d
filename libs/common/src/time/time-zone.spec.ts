import { daysBeforeAt, instantOf, isTimeZone, parseWallTime, wallTimeAt } from './time-zone';

describe('time zones', () => {
  it('knows IANA names and refuses anything else', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
    expect(isTimeZone('x'.repeat(65))).toBe(false);
  });

  it('reads a wall time without offset, and nothing that names an instant already', () => {
    expect(parseWallTime('2026-03-14T23:59')).toEqual({ year: 2026, month: 3, day: 14, hour: 23, minute: 59, second: 0 });
    expect(parseWallTime('2026-03-14T23:59:30')).toEqual({ year: 2026, month: 3, day: 14, hour: 23, minute: 59, second: 30 });
    expect(parseWallTime('2026-03-14T23:59:00Z')).toBeNull();
    expect(parseWallTime('2026-03-14T23:59:00+01:00')).toBeNull();
    expect(parseWallTime('2026-02-30T10:00')).toBeNull();
    expect(parseWallTime('2026-03-14T24:00')).toBeNull();
    expect(parseWallTime('2026-03-14')).toBeNull();
  });

  it('turns a wall time into the instant, summer and winter', () => {
    expect(instantOf({ year: 2026, month: 1, day: 15, hour: 9, minute: 0, second: 0 }, 'Europe/Paris').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(instantOf({ year: 2026, month: 7, day: 15, hour: 9, minute: 0, second: 0 }, 'Europe/Paris').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(instantOf({ year: 2026, month: 7, day: 15, hour: 9, minute: 0, second: 0 }, 'America/New_York').toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(instantOf({ year: 2026, month: 7, day: 15, hour: 9, minute: 0, second: 0 }, 'Asia/Kolkata').toISOString()).toBe('2026-07-15T03:30:00.000Z');
    expect(instantOf({ year: 2026, month: 7, day: 15, hour: 9, minute: 0, second: 0 }, 'UTC').toISOString()).toBe('2026-07-15T09:00:00.000Z');
  });

  it('handles the daylight-saving gap and overlap', () => {
    // Paris springs forward on 29 March 2026 at 02:00 → 03:00: 02:30 does not exist.
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, 'Europe/Paris').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // and falls back on 25 October 2026 at 03:00 → 02:00: 02:30 happens twice, the first is meant.
    expect(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, 'Europe/Paris').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips every hour of a year in zones with and without daylight saving', () => {
    for (const zone of ['Europe/London', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Tokyo']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
        const wall = wallTimeAt(new Date(t), zone);
        const back = instantOf(wall, zone).getTime();
        // Only the repeated hour of an autumn overlap maps to its first occurrence.
        if (back !== t) expect(t - back).toBe(3_600_000);
      }
    }
  });

  it('counts calendar days back across month and year ends', () => {
    const wall = { year: 2027, month: 1, day: 3, hour: 17, minute: 0, second: 0 };
    expect(daysBeforeAt(wall, 7, 9)).toEqual({ year: 2026, month: 12, day: 27, hour: 9, minute: 0, second: 0 });
    expect(daysBeforeAt({ ...wall, month: 3, day: 1 }, 1, 9)).toEqual({ year: 2027, month: 2, day: 28, hour: 9, minute: 0, second: 0 });
  });
});
