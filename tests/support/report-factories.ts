import type { DataSource } from 'typeorm';
import type { CycleSettings, CycleState, FeedbackRelationship } from '@lib/cycles';
import { FrameworksService } from '@lib/frameworks';
import { ReportSnapshotService, SnapshotResult } from '@lib/reports';
import { aCycle, TestCycle, TestFrameworkVersion } from './feedback-factories';
import type { TestApp } from './test-app';

/**
 * Factories for the report tests: cycles in any state with a close date, subjects with the org
 * chart frozen as the test says, and submitted responses written straight to the tables (SQL),
 * so that report numbers can be checked against hand-computed fixtures.
 */

/** A cycle in the given state; `closedAt` orders cycles for the trend (defaults: now for closed/released). */
export async function aReportCycle(
  db: DataSource,
  organizationId: string,
  frameworkVersionId: string,
  overrides: { state?: CycleState; name?: string; settings?: Partial<CycleSettings>; closedAt?: Date } = {},
): Promise<TestCycle> {
  const state = overrides.state ?? 'closed';
  const cycle = await aCycle(db, organizationId, frameworkVersionId, { state, name: overrides.name, settings: overrides.settings });
  const closed = state === 'closed' || state === 'released';
  await db.query(`UPDATE cycles SET closed_at = $2, released_at = $3 WHERE id = $1`, [
    cycle.id,
    closed ? (overrides.closedAt ?? new Date()) : null,
    state === 'released' ? (overrides.closedAt ?? new Date()) : null,
  ]);
  return cycle;
}

/** Moves a cycle to a state, stamping closed_at / released_at as the cycles module would. */
export async function moveCycle(db: DataSource, cycleId: string, state: CycleState, settings?: Partial<CycleSettings>): Promise<void> {
  await db.query(
    `UPDATE cycles SET state = $2,
            closed_at = CASE WHEN $2 IN ('closed', 'released') THEN COALESCE(closed_at, now()) END,
            released_at = CASE WHEN $2 = 'released' THEN COALESCE(released_at, now()) END,
            settings = settings || $3::jsonb
      WHERE id = $1`,
    [cycleId, state, JSON.stringify(settings ?? {})],
  );
}

/** A subject with the org chart frozen at launch: manager, department and has_reports as given. */
export async function aReportSubject(
  db: DataSource,
  cycle: Pick<TestCycle, 'id' | 'organizationId'>,
  personId: string,
  frozen: { managerId?: string | null; department?: string | null; hasReports?: boolean } = {},
): Promise<void> {
  await db.query(
    `INSERT INTO cycle_subjects (organization_id, cycle_id, person_id, manager_id, department, has_reports)
     SELECT $1, $2, p.id, $4, CASE WHEN $5::boolean THEN $6::text ELSE p.department END, $7 FROM people p WHERE p.organization_id = $1 AND p.id = $3`,
    [
      cycle.organizationId,
      cycle.id,
      personId,
      frozen.managerId ?? null,
      frozen.department !== undefined,
      frozen.department ?? null,
      frozen.hasReports ?? false,
    ],
  );
}

/**
 * A submitted response: `ratings` by statement in questionnaire order (null = not observed),
 * `comments` by open question in order (null or missing = none).
 */
export async function aResponse(
  db: DataSource,
  cycle: Pick<TestCycle, 'id' | 'organizationId'>,
  version: TestFrameworkVersion,
  values: { subjectId: string; raterId: string; relationship: FeedbackRelationship; ratings: (number | null)[]; comments?: (string | null)[] },
): Promise<string> {
  if (values.ratings.length !== version.statementIds.length) throw new Error(`expected ${version.statementIds.length} ratings, got ${values.ratings.length}`);
  const [request]: { id: string }[] = await db.query(
    `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state, submitted_at)
     VALUES ($1, $2, $3, $4, $5, 'submitted', now()) RETURNING id`,
    [cycle.organizationId, cycle.id, values.subjectId, values.raterId, values.relationship],
  );
  const comments = version.openQuestionIds.map((_, i) => values.comments?.[i] ?? null);
  await db.query(
    `INSERT INTO answers (organization_id, cycle_id, request_id, question_id, rating, comment)
     SELECT $1, $2, $3, x.question_id, x.rating, x.comment
       FROM unnest($4::uuid[], $5::smallint[], $6::text[]) AS x(question_id, rating, comment)
      WHERE x.rating IS NOT NULL OR x.comment IS NOT NULL OR x.question_id = ANY($7::uuid[])`,
    [
      cycle.organizationId,
      cycle.id,
      request.id,
      [...version.statementIds, ...version.openQuestionIds],
      [...values.ratings, ...version.openQuestionIds.map(() => null)],
      [...version.statementIds.map(() => null), ...comments],
      version.statementIds,
    ],
  );
  return request.id;
}

