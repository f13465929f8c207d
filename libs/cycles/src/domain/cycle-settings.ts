import { ANONYMITY_THRESHOLD_MAX, ANONYMITY_THRESHOLD_MIN, AppException, ErrorKind, FieldError, instantOf, parseWallTime } from '@lib/common';

export { ANONYMITY_THRESHOLD_MAX, ANONYMITY_THRESHOLD_MIN };

/** When the subject's manager may read the report. The subject always waits for release. */
export type ManagerReportVisibility = 'on_close' | 'on_release' | 'never';

export interface ReportVisibility {
  subject: 'on_release';
  manager: ManagerReportVisibility;
}

export interface CycleSettings {
  /** k: the fewest responses a non-identified group needs before any number of it is shown. */
  anonymityThreshold: number;
  selfReview: boolean;
  /** maxPeers = 0 means the cycle collects no peer feedback and skips the nominating state. */
  minPeers: number;
  maxPeers: number;
  managerApprovesPeers: boolean;
  /** Caps a rater's outstanding requests in the cycle, so that nobody is asked by half the company. */
  maxOpenRequestsPerRater: number;
  reportVisibility: ReportVisibility;
  showManagerSeparately: boolean;
  /**
   * The fewest people a cell of the organisation heatmap may be built from; never below k. One
   * value per cycle, fixed from close on (when the heatmap appears): two views of the same answers
   * at different sizes could be subtracted from each other to single out a small group.
   */
  heatmapMinCellSize: number;
  /** Days before the response deadline on which reminders go out, largest first. */
  reminderDaysBeforeDeadline: number[];
  /** Null while the cycle is being drafted; the launch checks decide whether they must be set. */
  nominationDeadline: Date | null;
  responseDeadline: Date | null;
}

export type CycleSettingsField = keyof CycleSettings;

export const MAX_PEERS_LIMIT = 20;
export const MAX_OPEN_REQUESTS_PER_RATER_LIMIT = 50;
export const MAX_REMINDERS = 5;
export const MAX_REMINDER_DAYS = 60;
export const HEATMAP_MIN_CELL_SIZE_DEFAULT = 5;
export const HEATMAP_MIN_CELL_SIZE_MAX = 100;
export const MANAGER_REPORT_VISIBILITIES: readonly ManagerReportVisibility[] = ['on_close', 'on_release', 'never'];

/** A fresh copy each call: the settings hold an array, and a shared default must never be mutated. */
export function defaultCycleSettings(): CycleSettings {
  return {
    anonymityThreshold: 3,
    selfReview: true,
    minPeers: 3,
    maxPeers: 8,
    managerApprovesPeers: true,
    maxOpenRequestsPerRater: 12,
    reportVisibility: { subject: 'on_release', manager: 'on_release' },
    showManagerSeparately: true,
    heatmapMinCellSize: HEATMAP_MIN_CELL_SIZE_DEFAULT,
    reminderDaysBeforeDeadline: [7, 2],
    nominationDeadline: null,
    responseDeadline: null,
  };
}

export type CycleSettingsResult = { ok: true; settings: CycleSettings } | { ok: false; errors: FieldError[] };

const KNOWN_FIELDS = new Set<string>(Object.keys(defaultCycleSettings()));

/**
 * Validates settings as they arrive from a request body or a JSONB column. Missing fields take
 * their defaults; every problem is reported at once, by field. To patch, merge the current
 * settings with the change first and validate the whole, so cross-field rules see both sides.
 */
export interface CycleSettingsContext {
  /** The organisation's time zone: a deadline given without an offset is a wall time there. */
  timeZone?: string;
}

