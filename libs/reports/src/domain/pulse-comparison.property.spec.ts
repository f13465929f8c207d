/**
 * Pairs (original, pulse): a reader who sees the original report, the pulse report and the
 * then-vs-now comparison must not be able to derive anything about fewer than k raters whom no
 * reader knows — in particular not the raters who left between the two (pulse-comparison.ts).
 *
 * People keep one index across both reports; a pulse answer is a new unknown (the statement is
 * prefixed `pulse:`), so a vector touching a person's original and pulse answers counts that
 * person once.
 */
import fc from 'fast-check';
import { buildReport } from './build-report';
import { comparePulse } from './pulse-comparison';
import { Rating, ReportInput, ReportView, ResponseInput } from './report-types';
import { Equation, findLinearLeak, unknown } from './testing/leak-checker';
import { readerKnowledge } from './testing/report-equations';
import { cycleArbitrary } from './testing/report-factories';

interface Pair {
  original: ReportInput;
  pulse: ReportInput;
  /** Pulse response i is person personOf[i] (an original index, or a new one past them). */
  personOf: number[];
  /** Original raters who did not answer the pulse (left, or did not respond). */
  leavers: number[];
}

/**
 * An original cycle, then a pulse on 1–all of its behaviours: each original rater answers again
 * or not (self always), 0–4 added raters ('other' or peer), fresh answers, the same k and layout
 * setting. A continuing rater keeps their group and whether they may read.
 */
const pairArbitrary: fc.Arbitrary<Pair> = cycleArbitrary.chain((original) =>
  fc
    .record({
      chosen: fc.subarray(
        original.behaviours.map((_, i) => i),
        { minLength: 1 },
      ),
      stays: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: original.responses.length, maxLength: original.responses.length }),
      stayRate: fc.integer({ min: 3, max: 10 }),
      added: fc.array(fc.constantFrom<'other' | 'peer'>('other', 'peer'), { maxLength: 4 }),
      draws: fc.array(fc.integer({ min: 0, max: 59 }), { minLength: 200, maxLength: 200 }),
    })
    .map(({ chosen, stays, stayRate, added, draws }): Pair => {
      const behaviours = chosen.map((i) => original.behaviours[i]);
      const ids = behaviours.flatMap((b) => b.statements.map((s) => s.id));
      let next = 0;
      const answers = (): Record<string, Rating> =>
        Object.fromEntries(
          ids.map((id) => {
            const d = draws[next++ % draws.length];
            return [id, d < 10 ? null : (((d % 5) + 1) as Rating)];
          }),
        );
      const personOf: number[] = [];
      const leavers: number[] = [];
      const responses: ResponseInput[] = [];
      original.responses.forEach((r, i) => {
        if (r.raterGroup !== 'self' && stays[i] >= stayRate) {
          leavers.push(i);
          return;
        }
        personOf.push(i);
        responses.push({ raterGroup: r.raterGroup, answers: answers(), raterMayRead: r.raterMayRead });
      });
      added.forEach((group, j) => {
        personOf.push(original.responses.length + j);
        responses.push({ raterGroup: group, answers: answers() });
      });
      const pulse: ReportInput = {
        threshold: original.threshold,
        showManagerSeparately: original.showManagerSeparately,
        behaviours,
        openQuestions: [],
        responses,
      };
      return { original, pulse, personOf, leavers };
    }),
);

/** Both reports' shown numbers as equations over people, with who every reader knows and who reads. */
function pairKnowledge(pair: Pair, originalReport: ReportView, pulseReport: ReportView) {
  const before = readerKnowledge(pair.original, originalReport);
  const after = readerKnowledge(pair.pulse, pulseReport);
  const renamed = after.equations.map((eq): Equation => ({
    label: `pulse: ${eq.label}`,
    coefficients: new Map(
      [...eq.coefficients].map(([key, c]) => {
        const [rater, statement] = key.split('\u0000');
        return [unknown(pair.personOf[Number(rater)], `pulse:${statement}`), c];
      }),
    ),
  }));
  const people = (set: Set<number>): number[] => [...set].map((i) => pair.personOf[i]);
  return {
    equations: [...before.equations, ...renamed],
    identified: new Set([...before.identified, ...people(after.identified)]),
    readers: new Set([...before.readers, ...people(after.readers)]),
    before,
  };
}

describe('then vs now (property): pairs of an original report and its pulse', () => {
  it('shows only numbers both reports published, and no combination of the two isolates fewer than k unknown raters', () => {
    let changesShown = 0;
    let withLeavers = 0;
    fc.assert(
      fc.property(pairArbitrary, (pair) => {
        const originalReport = buildReport(pair.original);
        const pulseReport = buildReport(pair.pulse);
        const comparison = comparePulse(originalReport.summary, pulseReport.summary, pair.pulse.behaviours);
        for (const { key, change } of comparison.behaviours) {
          const then = originalReport.behaviours.find((b) => b.key === key)!.cells.all_others;
          const now = pulseReport.behaviours.find((b) => b.key === key)!.cells.all_others;
          if (!change.shown) {
            expect(then.shown && now.shown).toBe(false);
            continue;
          }
          changesShown++;
          // Exactly the published numbers, never a recomputation.
          expect([change.then, change.now]).toEqual([then.shown && then.mean, now.shown && now.mean]);
        }
        if (pair.leavers.length > 0) withLeavers++;
        const { equations, identified, readers } = pairKnowledge(pair, originalReport, pulseReport);
        expect(findLinearLeak(equations, identified, pair.original.threshold, readers)).toBeNull();
      }),
      { numRuns: 300 },
    );
    expect(changesShown).toBeGreaterThan(100);
    expect(withLeavers).toBeGreaterThan(150);
  });

  it('would leak the leavers if "then" were recomputed over the raters who answered the pulse', () => {
    // The naive comparison: the original's all-others statement mean again, but over the raters
    // who are still there. Published − recomputed = the leavers' answers.
    let leaksFound = 0;
    fc.assert(
      fc.property(pairArbitrary, (pair) => {
        const originalReport = buildReport(pair.original);
        const pulseReport = buildReport(pair.pulse);
        const { equations, identified, readers } = pairKnowledge(pair, originalReport, pulseReport);
        const stayed = new Set(pair.personOf);
        const k = pair.original.threshold;
        for (const s of pair.pulse.behaviours.flatMap((b) => b.statements)) {
          const published = originalReport.behaviours.flatMap((b) => b.statements).find((x) => x.id === s.id)!;
          if (!published.cells.all_others.shown) continue;
          const answered = (i: number): boolean => pair.original.responses[i].raterGroup !== 'self' && pair.original.responses[i].answers[s.id] != null;
          const leftAnswers = pair.leavers.filter((i) => answered(i) && !identified.has(i));
          if (leftAnswers.length === 0) continue;
          const recomputed: Equation = {
            label: `then over those who stayed: ${s.id}`,
            coefficients: new Map(pair.original.responses.flatMap((_, i) => (stayed.has(i) && answered(i) ? [[unknown(i, s.id), 1n] as const] : []))),
          };
          const unknownLeavers = leftAnswers.filter((i) => !readers.has(i)).length;
          if (unknownLeavers >= k) continue;
          leaksFound++;
          expect(findLinearLeak([...equations, recomputed], identified, k, readers)).not.toBeNull();
        }
      }),
      { numRuns: 200 },
    );
    expect(leaksFound).toBeGreaterThan(60);
  });
});
