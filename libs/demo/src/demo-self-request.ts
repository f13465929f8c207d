import type { EntityManager } from 'typeorm';
import { defaultCycleSettings } from '@lib/cycles';
import { selectOne, selectRows } from '@lib/database';
import { DEMO_COMMENTS } from './demo-comments';
import { demoEmail } from './museum-people';

/**
 * A self-started request a visitor sees at once: Priya asked five colleagues about two behaviours
 * (her two direct reports, two peers and someone from Learning), everyone answered, and she closed
 * it; its report is computed and released to her by the same snapshot job as any close (then she
 * alone reads it). Settings as OwnedCyclesService gives every such cycle.
 */
export const DEMO_SELF_REQUEST = {
  owner: 'priya',
  raters: [
    { key: 'leo', relationship: 'direct_report' },
    { key: 'amara', relationship: 'direct_report' },
    { key: 'jonas', relationship: 'peer' },
    { key: 'ewan', relationship: 'peer' },
    { key: 'samir', relationship: 'other' },
  ],
  behaviours: 2,
  launchedAt: '2026-10-05T09:00:00Z',
  responseDeadline: '2026-10-19T21:59:00Z',
  closedAt: '2026-10-16T15:00:00Z',
  /** Each rater's level per behaviour, in order: a strength and something to work on. */
  levels: [4, 3],
};

/** Inserts the request, closed, with every answer; returns its id (the caller computes its report). */
export async function seedDemoSelfRequest(tx: EntityManager, organizationId: string, frameworkVersionId: string): Promise<string> {
  const spec = DEMO_SELF_REQUEST;
  const people = await selectRows<{ id: string; email: string; name: string }>(tx, `SELECT id, email, name FROM people WHERE organization_id = $1`, [
    organizationId,
  ]);
  const idOf = (key: string): string => people.find((p) => p.email === demoEmail(key))!.id;
  const owner = people.find((p) => p.email === demoEmail(spec.owner))!;
  const behaviours = await selectRows<{ key: string }>(
    tx,
    `SELECT key FROM behaviours WHERE organization_id = $1 AND framework_version_id = $2 ORDER BY position, key LIMIT $3`,
    [organizationId, frameworkVersionId, spec.behaviours],
  );
  const keys = behaviours.map((b) => b.key);
  const settings = {
    ...defaultCycleSettings(),
    minPeers: 0,
    maxPeers: 0,
    managerApprovesPeers: false,
    maxOpenRequestsPerRater: 50,
    reportVisibility: { subject: 'on_release', manager: 'never' },
    showManagerSeparately: false,
    responseDeadline: spec.responseDeadline,
  };
  const cycle = await selectOne<{ id: string }>(
    tx,
    `INSERT INTO cycles (organization_id, name, framework_version_id, state, settings, response_deadline, launched_at, closed_at, created_at, created_by,
                         origin, owner_id, behaviour_keys)
     VALUES ($1, $2, $3, 'closed', $4, $5, $6, $7, $6, $8, 'self', $8, $9) RETURNING id`,
    [
      organizationId,
      `Feedback ${owner.name} asked for`,
      frameworkVersionId,
      JSON.stringify(settings),
      spec.responseDeadline,
      spec.launchedAt,
      spec.closedAt,
      owner.id,
      keys,
    ],
  );
  await tx.query(
    `INSERT INTO cycle_subjects (organization_id, cycle_id, person_id, manager_id, department, has_reports, added_at)
     SELECT p.organization_id, $2, p.id, p.manager_id, p.department, EXISTS (SELECT 1 FROM people r WHERE r.organization_id = p.organization_id AND r.manager_id = p.id), $3
       FROM people p WHERE p.organization_id = $1 AND p.id = $4`,
    [organizationId, cycle.id, spec.launchedAt, owner.id],
  );
  const raters = [{ id: owner.id, relationship: 'self' }, ...spec.raters.map((r) => ({ id: idOf(r.key), relationship: r.relationship }))];
  const requests = await selectRows<{ id: string; rater_id: string }>(
    tx,
    `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state, requested_by, created_at, updated_at, submitted_at, invited_at)
     SELECT $1, $2, $3, x.rater, x.relationship, 'submitted', $3, $4, $5, $5, $4 FROM unnest($6::uuid[], $7::text[]) AS x(rater, relationship)
     RETURNING id, rater_id`,
    [organizationId, cycle.id, owner.id, spec.launchedAt, spec.closedAt, raters.map((r) => r.id), raters.map((r) => r.relationship)],
  );
  const questions = await selectRows<{ id: string; type: string; key: string; behaviour_key: string | null }>(
    tx,
    `SELECT q.id, q.type, q.key, b.key AS behaviour_key FROM questions q LEFT JOIN behaviours b ON b.organization_id = q.organization_id AND b.id = q.behaviour_id
      WHERE q.organization_id = $1 AND q.framework_version_id = $2 AND (b.key IS NULL OR b.key = ANY($3::text[])) ORDER BY q.position`,
    [organizationId, frameworkVersionId, keys],
  );
  const answers = { request: [] as string[], question: [] as string[], rating: [] as (number | null)[], comment: [] as (string | null)[] };
  requests.forEach((request, r) => {
    const self = request.rater_id === owner.id;
    questions.forEach((q, i) => {
      answers.request.push(request.id);
      answers.question.push(q.id);
      if (q.type === 'rating') {
        const level = spec.levels[keys.indexOf(q.behaviour_key!)] ?? 3;
        // Priya rates herself a point higher on what colleagues see as her growth area: a blind spot to read.
        const rating = self ? 4 : Math.min(5, Math.max(1, level + ((r + i) % 3) - 1));
        answers.rating.push(rating);
        answers.comment.push(null);
      } else {
        const pool = DEMO_COMMENTS[q.key] ?? [];
        answers.rating.push(null);
        answers.comment.push(!self && pool.length ? pool[(r * 3 + i) % pool.length] : null);
      }
    });
  });
  await tx.query(
    `INSERT INTO answers (organization_id, cycle_id, request_id, question_id, rating, comment)
     SELECT $1, $2, x.request, x.question, x.rating, x.comment
       FROM unnest($3::uuid[], $4::uuid[], $5::smallint[], $6::text[]) AS x(request, question, rating, comment)`,
    [organizationId, cycle.id, answers.request, answers.question, answers.rating, answers.comment],
  );
  await tx.query(
    `INSERT INTO responses (request_id, organization_id, cycle_id, submitted_at, updated_at)
     SELECT id, organization_id, cycle_id, submitted_at, submitted_at FROM feedback_requests WHERE organization_id = $1 AND cycle_id = $2`,
    [organizationId, cycle.id],
  );
  await tx.query(
    `INSERT INTO audit_events (organization_id, actor_id, action, target_type, target_id, details, created_at) VALUES ($1, $2, 'cycle.self_started', 'cycle', $3, '{}', $4)`,
    [organizationId, owner.id, cycle.id, spec.launchedAt],
  );
  return cycle.id;
}