export function validateCycleSettings(input: unknown, context: CycleSettingsContext = {}): CycleSettingsResult {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => void errors.push({ field, message });
  if (input === undefined || input === null) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'settings', message: 'settings must be an object' }] };
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.has(key)) fail(key, `${key} is not a known setting`);

  const defaults = defaultCycleSettings();
  const int = (field: CycleSettingsField, min: number, max: number): number => {
    const value = raw[field];
    if (value === undefined) return defaults[field] as number;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(field, `${field} must be a whole number from ${min} to ${max}`);
      return defaults[field] as number;
    }
    return value;
  };
  const bool = (field: CycleSettingsField): boolean => {
    const value = raw[field];
    if (value === undefined) return defaults[field] as boolean;
    if (typeof value !== 'boolean') {
      fail(field, `${field} must be true or false`);
      return defaults[field] as boolean;
    }
    return value;
  };
  const date = (field: 'nominationDeadline' | 'responseDeadline'): Date | null => {
    const value = raw[field];
    if (value === undefined || value === null) return null;
    // Strings must carry a date; `new Date('')` and numbers would silently mean 1970 or "now". A
    // date and time without an offset ("2026-03-14T23:59", as the web app's form sends it) is the
    // organisation's clock, never the server's.
    const wall = typeof value === 'string' ? parseWallTime(value) : null;
    const parsed =
      value instanceof Date ? value : wall ? instantOf(wall, context.timeZone ?? 'UTC') : typeof value === 'string' && value.trim() ? new Date(value) : null;
    if (!parsed || Number.isNaN(parsed.getTime())) {
      fail(field, `${field} must be a date (ISO 8601)`);
      return null;
    }
    if (parsed.getUTCFullYear() < 2000 || parsed.getUTCFullYear() > 2100) {
      fail(field, `${field} must be a date between the years 2000 and 2100`);
      return null;
    }
    return parsed;
  };

  const minPeers = int('minPeers', 0, MAX_PEERS_LIMIT);
  const maxPeers = int('maxPeers', 0, MAX_PEERS_LIMIT);
  if (maxPeers < minPeers && !errors.some((e) => e.field === 'minPeers' || e.field === 'maxPeers')) {
    fail('maxPeers', `maxPeers must be at least minPeers (${minPeers})`);
  }
  const nominationDeadline = date('nominationDeadline');
  const responseDeadline = date('responseDeadline');
  if (nominationDeadline && responseDeadline && responseDeadline.getTime() <= nominationDeadline.getTime()) {
    fail('responseDeadline', 'responseDeadline must be after nominationDeadline');
  }

  const anonymityThreshold = int('anonymityThreshold', ANONYMITY_THRESHOLD_MIN, ANONYMITY_THRESHOLD_MAX);
  const heatmapMinCellSize = minCellSize(raw.heatmapMinCellSize, anonymityThreshold, fail);

  const settings: CycleSettings = {
    anonymityThreshold,
    selfReview: bool('selfReview'),
    minPeers,
    maxPeers,
    managerApprovesPeers: bool('managerApprovesPeers'),
    maxOpenRequestsPerRater: int('maxOpenRequestsPerRater', 1, MAX_OPEN_REQUESTS_PER_RATER_LIMIT),
    reportVisibility: reportVisibility(raw.reportVisibility, defaults.reportVisibility, fail),
    showManagerSeparately: bool('showManagerSeparately'),
    heatmapMinCellSize,
    reminderDaysBeforeDeadline: reminderDays(raw.reminderDaysBeforeDeadline, defaults.reminderDaysBeforeDeadline, fail),
    nominationDeadline,
    responseDeadline,
  };
  return errors.length ? { ok: false, errors } : { ok: true, settings };
}

