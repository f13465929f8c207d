import 'reflect-metadata';
import fc from 'fast-check';
import { ErrorKind } from '@lib/common';
import { CycleSettingsDto, CycleSettingsInputDto } from '../cycle.dto';
import {
  assertValidCycleSettings,
  BoundedSetting,
  CYCLE_SETTING_LIMITS,
  CycleSettingsError,
  CycleSettingsResult,
  defaultCycleSettings,
  parseStoredCycleSettings,
  validateCycleSettings,
} from './cycle-settings';

/** The field names of the errors, or [] when valid: what a client would show next to its inputs. */
const errorFields = (result: CycleSettingsResult): string[] => (result.ok ? [] : result.errors.map((e) => e.field));

const settingsOf = (result: CycleSettingsResult) => {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.settings;
};

describe('validateCycleSettings', () => {
  it('applies every default to an empty input', () => {
    expect(settingsOf(validateCycleSettings({}))).toEqual({
      anonymityThreshold: 3,
      selfReview: true,
      minPeers: 3,
      maxPeers: 8,
      managerApprovesPeers: true,
      externalRatersAllowed: false,
      managerApprovesExternalRaters: true,
      maxOpenRequestsPerRater: 12,
      reportVisibility: { subject: 'on_release', manager: 'on_release' },
      showManagerSeparately: true,
      heatmapMinCellSize: 5,
      reminderDaysBeforeDeadline: [7, 2],
      nominationDeadline: null,
      responseDeadline: null,
    });
    expect(settingsOf(validateCycleSettings(undefined))).toEqual(defaultCycleSettings());
    expect(settingsOf(validateCycleSettings(null))).toEqual(defaultCycleSettings());
  });

  it('never hands out a shared default that a caller could mutate', () => {
    settingsOf(validateCycleSettings({})).reminderDaysBeforeDeadline.push(1);
    defaultCycleSettings().reminderDaysBeforeDeadline.push(1);
    expect(settingsOf(validateCycleSettings({})).reminderDaysBeforeDeadline).toEqual([7, 2]);
  });

  it('refuses a non-object input', () => {
    expect(errorFields(validateCycleSettings('k=3'))).toEqual(['settings']);
    expect(errorFields(validateCycleSettings([]))).toEqual(['settings']);
  });

  it('refuses unknown settings by name', () => {
    expect(errorFields(validateCycleSettings({ anonymity: 2 }))).toEqual(['anonymity']);
  });

  it.each([
    [3, true],
    [10, true],
    [2, false],
    [0, false],
    [11, false],
    [3.5, false],
    ['5', false],
    [null, false],
  ])('anonymityThreshold %p valid: %p', (anonymityThreshold, valid) => {
    expect(errorFields(validateCycleSettings({ anonymityThreshold }))).toEqual(valid ? [] : ['anonymityThreshold']);
  });

  it.each(['selfReview', 'managerApprovesPeers', 'showManagerSeparately', 'externalRatersAllowed', 'managerApprovesExternalRaters'])(
    '%s must be a boolean',
    (field) => {
      expect(settingsOf(validateCycleSettings({ [field]: false }))[field as 'selfReview']).toBe(false);
      expect(errorFields(validateCycleSettings({ [field]: 'yes' }))).toEqual([field]);
    },
  );

  it('accepts a cycle without peers (0..0) and the upper limit of 20', () => {
    expect(settingsOf(validateCycleSettings({ minPeers: 0, maxPeers: 0 }))).toMatchObject({ minPeers: 0, maxPeers: 0 });
    expect(settingsOf(validateCycleSettings({ minPeers: 20, maxPeers: 20 }))).toMatchObject({ minPeers: 20, maxPeers: 20 });
  });

  it.each([
    [{ minPeers: -1 }, ['minPeers']],
    [{ maxPeers: 21 }, ['maxPeers']],
    [{ minPeers: 5, maxPeers: 4 }, ['maxPeers']],
    [{ minPeers: 9 }, ['maxPeers']], // the default maxPeers (8) is below it
    [{ minPeers: 1.5 }, ['minPeers']],
  ])('refuses peers %p', (input, fields) => {
    expect(errorFields(validateCycleSettings(input))).toEqual(fields);
  });

  it.each([
    [1, true],
    [50, true],
    [0, false],
    [51, false],
    [2.5, false],
  ])('maxOpenRequestsPerRater %p valid: %p', (maxOpenRequestsPerRater, valid) => {
    expect(errorFields(validateCycleSettings({ maxOpenRequestsPerRater }))).toEqual(valid ? [] : ['maxOpenRequestsPerRater']);
  });

  it.each(['on_close', 'on_release', 'never'])('accepts manager visibility %s', (manager) => {
    expect(settingsOf(validateCycleSettings({ reportVisibility: { manager } })).reportVisibility).toEqual({
      subject: 'on_release',
      manager,
    });
  });

  it.each([
    [{ manager: 'always' }, ['reportVisibility.manager']],
    [{ subject: 'on_close' }, ['reportVisibility.subject']],
    [{ hr: 'never' }, ['reportVisibility.hr']],
    ['never', ['reportVisibility']],
  ])('refuses report visibility %p', (reportVisibility, fields) => {
    expect(errorFields(validateCycleSettings({ reportVisibility }))).toEqual(fields);
  });

  describe('heatmapMinCellSize', () => {
    it('defaults to 5, raised to k when k is higher (also for cycles stored before the setting existed)', () => {
      expect(settingsOf(validateCycleSettings({})).heatmapMinCellSize).toBe(5);
      expect(settingsOf(validateCycleSettings({ anonymityThreshold: 4 })).heatmapMinCellSize).toBe(5);
      expect(settingsOf(validateCycleSettings({ anonymityThreshold: 7 })).heatmapMinCellSize).toBe(7);
    });

    it.each([
      [{ heatmapMinCellSize: 3 }, 3],
      [{ heatmapMinCellSize: 100 }, 100],
      [{ anonymityThreshold: 6, heatmapMinCellSize: 6 }, 6],
      [{ anonymityThreshold: 6, heatmapMinCellSize: 12 }, 12],
    ])('accepts %p', (input, expected) => {
      expect(settingsOf(validateCycleSettings(input)).heatmapMinCellSize).toBe(expected);
    });

    it('refuses a minimum below k, naming the field and the threshold, rather than raising it quietly', () => {
      const result = validateCycleSettings({ anonymityThreshold: 6, heatmapMinCellSize: 5 });
      expect(result).toEqual({
        ok: false,
        errors: [
          {
            field: 'heatmapMinCellSize',
            message: 'heatmapMinCellSize must be at least anonymityThreshold (6)',
            key: 'error.setting.atLeast',
            values: { other: 'anonymityThreshold', value: 6 },
          },
        ],
      });
    });

    it.each([[2], [0], [101], [4.5], ['5'], [null]])('refuses %p', (heatmapMinCellSize) => {
      expect(errorFields(validateCycleSettings({ heatmapMinCellSize }))).toEqual(['heatmapMinCellSize']);
    });

    it('judges only the minimum when k itself is invalid', () => {
      expect(errorFields(validateCycleSettings({ anonymityThreshold: 2, heatmapMinCellSize: 4 }))).toEqual(['anonymityThreshold']);
    });
  });

  it('stores reminder days largest first and accepts an empty schedule', () => {
    expect(settingsOf(validateCycleSettings({ reminderDaysBeforeDeadline: [1, 14, 0] })).reminderDaysBeforeDeadline).toEqual([14, 1, 0]);
    expect(settingsOf(validateCycleSettings({ reminderDaysBeforeDeadline: [] })).reminderDaysBeforeDeadline).toEqual([]);
    expect(settingsOf(validateCycleSettings({ reminderDaysBeforeDeadline: [60, 30, 14, 7, 1] })).reminderDaysBeforeDeadline).toHaveLength(5);
  });

  it.each([[[7, 7]], [[6, 5, 4, 3, 2, 1]], [[61]], [[-1]], [[1.5]], [['7']], ['7']])('refuses reminder days %p', (days) => {
    expect(errorFields(validateCycleSettings({ reminderDaysBeforeDeadline: days }))).toEqual(['reminderDaysBeforeDeadline']);
  });

  it('reads deadlines from ISO strings or dates, and allows them unset', () => {
    const settings = settingsOf(validateCycleSettings({ nominationDeadline: '2026-03-01T17:00:00Z', responseDeadline: new Date('2026-03-15T17:00:00Z') }));
    expect(settings.nominationDeadline).toEqual(new Date('2026-03-01T17:00:00Z'));
    expect(settings.responseDeadline).toEqual(new Date('2026-03-15T17:00:00Z'));
    expect(settingsOf(validateCycleSettings({ nominationDeadline: null })).nominationDeadline).toBeNull();
  });

  it.each([['next week'], [''], [1767225600000], [new Date('nope')]])('refuses the deadline %p', (value) => {
    expect(errorFields(validateCycleSettings({ responseDeadline: value }))).toEqual(['responseDeadline']);
  });

  it("reads a deadline without an offset on the organisation's clock, and an instant as that instant", () => {
    const read = (responseDeadline: string, timeZone?: string) => {
      const result = validateCycleSettings({ responseDeadline }, { timeZone });
      return result.ok ? result.settings.responseDeadline?.toISOString() : result.errors;
    };
    expect(read('2026-12-20T23:59', 'Europe/Paris')).toBe('2026-12-20T22:59:00.000Z');
    expect(read('2026-06-20T23:59', 'Europe/Paris')).toBe('2026-06-20T21:59:00.000Z');
    expect(read('2026-12-20T23:59', 'America/New_York')).toBe('2026-12-21T04:59:00.000Z');
    expect(read('2026-12-20T23:59')).toBe('2026-12-20T23:59:00.000Z');
    expect(read('2026-12-20T23:59:00Z', 'Europe/Paris')).toBe('2026-12-20T23:59:00.000Z');
    expect(read('2026-12-20T23:59:00+05:00', 'Europe/Paris')).toBe('2026-12-20T18:59:00.000Z');
  });

  it('requires the response deadline to come after the nomination deadline', () => {
    const at = (iso: string) => ({ nominationDeadline: '2026-03-01T00:00:00Z', responseDeadline: iso });
    expect(errorFields(validateCycleSettings(at('2026-03-01T00:00:00Z')))).toEqual(['responseDeadline']);
    expect(errorFields(validateCycleSettings(at('2026-02-01T00:00:00Z')))).toEqual(['responseDeadline']);
    expect(errorFields(validateCycleSettings(at('2026-03-01T00:00:01Z')))).toEqual([]);
  });

  it('reports every problem at once, by field', () => {
    const result = validateCycleSettings({ anonymityThreshold: 1, selfReview: 'no', maxPeers: 99, reminderDaysBeforeDeadline: [2, 2] });
    expect(errorFields(result).sort()).toEqual(['anonymityThreshold', 'maxPeers', 'reminderDaysBeforeDeadline', 'selfReview']);
  });
});

