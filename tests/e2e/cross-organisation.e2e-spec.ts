import { buildOpenApiDocument } from '../../apps/api/src/bootstrap';
import { aPerson, aTeam, TEST_PASSWORD } from '../support/factories';
import { aCycle, aRequest, aSubject } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, snapshotReports, theDefaultFramework, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Tenancy, checked from the outside: organisation B's HR admin and member call EVERY route of the
 * OpenAPI document with organisation A's real ids. A foreign id must look like a missing one (a
 * 4xx, never 2xx or 5xx), lists must show nothing of A, and A's rows must not change. The routes
 * come from the document, so a route added later is walked without anyone listing it here; only
 * its path parameters must be known below.
 */

type IdKind = 'person' | 'framework' | 'cycle' | 'subject' | 'request' | 'external' | 'scimToken' | 'token';

/**
 * What each path parameter names, keyed by `<segment before it>/{<name>}`. A new parameter fails
 * the walk until it is added here.
 */
const PARAMETER_KINDS: Record<string, IdKind> = {
  'people/{id}': 'person',
  'frameworks/{id}': 'framework',
  'cycles/{id}': 'cycle',
  'cycles/{cycleId}': 'cycle',
  'subjects/{personId}': 'subject',
  'subjects/{subjectId}': 'subject',
  'feedback-requests/{id}': 'request',
  'external-raters/{id}': 'external',
  'scim-tokens/{id}': 'scimToken',
  // A self-started request is a cycle its owner runs; its report's shares name people.
  'self-requests/{id}': 'cycle',
  'shares/{personId}': 'person',
  // SCIM provisioning: a user is a person; the walk's session is no bearer token, so every one is refused.
  'Users/{id}': 'person',
  // SCIM's discovery documents (a resource type, a schema URN) are the same for every organisation.
  'ResourceTypes/{id}': 'token',
  'Schemas/{id}': 'token',
  // An invitation link is a bearer secret that works without any session: whoever holds a real
  // one may use it, so it is not an organisation boundary. The walk sends a well-formed unknown one.
  'invitations/{token}': 'token',
};

/** Query parameters that carry ids (format uuid), by name: a new one fails the walk until added here. */
const QUERY_KINDS: Record<string, Exclude<IdKind, 'token'>> = {
  actorId: 'person',
  cycleId: 'cycle',
  subjectId: 'subject',
};

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  allOf?: Schema[];
  items?: Schema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** The organisation's data in every state a route can touch. */
