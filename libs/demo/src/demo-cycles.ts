import type { EntityManager } from 'typeorm';
import { selectOne, selectRows } from '@lib/database';
import { DEMO_COMMENTS, DEMO_SELF_COMMENTS } from './demo-comments';

/** A small deterministic PRNG (mulberry32): the demo is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoCycleSpec {
  name: string;
  state: 'released' | 'collecting';
  launchedAt: string;
  nominationDeadline: string;
  responseDeadline: string;
  closedAt?: string;
  releasedAt?: string;
  /** Share of requests answered. */
  responseRate: number;
  /** Added to every true score: people grow between cycles. */
  growth: number;
}

export const DEMO_CYCLES: DemoCycleSpec[] = [
  {
    name: 'Autumn 2025 · Leadership at every level',
    state: 'released',
    launchedAt: '2025-10-27T09:00:00Z',
    nominationDeadline: '2025-11-03T17:00:00Z',
    responseDeadline: '2025-11-21T17:00:00Z',
    closedAt: '2025-11-24T09:00:00Z',
    releasedAt: '2025-12-01T09:00:00Z',
    responseRate: 0.9,
    growth: 0,
  },
  {
    name: 'Spring 2026 · Leadership at every level',
    state: 'released',
    launchedAt: '2026-04-20T09:00:00Z',
    nominationDeadline: '2026-04-27T17:00:00Z',
    responseDeadline: '2026-05-15T17:00:00Z',
    closedAt: '2026-05-18T09:00:00Z',
    releasedAt: '2026-05-25T09:00:00Z',
    responseRate: 0.92,
    growth: 0.2,
  },
  {
    name: 'Autumn 2026 · Leadership at every level',
    state: 'collecting',
    launchedAt: '2026-11-09T09:00:00Z',
    nominationDeadline: '2026-11-30T17:00:00Z',
    responseDeadline: '2026-12-11T17:00:00Z',
    responseRate: 0.45,
    growth: 0.35,
  },
];

interface Person {
  id: string;
  email: string;
  manager_id: string | null;
  department: string | null;
}
interface Question {
  id: string;
  key: string;
  type: 'rating' | 'open';
  kind: 'influence' | 'management' | null;
  behaviour_key: string | null;
}

/**
 * Seeds the demo cycles: requests from the org chart plus peers, and answers drawn from a
 * per-person profile, so reports show real patterns (blind spots, hidden strengths, growth).
 * Returns the cycles to release once their reports are snapshotted (seeded as closed), oldest first.
 */
