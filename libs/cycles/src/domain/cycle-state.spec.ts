import { ErrorKind } from '@lib/common';
import { CycleSettingsField, defaultCycleSettings } from './cycle-settings';
import {
  allowedActions,
  ANSWERING_STATES,
  CLOSED_STATES,
  changedLockedSettings,
  CYCLE_ACTIONS,
  CYCLE_STATES,
  CycleAction,
  CycleState,
  CycleStateError,
  editableSettings,
  isLocked,
  transition,
} from './cycle-state';

const withPeers = { maxPeers: 8 };
const noPeers = { maxPeers: 0 };

const errorOf = (fn: () => unknown): CycleStateError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CycleStateError) return e;
    throw e;
  }
  throw new Error('expected a CycleStateError');
};

// Every (state, action) pair: the expected target with and without peers, or null when refused.
const TABLE: [CycleState, CycleAction, CycleState | null, CycleState | null][] = [
  ['draft', 'launch', 'nominating', 'collecting'],
  ['draft', 'start-collecting', null, null],
  ['draft', 'close', null, null],
  ['draft', 'release', null, null],
  ['nominating', 'launch', null, null],
  ['nominating', 'start-collecting', 'collecting', 'collecting'],
  ['nominating', 'close', 'closed', 'closed'],
  ['nominating', 'release', null, null],
  ['collecting', 'launch', null, null],
  ['collecting', 'start-collecting', null, null],
  ['collecting', 'close', 'closed', 'closed'],
  ['collecting', 'release', null, null],
  ['closed', 'launch', null, null],
  ['closed', 'start-collecting', null, null],
  ['closed', 'close', null, null],
  ['closed', 'release', 'released', 'released'],
  ['released', 'launch', null, null],
  ['released', 'start-collecting', null, null],
  ['released', 'close', null, null],
  ['released', 'release', null, null],
];

describe('transition', () => {
  it('covers every state and action', () => {
    expect(TABLE).toHaveLength(CYCLE_STATES.length * CYCLE_ACTIONS.length);
  });

  it.each(TABLE)('%s + %s -> %p with peers, %p without', (state, action, withPeersTarget, noPeersTarget) => {
    for (const [settings, target] of [
      [withPeers, withPeersTarget],
      [noPeers, noPeersTarget],
    ] as const) {
      if (target) {
        expect(transition(state, action, settings)).toBe(target);
      } else {
        const error = errorOf(() => transition(state, action, settings));
        expect(error.code).toBe('invalid_transition');
        expect(error.kind).toBe(ErrorKind.Conflict);
        expect(error.message).toContain(state);
      }
    }
  });

  it('names the current state and the allowed actions in the error', () => {
    const error = errorOf(() => transition('draft', 'release', withPeers));
    expect(error.message).toBe('Cannot release a cycle that is draft (allowed: launch)');
    expect(error.details).toEqual({ state: 'draft', action: 'release', allowedActions: ['launch'] });
  });

  it('says when nothing is allowed any more', () => {
    const error = errorOf(() => transition('released', 'close', withPeers));
    expect(error.message).toBe('Cannot close a cycle that is released (no action is allowed any more)');
    expect(error.details).toMatchObject({ allowedActions: [] });
  });

  it('walks the whole life of a cycle with peer nominations', () => {
    let state: CycleState = 'draft';
    for (const action of ['launch', 'start-collecting', 'close', 'release'] as const) state = transition(state, action, withPeers);
    expect(state).toBe('released');
  });
});

describe('allowedActions', () => {
  it.each([
    ['draft', ['launch']],
    ['nominating', ['start-collecting', 'close']],
    ['collecting', ['close']],
    ['closed', ['release']],
    ['released', []],
  ] as [CycleState, CycleAction[]][])('%s allows %p', (state, actions) => {
    expect(allowedActions(state, withPeers)).toEqual(actions);
    expect(allowedActions(state, noPeers)).toEqual(actions);
  });

  it('agrees with transition for every pair', () => {
    for (const state of CYCLE_STATES) {
      for (const action of CYCLE_ACTIONS) {
        const allowed = allowedActions(state, withPeers).includes(action);
        if (allowed) expect(() => transition(state, action, withPeers)).not.toThrow();
        else expect(() => transition(state, action, withPeers)).toThrow(CycleStateError);
      }
    }
  });
});

