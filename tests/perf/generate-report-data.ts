/**
 * Test-data generator for the reports benchmarks: set-based SQL (generate_series), no loops of
 * inserts, reusable with other sizes.
 *
 * Used by tests/perf/reports.perf.ts, which runs it on a dedicated fresh database:
 *
 *   npm run build:api && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx jest tests/perf/reports --selectProjects perf --runInBand --testTimeout=900000
 *
 * Sizes (environment of that run, defaults = the 10,000 × 8 × 36 ≈ 2.9 M answers):
 *   PERF_REPORTS_SUBJECTS=10000  PERF_REPORTS_RATERS=8  PERF_REPORTS_STATEMENTS=36
 *
 * From code: `generateOrganisation(db, sizes)` once (people, org chart, framework), then
 * `generateClosedCycle(db, world, { name, closedAt })` for each cycle to snapshot (a second cycle on
 * the same framework gives every report a trend). Everything runs in one transaction per call.
 */
import type { DataSource } from 'typeorm';
import { defaultCycleSettings } from '@lib/cycles';

export interface ReportDataSizes {
  /** Everyone is a subject of each generated cycle. */
  subjects: number;
  /** Responses per subject, self included: self, manager, up to 3 direct reports, peers for the rest. */
  ratersPerSubject: number;
  /** Rating statements, three per behaviour (the last quarter of behaviours are "management"). */
  statements: number;
  openQuestions: number;
  departments: number;
  /** People per manager in the generated org chart. */
  fanOut: number;
}

export const DEFAULT_SIZES: ReportDataSizes = {
  subjects: Number(process.env.PERF_REPORTS_SUBJECTS ?? 10_000),
  ratersPerSubject: Number(process.env.PERF_REPORTS_RATERS ?? 8),
  statements: Number(process.env.PERF_REPORTS_STATEMENTS ?? 36),
  openQuestions: 3,
  departments: 12,
  fanOut: 6,
};

export interface GeneratedOrganisation {
  organizationId: string;
  frameworkId: string;
  frameworkVersionId: string;
  sizes: ReportDataSizes;
  /** Person ids by generation number g (0 = the root of the org chart). */
  personIds: string[];
}

export interface GeneratedCycle {
  cycleId: string;
  requests: number;
  answers: number;
}

const COMMENTS = [
  'Asks the quiet people in the room what they think before deciding.',
  'Explains why a change matters, not only what changes.',
  'Could share plans earlier so others can prepare.',
  'Keeps promises, even the small ones.',
  'Would have more influence by letting others finish their thought.',
  'Makes new colleagues feel welcome and gives them real work quickly.',
];

/** People with an org chart (person g reports to (g - 1) / fanOut), departments by subtree, and a framework. */
export async function generateOrganisation(db: DataSource, organizationId: string, sizes: ReportDataSizes = DEFAULT_SIZES): Promise<GeneratedOrganisation> {
  return db.transaction(async (tx) => {
    const people: { id: string }[] = await tx.query(
      `WITH ids AS (SELECT g, gen_random_uuid() AS id FROM generate_series(0, $2 - 1) g)
       INSERT INTO people (id, organization_id, email, name, title, department, manager_id)
       SELECT i.id, $1, 'r' || i.g || '@perf.example', 'Person ' || i.g, 'Title ' || (i.g % 40),
              -- siblings share a department (by their manager), so departments hold teams of ~fanOut
              'Department ' || (CASE WHEN i.g = 0 THEN 0 ELSE ((i.g - 1) / $4) % $3 END + 1), m.id
         FROM ids i LEFT JOIN ids m ON i.g > 0 AND m.g = (i.g - 1) / $4
        ORDER BY i.g
       RETURNING id`,
      [organizationId, sizes.subjects, sizes.departments, sizes.fanOut],
    );
    const [framework]: { id: string }[] = await tx.query(`INSERT INTO frameworks (organization_id, name) VALUES ($1, 'Perf framework') RETURNING id`, [
      organizationId,
    ]);
    const [version]: { id: string }[] = await tx.query(
      `INSERT INTO framework_versions (organization_id, framework_id, version) VALUES ($1, $2, 1) RETURNING id`,
      [organizationId, framework.id],
    );
    const behaviours = Math.ceil(sizes.statements / 3);
    await tx.query(
      `INSERT INTO behaviours (organization_id, framework_version_id, key, name, description, kind, position)
       SELECT $1, $2, 'b' || g, 'Behaviour ' || g, 'What behaviour ' || g || ' looks like',
              CASE WHEN g > $3 - greatest(1, $3 / 4) THEN 'management' ELSE 'influence' END, g
         FROM generate_series(1, $3) g`,
      [organizationId, version.id, behaviours],
    );
    await tx.query(
      `INSERT INTO questions (organization_id, framework_version_id, behaviour_id, key, type, text, position)
       SELECT $1, $2, b.id, b.key || '.' || s, 'rating', 'Statement ' || b.key || '.' || s, (b.position - 1) * 3 + s
         FROM behaviours b CROSS JOIN generate_series(1, 3) s
        WHERE b.organization_id = $1 AND b.framework_version_id = $2 AND (b.position - 1) * 3 + s <= $3`,
      [organizationId, version.id, sizes.statements],
    );
    await tx.query(
      `INSERT INTO questions (organization_id, framework_version_id, key, type, text, position)
       SELECT $1, $2, 'open_' || g, 'open', 'Open question ' || g || '?', 1000 + g FROM generate_series(1, $3) g`,
      [organizationId, version.id, sizes.openQuestions],
    );
    return { organizationId, frameworkId: framework.id, frameworkVersionId: version.id, sizes, personIds: people.map((p) => p.id) };
  });
}

