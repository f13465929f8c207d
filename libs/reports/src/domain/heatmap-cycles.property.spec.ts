import fc from 'fast-check';
import {
  HEATMAP_LEVELS,
  heatmapChange,
  HeatmapCell,
  HeatmapCellInput,
  heatmapFilterResult,
  HeatmapView,
  suppressHeatmap,
  teamCellDecision,
  TeamSplitCell,
} from './heatmap-suppression';
import { IntegerRow, lightSupport } from './testing/exact-linear-algebra';

/**
 * The previous-cycle comparison of the organisation view and the team view, attacked: a reader
 * (HR, or a manager) holds both cycles' views, every filter of each, the team totals and the
 * printed changes, while people join, leave, move department or gain reports between the two
 * cycles. Nothing they can combine may stand on fewer than m people (heatmapChange says why).
 *
 * Atoms: in each cycle, the people of one cell (department × with/without reports) inside and
 * outside the manager's team. Every printed number of a cycle is a sum over whole atoms of that
 * cycle, and a person's value in one cycle is not their value in the other, so the two cycles'
 * atoms are different unknowns, however the people moved.
 */

const DEPARTMENTS = 3;

/** Where one person is in one cycle: absent, or a department, with reports or not, in the team or not. */
interface Place {
  department: number;
  hasReports: boolean;
  inTeam: boolean;
}

const place: fc.Arbitrary<Place | null> = fc.option(
  fc.record({ department: fc.integer({ min: 0, max: DEPARTMENTS - 1 }), hasReports: fc.boolean(), inTeam: fc.boolean() }),
  { freq: 4 },
);

/** A population over two cycles: each person is there in one, the other or both (joiners, leavers, movers, stayers). */
const population = fc.array(fc.tuple(place, place, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { minLength: 5, maxLength: 40 });

interface CycleView {
  split: TeamSplitCell[][];
  sums: { team: number; rest: number }[][];
  view: HeatmapView;
  team: HeatmapCell;
}

function cycleOf(people: { at: Place | null; value: number }[], threshold: number, minCellSize: number): CycleView {
  const split = Array.from({ length: DEPARTMENTS }, () => [0, 1].map(() => ({ team: 0, rest: 0 })));
  const sums = Array.from({ length: DEPARTMENTS }, () => [0, 1].map(() => ({ team: 0, rest: 0 })));
  for (const { at, value } of people) {
    if (!at) continue;
    const j = at.hasReports ? 0 : 1;
    const side = at.inTeam ? 'team' : 'rest';
    split[at.department][j][side]++;
    sums[at.department][j][side] += value;
  }
  const cells: HeatmapCellInput[][] = split.map((row, i) => row.map((c, j) => ({ count: c.team + c.rest, sum: sums[i][j].team + sums[i][j].rest })));
  const view = suppressHeatmap({ cells, threshold, minCellSize });
  const decision = teamCellDecision(split, view);
  const n = split.flat().reduce((s, c) => s + c.team, 0);
  const teamSum = sums.flat().reduce((s, c) => s + c.team, 0);
  const team: HeatmapCell = decision.shown ? { shown: true, mean: teamSum / n, n } : decision;
  return { split, sums, view, team };
}

/** Every number a reader of one cycle's organisation view and team view is shown, as an equation over that cycle's atoms. */
function printed(c: CycleView): { inside: (i: number, j: number, team: boolean) => boolean; cell: HeatmapCell }[] {
  const filters = [...Array.from({ length: DEPARTMENTS }, (_, d) => d), 'all' as const].flatMap((department) =>
    HEATMAP_LEVELS.map((level) => ({
      cell: heatmapFilterResult(c.view, department, level),
      inside: (i: number, j: number) => (department === 'all' || department === i) && (level === 'all' || (level === 'with_reports' ? j === 0 : j === 1)),
    })),
  );
  return [
    ...filters.map((f) => ({ cell: f.cell, inside: (i: number, j: number) => f.inside(i, j) })),
    { cell: c.team, inside: (_i: number, _j: number, team: boolean) => team },
  ];
}

describe('the previous-cycle comparison of the organisation and team views', () => {
  it('prints a change only between two shown numbers, and exactly their difference', () => {
    const shown = (mean: number, n: number): HeatmapCell => ({ shown: true, mean, n });
    expect(heatmapChange(shown(4, 6), shown(3, 5))).toEqual({ previousMean: 3, change: 1 });
    expect(heatmapChange(shown(4, 6), { shown: false, reason: 'below_threshold' })).toBeNull();
    expect(heatmapChange({ shown: false, reason: 'complementary' }, shown(3, 5))).toBeNull();
    expect(heatmapChange(shown(4, 6), undefined)).toBeNull();
    // The previous count is never part of it: joiners and leavers are not counted out.
    expect(Object.keys(heatmapChange(shown(4, 6), shown(3, 5))!)).toEqual(['previousMean', 'change']);
  });

  it('lets no reader of both cycles isolate fewer than m people, whoever joined, left or moved', () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 3, max: 5 }), fc.integer({ min: 3, max: 6 }), (people, threshold, setting) => {
        const before = cycleOf(
          people.map(([at, , value]) => ({ at, value })),
          threshold,
          setting,
        );
        const now = cycleOf(
          people.map(([, at, , value]) => ({ at, value })),
          threshold,
          setting,
        );
        const m = now.view.minCellSize;
        // Atoms of both cycles: [cycle, department, with/without, team].
        const atoms = [before, now].flatMap((c, cycle) =>
          c.split.flatMap((row, i) =>
            row.flatMap((cell, j) =>
              [true, false].flatMap((team) => {
                const people = team ? cell.team : cell.rest;
                return people > 0 ? [{ cycle, i, j, team, people }] : [];
              }),
            ),
          ),
        );
        const equations: IntegerRow[] = [];
        const numbers = [printed(before), printed(now)];
        numbers.forEach((list, cycle) => {
          for (const p of list) {
            if (p.cell.shown) equations.push(atoms.map((a) => (a.cycle === cycle && p.inside(a.i, a.j, a.team) ? 1n : 0n)));
          }
        });
        // The changes: each one a number of the current view minus one of the previous, never more.
        numbers[1].forEach((p, x) => {
          const change = heatmapChange(p.cell, numbers[0][x].cell);
          if (!change) return;
          expect(numbers[0][x].cell.shown && p.cell.shown).toBe(true);
          const then = numbers[0][x].cell as Extract<HeatmapCell, { shown: true }>;
          const current = p.cell as Extract<HeatmapCell, { shown: true }>;
          expect(change.previousMean).toBe(then.mean);
          expect(change.change).toBeCloseTo(current.mean - then.mean, 12);
        });
        expect(
          lightSupport(
            equations,
            atoms.map((a) => a.people),
            m,
          ),
        ).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
