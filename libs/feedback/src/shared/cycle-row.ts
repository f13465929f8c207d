import { CycleSettings, CycleState, defaultCycleSettings, validateCycleSettings } from '@lib/cycles';

/** What this library reads of a cycle; the cycles library owns the table. */
export interface CycleRow {
  id: string;
  name: string;
  state: CycleState;
  frameworkVersionId: string;
  settings: CycleSettings;
  nominationDeadline: Date | null;
  responseDeadline: Date | null;
}

export const CYCLE_COLUMNS = `c.id AS cycle_id, c.name AS cycle_name, c.state AS cycle_state, c.framework_version_id, c.settings,
       c.nomination_deadline, c.response_deadline`;

/**
 * Settings as stored (JSONB). Tolerant on purpose: a setting that does not validate falls back to
 * its default rather than making every feedback route fail; the cycles library validates writes.
 */
export function readSettings(raw: unknown): CycleSettings {
  const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = validateCycleSettings(input);
    if (result.ok) return result.settings;
    for (const error of result.errors) delete input[error.field.split('.')[0]];
  }
  return defaultCycleSettings();
}

export function toCycleRow(r: Record<string, unknown>): CycleRow {
  const settings = readSettings(r.settings);
  // The columns are the source of truth for deadlines when set; the settings carry them in draft.
  const nominationDeadline = r.nomination_deadline ? new Date(r.nomination_deadline as string) : settings.nominationDeadline;
  const responseDeadline = r.response_deadline ? new Date(r.response_deadline as string) : settings.responseDeadline;
  return {
    id: String(r.cycle_id),
    name: String(r.cycle_name),
    state: r.cycle_state as CycleState,
    frameworkVersionId: String(r.framework_version_id),
    settings: { ...settings, nominationDeadline, responseDeadline },
    nominationDeadline,
    responseDeadline,
  };
}

/** Cycle states in which raters may save and submit answers. */
export const ANSWERING_STATES: readonly CycleState[] = ['nominating', 'collecting'];
