import fc from 'fast-check';
import { followershipTable, followershipView, type FollowershipPerson } from './followership';
import { Equation, findLinearLeak, unknown } from './testing/leak-checker';

/**
 * The followership counts never isolate fewer than k people who named someone. Model: one
 * unknown per nomination (nominator r named subject s), and — pessimistically, as for ratings —
 * the reader knows who could have named whom; every shown number is a sum of such unknowns. A
 * leak is a combination of shown numbers touching fewer than k nominators the readers do not
 * know about: the readers are the HR admins at close (they read every report), the person
 * reading now (perhaps HR only since close, who knows whom they named) and, for one subject's
 * own count, that subject's manager.
 */
interface World {
  k: number;
  m: number;
  people: number;
  subjects: { person: number; department: number; hasReports: boolean; manager: number | null }[];
  /** [nominator, subject index] */
  nominations: [number, number][];
  admins: number[];
  reader: number;
}

const worldArbitrary: fc.Arbitrary<World> = fc
  .record({ k: fc.integer({ min: 2, max: 3 }), m: fc.integer({ min: 2, max: 4 }), people: fc.integer({ min: 4, max: 9 }) })
  .chain(({ k, m, people }) =>
    fc.record({
      k: fc.constant(k),
      m: fc.constant(m),
      people: fc.constant(people),
      subjects: fc.uniqueArray(
        fc.record({
          person: fc.nat({ max: people - 1 }),
          department: fc.nat({ max: 1 }),
          hasReports: fc.boolean(),
          manager: fc.option(fc.nat({ max: people - 1 }), { nil: null }),
        }),
        { minLength: 1, maxLength: 4, selector: (s) => s.person },
      ),
      nominations: fc.uniqueArray(fc.tuple(fc.nat({ max: people - 1 }), fc.nat({ max: 3 })), { maxLength: 24, selector: ([r, s]) => `${r}:${s}` }),
      admins: fc.uniqueArray(fc.nat({ max: people - 1 }), { maxLength: 2 }),
      reader: fc.nat({ max: people - 1 }),
    }),
  )
  .map((w) => ({
    ...w,
    // Only existing subjects, never oneself (the database refuses self-nomination).
    nominations: w.nominations.filter(([r, s]) => s < w.subjects.length && w.subjects[s].person !== r),
  }));

/** The counts as the snapshot freezes them (report_snapshots.followership_*), per subject. */
function counts(w: World): { named: number; anonymous: number }[] {
  return w.subjects.map((s, i) => {
    const nominators = w.nominations.filter(([, t]) => t === i).map(([r]) => r);
    return { named: nominators.length, anonymous: nominators.filter((r) => !w.admins.includes(r) && r !== s.manager).length };
  });
}

const readerNamed = (w: World, subject: number): boolean => w.nominations.some(([r, s]) => r === w.reader && s === subject);

/** The sum of the nominations of these subjects, as one equation. */
function equation(w: World, label: string, subjects: number[]): Equation {
  const coefficients = new Map<string, bigint>();
  for (const [r, s] of w.nominations) if (subjects.includes(s)) coefficients.set(unknown(r, `s${s}`), 1n);
  return { label, coefficients };
}

describe('followership counts (property)', () => {
  it("a person's count: shown only when k nominators could not read the report, and never to a reader who named them", () => {
    fc.assert(
      fc.property(worldArbitrary, (w) => {
        const c = counts(w);
        w.subjects.forEach((s, i) => {
          const view = followershipView(c[i], w.k, readerNamed(w, i));
          if (!view.shown) return;
          expect(view.named).toBe(c[i].named);
          const readers = new Set([...w.admins, w.reader, ...(s.manager === null ? [] : [s.manager])]);
          expect(findLinearLeak([equation(w, `s${i}`, [i])], new Set(), w.k, readers)).toBeNull();
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the organisation view per department: no combination isolates fewer than k nominators', () => {
    fc.assert(
      fc.property(worldArbitrary, (w) => {
        const c = counts(w);
        const people: FollowershipPerson[] = w.subjects.map((s, i) => ({
          department: s.department,
          hasReports: s.hasReports,
          count: c[i],
          readerNamed: readerNamed(w, i),
        }));
        const view = followershipTable(people, 2, w.k, w.m);
        const shownHere = w.subjects.map((_, i) => followershipView(c[i], w.k, people[i].readerNamed).shown);
        const inCell = (d: number | null, h: boolean | null): number[] =>
          w.subjects.flatMap((s, i) => (shownHere[i] && (d === null || s.department === d) && (h === null || s.hasReports === h) ? [i] : []));
        const equations: Equation[] = [];
        const shown = (cell: (typeof view)['total'], label: string, subjects: number[]): void => {
          if (!cell.shown) return;
          // The number is exactly the sum of the counts those people's reports show, over them.
          expect(cell.n).toBe(subjects.length);
          expect(cell.mean * cell.n).toBeCloseTo(
            subjects.reduce((sum, i) => sum + c[i].named, 0),
            9,
          );
          equations.push(equation(w, label, subjects));
        };
        [0, 1].forEach((d) => {
          [true, false].forEach((h, j) => shown(view.cells[d][j], `cell ${d},${j}`, inCell(d, h)));
          shown(view.rowTotals[d], `row ${d}`, inCell(d, null));
        });
        [true, false].forEach((h, j) => shown(view.columnTotals[j], `column ${j}`, inCell(null, h)));
        shown(view.total, 'total', inCell(null, null));
        // Every shown cell holds at least m people, and sums what those people's counts say.
        for (const e of equations) expect(e.coefficients.size).toBeGreaterThanOrEqual(w.k);
        expect(findLinearLeak(equations, new Set(), w.k, new Set([...w.admins, w.reader]))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('nothing below k is told apart: none and a few nominators read alike', () => {
    expect(followershipView({ named: 0, anonymous: 0 }, 3, false)).toEqual({ shown: false, reason: 'fewer_than_threshold' });
    expect(followershipView({ named: 4, anonymous: 2 }, 3, false)).toEqual({ shown: false, reason: 'fewer_than_threshold' });
    expect(followershipView({ named: 4, anonymous: 3 }, 3, false)).toEqual({ shown: true, named: 4 });
    expect(followershipView({ named: 4, anonymous: 3 }, 3, true)).toEqual({ shown: false, reason: 'reader_named' });
    expect(followershipView(null, 3, false)).toEqual({ shown: false, reason: 'not_counted' });
  });
});