export async function seedDemoCycles(
  tx: EntityManager,
  organizationId: string,
  frameworkVersionId: string,
  settings: Record<string, unknown>,
  keepOpenFor: string[],
): Promise<{ released: { id: string; releasedAt: string }[]; collecting: string[] }> {
  const people = await selectRows<Person>(tx, `SELECT id, email, manager_id, department FROM people WHERE organization_id = $1 ORDER BY email`, [
    organizationId,
  ]);
  const questions = await selectRows<Question>(
    tx,
    `SELECT q.id, q.key, q.type, b.kind, b.key AS behaviour_key FROM questions q LEFT JOIN behaviours b ON b.organization_id = q.organization_id AND b.id = q.behaviour_id
      WHERE q.organization_id = $1 AND q.framework_version_id = $2 ORDER BY q.position`,
    [organizationId, frameworkVersionId],
  );
  const random = prng(20261123);
  const gauss = (): number => (random() + random() + random() + random() - 2) * 0.85;
  // Each person's true level per behaviour, and how they see themselves.
  const profile = new Map<string, { base: Map<string, number>; selfBias: number }>();
  for (const p of people) {
    const influence = 2.7 + random() * 1.6;
    const management = 2.5 + random() * 1.8;
    const base = new Map<string, number>();
    for (const q of questions) {
      if (q.behaviour_key && !base.has(q.behaviour_key)) base.set(q.behaviour_key, (q.kind === 'management' ? management : influence) + gauss() * 0.5);
    }
    profile.set(p.id, { base, selfBias: -0.7 + random() * 1.6 });
  }
  const reportsOf = new Map<string, Person[]>();
  for (const p of people) if (p.manager_id) reportsOf.set(p.manager_id, [...(reportsOf.get(p.manager_id) ?? []), p]);

  // The people a visitor signs in as: in the finished cycles everyone asked about them answered
  // (five peers), so their reports show every group; in the running cycle their requests wait.
  const showcase = new Set(keepOpenFor);
  const result = { released: [] as { id: string; releasedAt: string }[], collecting: [] as string[] };
  for (const spec of DEMO_CYCLES) {
    const cycle = await selectOne<{ id: string }>(
      tx,
      `INSERT INTO cycles (organization_id, name, framework_version_id, state, settings, nomination_deadline, response_deadline, launched_at, closed_at, released_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $8) RETURNING id`,
      [
        organizationId,
        spec.name,
        frameworkVersionId,
        spec.state === 'released' ? 'closed' : spec.state,
        JSON.stringify({ ...settings, nominationDeadline: spec.nominationDeadline, responseDeadline: spec.responseDeadline }),
        spec.nominationDeadline,
        spec.responseDeadline,
        spec.launchedAt,
        spec.closedAt ?? null,
        null,
      ],
    );
    if (spec.state === 'released') result.released.push({ id: cycle.id, releasedAt: spec.releasedAt! });
    else result.collecting.push(cycle.id);
    await tx.query(
      `INSERT INTO cycle_subjects (organization_id, cycle_id, person_id, manager_id, department, has_reports, added_at)
       SELECT p.organization_id, $2, p.id, p.manager_id, p.department,
              EXISTS (SELECT 1 FROM people r WHERE r.organization_id = p.organization_id AND r.manager_id = p.id), $3
         FROM people p WHERE p.organization_id = $1`,
      [organizationId, cycle.id, spec.launchedAt],
    );

    const requests: { subject: string; rater: string; relationship: string }[] = [];
    for (const subject of people) {
      requests.push({ subject: subject.id, rater: subject.id, relationship: 'self' });
      if (subject.manager_id) requests.push({ subject: subject.id, rater: subject.manager_id, relationship: 'manager' });
      for (const report of reportsOf.get(subject.id) ?? []) requests.push({ subject: subject.id, rater: report.id, relationship: 'direct_report' });
      const taken = new Set([subject.id, subject.manager_id, ...(reportsOf.get(subject.id) ?? []).map((r) => r.id)]);
      const sameTeam = people.filter((p) => !taken.has(p.id) && p.manager_id === subject.manager_id);
      const sameDepartment = people.filter((p) => !taken.has(p.id) && p.department === subject.department && !sameTeam.includes(p));
      const elsewhere = people.filter((p) => !taken.has(p.id) && p.department !== subject.department);
      const peerCount = showcase.has(subject.id) ? 5 : 3 + Math.floor(random() * 3);
      const peers = [...shuffle(sameTeam, random), ...shuffle(sameDepartment, random), ...shuffle(elsewhere, random)].slice(0, peerCount);
      for (const peer of peers) requests.push({ subject: subject.id, rater: peer.id, relationship: 'peer' });
    }

    const states = requests.map((r) => {
      if (spec.state === 'collecting' && showcase.has(r.rater)) return 'open';
      if (spec.state !== 'collecting' && showcase.has(r.subject)) return 'submitted';
      return random() < spec.responseRate ? 'submitted' : spec.state === 'collecting' ? (random() < 0.5 ? 'in_progress' : 'open') : 'open';
    });
    const ids = await selectRows<{ id: string }>(
      tx,
      `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state, requested_by, created_at, updated_at, submitted_at)
       SELECT $1, $2, x.subject, x.rater, x.relationship, x.state, x.subject, $6, $6, CASE WHEN x.state = 'submitted' THEN $7::timestamptz END
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $8::text[]) WITH ORDINALITY AS x(subject, rater, relationship, state, n)
        ORDER BY x.n RETURNING id`,
      [
        organizationId,
        cycle.id,
        requests.map((r) => r.subject),
        requests.map((r) => r.rater),
        requests.map((r) => r.relationship),
        spec.launchedAt,
        spec.responseDeadline,
        states,
      ],
    );

    const answers = { request: [] as string[], question: [] as string[], rating: [] as (number | null)[], comment: [] as (string | null)[] };
    requests.forEach((r, i) => {
      if (states[i] !== 'submitted') return;
      const who = profile.get(r.subject)!;
      const self = r.relationship === 'self';
      const lens = r.relationship === 'direct_report' ? 0.2 : r.relationship === 'manager' ? -0.1 : 0;
      const raterNoise = gauss() * 0.4;
      for (const q of questions) {
        answers.request.push(ids[i].id);
        answers.question.push(q.id);
        if (q.type === 'rating') {
          const notObservedChance = self ? 0 : q.kind === 'management' && r.relationship === 'peer' ? 0.3 : 0.07;
          if (random() < notObservedChance) {
            answers.rating.push(null);
          } else {
            const truth = who.base.get(q.behaviour_key!)! + spec.growth + (self ? who.selfBias : lens + raterNoise) + gauss() * 0.45;
            answers.rating.push(Math.min(5, Math.max(1, Math.round(truth))));
          }
          answers.comment.push(null);
        } else {
          const pool = (self ? DEMO_SELF_COMMENTS : DEMO_COMMENTS)[q.key] ?? [];
          const write = pool.length > 0 && random() < (self ? 0.9 : q.key === 'anything_else' ? 0.3 : 0.75);
          answers.rating.push(null);
          answers.comment.push(write ? pool[Math.floor(random() * pool.length)] : null);
        }
      }
    });
    await tx.query(
      `INSERT INTO answers (organization_id, cycle_id, request_id, question_id, rating, comment)
       SELECT $1, $2, x.request, x.question, x.rating, x.comment
         FROM unnest($3::uuid[], $4::uuid[], $5::smallint[], $6::text[]) AS x(request, question, rating, comment)
        WHERE x.rating IS NOT NULL OR x.comment IS NOT NULL OR x.question IN (SELECT id FROM questions WHERE type = 'rating' AND organization_id = $1)`,
      [organizationId, cycle.id, answers.request, answers.question, answers.rating, answers.comment],
    );
    await tx.query(
      `INSERT INTO responses (request_id, organization_id, cycle_id, submitted_at, updated_at)
       SELECT id, organization_id, cycle_id, submitted_at, submitted_at FROM feedback_requests WHERE cycle_id = $1 AND state = 'submitted'`,
      [cycle.id],
    );
  }
  return result;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