/** A request that was asked but never submitted: it must never reach a report. */
export async function anOpenRequest(
  db: DataSource,
  cycle: Pick<TestCycle, 'id' | 'organizationId'>,
  values: { subjectId: string; raterId: string; relationship: FeedbackRelationship },
): Promise<string> {
  const [request]: { id: string }[] = await db.query(
    `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state) VALUES ($1, $2, $3, $4, $5, 'open') RETURNING id`,
    [cycle.organizationId, cycle.id, values.subjectId, values.raterId, values.relationship],
  );
  return request.id;
}

/** Every statement rated `rating` by each of the raters (one request per rater, set-based). */
export async function uniformResponses(
  db: DataSource,
  cycle: Pick<TestCycle, 'id' | 'organizationId'>,
  version: TestFrameworkVersion,
  subjectId: string,
  raters: { id: string; relationship: FeedbackRelationship }[],
  rating: number,
): Promise<void> {
  await db.query(
    `WITH request AS (
       INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state, submitted_at)
       SELECT $1, $2, $3, x.rater_id, x.relationship, 'submitted', now() FROM unnest($4::uuid[], $5::text[]) AS x(rater_id, relationship)
       RETURNING id)
     INSERT INTO answers (organization_id, cycle_id, request_id, question_id, rating)
     SELECT $1, $2, r.id, q.id, $7 FROM request r CROSS JOIN unnest($6::uuid[]) AS q(id)`,
    [cycle.organizationId, cycle.id, subjectId, raters.map((r) => r.id), raters.map((r) => r.relationship), version.statementIds, rating],
  );
}

/** The default framework ("Leadership at every level") in the factories' shape: call it before creating any other framework. */
export async function theDefaultFramework(t: TestApp, organizationId: string): Promise<TestFrameworkVersion> {
  const frameworks = t.app.get(FrameworksService);
  const frameworkId = await frameworks.ensureDefault(organizationId);
  const id = await frameworks.latestVersionId(organizationId, frameworkId);
  const questions: { id: string; key: string; type: string; behaviour_id: string | null; behaviour_key: string | null }[] = await t.db.query(
    `SELECT q.id, q.key, q.type, q.behaviour_id, b.key AS behaviour_key FROM questions q LEFT JOIN behaviours b ON b.id = q.behaviour_id
      WHERE q.organization_id = $1 AND q.framework_version_id = $2 ORDER BY q.position`,
    [organizationId, id],
  );
  const rating = questions.filter((q) => q.type === 'rating');
  const behaviours = [...new Set(rating.map((q) => q.behaviour_key!))].map((key) => ({
    id: rating.find((q) => q.behaviour_key === key)!.behaviour_id!,
    key,
    statements: rating.filter((q) => q.behaviour_key === key).map((q) => ({ id: q.id, key: q.key })),
  }));
  return { frameworkId, id, behaviours, statementIds: rating.map((q) => q.id), openQuestionIds: questions.filter((q) => q.type === 'open').map((q) => q.id) };
}

/** Runs the snapshot the reports.snapshot job runs at close. */
export function snapshotReports(t: TestApp, organizationId: string, cycleId: string): Promise<SnapshotResult> {
  return t.app.get(ReportSnapshotService).snapshotCycle(organizationId, cycleId);
}

export const reportUrl = (cycleId: string, subjectId: string, suffix: '' | '.csv' | '.pdf' = ''): string =>
  `/api/reports/cycles/${cycleId}/subjects/${subjectId}${suffix}`;
