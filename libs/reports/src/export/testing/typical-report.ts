import { DEFAULT_FRAMEWORK } from '@lib/frameworks';
import type { ColumnKey } from '../../domain';
import type { ReportCellDto, ReportCellsDto, ReportDto } from '../../report/report.dto';

/**
 * A typical report for the PDF specs: the default framework (12 behaviours, 34 statements), self,
 * a manager shown separately, peers, direct reports and all others shown, "others" pooled, a few
 * "not observed", a trend and comments — names and comments in Polish, Russian and Greek.
 */
export function aTypicalReport(overrides: Partial<ReportDto> = {}): ReportDto {
  let seed = 7;
  const next = (): number => (seed = (seed * 31 + 11) % 97) / 97;
  const shownCell = (n: number): ReportCellDto => ({
    shown: true,
    mean: Math.round((1.5 + next() * 3.5) * 100) / 100,
    n,
    spread: n === 1 ? 0 : Math.round(next() * 150) / 100,
  });
  const cells = (): ReportCellsDto => ({
    self: next() < 0.08 ? { shown: false, reason: 'not_observed' } : shownCell(1),
    manager: shownCell(1),
    peer: shownCell(4 + Math.floor(next() * 3)),
    direct_report: next() < 0.1 ? { shown: false, reason: 'below_threshold' } : shownCell(3 + Math.floor(next() * 2)),
    external: { shown: false, reason: 'no_responses' },
    others: { shown: false, reason: 'pooled' },
    all_others: shownCell(8 + Math.floor(next() * 3)),
  });
  const column = (key: ColumnKey, identified: boolean, shown: boolean) => ({
    key,
    groups: [],
    identified,
    shown,
    ...(shown ? {} : { reason: 'pooled' as const }),
  });
  const behaviours = DEFAULT_FRAMEWORK.behaviours.map((b) => ({
    key: b.key,
    name: b.name,
    description: b.description,
    kind: b.kind,
    cells: cells(),
    statements: b.statements.map((s, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, text: s.text, cells: cells() })),
  }));
  const statements = behaviours.flatMap((b) => b.statements.map((s) => ({ statementId: s.id, behaviourKey: b.key, text: s.text })));
  return {
    cycle: {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Jesień 2026 — Осень',
      origin: 'hr',
      state: 'released',
      frameworkName: DEFAULT_FRAMEWORK.name,
      frameworkVersion: 1,
      closedAt: '2026-10-30T12:00:00.000Z',
      releasedAt: '2026-11-02T09:00:00.000Z',
    },
    subject: { id: '00000000-0000-4000-8000-000000000002', name: 'Łukasz Żółć', title: 'Head of Learning', department: 'Обучение' },
    viewer: 'admin',
    computedAt: '2026-10-30T12:00:00.000Z',
    threshold: 3,
    showManagerSeparately: true,
    scale: {
      points: DEFAULT_FRAMEWORK.scale.points.map((p) => ({ value: p.value, label: p.label })),
      notObservedLabel: DEFAULT_FRAMEWORK.scale.notObservedLabel,
    },
    columns: [
      column('self', true, true),
      column('manager', true, true),
      column('peer', false, true),
      column('direct_report', false, true),
      { key: 'external' as const, groups: [], identified: false, shown: false, reason: 'no_responses' as const },
      column('others', false, false),
      column('all_others', false, true),
    ],
    behaviours,
    indices: { influence: cells(), management: cells() },
    profile: { shown: true, quadrant: 'manager_leader', influence: 3.82, management: 3.61, threshold: 3.5 },
    directionOfInfluence: { sideways: shownCell(5), downwards: shownCell(4), upwards: shownCell(1) },
    blindSpots: statements.slice(0, 2).map((s) => ({ ...s, self: 4.0, others: 2.75, gap: 1.25 })),
    hiddenStrengths: statements.slice(5, 6).map((s) => ({ ...s, self: 2.0, others: 3.4, gap: -1.4 })),
    strengths: statements.slice(10, 15).map((s, i) => ({ ...s, mean: 4.6 - i * 0.1 })),
    developmentAreas: statements.slice(20, 25).map((s, i) => ({ ...s, mean: 2.1 + i * 0.1 })),
    trend: {
      previousCycle: { id: '00000000-0000-4000-8000-000000000003', name: 'Spring 2026', closedAt: '2026-04-30T12:00:00.000Z' },
      influence: { shown: true, previous: 3.5, current: 3.82, delta: 0.32 },
      management: { shown: true, previous: 3.7, current: 3.61, delta: -0.09 },
      behaviours: behaviours.map((b, i) => ({
        key: b.key,
        value: i % 5 === 4 ? { shown: false, reason: 'no_previous' as const } : { shown: true, previous: 3.1, current: 3.4, delta: 0.3 },
      })),
    },
    overview: {
      profile: { shown: true, quadrant: 'manager_leader', influence: 3.82, management: 3.61, threshold: 3.5 },
      strongest: { key: behaviours[0].key, name: behaviours[0].name, kind: behaviours[0].kind, mean: 4.21 },
      weakest: { key: behaviours[7].key, name: behaviours[7].name, kind: behaviours[7].kind, mean: 2.38 },
      largestBlindSpot: { ...statements[0], self: 4.0, others: 2.75, gap: 1.25 },
      influence: [
        { directions: ['sideways'], mean: 3.9 },
        { directions: ['upwards'], mean: 3.7 },
        { directions: ['downwards'], mean: 3.4 },
      ],
      change: {
        influence: { shown: true, previous: 3.5, current: 3.82, delta: 0.32 },
        management: { shown: true, previous: 3.7, current: 3.61, delta: -0.09 },
        largestRise: { key: behaviours[2].key, name: behaviours[2].name, delta: 0.3 },
        largestFall: null,
      },
    },
    followership: { shown: true, named: 4 },
    history: [
      {
        cycleId: '00000000-0000-4000-8000-000000000006',
        cycleName: 'Autumn 2025',
        closedAt: '2025-10-30T12:00:00.000Z',
        current: false,
        influence: 3.2,
        management: null,
        behaviours: behaviours.map((b, i) => ({ key: b.key, mean: i % 3 === 0 ? null : 3 })),
      },
      {
        cycleId: '00000000-0000-4000-8000-000000000003',
        cycleName: 'Spring 2026',
        closedAt: '2026-04-30T12:00:00.000Z',
        current: false,
        influence: 3.5,
        management: 3.7,
        behaviours: behaviours.map((b) => ({ key: b.key, mean: 3.1 })),
      },
      {
        cycleId: '00000000-0000-4000-8000-000000000001',
        cycleName: 'Jesień 2026 — Осень',
        closedAt: '2026-10-30T12:00:00.000Z',
        current: true,
        influence: 3.82,
        management: 3.61,
        behaviours: behaviours.map((b) => ({ key: b.key, mean: 3.4 })),
      },
    ],
    comments: [
      {
        questionId: '00000000-0000-4000-8000-000000000004',
        text: 'What should this person keep doing?',
        self: ['Asking Дмитрий and Ελένη for their view before the Monday meeting.'],
        others: [
          'Listens before deciding — “what do you think?” is a habit. ✓',
          'Łukasz Żółć explains why a change matters, even to people outside the team.',
          'Дмитрий говорит, что с Лукашем легко работать: он всегда объясняет решения.',
          'Η Ελένη λέει ότι ακούει πριν αποφασίσει.',
        ],
      },
      {
        questionId: '00000000-0000-4000-8000-000000000005',
        text: 'What should this person start or do differently?',
        self: [],
        others: ['Share plans earlier with the Exhibitions team.', 'Let others run the Monday meeting — Ελένη would be glad to.', 'Could say no more often.'],
      },
    ],
    ...overrides,
  };
}
