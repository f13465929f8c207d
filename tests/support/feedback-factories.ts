import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CycleSettings, CycleState, defaultCycleSettings, FeedbackRelationship, RequestState } from '@lib/cycles';
import { aPerson, aTeam, TestPerson } from './factories';
import type { HttpClient, TestResponse } from './http-client';
import type { TestApp } from './test-app';

/**
 * Factories for the feedback tests: framework versions, cycles in any state, subjects and requests,
 * written straight to the tables so that these tests do not depend on the cycles API.
 */

const unique = (): string => randomBytes(4).toString('hex');

export interface TestFrameworkVersion {
  frameworkId: string;
  id: string;
  behaviours: { id: string; key: string; statements: { id: string; key: string }[] }[];
  /** Every rating statement, in questionnaire order. */
  statementIds: string[];
  openQuestionIds: string[];
}

/** A framework version with `behaviours` × `statements` rating statements and `openQuestions` open questions. */
export async function aFrameworkVersion(
  db: DataSource,
  organizationId: string,
  shape: { behaviours?: number; statements?: number; openQuestions?: number } = {},
): Promise<TestFrameworkVersion> {
  const [framework]: { id: string }[] = await db.query(`INSERT INTO frameworks (organization_id, name) VALUES ($1, $2) RETURNING id`, [
    organizationId,
    `Framework ${unique()}`,
  ]);
  const [version]: { id: string }[] = await db.query(
    `INSERT INTO framework_versions (organization_id, framework_id, version) VALUES ($1, $2, 1) RETURNING id`,
    [organizationId, framework.id],
  );
  const behaviours: TestFrameworkVersion['behaviours'] = [];
  let position = 0;
  for (let b = 0; b < (shape.behaviours ?? 3); b++) {
    const key = `behaviour_${b + 1}`;
    const [behaviour]: { id: string }[] = await db.query(
      `INSERT INTO behaviours (organization_id, framework_version_id, key, name, description, kind, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [organizationId, version.id, key, `Behaviour ${b + 1}`, `What behaviour ${b + 1} looks like`, b === 0 ? 'management' : 'influence', b],
    );
    const statements: { id: string; key: string }[] = [];
    for (let s = 0; s < (shape.statements ?? 2); s++) {
      const statementKey = `${key}.${s + 1}`;
      const [question]: { id: string }[] = await db.query(
        `INSERT INTO questions (organization_id, framework_version_id, behaviour_id, key, type, text, position)
         VALUES ($1, $2, $3, $4, 'rating', $5, $6) RETURNING id`,
        [organizationId, version.id, behaviour.id, statementKey, `Statement ${statementKey}`, position++],
      );
      statements.push({ id: question.id, key: statementKey });
    }
    behaviours.push({ id: behaviour.id, key, statements });
  }
  const openQuestionIds: string[] = [];
  for (let o = 0; o < (shape.openQuestions ?? 2); o++) {
    const [question]: { id: string }[] = await db.query(
      `INSERT INTO questions (organization_id, framework_version_id, key, type, text, hint, position)
       VALUES ($1, $2, $3, 'open', $4, $5, $6) RETURNING id`,
      [organizationId, version.id, `open_${o + 1}`, `Open question ${o + 1}?`, `Hint ${o + 1}: describe what you saw.`, position++],
    );
    openQuestionIds.push(question.id);
  }
  return { frameworkId: framework.id, id: version.id, behaviours, statementIds: behaviours.flatMap((b) => b.statements.map((s) => s.id)), openQuestionIds };
}

export interface TestCycle {
  id: string;
  organizationId: string;
  frameworkVersionId: string;
  settings: CycleSettings;
}

/** A cycle in the given state (default collecting) with the default settings plus overrides. */
export async function aCycle(
  db: DataSource,
  organizationId: string,
  frameworkVersionId: string,
  overrides: { state?: CycleState; name?: string; settings?: Partial<CycleSettings> } = {},
): Promise<TestCycle> {
  const settings: CycleSettings = { ...defaultCycleSettings(), ...overrides.settings };
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO cycles (organization_id, name, framework_version_id, state, settings, nomination_deadline, response_deadline, launched_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $4 <> 'draft' THEN now() END) RETURNING id`,
    [
      organizationId,
      overrides.name ?? `Cycle ${unique()}`,
      frameworkVersionId,
      overrides.state ?? 'collecting',
      JSON.stringify(settings),
      settings.nominationDeadline,
      settings.responseDeadline,
    ],
  );
  return { id: row.id, organizationId, frameworkVersionId, settings };
}

export async function setCycleState(db: DataSource, cycleId: string, state: CycleState): Promise<void> {
  await db.query(`UPDATE cycles SET state = $2 WHERE id = $1`, [cycleId, state]);
}

/** Makes people subjects of a cycle; the manager frozen at launch is each person's current one unless given. */
export async function aSubject(
  db: DataSource,
  cycle: Pick<TestCycle, 'id' | 'organizationId'>,
  person: { id: string; managerId?: string | null },
  overrides: { managerId?: string | null } = {},
): Promise<void> {
  await db.query(
    `INSERT INTO cycle_subjects (organization_id, cycle_id, person_id, manager_id, department)
     SELECT $1, $2, p.id, $4, p.department FROM people p WHERE p.organization_id = $1 AND p.id = $3`,
    [cycle.organizationId, cycle.id, person.id, overrides.managerId !== undefined ? overrides.managerId : (person.managerId ?? null)],
  );
}

/** A feedback request in any state (default open, peer). */
export async function aRequest(
  db: DataSource,
  cycle: Pick<TestCycle, 'id' | 'organizationId'>,
  values: { subjectId: string; raterId: string; relationship?: FeedbackRelationship; state?: RequestState },
): Promise<string> {
  const relationship = values.relationship ?? (values.subjectId === values.raterId ? 'self' : 'peer');
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = 'submitted' THEN now() END) RETURNING id`,
    [cycle.organizationId, cycle.id, values.subjectId, values.raterId, relationship, values.state ?? 'open'],
  );
  return row.id;
}

/** Every statement of the version rated (cycling 1..5, every fourth "not observed"), plus a comment per open question. */
export function completeAnswers(version: TestFrameworkVersion): {
  answers: { questionId: string; rating: number | null }[];
  comments: { questionId: string; text: string }[];
} {
  return {
    answers: version.statementIds.map((questionId, i) => ({ questionId, rating: i % 4 === 3 ? null : (i % 5) + 1 })),
    comments: version.openQuestionIds.map((questionId, i) => ({ questionId, text: `Comment ${i + 1}: in the March review they asked everyone first.` })),
  };
}

export async function stateOf(db: DataSource, requestId: string): Promise<string | undefined> {
  const rows: { state: string }[] = await db.query(`SELECT state FROM feedback_requests WHERE id = $1`, [requestId]);
  return rows[0]?.state;
}

export async function answerCount(db: DataSource, requestId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM answers WHERE request_id = $1`, [requestId]);
  return n;
}