describe('isLocked', () => {
  const anonymityFields: CycleSettingsField[] = [
    'anonymityThreshold',
    'selfReview',
    'minPeers',
    'maxPeers',
    'managerApprovesPeers',
    'externalRatersAllowed',
    'managerApprovesExternalRaters',
    'reportVisibility',
    'showManagerSeparately',
  ];
  const scheduleFields: CycleSettingsField[] = [
    'maxOpenRequestsPerRater',
    'reminderDaysBeforeDeadline',
    'nominationDeadline',
    'responseDeadline',
    'heatmapMinCellSize',
  ];

  it('classifies every setting', () => {
    expect([...anonymityFields, ...scheduleFields].sort()).toEqual(Object.keys(defaultCycleSettings()).sort());
  });

  it('locks nothing in draft', () => {
    for (const field of [...anonymityFields, ...scheduleFields]) expect(isLocked('draft', field)).toBe(false);
    expect(editableSettings('draft')).toHaveLength(14);
  });

  it.each(['nominating', 'collecting'] as CycleState[])('in %s, locks what protects anonymity but not the schedule', (state) => {
    for (const field of anonymityFields) expect(isLocked(state, field)).toBe(true);
    for (const field of scheduleFields) expect(isLocked(state, field)).toBe(false);
    expect(editableSettings(state).sort()).toEqual([...scheduleFields].sort());
  });

  it.each(['closed', 'released'] as CycleState[])('locks everything once %s', (state) => {
    for (const field of [...anonymityFields, ...scheduleFields]) expect(isLocked(state, field)).toBe(true);
    expect(editableSettings(state)).toEqual([]);
  });
});

describe('changedLockedSettings', () => {
  const current = { ...defaultCycleSettings(), responseDeadline: new Date('2026-03-15T00:00:00Z') };

  it('lists locked settings that change, comparing by value', () => {
    const next = {
      ...defaultCycleSettings(),
      anonymityThreshold: 5,
      reportVisibility: { subject: 'on_release' as const, manager: 'never' as const },
      responseDeadline: new Date('2026-03-20T00:00:00Z'),
    };
    expect(changedLockedSettings('collecting', current, next).sort()).toEqual(['anonymityThreshold', 'reportVisibility']);
    expect(changedLockedSettings('closed', current, next).sort()).toEqual(['anonymityThreshold', 'reportVisibility', 'responseDeadline']);
    expect(changedLockedSettings('draft', current, next)).toEqual([]);
  });

  it('ignores unchanged values that are fresh objects', () => {
    const copy = { ...defaultCycleSettings(), responseDeadline: new Date(current.responseDeadline.getTime()) };
    expect(changedLockedSettings('released', current, copy)).toEqual([]);
  });

  it('sees a deadline being set or cleared', () => {
    expect(changedLockedSettings('closed', current, { ...current, responseDeadline: null })).toEqual(['responseDeadline']);
    expect(changedLockedSettings('closed', { ...current, nominationDeadline: null }, { ...current, nominationDeadline: new Date() })).toEqual([
      'nominationDeadline',
    ]);
  });
});

describe('ANSWERING_STATES', () => {
  it('are the states a cycle runs in: launched and not yet closed, exactly those that can close', () => {
    const settings = { maxPeers: 3 };
    expect(CYCLE_STATES.filter((s) => allowedActions(s, settings).includes('close'))).toEqual([...ANSWERING_STATES]);
    expect(ANSWERING_STATES).toContain(transition('draft', 'launch', settings));
    expect(ANSWERING_STATES).toContain(transition('draft', 'launch', { maxPeers: 0 }));
  });
});

describe('CLOSED_STATES', () => {
  it('are where close and release lead, and with draft and ANSWERING_STATES they make up every state, once', () => {
    const settings = { maxPeers: 3 };
    expect([...CLOSED_STATES]).toEqual([transition('collecting', 'close', settings), transition('closed', 'release', settings)]);
    expect(['draft', ...ANSWERING_STATES, ...CLOSED_STATES]).toEqual([...CYCLE_STATES]);
  });
});
