/**
 * The API contract the web app is typed against.
 *
 * `apps/web/src/api/openapi.json` is the OpenAPI document of the running API, committed; the web
 * client's types (`apps/web/src/api/schema.d.ts`) are generated from it by
 * `scripts/generate-api-types.mjs` (`npm run api:types`). This test fails when either drifts.
 *
 * After adding or changing a route or DTO, refresh both and commit them:
 *
 *   UPDATE_API_CONTRACT=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx jest tests/e2e/openapi-contract --selectProjects e2e && npm run api:types
 *
 * (Put the test path before --selectProjects: that option takes every word after it.)
 * Then `npx tsc -p apps/web/tsconfig.json --noEmit` shows which web code the change breaks.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../../apps/api/src/bootstrap';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const CONTRACT = join(ROOT, 'apps/web/src/api/openapi.json');
const SCHEMA = join(ROOT, 'apps/web/src/api/schema.d.ts');
const LIMITS = join(ROOT, 'apps/web/src/api/limits.ts');
const HOW_TO_UPDATE =
  'Refresh the contract: UPDATE_API_CONTRACT=1 DATABASE_URL=… npx jest tests/e2e/openapi-contract --selectProjects e2e && npm run api:types';

type Operations = Record<string, unknown>;

/** "METHOD /path" → operation object, to name what changed instead of dumping two documents. */
function operations(document: { paths?: Record<string, Record<string, unknown>> }): Operations {
  return Object.fromEntries(
    Object.entries(document.paths ?? {}).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op])),
  );
}

function differences(committed: Record<string, unknown>, current: Record<string, unknown>): string[] {
  const out: string[] = [];
  const compare = (label: string, a: Record<string, unknown>, b: Record<string, unknown>): void => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in a)) out.push(`added ${label} ${key}`);
      else if (!(key in b)) out.push(`removed ${label} ${key}`);
      else if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(`changed ${label} ${key}`);
    }
  };
  compare('route', operations(committed), operations(current));
  const schemas = (d: Record<string, unknown>): Record<string, unknown> => (d.components as { schemas?: Record<string, unknown> })?.schemas ?? {};
  compare('schema', schemas(committed), schemas(current));
  if (!out.length && JSON.stringify(committed) !== JSON.stringify(current)) out.push('changed document metadata (info, tags or security)');
  return out;
}

describe('OpenAPI contract of the web client', () => {
  let t: TestApp;
  let current: Record<string, unknown>;
  beforeAll(async () => {
    t = await startTestApp();
    // A JSON round trip drops undefined values, exactly as the committed file does.
    current = JSON.parse(JSON.stringify(buildOpenApiDocument(t.app)));
    if (process.env.UPDATE_API_CONTRACT === '1') writeFileSync(CONTRACT, `${JSON.stringify(current, null, 2)}\n`);
  });
  afterAll(() => t.close());

  it('apps/web/src/api/openapi.json is the document the API serves', () => {
    const committed = JSON.parse(readFileSync(CONTRACT, 'utf8')) as Record<string, unknown>;
    const changes = differences(committed, current);
    if (changes.length) throw new Error(`The API changed since openapi.json was committed:\n  ${changes.join('\n  ')}\n${HOW_TO_UPDATE}`);
    expect(committed).toEqual(current);
  });

  it.each([
    ['schema.d.ts', SCHEMA],
    ['limits.ts', LIMITS],
  ])('apps/web/src/api/%s was generated from that openapi.json', (name, file) => {
    if (process.env.UPDATE_API_CONTRACT === '1') return; // npm run api:types comes next
    const hash = createHash('sha256').update(readFileSync(CONTRACT)).digest('hex');
    const header = readFileSync(file, 'utf8').match(/openapi\.json sha256: ([0-9a-f]{64})/)?.[1];
    if (header !== hash) throw new Error(`${name} is stale: run npm run api:types (it was generated from sha256 ${header ?? 'unknown'})`);
    expect(header).toBe(hash);
  });
});