export async function draftOf(db: DataSource, requestId: string): Promise<unknown> {
  const rows: { draft: unknown }[] = await db.query(`SELECT draft FROM responses WHERE request_id = $1`, [requestId]);
  return rows[0]?.draft ?? null;
}

/**
 * The people of the request tests: org A's team (HR, a manager with the member and the colleague,
 * a peer without a manager) plus seven colleagues, org B's team, each signed in with a client.
 */
export async function aRequestsWorld(t: TestApp) {
  const a = await aTeam(t.db, 'Org A');
  const b = await aTeam(t.db, 'Org B');
  const version = await aFrameworkVersion(t.db, a.org.id);
  const people: TestPerson[] = [];
  const names = ['Ada Archivist', 'Ben Builder', 'Cy Curator', 'Dee Designer', 'Eli Educator', 'Fay Fundraiser', 'Gus Guide'];
  for (const name of names) people.push(await aPerson(t.db, a.org.id, { name, title: 'Specialist', department: 'Learning' }));
  const clients = new Map<string, HttpClient>();
  for (const person of [a.admin, a.manager, a.member, a.colleague, a.peer, b.admin, b.member, ...people]) {
    const client = t.client();
    await client.signInAs(person);
    clients.set(person.email, client);
  }

  /** A cycle whose subjects are the member, the colleague, the peer and HR; the member has a self and a manager request. */
  async function aNominatingCycle(settings: Partial<CycleSettings> = {}, state: 'nominating' | 'collecting' | 'closed' = 'nominating'): Promise<TestCycle> {
    const cycle = await aCycle(t.db, a.org.id, version.id, {
      state,
      settings: { minPeers: 2, maxPeers: 4, managerApprovesPeers: true, maxOpenRequestsPerRater: 3, ...settings },
    });
    for (const person of [a.member, a.colleague, a.peer, a.admin]) await aSubject(t.db, cycle, person);
    await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: a.member.id, relationship: 'self' });
    await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: a.manager.id, relationship: 'manager' });
    return cycle;
  }

  const listUrl = (cycleId: string, subjectId: string): string => `/api/cycles/${cycleId}/subjects/${subjectId}/requests`;
  return {
    a,
    b,
    version,
    p: (i: number): TestPerson => people[i],
    as: (person: { email: string }): HttpClient => clients.get(person.email)!,
    aNominatingCycle,
    listUrl,
    ask: (client: HttpClient, cycleId: string, subjectId: string, raterIds: string[], extra: Record<string, unknown> = {}): Promise<TestResponse> =>
      client.post(listUrl(cycleId, subjectId), { raterIds, ...extra }),
    itemFor: (response: TestResponse, raterId: string) => response.body.items.find((x: { rater: { id: string } }) => x.rater.id === raterId),
    requestCount: async (cycleId: string): Promise<number> =>
      (await t.db.query(`SELECT count(*)::int AS n FROM feedback_requests WHERE cycle_id = $1`, [cycleId]))[0].n,
  };
}

export type RequestsWorld = Awaited<ReturnType<typeof aRequestsWorld>>;
