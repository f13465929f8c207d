import { CycleSettings, CycleState, parseStoredCycleSettings } from '@lib/cycles';

/** What this library reads of a cycle; the cycles library owns the table. */
export interface CycleRow {
  id: string;
  name: string;
  state: CycleState;
  frameworkVersionId: string;
  settings: CycleSettings;
  nominationDeadline: Date | null;
  responseDeadline: Date | null;
  /** The behaviours a cycle a person owns asks about; null: the whole framework (askedQuestionSql). */
  behaviourKeys: string[] | null;
}

export const CYCLE_COLUMNS = `c.id AS cycle_id, c.name AS cycle_name, c.state AS cycle_state, c.framework_version_id, c.settings,
       c.nomination_deadline, c.response_deadline, c.behaviour_keys`;

export function toCycleRow(r: Record<string, unknown>): CycleRow {
  const settings = parseStoredCycleSettings(r.settings, {
    nominationDeadline: r.nomination_deadline as Date | string | null,
    responseDeadline: r.response_deadline as Date | string | null,
  });
  return {
    id: String(r.cycle_id),
    name: String(r.cycle_name),
    state: r.cycle_state as CycleState,
    frameworkVersionId: String(r.framework_version_id),
    settings,
    nominationDeadline: settings.nominationDeadline,
    responseDeadline: settings.responseDeadline,
    behaviourKeys: (r.behaviour_keys as string[] | null | undefined) ?? null,
  };
}