function reportVisibility(value: unknown, fallback: ReportVisibility, fail: (field: string, message: string) => void): ReportVisibility {
  if (value === undefined) return fallback;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('reportVisibility', 'reportVisibility must be an object');
    return fallback;
  }
  const { subject, manager, ...rest } = value as Record<string, unknown>;
  for (const key of Object.keys(rest)) fail(`reportVisibility.${key}`, `reportVisibility.${key} is not a known setting`);
  // Subjects see their report only after release (DESIGN.md); accepting anything else would
  // suggest a choice that the product does not offer.
  if (subject !== undefined && subject !== 'on_release') fail('reportVisibility.subject', 'reportVisibility.subject must be on_release');
  if (manager !== undefined && !MANAGER_REPORT_VISIBILITIES.includes(manager as ManagerReportVisibility)) {
    fail('reportVisibility.manager', `reportVisibility.manager must be one of ${MANAGER_REPORT_VISIBILITIES.join(', ')}`);
    return fallback;
  }
  return { subject: 'on_release', manager: (manager as ManagerReportVisibility | undefined) ?? fallback.manager };
}

/**
 * Missing (a new cycle, or one stored before the setting existed): the default, raised to k. Given:
 * refused below k rather than raised, so that nobody believes a smaller minimum is in force.
 */
function minCellSize(value: unknown, threshold: number, fail: (field: string, message: string) => void): number {
  const field = 'heatmapMinCellSize';
  const fallback = Math.max(HEATMAP_MIN_CELL_SIZE_DEFAULT, threshold);
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < ANONYMITY_THRESHOLD_MIN || value > HEATMAP_MIN_CELL_SIZE_MAX) {
    fail(field, `${field} must be a whole number from ${ANONYMITY_THRESHOLD_MIN} to ${HEATMAP_MIN_CELL_SIZE_MAX}`);
    return fallback;
  }
  if (value < threshold) {
    fail(field, `${field} must be at least anonymityThreshold (${threshold})`);
    return fallback;
  }
  return value;
}

/**
 * The heatmap's minimum as stored in a cycle's JSONB, read defensively for the organisation view:
 * a cycle stored before the setting existed, or a malformed value, gets the default; the result is
 * never below the stored k (itself never below 3).
 */
export function storedHeatmapMinCellSize(stored: Record<string, unknown>): number {
  const k = stored.anonymityThreshold;
  const threshold = typeof k === 'number' && Number.isInteger(k) && k >= ANONYMITY_THRESHOLD_MIN ? k : ANONYMITY_THRESHOLD_MIN;
  const m = stored.heatmapMinCellSize;
  const size = typeof m === 'number' && Number.isInteger(m) && m >= 1 ? m : HEATMAP_MIN_CELL_SIZE_DEFAULT;
  return Math.max(size, threshold);
}

/**
 * Order carries no meaning, so any order is accepted and stored largest first (the order reminders
 * fire in). A repeated day is refused rather than merged: it is most likely a typo for another day.
 */
function reminderDays(value: unknown, fallback: number[], fail: (field: string, message: string) => void): number[] {
  const field = 'reminderDaysBeforeDeadline';
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value)) {
    fail(field, `${field} must be a list of days`);
    return [...fallback];
  }
  if (value.length > MAX_REMINDERS) fail(field, `${field} may hold at most ${MAX_REMINDERS} days`);
  if (value.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > MAX_REMINDER_DAYS)) {
    fail(field, `${field} must hold whole numbers from 0 to ${MAX_REMINDER_DAYS}`);
    return [...fallback];
  }
  if (new Set(value).size !== value.length) fail(field, `${field} must not repeat a day`);
  return [...(value as number[])].sort((a, b) => b - a);
}

/** Throws the validator's errors as one 422, for services that want to fail fast. */
export function assertValidCycleSettings(input: unknown, context: CycleSettingsContext = {}): CycleSettings {
  const result = validateCycleSettings(input, context);
  if (!result.ok) throw new CycleSettingsError(result.errors);
  return result.settings;
}

export enum CycleSettingsErrorCode {
  InvalidSettings = 'invalid_settings',
}

export class CycleSettingsError extends AppException {
  declare readonly code: CycleSettingsErrorCode;

  constructor(readonly errors: FieldError[]) {
    super(ErrorKind.Validation, CycleSettingsErrorCode.InvalidSettings, errors.map((e) => e.message).join('; '), { errors });
  }
}