/**
 * A closed cycle with everyone as a subject: requests (self, manager, up to three direct reports,
 * peers for the rest), all submitted, a rating for every statement (about 6 % not observed,
 * ratings around a per-subject level so that reports have shape) and some comments.
 */
export async function generateClosedCycle(
  db: DataSource,
  world: GeneratedOrganisation,
  options: { name: string; closedAt: Date; seed?: number; state?: 'closed' | 'released' },
): Promise<GeneratedCycle> {
  const { organizationId: org, sizes } = world;
  return db.transaction(async (tx) => {
    await tx.query(`SELECT setseed($1)`, [options.seed ?? 0.42]);
    const settings = { ...defaultCycleSettings(), responseDeadline: new Date(options.closedAt.getTime() - 864e5) };
    const [cycle]: { id: string }[] = await tx.query(
      `INSERT INTO cycles (organization_id, name, framework_version_id, state, settings, response_deadline, created_at, launched_at, closed_at, released_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz - interval '30 days', $7::timestamptz - interval '21 days', $7, CASE WHEN $4 = 'released' THEN $7 END)
       RETURNING id`,
      [org, options.name, world.frameworkVersionId, options.state ?? 'closed', JSON.stringify(settings), settings.responseDeadline, options.closedAt],
    );
    await tx.query(
      `INSERT INTO cycle_subjects (organization_id, cycle_id, person_id, manager_id, department, has_reports)
       SELECT p.organization_id, $2, p.id, p.manager_id, p.department,
              EXISTS (SELECT 1 FROM people r WHERE r.organization_id = p.organization_id AND r.manager_id = p.id)
         FROM people p WHERE p.organization_id = $1 AND p.id = ANY($3::uuid[])`,
      [org, cycle.id, world.personIds],
    );
    // Candidates by priority: self, manager, the first three direct reports, then peers g+1, g+2, …
    await tx.query(
      `WITH person AS (SELECT g - 1 AS g, id FROM unnest($3::uuid[]) WITH ORDINALITY AS x(id, g)),
       candidate AS (
         SELECT p.id AS subject_id, p.id AS rater_id, 'self' AS relationship, 0 AS priority FROM person p
         UNION ALL
         SELECT p.id, m.id, 'manager', 1 FROM person p JOIN person m ON p.g > 0 AND m.g = (p.g - 1) / $4
         UNION ALL
         SELECT p.id, r.id, 'direct_report', 1 + d FROM person p CROSS JOIN generate_series(1, 3) d JOIN person r ON r.g = p.g * $4 + d
         UNION ALL
         SELECT p.id, q.id, 'peer', 10 + j FROM person p CROSS JOIN generate_series(1, $5) j JOIN person q ON q.g = (p.g + j) % $6
       ),
       unique_pair AS (SELECT DISTINCT ON (subject_id, rater_id) * FROM candidate ORDER BY subject_id, rater_id, priority),
       chosen AS (SELECT *, row_number() OVER (PARTITION BY subject_id ORDER BY priority) AS n FROM unique_pair)
       INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state, created_at, updated_at, submitted_at)
       SELECT $1, $2, subject_id, rater_id, relationship, 'submitted', $7::timestamptz - interval '20 days', $7::timestamptz - interval '2 days', $7::timestamptz - interval '2 days'
         FROM chosen WHERE n <= $5`,
      [org, cycle.id, world.personIds, sizes.fanOut, sizes.ratersPerSubject, sizes.subjects, options.closedAt],
    );
    // Every statement: a per-subject level (1.8–4.6) plus the rater's noise; self a little higher.
    await tx.query(
      `WITH level AS (
         SELECT r.id, 1.8 + (abs(hashtext(r.subject_id::text)) % 280) / 100.0 + CASE WHEN r.relationship = 'self' THEN 0.4 ELSE 0 END AS base
           FROM feedback_requests r WHERE r.organization_id = $1 AND r.cycle_id = $2)
       INSERT INTO answers (organization_id, cycle_id, request_id, question_id, rating, comment)
       SELECT $1, $2, l.id, q.id,
              CASE WHEN random() < 0.06 THEN NULL ELSE least(5, greatest(1, round(l.base + (random() + random() - 1) * 1.6)))::smallint END, NULL
         FROM level l CROSS JOIN questions q
        WHERE q.organization_id = $1 AND q.framework_version_id = $3 AND q.type = 'rating'
       RETURNING request_id`,
      [org, cycle.id, world.frameworkVersionId],
    );
    await tx.query(
      `INSERT INTO answers (organization_id, cycle_id, request_id, question_id, rating, comment)
       SELECT $1, $2, r.id, q.id, NULL, ($4::text[])[1 + floor(random() * array_length($4::text[], 1))::int]
         FROM feedback_requests r CROSS JOIN questions q
        WHERE r.organization_id = $1 AND r.cycle_id = $2 AND q.organization_id = $1 AND q.framework_version_id = $3 AND q.type = 'open'
          AND random() < 0.35`,
      [org, cycle.id, world.frameworkVersionId, COMMENTS],
    );
    const [{ requests }]: { requests: number }[] = await tx.query(
      `SELECT count(*)::int AS requests FROM feedback_requests WHERE organization_id = $1 AND cycle_id = $2`,
      [org, cycle.id],
    );
    const [{ answers }]: { answers: number }[] = await tx.query(`SELECT count(*)::int AS answers FROM answers WHERE organization_id = $1 AND cycle_id = $2`, [
      org,
      cycle.id,
    ]);
    return { cycleId: cycle.id, requests, answers };
  });
}

/** Fresh statistics after a bulk load, as PostgreSQL advises. */
export async function analyse(db: DataSource): Promise<void> {
  await db.query(`ANALYZE people, cycle_subjects, feedback_requests, answers, questions, report_snapshots`);
}
