import { buildOpenApiDocument } from '../../apps/api/src/bootstrap';
import { startTestApp, TestApp } from '../support/test-app';

// The only routes anyone may call without a session. Adding a public route means adding it here.
const PUBLIC = new Set([
  'GET /health/live',
  'GET /health/ready',
  'GET /api/auth/csrf',
  // Who is signed in, or `me: null`: the same as /api/auth/me for a session, nothing for anyone else.
  'GET /api/auth/session',
  'POST /api/auth/login',
  'GET /api/auth/invitations/{token}',
  'POST /api/auth/accept-invitation',
  // The first-run set-up: nobody can sign in before it; its own one-time code guards it.
  'GET /api/setup',
  'POST /api/setup',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/check',
  'POST /api/auth/password-reset/complete',
  // The confirmation link of one's own email change: the token is the proof (like a reset link).
  'POST /api/auth/email/confirm',
  // Single sign-on: which provider to continue with, starting, and the provider's redirect back (its login cookie is the proof).
  'GET /api/auth/sso/provider',
  'POST /api/auth/sso/start',
  'GET /api/auth/sso/callback',
  'POST /api/auth/sso/link',
  'POST /api/auth/sso/link/cancel',
  // An external rater's questionnaire (people outside the organisation, no account): the mailed
  // link is the proof, exchanged once for a credential that opens this questionnaire alone
  // (tests/e2e/external-raters.e2e-spec.ts walks every other route with it).
  'POST /api/external/open',
  'GET /api/external/questionnaire',
  'PUT /api/external/questionnaire/draft',
  'POST /api/external/questionnaire/submit',
]);

describe('deny by default', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('every route outside the public list answers 401 to an anonymous caller', async () => {
    const document = buildOpenApiDocument(t.app);
    const routes = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })));
    expect(routes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      if (PUBLIC.has(key)) continue;
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.client().request(method, url, method === 'GET' ? {} : { body: {} });
      if (res.status !== 401) failures.push(`${key} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
    // The list names real routes only: a stale entry would hide a route that later takes its name.
    const documented = new Set(routes.map(({ method, path }) => `${method} ${path}`));
    expect([...PUBLIC].filter((key) => !documented.has(key))).toEqual([]);
  });

  it('the OpenAPI document asks for the session on exactly the routes the guard protects', () => {
    const document = buildOpenApiDocument(t.app);
    expect(document.security).toEqual([{ session: [] }]);
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { security?: Record<string, string[]>[] }>).map(([method, operation]) => {
        const security = operation.security ?? document.security ?? [];
        const needsCsrf = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase());
        return {
          route: `${method.toUpperCase()} ${path}`,
          scim: security.length === 1 && Object.keys(security[0]).join() === 'scim',
          session: security.length > 0 && security.every((requirement) => 'session' in requirement),
          csrf: security.length > 0 && security.every((requirement) => 'csrf' in requirement),
          needsCsrf,
        };
      }),
    );
    // The SCIM routes take a provisioning token alone (they answer 401 without one, above): no session, no CSRF header.
    const isScim = (route: string): boolean => route.split(' ')[1].startsWith('/api/scim/v2/');
    expect(documented.filter(({ route, scim }) => scim !== isScim(route)).map(({ route }) => route)).toEqual([]);
    const others = documented.filter(({ route }) => !isScim(route));
    expect(others.filter(({ route, session }) => session === PUBLIC.has(route)).map(({ route }) => route)).toEqual([]);
    expect(others.filter(({ csrf, needsCsrf }) => csrf !== needsCsrf).map(({ route }) => route)).toEqual([]);
  });
});