describe('parseStoredCycleSettings', () => {
  const stored = (overrides: Record<string, unknown>) => parseStoredCycleSettings({ ...defaultCycleSettings(), ...overrides });

  it('reads valid stored settings as they were written, deadlines from their columns', () => {
    const written = assertValidCycleSettings({ anonymityThreshold: 6, minPeers: 1, maxPeers: 4, reminderDaysBeforeDeadline: [3], heatmapMinCellSize: 8 });
    const json = JSON.parse(JSON.stringify(written)) as Record<string, unknown>;
    const deadline = new Date('2026-05-01T12:00:00Z');
    expect(parseStoredCycleSettings(json, { responseDeadline: deadline })).toEqual({ ...written, responseDeadline: deadline });
    expect(parseStoredCycleSettings({ ...json, responseDeadline: deadline.toISOString() }).responseDeadline).toEqual(deadline);
  });

  it('reads the heatmap minimum never below the stored k, and cycles stored before it existed with the default raised to k', () => {
    expect(stored({ anonymityThreshold: 3, heatmapMinCellSize: 8 }).heatmapMinCellSize).toBe(8);
    expect(stored({ anonymityThreshold: 6, heatmapMinCellSize: 4 }).heatmapMinCellSize).toBe(6);
    expect(parseStoredCycleSettings({ anonymityThreshold: 3 }).heatmapMinCellSize).toBe(5);
    expect(parseStoredCycleSettings({ anonymityThreshold: 7 }).heatmapMinCellSize).toBe(7);
    expect(parseStoredCycleSettings({}).heatmapMinCellSize).toBe(5);
  });

  it('reads a malformed setting as its default, field by field, and never fails', () => {
    expect(stored({ heatmapMinCellSize: '2' }).heatmapMinCellSize).toBe(5);
    const broken = stored({
      anonymityThreshold: 1,
      showManagerSeparately: 'yes',
      reportVisibility: { manager: 'sometimes' },
      minPeers: 9,
      maxPeers: 4,
      extra: 1,
    });
    expect(broken).toMatchObject({
      anonymityThreshold: 3,
      showManagerSeparately: true,
      reportVisibility: { subject: 'on_release', manager: 'on_release' },
      minPeers: 9,
    });
    expect(broken.maxPeers).toBeGreaterThanOrEqual(broken.minPeers);
    // A stored k is never lost to another field's trouble: reports and the heatmap rely on it.
    expect(stored({ anonymityThreshold: 7, minPeers: 12, maxPeers: 2 })).toMatchObject({ anonymityThreshold: 7, minPeers: 12, maxPeers: 20 });
    for (const junk of [null, undefined, 'text', 42, [], { anonymityThreshold: '7' }]) expect(parseStoredCycleSettings(junk)).toEqual(defaultCycleSettings());
  });

  it('always returns settings the validator accepts', () => {
    const anything = fc.oneof(
      fc.integer({ min: -5, max: 120 }),
      fc.boolean(),
      fc.string(),
      fc.constant(null),
      fc.array(fc.integer({ min: -2, max: 70 }), { maxLength: 7 }),
    );
    const fields = Object.keys(defaultCycleSettings());
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields, 'unknown'), anything), (raw) => {
        expect(validateCycleSettings(parseStoredCycleSettings(raw)).ok).toBe(true);
      }),
    );
  });
});

