import { API_LIMITS } from '@/api/limits';
import { msg, tr, type MessageId } from '@/i18n';
import type { CycleSettings } from '../api/get-cycle';
import { dateInDays, endOfDay, parseReminderDays, toDateInput } from './cycle-format';

export type ManagerVisibility = CycleSettings['reportVisibility']['manager'];

/** The settings as the form holds them: text for number and date inputs, booleans for checkboxes. */
export interface SettingsValues {
  nominationDate: string;
  responseDate: string;
  reminderDays: string;
  anonymityThreshold: string;
  selfReview: boolean;
  showManagerSeparately: boolean;
  minPeers: string;
  maxPeers: string;
  managerApprovesPeers: boolean;
  externalRatersAllowed: boolean;
  managerApprovesExternalRaters: boolean;
  maxOpenRequestsPerRater: string;
  managerVisibility: ManagerVisibility;
  heatmapMinCellSize: string;
}

/** The API's names of the settings, which are also the keys of field errors. */
export type SettingName = keyof Omit<CycleSettings, 'reportVisibility'> | 'reportVisibility';

/** The limits and defaults of the settings, as the API publishes them (libs/cycles/src/domain/cycle-settings.ts). */
export const SETTING_LIMITS = API_LIMITS.CycleSettingsInputDto;

/**
 * A new cycle: the API's defaults (k from the organisation's settings when known), with
 * nominations open a week and answers due three weeks out.
 */
export function defaultSettingsValues(anonymityThreshold: number = SETTING_LIMITS.anonymityThreshold.minimum): SettingsValues {
  const L = SETTING_LIMITS;
  return {
    nominationDate: dateInDays(7),
    responseDate: dateInDays(21),
    reminderDays: L.reminderDaysBeforeDeadline.default.join(', '),
    anonymityThreshold: String(anonymityThreshold),
    selfReview: L.selfReview.default,
    showManagerSeparately: L.showManagerSeparately.default,
    minPeers: String(L.minPeers.default),
    maxPeers: String(L.maxPeers.default),
    managerApprovesPeers: L.managerApprovesPeers.default,
    externalRatersAllowed: L.externalRatersAllowed.default,
    managerApprovesExternalRaters: L.managerApprovesExternalRaters.default,
    maxOpenRequestsPerRater: String(L.maxOpenRequestsPerRater.default),
    managerVisibility: 'on_release',
    heatmapMinCellSize: String(Math.max(L.heatmapMinCellSize.default, anonymityThreshold)),
  };
}

export function settingsValuesOf(settings: CycleSettings): SettingsValues {
  return {
    nominationDate: toDateInput(settings.nominationDeadline),
    responseDate: toDateInput(settings.responseDeadline),
    reminderDays: settings.reminderDaysBeforeDeadline.join(', '),
    anonymityThreshold: String(settings.anonymityThreshold),
    selfReview: settings.selfReview,
    showManagerSeparately: settings.showManagerSeparately,
    minPeers: String(settings.minPeers),
    maxPeers: String(settings.maxPeers),
    managerApprovesPeers: settings.managerApprovesPeers,
    externalRatersAllowed: settings.externalRatersAllowed,
    managerApprovesExternalRaters: settings.managerApprovesExternalRaters,
    maxOpenRequestsPerRater: String(settings.maxOpenRequestsPerRater),
    managerVisibility: settings.reportVisibility.manager,
    heatmapMinCellSize: String(settings.heatmapMinCellSize),
  };
}

/** Every setting as the API takes it. */
export interface ParsedSettings {
  anonymityThreshold: number;
  selfReview: boolean;
  minPeers: number;
  maxPeers: number;
  managerApprovesPeers: boolean;
  externalRatersAllowed: boolean;
  managerApprovesExternalRaters: boolean;
  maxOpenRequestsPerRater: number;
  reportVisibility: { subject: 'on_release'; manager: ManagerVisibility };
  showManagerSeparately: boolean;
  heatmapMinCellSize: number;
  reminderDaysBeforeDeadline: number[];
  nominationDeadline: string | null;
  responseDeadline: string | null;
}

/**
 * The form's values as settings, plus what the browser can tell is wrong before asking the API
 * (not a whole number, a list that is not a list). Range rules stay with the API, whose messages
 * appear beside the same fields. A deadline whose day did not change keeps its exact time.
 */