async function anOrganisationWithEverything(t: TestApp, label: string) {
  const team = await aTeam(t.db, `Tenancy ${label}`);
  const version = await theDefaultFramework(t, team.org.id);
  const rater = (p: { id: string }, relationship: 'self' | 'manager' | 'peer' | 'direct_report') => ({ id: p.id, relationship });

  // Released: answers, snapshots.
  const released = await aReportCycle(t.db, team.org.id, version.id, {
    state: 'closed',
    settings: { anonymityThreshold: 3 },
  });
  await aReportSubject(t.db, released, team.manager.id, { hasReports: true });
  await aReportSubject(t.db, released, team.member.id, {
    managerId: team.manager.id,
  });
  await uniformResponses(t.db, released, version, team.member.id, [rater(team.member, 'self'), rater(team.manager, 'manager')], 4);
  await uniformResponses(t.db, released, version, team.member.id, [rater(team.colleague, 'peer'), rater(team.peer, 'peer'), rater(team.admin, 'peer')], 3);
  await uniformResponses(t.db, released, version, team.manager.id, [rater(team.member, 'direct_report'), rater(team.colleague, 'direct_report')], 5);
  await snapshotReports(t, team.org.id, released.id);
  await t.db.query(`UPDATE cycles SET state = 'released', released_at = now() WHERE id = $1`, [released.id]);

  // Collecting: open, in-progress and proposed requests (approve, decline, draft, submit would succeed).
  const collecting = await aCycle(t.db, team.org.id, version.id, {
    state: 'collecting',
    settings: { externalRatersAllowed: true, managerApprovesExternalRaters: true },
  });
  await aSubject(t.db, collecting, team.member);
  await aSubject(t.db, collecting, team.colleague);
  const openRequest = await aRequest(t.db, collecting, {
    subjectId: team.member.id,
    raterId: team.member.id,
  });
  const peerRequest = await aRequest(t.db, collecting, {
    subjectId: team.member.id,
    raterId: team.peer.id,
  });
  const proposedRequest = await aRequest(t.db, collecting, {
    subjectId: team.colleague.id,
    raterId: team.peer.id,
    state: 'proposed',
  });

  // External raters of the subject: one waiting for approval, one invited (resend, revoke, approve would succeed).
  const externals: { id: string }[] = await t.db.query(
    `INSERT INTO external_raters (organization_id, cycle_id, subject_id, name, email, state, invited_by, language)
     VALUES ($1, $2, $3, 'Outside ${label}', 'outside.${label.toLowerCase()}@partner.example', 'proposed', $4, 'en'),
            ($1, $2, $3, 'Partner ${label}', 'partner.${label.toLowerCase()}@partner.example', 'invited', $4, 'de') RETURNING id`,
    [team.org.id, collecting.id, team.member.id, team.admin.id],
  );

  // Draft: launch, subjects, settings would succeed.
  const draft = await aCycle(t.db, team.org.id, version.id, { state: 'draft' });
  await aSubject(t.db, draft, team.peer);

  // Someone without a login, invited.
  const newcomer = await aPerson(t.db, team.org.id, {
    name: `Newcomer ${label}`,
    withLogin: false,
  });
  const hr = t.client();
  await hr.login(team.admin.email, TEST_PASSWORD);
  const invited = await hr.post(`/api/people/${newcomer.id}/invite`);
  if (invited.status !== 202) throw new Error(`inviting failed: ${invited.status} ${invited.text}`);

  // Feedback the member asked for themselves, released: its report shared with the peer (close, list and withdraw would succeed).
  const owned = await aReportCycle(t.db, team.org.id, version.id, { state: 'closed', settings: { anonymityThreshold: 3 } });
  await t.db.query(`UPDATE cycles SET origin = 'self', owner_id = $2, behaviour_keys = $3 WHERE id = $1`, [
    owned.id,
    team.member.id,
    [version.behaviours[0].key],
  ]);
  await aReportSubject(t.db, owned, team.member.id, { managerId: team.manager.id });
  await uniformResponses(
    t.db,
    owned,
    version,
    team.member.id,
    [rater(team.member, 'self'), rater(team.colleague, 'peer'), rater(team.admin, 'peer'), rater(team.manager, 'peer')],
    4,
  );
  await snapshotReports(t, team.org.id, owned.id);
  await t.db.query(`INSERT INTO report_shares (organization_id, cycle_id, subject_id, person_id) VALUES ($1, $2, $3, $4)`, [
    team.org.id,
    owned.id,
    team.member.id,
    team.peer.id,
  ]);

  // A provisioning token (revoke would succeed).
  const scimToken = await hr.post('/api/scim-tokens', { name: `Okta ${label}` });
  if (scimToken.status !== 201) throw new Error(`creating a SCIM token failed: ${scimToken.status} ${scimToken.text}`);

  const people = [team.admin, team.manager, team.member, team.colleague, team.peer, newcomer];
  const ids: Record<Exclude<IdKind, 'token'>, string[]> = {
    person: people.map((p) => p.id),
    framework: [version.frameworkId],
    cycle: [released.id, collecting.id, draft.id, owned.id],
    // Subjects go with the cycle they belong to: [cycle, subject] pairs by index.
    subject: [team.member.id, team.member.id, team.peer.id, team.member.id],
    request: [openRequest, peerRequest, proposedRequest],
    external: externals.map((e) => e.id),
    scimToken: [scimToken.body.id as string],
  };
  return { team, version, people, ids, collecting, released, draft };
}
type Organisation = Awaited<ReturnType<typeof anOrganisationWithEverything>>;