describe('CYCLE_SETTING_LIMITS', () => {
  const bounded = Object.keys(CYCLE_SETTING_LIMITS).filter((f) => f !== 'reminderDaysBeforeDeadline') as BoundedSetting[];

  it('are the bounds the validator holds, at both ends of every bounded setting', () => {
    for (const field of bounded) {
      const { minimum, maximum } = CYCLE_SETTING_LIMITS[field];
      // heatmapMinCellSize is also held at or above k, and maxPeers at or above minPeers.
      const base = { anonymityThreshold: 3, minPeers: 0, maxPeers: CYCLE_SETTING_LIMITS.maxPeers.maximum };
      expect([field, errorFields(validateCycleSettings({ ...base, [field]: minimum }))]).toEqual([field, []]);
      expect([field, errorFields(validateCycleSettings({ ...base, [field]: maximum }))]).toEqual([field, []]);
      expect([field, errorFields(validateCycleSettings({ ...base, [field]: minimum - 1 }))]).toEqual([field, [field]]);
      expect([field, errorFields(validateCycleSettings({ ...base, [field]: maximum + 1 }))]).toEqual([field, [field]]);
    }
    const { maxItems, items } = CYCLE_SETTING_LIMITS.reminderDaysBeforeDeadline;
    const days = (n: number) => Array.from({ length: n }, (_, i) => items.maximum - i);
    expect(errorFields(validateCycleSettings({ reminderDaysBeforeDeadline: days(maxItems) }))).toEqual([]);
    expect(errorFields(validateCycleSettings({ reminderDaysBeforeDeadline: days(maxItems + 1) }))).toEqual(['reminderDaysBeforeDeadline']);
    expect(errorFields(validateCycleSettings({ reminderDaysBeforeDeadline: [items.minimum - 1] }))).toEqual(['reminderDaysBeforeDeadline']);
    expect(errorFields(validateCycleSettings({ reminderDaysBeforeDeadline: [items.maximum + 1] }))).toEqual(['reminderDaysBeforeDeadline']);
  });

  it('are the limits the OpenAPI document publishes, for reading and for writing', () => {
    for (const dto of [CycleSettingsDto, CycleSettingsInputDto]) {
      const properties = Reflect.getMetadata('swagger/apiModelProperties', dto.prototype, 'minPeers') as Record<string, unknown>;
      expect(properties).toBeDefined();
      for (const field of bounded) {
        const published = Reflect.getMetadata('swagger/apiModelProperties', dto.prototype, field) as Record<string, unknown>;
        expect([dto.name, field, { minimum: published.minimum, maximum: published.maximum }]).toEqual([dto.name, field, CYCLE_SETTING_LIMITS[field]]);
      }
      const reminders = Reflect.getMetadata('swagger/apiModelProperties', dto.prototype, 'reminderDaysBeforeDeadline') as Record<string, unknown>;
      expect({ maxItems: reminders.maxItems, items: reminders.items }).toMatchObject(CYCLE_SETTING_LIMITS.reminderDaysBeforeDeadline);
    }
  });
});

describe('assertValidCycleSettings', () => {
  it('returns the settings when valid', () => {
    expect(assertValidCycleSettings({ anonymityThreshold: 5 }).anonymityThreshold).toBe(5);
  });

  it('throws a 422 carrying the field errors', () => {
    let error: unknown;
    try {
      assertValidCycleSettings({ anonymityThreshold: 2 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CycleSettingsError);
    expect(error).toMatchObject({
      kind: ErrorKind.Validation,
      code: 'invalid_settings',
      details: { errors: [{ field: 'anonymityThreshold', message: expect.stringMatching(/from 3 to 10/) }] },
    });
  });
});
