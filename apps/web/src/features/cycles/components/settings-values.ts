import { API_LIMITS } from '@/api/limits';
import { tr } from '@/i18n';
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

/**
 * API field errors by setting: `reportVisibility.manager` belongs to the report-visibility control.
 * The API writes each message in the person's language, naming the setting as the form does.
 */
export function settingErrors(fieldErrors: Record<string, string>): Partial<Record<SettingName, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const key = field.replace(/^settings\./, '').split('.')[0]!;
    out[key] ??= message;
  }
  return out;
}