export function parseSettings(values: SettingsValues, current?: CycleSettings): { settings: ParsedSettings; errors: Partial<Record<SettingName, string>> } {
  const errors: Partial<Record<SettingName, string>> = {};
  const int = (field: SettingName, text: string, fallback: number): number => {
    if (!/^\s*\d+\s*$/.test(text)) {
      errors[field] = tr('cycles.error.wholeNumber');
      return fallback;
    }
    return Number(text);
  };
  const deadline = (field: 'nominationDeadline' | 'responseDeadline', date: string): string | null => {
    if (!date) return null;
    const previous = current?.[field] ?? null;
    if (previous && toDateInput(previous) === date) return previous;
    const deadline = endOfDay(date);
    if (!deadline) errors[field] = tr('cycles.error.date');
    return deadline;
  };
  const reminders = parseReminderDays(values.reminderDays);
  if (!reminders) errors.reminderDaysBeforeDeadline = tr('cycles.error.reminderDays');
  const settings: ParsedSettings = {
    anonymityThreshold: int('anonymityThreshold', values.anonymityThreshold, 3),
    selfReview: values.selfReview,
    minPeers: int('minPeers', values.minPeers, 0),
    maxPeers: int('maxPeers', values.maxPeers, 0),
    managerApprovesPeers: values.managerApprovesPeers,
    externalRatersAllowed: values.externalRatersAllowed,
    managerApprovesExternalRaters: values.managerApprovesExternalRaters,
    maxOpenRequestsPerRater: int('maxOpenRequestsPerRater', values.maxOpenRequestsPerRater, 1),
    reportVisibility: { subject: 'on_release', manager: values.managerVisibility },
    showManagerSeparately: values.showManagerSeparately,
    heatmapMinCellSize: int('heatmapMinCellSize', values.heatmapMinCellSize, 5),
    reminderDaysBeforeDeadline: reminders ?? [],
    nominationDeadline: deadline('nominationDeadline', values.nominationDate),
    responseDeadline: deadline('responseDeadline', values.responseDate),
  };
  return { settings, errors };
}

/** What people call each setting; the API's messages name fields the way the code does. */
const SETTING_LABELS: Record<string, MessageId> = {
  'reportVisibility.manager': msg('cycles.setting.managerVisibility'),
  reportVisibility: msg('cycles.setting.reportVisibility'),
  anonymityThreshold: msg('cycles.setting.anonymityThreshold'),
  selfReview: msg('cycles.setting.selfReview'),
  minPeers: msg('cycles.setting.minPeers'),
  maxPeers: msg('cycles.setting.maxPeers'),
  managerApprovesPeers: msg('cycles.setting.managerApprovesPeers'),
  managerApprovesExternalRaters: msg('cycles.setting.managerApprovesExternalRaters'),
  externalRatersAllowed: msg('cycles.setting.externalRatersAllowed'),
  maxOpenRequestsPerRater: msg('cycles.setting.maxOpenRequestsPerRater'),
  showManagerSeparately: msg('cycles.setting.showManagerSeparately'),
  heatmapMinCellSize: msg('cycles.setting.heatmapMinCellSize'),
  reminderDaysBeforeDeadline: msg('cycles.setting.reminderDaysBeforeDeadline'),
  nominationDeadline: msg('cycles.setting.nominationDeadline'),
  responseDeadline: msg('cycles.setting.responseDeadline'),
  frameworkId: msg('cycles.setting.frameworkId'),
};

const label = (name: string): string => (SETTING_LABELS[name] ? tr(SETTING_LABELS[name]) : name);

/**
 * The API's setting messages (libs/cycles/src/domain/cycle-settings.ts) the form can cause, each
 * written again from the catalogue so that it reads in the person's language. Numbers stay as the
 * API wrote them.
 */
const API_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /^(?:settings\.)?([\w.]+) must be a whole number from (\d+) to (\d+)$/,
    (m) => tr('cycles.error.numberRange', { field: label(m[1]!), min: m[2]!, max: m[3]! }),
  ],
  [
    /^(?:settings\.)?([\w.]+) must be at least (?:settings\.)?([\w.]+) \((\d+)\)$/,
    (m) => tr('cycles.error.atLeast', { field: label(m[1]!), other: label(m[2]!), value: m[3]! }),
  ],
  [/^(?:settings\.)?([\w.]+) must be after (?:settings\.)?([\w.]+)$/, (m) => tr('cycles.error.after', { field: label(m[1]!), other: label(m[2]!) })],
  [
    /^(?:settings\.)?([\w.]+) must be a date between the years (\d+) and (\d+)$/,
    (m) => tr('cycles.error.dateYears', { field: label(m[1]!), from: m[2]!, to: m[3]! }),
  ],
  [
    /^(?:settings\.)?([\w.]+) must hold whole numbers from (\d+) to (\d+)$/,
    (m) => tr('cycles.error.daysRange', { field: label(m[1]!), min: m[2]!, max: m[3]! }),
  ],
  [/^(?:settings\.)?([\w.]+) may hold at most (\d+) days$/, (m) => tr('cycles.error.daysMax', { field: label(m[1]!), max: m[2]! })],
  [/^(?:settings\.)?([\w.]+) must not repeat a day$/, (m) => tr('cycles.error.daysRepeat', { field: label(m[1]!) })],
];

/**
 * "maxPeers must be at least minPeers (3)" → "maximum peers must be at least minimum peers (3)" (Field
 * capitalises it), in the active language; a message the catalogue does not know keeps the API's
 * words with the settings named as people call them.
 */
export function humanise(message: string): string {
  for (const [pattern, write] of API_MESSAGES) {
    const match = message.match(pattern);
    if (match) return write(match);
  }
  return Object.keys(SETTING_LABELS).reduce((text, name) => text.replace(new RegExp(`\\b${name.replace('.', '\\.')}\\b`, 'g'), label(name)), message);
}

/** API field errors by setting: `reportVisibility.manager` belongs to the report-visibility control. */
export function settingErrors(fieldErrors: Record<string, string>): Partial<Record<SettingName, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const key = field.replace(/^settings\./, '').split('.')[0]!;
    out[key] ??= humanise(message);
  }
  return out;
}
