import { duePeerReminderSlot, dueReminderSlot, manualReminderSlot, type PeerReminderCycle, reminderTime } from './reminder-slots';

const deadline = new Date('2026-03-15T17:00:00Z');
const at = (iso: string) => new Date(iso);

describe('dueReminderSlot', () => {
  it.each([
    ['2026-03-01T00:00:00Z', null],
    ['2026-03-08T08:59:59Z', null],
    ['2026-03-08T09:00:00Z', 'd7'],
    ['2026-03-12T09:00:00Z', 'd7'],
    ['2026-03-13T09:00:00Z', 'd2'],
    ['2026-03-15T16:59:59Z', 'd2'],
    ['2026-03-15T17:00:00Z', null],
    ['2026-04-01T00:00:00Z', null],
  ])('at %s with [7, 2] in UTC: %p', (now, slot) => {
    expect(dueReminderSlot(deadline, [7, 2], at(now), 'UTC')?.slot ?? null).toBe(slot);
  });

  it('gives one slot, the latest, when the scheduler missed an earlier one', () => {
    expect(dueReminderSlot(deadline, [7, 2], at('2026-03-14T00:00:00Z'), 'UTC')).toEqual({ slot: 'd2', at: at('2026-03-13T09:00:00Z') });
  });

  it('does not depend on the order of the days', () => {
    expect(dueReminderSlot(deadline, [2, 7], at('2026-03-09T00:00:00Z'), 'UTC')?.slot).toBe('d7');
  });

  it('has nothing due without a deadline or without reminder days', () => {
    expect(dueReminderSlot(null, [7, 2], at('2026-03-14T00:00:00Z'), 'UTC')).toBeNull();
    expect(dueReminderSlot(deadline, [], at('2026-03-14T00:00:00Z'), 'UTC')).toBeNull();
  });

  it('treats 0 days as a last call four hours before the deadline', () => {
    expect(reminderTime(deadline, 0, 'UTC')).toEqual(at('2026-03-15T13:00:00Z'));
    expect(dueReminderSlot(deadline, [0], at('2026-03-15T12:59:00Z'), 'UTC')).toBeNull();
    expect(dueReminderSlot(deadline, [0], at('2026-03-15T13:00:00Z'), 'UTC')?.slot).toBe('d0');
  });
});

describe("reminderTime in the organisation's time zone", () => {
  it('sends "7 days before" at 09:00 on the organisation\'s clock', () => {
    // 17:00 in Tokyo on 15 March is 08:00 UTC; seven Tokyo days before, at 09:00 Tokyo = 00:00 UTC.
    expect(reminderTime(at('2026-03-15T08:00:00Z'), 7, 'Asia/Tokyo')).toEqual(at('2026-03-08T00:00:00Z'));
    expect(reminderTime(at('2026-03-15T08:00:00Z'), 7, 'America/New_York')).toEqual(at('2026-03-08T13:00:00Z'));
  });

  it("counts days on the organisation's calendar, not UTC's", () => {
    // 01:00 on 20 June in Sydney is still 19 June in UTC: "2 days before" is 18 June in Sydney.
    expect(reminderTime(at('2026-06-19T15:00:00Z'), 2, 'Australia/Sydney')).toEqual(at('2026-06-17T23:00:00Z'));
  });

  it('keeps 09:00 across a daylight-saving change', () => {
    // Paris moves to summer time on 29 March 2026: the deadline is in summer, the reminder in winter.
    expect(reminderTime(at('2026-04-02T15:00:00Z'), 7, 'Europe/Paris')).toEqual(at('2026-03-26T08:00:00Z'));
    expect(reminderTime(at('2026-04-02T15:00:00Z'), 2, 'Europe/Paris')).toEqual(at('2026-03-31T07:00:00Z'));
  });
});

describe('manualReminderSlot', () => {
  it('is the same within a minute and differs across minutes', () => {
    expect(manualReminderSlot(at('2026-03-01T09:30:05Z'))).toBe('manual:2026-03-01T09:30');
    expect(manualReminderSlot(at('2026-03-01T09:30:59Z'))).toBe('manual:2026-03-01T09:30');
    expect(manualReminderSlot(at('2026-03-01T09:31:00Z'))).toBe('manual:2026-03-01T09:31');
  });
});

describe('duePeerReminderSlot (subjects short of peers, before the nomination deadline)', () => {
  const nominationDeadline = new Date('2026-03-10T17:00:00Z');
  const launchedAt = new Date('2026-03-01T08:00:00Z');
  const nominating: PeerReminderCycle = { state: 'nominating', nominationDeadline, launchedAt };
  const slotAt = (now: string, cycle = nominating, timeZone = 'UTC') => duePeerReminderSlot(cycle, at(now), timeZone);

  it.each([
    ['2026-03-08T08:59:59Z', null],
    ['2026-03-08T09:00:00Z', `d2@${nominationDeadline.toISOString()}`],
    ['2026-03-10T12:59:59Z', `d2@${nominationDeadline.toISOString()}`],
    ['2026-03-10T13:00:00Z', `d0@${nominationDeadline.toISOString()}`],
    ['2026-03-10T17:00:00Z', null],
  ])('at %s: %p', (now, slot) => {
    expect(slotAt(now)?.slot ?? null).toBe(slot);
  });

  it('opens at 09:00 on the organisation’s clock two days before', () => {
    // 17:00 UTC on 10 March is 02:00 on 11 March in Tokyo: two Tokyo days before is 9 March, 09:00 Tokyo = 00:00 UTC.
    expect(slotAt('2026-03-09T00:00:00Z', nominating, 'Asia/Tokyo')?.at).toEqual(at('2026-03-09T00:00:00Z'));
    expect(slotAt('2026-03-08T23:59:00Z', nominating, 'Asia/Tokyo')).toBeNull();
  });

  it('is never due outside nominations or without a nomination deadline', () => {
    for (const state of ['draft', 'collecting', 'closed', 'released'] as const) expect(slotAt('2026-03-09T10:00:00Z', { ...nominating, state })).toBeNull();
    expect(slotAt('2026-03-09T10:00:00Z', { ...nominating, nominationDeadline: null })).toBeNull();
  });

  it('skips a slot that opened before the launch: a cycle launched the day before gets the last call only', () => {
    const late = { ...nominating, launchedAt: at('2026-03-09T15:00:00Z') };
    expect(slotAt('2026-03-09T16:00:00Z', late)).toBeNull();
    expect(slotAt('2026-03-10T13:00:00Z', late)?.slot).toBe(`d0@${nominationDeadline.toISOString()}`);
    expect(slotAt('2026-03-10T14:00:00Z', { ...nominating, launchedAt: at('2026-03-10T13:30:00Z') })).toBeNull();
  });

  it('names the deadline, so a deadline moved later has reminders of its own', () => {
    const moved = { ...nominating, nominationDeadline: at('2026-03-12T17:00:00Z') };
    expect(slotAt('2026-03-10T10:00:00Z', moved)?.slot).toBe('d2@2026-03-12T17:00:00.000Z');
    expect(slotAt('2026-03-10T10:00:00Z')?.slot).toBe(`d2@${nominationDeadline.toISOString()}`);
  });
});