/** Every row of every table that carries organization_id, for one organisation. */
async function rowsOf(t: TestApp, organizationId: string): Promise<Record<string, string[]>> {
  const tables: { table_name: string }[] = await t.db.query(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name`,
  );
  const rows: Record<string, string[]> = {};
  for (const { table_name: table } of tables) {
    const found: { row: string }[] = await t.db.query(`SELECT to_jsonb(x)::text AS row FROM "${table}" x WHERE x.organization_id = $1`, [organizationId]);
    rows[table] = found.map((r) => r.row).sort();
  }
  const [organization]: { row: string }[] = await t.db.query(`SELECT to_jsonb(o)::text AS row FROM organizations o WHERE o.id = $1`, [organizationId]);
  rows.organizations = [organization.row];
  return rows;
}

function resolve(document: { components?: { schemas?: Record<string, Schema> } }, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(document, document.components?.schemas?.[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return resolve(document, schema.allOf[0]);
  return schema;
}

/**
 * A body that passes validation where the schema allows it, so that the ownership check is what
 * answers: required fields with plausible values, and every uuid field carrying A's ids.
 */
function exampleOf(document: Parameters<typeof resolve>[0], raw: Schema | undefined, a: Organisation, name = ''): unknown {
  const schema = resolve(document, raw);
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        const resolved = resolve(document, property);
        const carriesIds = resolved.format === 'uuid' || resolve(document, resolved.items).format === 'uuid';
        if (schema.required?.includes(key) || carriesIds) body[key] = exampleOf(document, property, a, key);
      }
      return body;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => exampleOf(document, schema.items, a, name));
    case 'string':
      if (schema.format === 'uuid') return /framework/i.test(name) ? a.ids.framework[0] : a.ids.person[2];
      if (/email/i.test(name)) return `walker.${Math.random().toString(36).slice(2, 8)}@example.org`;
      if (schema.format === 'date-time') return new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
      return 'a'.repeat(Math.max(schema.minLength ?? 1, /password/i.test(name) ? 16 : 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 3;
    case 'boolean':
      return true;
    default:
      return {};
  }
}

describe('organisations are sealed from each other', () => {
  let t: TestApp;
  let a: Organisation;
  let b: Organisation;
  let bAdmin: HttpClient;
  let bMember: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    a = await anOrganisationWithEverything(t, 'A');
    b = await anOrganisationWithEverything(t, 'B');
    bAdmin = t.client();
    await bAdmin.login(b.team.admin.email, TEST_PASSWORD);
    bMember = t.client();
    await bMember.login(b.team.member.email, TEST_PASSWORD);
  }, 60_000);
  afterAll(() => t.close());

  it("every route answers 4xx to another organisation's ids, lists show none of them, and nothing of A changes", async () => {
    const document = buildOpenApiDocument(t.app) as unknown as {
      paths: Record<string, Record<string, Operation>>;
      components?: { schemas?: Record<string, Schema> };
    };
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operation,
      })),
    );
    expect(routes.length).toBeGreaterThan(40);

    const unknown = routes.flatMap(({ path }) =>
      [...path.matchAll(/([^/]+)\/(\{[^}]+\})/g)].map(([, segment, parameter]) => `${segment}/${parameter}`).filter((key) => !(key in PARAMETER_KINDS)),
    );
    expect(unknown.map((key) => `unknown path parameter ${key}: add it to PARAMETER_KINDS in cross-organisation.e2e-spec.ts`)).toEqual([]);
    const queryIds = (operation: Operation) => (operation.parameters ?? []).filter((q) => q.in === 'query' && q.schema?.format === 'uuid');
    const unknownQuery = routes.flatMap(({ method, path, operation }) =>
      queryIds(operation)
        .filter((q) => !(q.name in QUERY_KINDS))
        .map((q) => `unknown id query parameter ${q.name} of ${method} ${path}: add it to QUERY_KINDS in cross-organisation.e2e-spec.ts`),
    );
    expect(unknownQuery).toEqual([]);

    // A's secrets and identifiers: none may appear in anything B is shown.
    const secrets = [...new Set([...Object.values(a.ids).flat(), ...a.people.map((p) => p.email), a.team.org.id, a.team.org.name, a.version.id])];
    const before = await rowsOf(t, a.team.org.id);
    const failures: string[] = [];
    let walked = 0;

    for (const { method, path, operation } of routes) {
      const parameters = [...path.matchAll(/([^/]+)\/\{([^}]+)\}/g)];
      // Routes without parameters act on the caller's own organisation: only reads are walked (and must not leak).
      if (!parameters.length && method !== 'GET') continue;
      // Every combination of A's ids of the right kinds, index-aligned so a subject goes with its cycle.
      const kinds = parameters.map(([, segment, name]) => PARAMETER_KINDS[`${segment}/{${name}}`]);
      const variants = parameters.length ? Math.max(...kinds.map((kind) => (kind === 'token' ? 1 : a.ids[kind].length))) : 1;
      const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
      // Query strings: every id parameter set to A's ids, then each value of each enumerated parameter alone.
      const queries = (i: number): string[] => {
        if (method !== 'GET') return [''];
        const ids = queryIds(operation).map((q) => `${q.name}=${a.ids[QUERY_KINDS[q.name]][i % a.ids[QUERY_KINDS[q.name]].length]}`);
        const enums = (operation.parameters ?? []).filter((q) => q.in === 'query' && q.schema?.enum?.length);
        return [
          ids.length ? `?${ids.join('&')}` : '',
          ...enums.flatMap((q) => q.schema!.enum!.map((value) => `?${[`${q.name}=${String(value)}`, ...ids].join('&')}`)),
        ];
      };
      for (let i = 0; i < variants; i++) {
        let url = path;
        parameters.forEach(([, segment, name], p) => {
          const kind = kinds[p];
          const value = kind === 'token' ? 'a'.repeat(43) : a.ids[kind][i % a.ids[kind].length];
          url = url.replace(`${segment}/{${name}}`, `${segment}/${value}`);
        });
        const options = operation.requestBody?.content?.['text/csv']
          ? {
              raw: `email,name,manager_email\n${a.people[2].email},Taken Over,${a.people[0].email}\n`,
              headers: { 'content-type': 'text/csv' },
            }
          : method === 'GET' || method === 'DELETE'
            ? {}
            : {
                body: jsonSchema ? exampleOf(document, jsonSchema, a) : undefined,
              };
        for (const [role, client, query] of [bAdmin, bMember].flatMap((c, n) => queries(i).map((q) => [n ? 'member' : 'admin', c, q] as const))) {
          const res = await client.request(method, `${url}${query}`, options);
          walked++;
          const leaked = secrets.filter((secret) => res.text.includes(secret));
          if (parameters.length && (res.status < 400 || res.status >= 500))
            failures.push(`${role} ${method} ${url}${query} -> ${res.status} ${res.text.slice(0, 200)}`);
          else if (res.status >= 500) failures.push(`${role} ${method} ${url}${query} -> ${res.status}`);
          if (leaked.length) failures.push(`${role} ${method} ${url}${query} -> ${res.status} shows A's ${leaked.join(', ')}`);
        }
      }
    }

    expect(failures).toEqual([]);
    expect(walked).toBeGreaterThan(100);
    expect(await rowsOf(t, a.team.org.id)).toEqual(before);
    // B still works: the walk was refused by ownership, not by a broken session.
    expect((await bAdmin.get(`/api/cycles/${b.collecting.id}`)).status).toBe(200);
    expect((await bMember.get(`/api/reports/cycles/${b.released.id}/subjects/${b.team.member.id}`)).status).toBe(200);
  }, 120_000);
});
