import { buildReport } from '../domain';
import { REPORT_FORMAT, ReportHeader, reportJson, storedReport, upgradeStored, withoutTrend } from './report-shape';

const header: ReportHeader = {
  cycle: { id: 'c', name: 'Spring', state: 'released', origin: 'hr', frameworkName: 'F', frameworkVersion: 1, closedAt: null, releasedAt: null },
  subject: { id: 's', name: 'Sam', title: null, department: null },
  viewer: 'subject',
  computedAt: '2026-01-01T00:00:00.000Z',
  scale: { points: [{ value: 1, label: 'Rarely' }], notObservedLabel: 'Not observed' },
  history: [],
  followership: { shown: false, reason: 'fewer_than_threshold' },
};

describe('stored report shape', () => {
  const view = buildReport({
    threshold: 3,
    showManagerSeparately: true,
    behaviours: [{ key: 'listening', name: 'Listening', kind: 'influence', statements: [{ id: 'q1', text: 'Asks first' }] }],
    openQuestions: [],
    responses: [{ raterGroup: 'self', answers: { q1: 4 } }, ...[3, 4, 5].map((r) => ({ raterGroup: 'peer' as const, answers: { q1: r as 3 | 4 | 5 } }))],
    previous: { influence: 3, management: null, behaviours: { listening: 3 } },
  });

  it('adds descriptions and the earlier cycle, and leaves the trend source out', () => {
    const stored = storedReport(view, new Map([['listening', 'Hears what matters']]), { id: 'p', name: 'Autumn', closedAt: null });
    expect(stored.behaviours[0]).toMatchObject({ key: 'listening', description: 'Hears what matters', cells: view.behaviours[0].cells });
    expect(stored.trend).toMatchObject({ previousCycle: { name: 'Autumn' }, influence: { shown: true, previous: 3, current: 4, delta: 1 } });
    expect(stored).not.toHaveProperty('summary');
    expect(stored.indices).toBe(view.indices);
  });

  it('serves header and stored JSON as one object without re-serialising the stored part', () => {
    const stored = storedReport(view, new Map(), null);
    const text = reportJson(header, JSON.stringify(stored, null, 1));
    expect(JSON.parse(text)).toEqual({ ...header, ...JSON.parse(JSON.stringify(stored)) });
    expect(JSON.parse(reportJson(header, ' {} '))).toEqual(header);
  });

  it('leaves the trend out for a reader who may not read the earlier report, and nothing else', () => {
    const stored = storedReport(view, new Map(), { id: 'p', name: 'Autumn', closedAt: null });
    const text = withoutTrend(JSON.stringify(stored));
    const parsed = JSON.parse(JSON.stringify(stored)) as typeof stored;
    expect(stored.overview.change).not.toBeNull();
    expect(JSON.parse(text)).toEqual({ ...parsed, trend: null, overview: { ...parsed.overview, change: null } });
    expect(text).not.toContain('Autumn');
  });

  it('opens with the summary picked from the stored numbers, also for a report stored before the summary existed', () => {
    const stored = storedReport(view, new Map(), null);
    expect(stored.overview).toMatchObject({ strongest: { key: 'listening', mean: 4 }, influence: [{ directions: ['sideways'], mean: 4 }] });
    const { overview, ...before } = JSON.parse(JSON.stringify(stored)) as typeof stored;
    expect(JSON.parse(upgradeStored(1, JSON.stringify(before)))).toEqual({ ...before, overview: JSON.parse(JSON.stringify(overview)) });
    expect(upgradeStored(REPORT_FORMAT, '{"kept":true}')).toBe('{"kept":true}');
  });

  it("reads a report stored with one direction per summary entry (format 2) in today's shape, a pooled direction included", () => {
    const pooledView = buildReport({
      threshold: 3,
      showManagerSeparately: true,
      behaviours: [{ key: 'listening', name: 'Listening', kind: 'influence', statements: [{ id: 'q1', text: 'Asks first' }] }],
      openQuestions: [],
      responses: [
        { raterGroup: 'manager', answers: { q1: 2 } },
        ...[4, 4].map((r) => ({ raterGroup: 'peer' as const, answers: { q1: r as 4 } })),
        ...[5, 5].map((r) => ({ raterGroup: 'direct_report' as const, answers: { q1: r as 5 } })),
      ],
    });
    const stored = JSON.parse(JSON.stringify(storedReport(pooledView, new Map(), null))) as ReturnType<typeof storedReport>;
    expect(stored.overview.influence).toEqual([
      { directions: ['sideways', 'downwards'], mean: 4.5 },
      { directions: ['upwards'], mean: 2 },
    ]);
    const format2 = { ...stored, overview: { ...stored.overview, influence: [{ direction: 'upwards', mean: 2 }] } };
    expect(JSON.parse(upgradeStored(2, JSON.stringify(format2)))).toEqual(stored);
  });
});
