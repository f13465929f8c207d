import { translator } from '@lib/common';
import fc from 'fast-check';
import { buildReport } from './build-report';
import { conversationGuide, planCountTable, planSuggestions, reportStrengths } from './development-plan';
import { findHeatmapLeak } from './testing/heatmap-leak-checker';
import { aReportInput, aResponse, cycleArbitrary, raters } from './testing/report-factories';

/** summarize-report.spec.ts's report: results rated lowest, listening a blind spot, influence lowest downwards. */
const report = buildReport(
  aReportInput({
    responses: [
      aResponse('self', { l1: 5, l2: 5, t1: 3, r1: 3, r2: 3 }),
      aResponse('manager', { l1: 4, l2: 4, t1: 4, r1: 2, r2: 2 }),
      ...raters('peer', 3, { l1: 4, l2: 4, t1: 3, r1: 2, r2: 2 }),
      ...raters('direct_report', 3, { l1: 2, l2: 3, t1: 2, r1: 2, r2: 2 }),
    ],
  }),
);

describe('planSuggestions', () => {
  it('suggests the weakest behaviour, the blind spots and the influence behaviour that lags in the lowest direction', () => {
    expect(planSuggestions(report)).toEqual([
      { behaviourKey: 'results', name: 'Results', reasons: [{ kind: 'development_area' }, { kind: 'blind_spot', statement: 'Statement r1' }] },
      { behaviourKey: 'listening', name: 'Listening', reasons: [{ kind: 'blind_spot', statement: 'Statement l1' }] },
      { behaviourKey: 'trust', name: 'Trust', reasons: [{ kind: 'lagging_direction', directions: ['downwards'] }] },
    ]);
  });

  it('suggests nothing from a report that shows no other rater', () => {
    const alone = buildReport(aReportInput({ responses: [aResponse('self', { l1: 5, l2: 5, t1: 3, r1: 3, r2: 3 }), ...raters('peer', 2, { l1: 1 })] }));
    expect(planSuggestions(alone)).toEqual([]);
  });

  it('only ever points at numbers the report shows (random cycles)', () => {
    fc.assert(
      fc.property(cycleArbitrary, (input) => {
        const view = buildReport(input);
        for (const s of planSuggestions(view)) {
          const behaviour = view.behaviours.find((b) => b.key === s.behaviourKey)!;
          for (const reason of s.reasons) {
            if (reason.kind === 'blind_spot') expect(view.blindSpots.some((g) => g.behaviourKey === s.behaviourKey && g.text === reason.statement)).toBe(true);
            if (reason.kind === 'development_area') {
              expect(behaviour.cells.all_others.shown || behaviour.statements.some((st) => st.cells.all_others.shown)).toBe(true);
            }
            if (reason.kind === 'lagging_direction') {
              const [only] = reason.directions;
              const shown = reason.directions.length === 1 ? view.directionOfInfluence[only].shown : !!view.directionOfInfluence.pooled?.cell.shown;
              expect(shown).toBe(true);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('conversationGuide', () => {
  const items = [{ behaviourKey: 'results', name: 'Results', action: 'Agree one outcome per week', evidence: 'The team can name it on Friday' }];

  it("asks questions from the plan and the report's strengths, never a number", () => {
    const guide = conversationGuide(items, reportStrengths(report));
    expect(guide.map((s) => s.title)).toEqual(['Open', 'Results', 'Close']);
    expect(guide[0].questions.join(' ')).toContain('Colleagues see Listening as a strength');
    expect(guide[1].questions.join(' ')).toContain('“Agree one outcome per week”');
    for (const q of guide.flatMap((s) => s.questions)) {
      expect(q).toMatch(/\?$/);
      expect(q).not.toMatch(/\d/);
    }
  });

  it('asks in the manager’s language, with its quotation marks', () => {
    const guide = conversationGuide(items, reportStrengths(report), translator('de'));
    expect(guide.map((s) => s.title)).toEqual(['Einstieg', 'Results', 'Abschluss']);
    expect(guide[0].questions.join(' ')).toContain('Ihre Kolleginnen und Kollegen sehen Listening als eine Ihrer Stärken.');
    expect(guide[1].questions).toContain('Sie haben vor: „Agree one outcome per week“. Wie sähe das in einer typischen Woche aus?');
    expect(guide.flatMap((s) => s.questions).join(' ')).not.toMatch(/\bWhat\b|\byour\b/);
  });

  it('stands on the plan alone when the manager may not read the report', () => {
    const guide = conversationGuide(items, null);
    expect(guide[0].questions.join(' ')).not.toContain('Listening');
  });
});

describe('planCountTable', () => {
  it('counts plans per department and level under the heatmap suppression', () => {
    const people = [
      ...Array.from({ length: 5 }, (_, i) => ({ department: 0, hasReports: false, hasPlan: i < 2 })),
      ...Array.from({ length: 2 }, () => ({ department: 1, hasReports: false, hasPlan: true })),
    ];
    const view = planCountTable(people, 2, 3, 5);
    // Department 1 has 2 people: hidden; then department 0 (the total minus it) too.
    expect(view.cells[1][1]).toEqual({ shown: false, reason: 'below_threshold' });
    expect(view.rowTotals[0].shown && view.total.shown).toBe(false);
  });

  it('never lets a combination of counts single out fewer than m people (random organisations)', () => {
    const person = fc.record({ department: fc.nat({ max: 2 }), hasReports: fc.boolean(), hasPlan: fc.boolean() });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 30 }), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 6 }), (people, k, m) => {
        const view = planCountTable(people, 3, k, m);
        const cells = [0, 1, 2].map((d) =>
          [true, false].map((h) => {
            const inCell = people.filter((p) => p.department === d && p.hasReports === h);
            return { sum: inCell.filter((p) => p.hasPlan).length, count: inCell.length };
          }),
        );
        expect(findHeatmapLeak(cells, view)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
