import fc from 'fast-check';
import { buildReport } from './build-report';
import type { ReportView } from './report-types';
import { summarizeReport } from './summarize-report';
import { aReportInput, aResponse, cycleArbitrary, raters } from './testing/report-factories';

/**
 * k = 3. Self, manager (shown separately), 3 peers, 3 direct reports. Listening is rated highest
 * by all others (44/14), results lowest (2); self rates listening far above them (a blind spot).
 */
const input = aReportInput({
  responses: [
    aResponse('self', { l1: 5, l2: 5, t1: 3, r1: 3, r2: 3 }),
    aResponse('manager', { l1: 4, l2: 4, t1: 4, r1: 2, r2: 2 }),
    ...raters('peer', 3, { l1: 4, l2: 4, t1: 3, r1: 2, r2: 2 }),
    ...raters('direct_report', 3, { l1: 2, l2: 2, t1: 2, r1: 2, r2: 2 }),
  ],
  previous: { influence: 3.5, management: 1.5, behaviours: { listening: 3.0, trust: 3.0, results: 2.5 } },
});

describe('summarizeReport', () => {
  const report = buildReport(input);
  const overview = summarizeReport(report);

  it('names the behaviours all others rated highest and lowest, with the means the report shows', () => {
    expect(overview.strongest).toEqual({ key: 'listening', name: 'Listening', kind: 'influence', mean: 44 / 14 });
    expect(overview.weakest).toMatchObject({ key: 'results', mean: 2 });
  });

  it('takes the largest blind spot from the report, and the direction of influence highest first', () => {
    expect(overview.largestBlindSpot).toEqual(report.blindSpots[0]);
    expect(overview.largestBlindSpot).toMatchObject({ behaviourKey: 'listening', self: 5 });
    expect(overview.influence.map((d) => d.directions)).toEqual([['upwards'], ['sideways'], ['downwards']]);
    expect(overview.profile).toEqual(report.profile);
  });

  it('says what changed since the earlier cycle: the indices, the largest rise and the largest fall', () => {
    expect(overview.change?.influence).toEqual(report.trend?.influence);
    expect(overview.change?.largestRise).toEqual({ key: 'listening', name: 'Listening', delta: expect.closeTo(44 / 14 - 3, 9) });
    expect(overview.change?.largestFall).toEqual({ key: 'results', name: 'Results', delta: expect.closeTo(-0.5, 9) });
  });

  it('leaves out what the report hides: a group below k gives no direction of its own, no earlier cycle gives no change', () => {
    const small = buildReport(
      aReportInput({
        responses: [
          aResponse('self', { l1: 3, t1: 3, r1: 3 }),
          ...raters('peer', 3, { l1: 4, l2: 4, t1: 4, r1: 4, r2: 4 }),
          ...raters('direct_report', 2, { l1: 4 }),
        ],
      }),
    );
    const summary = summarizeReport(small);
    // Rule 7 pools the peers with the two direct reports: the two directions are named only together.
    expect(summary.influence).toEqual([{ directions: ['sideways', 'downwards'], mean: 4 }]);
    expect(summary.change).toBeNull();
    // All behaviours rated alike: a strongest, but no weakest to tell apart.
    expect(summary.weakest).toBeNull();
    expect(summary.largestBlindSpot).toBeNull();
  });

  it('names pooled directions together, with the pooled mean, and never one of them alone', () => {
    const pooled = buildReport(
      aReportInput({
        responses: [
          aResponse('self', { l1: 3, t1: 3, r1: 3 }),
          aResponse('manager', { l1: 2, l2: 2, t1: 2, r1: 2, r2: 2 }),
          ...raters('peer', 2, { l1: 4, l2: 4, t1: 4, r1: 3, r2: 3 }),
          ...raters('direct_report', 2, { l1: 5, l2: 5, t1: 5, r1: 3, r2: 3 }),
        ],
      }),
    );
    expect(pooled.directionOfInfluence.pooled).toMatchObject({ directions: ['sideways', 'downwards'], cell: { shown: true } });
    const summary = summarizeReport(pooled);
    expect(summary.influence).toEqual([
      { directions: ['sideways', 'downwards'], mean: 4.5 },
      { directions: ['upwards'], mean: 2 },
    ]);
    // Direct reports pooled with other colleagues: that pool is not how direct reports see it.
    const withOthers = buildReport(
      aReportInput({
        responses: [
          aResponse('manager', { l1: 2, l2: 2, t1: 2, r1: 2, r2: 2 }),
          ...raters('direct_report', 2, { l1: 5, l2: 5, t1: 5, r1: 3, r2: 3 }),
          ...raters('other', 2, { l1: 4, l2: 4, t1: 4, r1: 3, r2: 3 }),
        ],
      }),
    );
    expect(withOthers.directionOfInfluence.pooled).toMatchObject({ directions: ['downwards'], groups: ['direct_report', 'other'], cell: { shown: true } });
    expect(summarizeReport(withOthers).influence).toEqual([{ directions: ['upwards'], mean: 2 }]);
  });

  it('has nothing to say when nothing is shown', () => {
    const empty = summarizeReport(buildReport(aReportInput({ responses: [aResponse('self', { l1: 4 })] })));
    expect(empty).toMatchObject({ strongest: null, weakest: null, largestBlindSpot: null, influence: [], change: null, profile: { shown: false } });
  });

  it('never shows a number the report does not show (random cycles)', () => {
    fc.assert(
      fc.property(cycleArbitrary, (cycle) => {
        const view: ReportView = buildReport(cycle);
        const o = summarizeReport(view);
        const allOthers = new Map(view.behaviours.map((b) => [b.key, b.cells.all_others]));
        for (const b of [o.strongest, o.weakest]) {
          if (b) expect(allOthers.get(b.key)).toMatchObject({ shown: true, mean: b.mean });
        }
        for (const d of o.influence) {
          // A pooled direction is hidden on its own, so an entry is either one shown direction or the whole pool.
          const pooled = view.directionOfInfluence.pooled;
          const single = d.directions.length === 1 ? view.directionOfInfluence[d.directions[0]] : null;
          const cell = single?.shown ? single : pooled?.cell;
          if (!single?.shown) expect(d.directions).toEqual(pooled?.directions);
          expect(cell).toMatchObject({ shown: true, mean: d.mean });
        }
        if (o.largestBlindSpot) expect(view.blindSpots).toContainEqual(o.largestBlindSpot);
      }),
      { numRuns: 200 },
    );
  });
});
