import { AppException, ErrorKind } from '@lib/common';
import type { CycleSettings, CycleSettingsField } from './cycle-settings';

export type CycleState = 'draft' | 'nominating' | 'collecting' | 'closed' | 'released';

export const CYCLE_STATES: readonly CycleState[] = ['draft', 'nominating', 'collecting', 'closed', 'released'];

/**
 * The cycle runs: raters are invited and reminded, save, submit and decline, and proposals are
 * decided. One set under one name; SQL takes it as a parameter (`c.state = ANY($n)`).
 */
export const ANSWERING_STATES: readonly CycleState[] = ['nominating', 'collecting'];

/** The cycle is over: answers are final, reports are computed (and read, each by its own rules). */
export const CLOSED_STATES: readonly CycleState[] = ['closed', 'released'];

/**
 * `start-collecting` ends nominations by hand or from the nomination-deadline job. `close` is
 * also allowed from `nominating`, so that HR can stop a cycle that will not reach collection.
 */
export type CycleAction = 'launch' | 'start-collecting' | 'close' | 'release';

export const CYCLE_ACTIONS: readonly CycleAction[] = ['launch', 'start-collecting', 'close', 'release'];

/** The only setting that decides a transition's target; a narrow type keeps callers honest. */
export type TransitionSettings = Pick<CycleSettings, 'maxPeers'>;

type Target = (settings: TransitionSettings) => CycleState;

// One table is the single source of truth: `transition` reads it, `allowedActions` lists it.
const TRANSITIONS: Record<CycleState, Partial<Record<CycleAction, Target>>> = {
  // A cycle without peers has nobody to nominate, so it goes straight to collecting.
  draft: { launch: (s) => (s.maxPeers > 0 ? 'nominating' : 'collecting') },
  nominating: { 'start-collecting': () => 'collecting', close: () => 'closed' },
  collecting: { close: () => 'closed' },
  closed: { release: () => 'released' },
  // Released is final: a released report never changes.
  released: {},
};

export enum CycleStateErrorCode {
  InvalidTransition = 'invalid_transition',
}

/** A refused state change: the cycle exists but is in the wrong state, hence 409 Conflict. */
export class CycleStateError extends AppException {
  declare readonly code: CycleStateErrorCode;

  constructor(
    readonly state: CycleState,
    readonly action: CycleAction,
    readonly allowed: CycleAction[],
  ) {
    const options = allowed.length ? `allowed: ${allowed.join(', ')}` : 'no action is allowed any more';
    super(ErrorKind.Conflict, CycleStateErrorCode.InvalidTransition, `Cannot ${action} a cycle that is ${state} (${options})`, {
      state,
      action,
      allowedActions: allowed,
    });
  }
}

/** The state after `action`, or a CycleStateError naming the current state and what is allowed. */
export function transition(state: CycleState, action: CycleAction, settings: TransitionSettings): CycleState {
  const target = TRANSITIONS[state]?.[action];
  if (!target) throw new CycleStateError(state, action, allowedActions(state, settings));
  return target(settings);
}

/** The actions the UI may offer in this state, in the order of CYCLE_ACTIONS. */
export function allowedActions(state: CycleState, settings: TransitionSettings): CycleAction[] {
  void settings; // Part of the signature so that a setting-dependent action needs no caller change.
  return CYCLE_ACTIONS.filter((action) => TRANSITIONS[state]?.[action] !== undefined);
}

/**
 * When a setting stops being editable.
 * - `after_draft`: the promise made to raters and subjects when they were asked (k, who is asked,
 *   whether the manager is shown apart, who reads the report) — changing it afterwards could
 *   expose answers given under other terms; peer limits and approval also shape nominations
 *   already made, and maxPeers decides the launch path.
 * - `after_close`: the schedule and the rater cap; moving a deadline or a reminder mid-cycle is
 *   routine and exposes nobody. Also the heatmap's minimum cell size: the heatmap exists only
 *   from close on, and it must then have one minimum for good, since two views of the same
 *   answers at different minimums can be subtracted to single out a small group.
 * Once the cycle is closed everything is frozen, as the report snapshot is computed from it.
 */
export const SETTING_LOCKS: Record<CycleSettingsField, 'after_draft' | 'after_close'> = {
  anonymityThreshold: 'after_draft',
  selfReview: 'after_draft',
  minPeers: 'after_draft',
  maxPeers: 'after_draft',
  managerApprovesPeers: 'after_draft',
  externalRatersAllowed: 'after_draft',
  managerApprovesExternalRaters: 'after_draft',
  reportVisibility: 'after_draft',
  showManagerSeparately: 'after_draft',
  maxOpenRequestsPerRater: 'after_close',
  reminderDaysBeforeDeadline: 'after_close',
  nominationDeadline: 'after_close',
  responseDeadline: 'after_close',
  heatmapMinCellSize: 'after_close',
};

export function isLocked(state: CycleState, field: CycleSettingsField): boolean {
  if (state === 'draft') return false;
  if (CLOSED_STATES.includes(state)) return true;
  return SETTING_LOCKS[field] === 'after_draft';
}

/** The settings that may still change in this state, for the edit form and the PATCH check. */
export function editableSettings(state: CycleState): CycleSettingsField[] {
  return (Object.keys(SETTING_LOCKS) as CycleSettingsField[]).filter((field) => !isLocked(state, field));
}

/**
 * The locked settings that `next` changes compared with `current`: what a PATCH must refuse.
 * Compared by value, since settings come back from JSON as fresh objects and dates.
 */
export function changedLockedSettings(state: CycleState, current: CycleSettings, next: CycleSettings): CycleSettingsField[] {
  const same = (a: unknown, b: unknown): boolean =>
    a instanceof Date || b instanceof Date ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b);
  return (Object.keys(SETTING_LOCKS) as CycleSettingsField[]).filter((field) => isLocked(state, field) && !same(current[field], next[field]));
}

/**
 * Where a cycle comes from (cycles.origin): HR's own, a 360 a person started on themselves, or a
 * follow-up pulse of an earlier cycle. Only HR's cycles are HR's to read.
 */
export type CycleOrigin = 'hr' | 'self' | 'pulse';
