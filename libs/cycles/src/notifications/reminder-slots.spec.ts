import { dueReminderSlot, manualReminderSlot, reminderTime } from './reminder-slots';

const deadline = new Date('2026-03-15T17:00:00Z');
const at = (iso: string) => new Date(iso);

describe('dueReminderSlot', () => {
  it.each([
    ['2026-03-01T00:00:00Z', null],
    ['2026-03-08T16:59:59Z', null],
    ['2026-03-08T17:00:00Z', 'd7'],
    ['2026-03-12T09:00:00Z', 'd7'],
    ['2026-03-13T17:00:00Z', 'd2'],
    ['2026-03-15T16:59:59Z', 'd2'],
    ['2026-03-15T17:00:00Z', null],
    ['2026-04-01T00:00:00Z', null],
  ])('at %s with [7, 2]: %p', (now, slot) => {
    expect(dueReminderSlot(deadline, [7, 2], at(now))?.slot ?? null).toBe(slot);
  });

  it('gives one slot, the latest, when the scheduler missed an earlier one', () => {
    expect(dueReminderSlot(deadline, [7, 2], at('2026-03-14T00:00:00Z'))).toEqual({ slot: 'd2', at: at('2026-03-13T17:00:00Z') });
  });

  it('does not depend on the order of the days', () => {
    expect(dueReminderSlot(deadline, [2, 7], at('2026-03-09T00:00:00Z'))?.slot).toBe('d7');
  });

  it('has nothing due without a deadline or without reminder days', () => {
    expect(dueReminderSlot(null, [7, 2], at('2026-03-14T00:00:00Z'))).toBeNull();
    expect(dueReminderSlot(deadline, [], at('2026-03-14T00:00:00Z'))).toBeNull();
  });

  it('treats 0 days as a last call four hours before the deadline', () => {
    expect(reminderTime(deadline, 0)).toEqual(at('2026-03-15T13:00:00Z'));
    expect(dueReminderSlot(deadline, [0], at('2026-03-15T12:59:00Z'))).toBeNull();
    expect(dueReminderSlot(deadline, [0], at('2026-03-15T13:00:00Z'))?.slot).toBe('d0');
  });
});

describe('manualReminderSlot', () => {
  it('is the same within a minute and differs across minutes', () => {
    expect(manualReminderSlot(at('2026-03-01T09:30:05Z'))).toBe('manual:2026-03-01T09:30');
    expect(manualReminderSlot(at('2026-03-01T09:30:59Z'))).toBe('manual:2026-03-01T09:30');
    expect(manualReminderSlot(at('2026-03-01T09:31:00Z'))).toBe('manual:2026-03-01T09:31');
  });
});
