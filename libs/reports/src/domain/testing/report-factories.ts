/** Factories with overrides for the report specs, and the random cycles of the property tests. */
import fc from 'fast-check';
import { BehaviourInput, BehaviourKind, RATER_GROUPS, Rating, RaterGroup, ReportInput, ResponseInput } from '../report-types';

export function aBehaviour(key: string, kind: BehaviourKind, statementIds: string[]): BehaviourInput {
  return { key, name: key[0].toUpperCase() + key.slice(1), kind, statements: statementIds.map((id) => ({ id, text: `Statement ${id}` })) };
}

export function aResponse(raterGroup: RaterGroup, answers: Record<string, Rating>, comments?: Record<string, string>): ResponseInput {
  return { raterGroup, answers, comments };
}

/** The same response by a rater who may read the report (an HR admin, or a manager the cycle lets read). */
export function byAReader(response: ResponseInput): ResponseInput {
  return { ...response, raterMayRead: true };
}

/** `count` raters of one group giving the same answers (or answers by index). */
export function raters(group: RaterGroup, count: number, answers: Record<string, Rating> | ((i: number) => Record<string, Rating>)): ResponseInput[] {
  return Array.from({ length: count }, (_, i) => aResponse(group, typeof answers === 'function' ? answers(i) : answers));
}

/** k = 3, manager shown separately, two influence behaviours and one management behaviour. */
export function aReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    threshold: 3,
    showManagerSeparately: true,
    behaviours: [
      aBehaviour('listening', 'influence', ['l1', 'l2']),
      aBehaviour('trust', 'influence', ['t1']),
      aBehaviour('results', 'management', ['r1', 'r2']),
    ],
    openQuestions: [{ id: 'keep', text: 'What should they keep doing?' }],
    responses: [],
    ...overrides,
  };
}

export interface CycleShape {
  threshold: number;
  showManagerSeparately: boolean;
  kinds: BehaviourKind[][];
  sizes: Record<RaterGroup, number>;
  /** Out of 10: how often an answer is "not observed" in this cycle. */
  notObserved: number;
  /** Whether the first manager may read the report (the cycle's manager visibility is not `never`). */
  managerReads: boolean;
  /** Out of 10: how often any rater is an HR admin (who reads every report). */
  admins: number;
}

const shapeArbitrary: fc.Arbitrary<CycleShape> = fc.record({
  threshold: fc.integer({ min: 3, max: 6 }),
  showManagerSeparately: fc.boolean(),
  // Behaviours of 1–3 statements; the kind is drawn per behaviour.
  kinds: fc.array(
    fc.constantFrom<BehaviourKind>('influence', 'management').chain((kind) => fc.integer({ min: 1, max: 3 }).map((n) => Array<BehaviourKind>(n).fill(kind))),
    { minLength: 1, maxLength: 3 },
  ),
  sizes: fc.record({
    self: fc.integer({ min: 0, max: 1 }),
    manager: fc.integer({ min: 0, max: 12 }),
    peer: fc.integer({ min: 0, max: 12 }),
    direct_report: fc.integer({ min: 0, max: 12 }),
    external: fc.integer({ min: 0, max: 12 }),
    other: fc.integer({ min: 0, max: 12 }),
  }),
  notObserved: fc.integer({ min: 0, max: 9 }),
  managerReads: fc.boolean(),
  admins: fc.constantFrom(0, 0, 1, 2, 4),
});

/**
 * Random cycles: group sizes 0–12 (self 0–1), k 3–6, random "show manager separately",
 * random not-observed answers at a per-cycle rate, some comments, sometimes a previous cycle,
 * and raters who may read the report: the first manager when the cycle lets managers read, and
 * HR admins in any group at a per-cycle rate (self included, where it must change nothing).
 */
export const cycleArbitrary: fc.Arbitrary<ReportInput> = shapeArbitrary.chain((shape) => {
  const statementCount = shape.kinds.reduce((s, b) => s + b.length, 0);
  const groups = RATER_GROUPS.flatMap((g) => Array<RaterGroup>(shape.sizes[g]).fill(g));
  return fc
    .record({
      draws: fc.array(fc.array(fc.integer({ min: 0, max: 49 }), { minLength: statementCount, maxLength: statementCount }), {
        minLength: groups.length,
        maxLength: groups.length,
      }),
      comments: fc.array(fc.boolean(), { minLength: groups.length, maxLength: groups.length }),
      admin: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: groups.length, maxLength: groups.length }),
      previous: fc.option(fc.record({ influence: fc.option(fc.double({ min: 1, max: 5, noNaN: true })), management: fc.constant(null) }), { nil: undefined }),
    })
    .map(({ draws, comments, admin, previous }): ReportInput => {
      let next = 0;
      const behaviours = shape.kinds.map((statements, b) =>
        aBehaviour(
          `b${b}`,
          statements[0],
          statements.map(() => `s${next++}`),
        ),
      );
      const ids = behaviours.flatMap((b) => b.statements.map((s) => s.id));
      const firstManager = groups.indexOf('manager');
      const responses = groups.map((raterGroup, r): ResponseInput => ({
        raterGroup,
        answers: Object.fromEntries(ids.map((id, s) => [id, draws[r][s] % 10 < shape.notObserved ? null : ((Math.floor(draws[r][s] / 10) + 1) as Rating)])),
        comments: comments[r] ? { q1: `comment from rater ${r}` } : {},
        // An external rater has no account: never a reader.
        raterMayRead: raterGroup !== 'external' && (admin[r] < shape.admins || (r === firstManager && shape.managerReads)),
      }));
      return {
        threshold: shape.threshold,
        showManagerSeparately: shape.showManagerSeparately,
        behaviours,
        openQuestions: [{ id: 'q1', text: 'Anything else?' }],
        responses,
        previous: previous && { ...previous, behaviours: { b0: 3 } },
      };
    });
});
