import { SETUP_FAILURES_PER_NETWORK, SetupService } from '@lib/organizations';
import { anOrganization } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const form = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  organizationName: 'Ateliers Bérénice',
  name: 'Bérénice Admin',
  email: 'Berenice@Ateliers.example',
  password: 'first-admin-password',
  ...overrides,
});

/** The first run of an empty instance: the one-time code from the console, then never again. */
describe('first-run set-up', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('is pending on an empty instance, refuses bad input and wrong codes, then creates the organisation and signs its HR admin in', async () => {
    const setup = t.app.get(SetupService);
    const visitor = t.client();
    expect((await visitor.get('/api/setup')).body).toEqual({ pending: true });

    // Before the server printed any code, nothing matches.
    expect((await visitor.post('/api/setup', form('AAAA-BBBB-CCCC'))).status).toBe(403);

    const stale = (await setup.issueCode())!;
    const code = (await setup.issueCode())!; // a restart prints a new code; the old one dies
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){2}$/);
    expect(code).not.toBe(stale);

    const unknown = await visitor.post('/api/setup', { ...form(code), role: 'admin' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(unknown.body.message).toContain('role');
    const short = await visitor.post('/api/setup', form(code, { password: 'short', email: 'not-an-email', organizationName: '' }));
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'organizationName', 'password']);
    expect((await visitor.post('/api/setup', form(code, { organizationName: 'x'.repeat(201) }))).status).toBe(400);

    const wrong = await visitor.post('/api/setup', form(stale));
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'setup_code_invalid' });
    expect(await t.db.query(`SELECT 1 FROM organizations`)).toHaveLength(0);

    // Typed in lower case with spaces: still the code.
    const done = await visitor.post('/api/setup', form(code.toLowerCase().replace(/-/g, ' ')));
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({
      name: 'Bérénice Admin',
      email: 'berenice@ateliers.example',
      role: 'admin',
      organizationName: 'Ateliers Bérénice',
      organizationTimeZone: 'UTC',
    });

    // Signed in, as HR of the new organisation, with its default framework in place.
    const me = await visitor.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('admin');
    const frameworks = await visitor.get('/api/frameworks');
    expect(frameworks.body.items).toHaveLength(1);
    const settings = await visitor.get('/api/organization');
    expect(settings.body).toMatchObject({ name: 'Ateliers Bérénice', anonymityThreshold: 3, defaultFrameworkId: frameworks.body.items[0].id, timeZone: 'UTC' });
    // The password given works for signing in again.
    await t.client().login('berenice@ateliers.example', 'first-admin-password');

    // Done, for everyone, with any code: the status says so (a 200, so that no page logs an error), setting up again is gone.
    expect(await t.client().get('/api/setup')).toMatchObject({ status: 200, body: { pending: false } });
    const again = await t.client().post('/api/setup', form(code, { organizationName: 'Second', email: 'second@x.example' }));
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ statusCode: 410, error: 'Gone', code: 'setup_complete' });
    expect(await setup.issueCode()).toBeNull();
    expect(await t.db.query(`SELECT name FROM organizations`)).toEqual([{ name: 'Ateliers Bérénice' }]);
  });
});

describe('first-run set-up under pressure', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('lets exactly one of several simultaneous attempts win', async () => {
    const code = (await t.app.get(SetupService).issueCode())!;
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.client().post('/api/setup', form(code, { organizationName: `Org ${i}`, email: `admin${i}@x.example` }))),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 410, 410, 410, 410, 410]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM organizations`)).toEqual([{ n: 1 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM people`)).toEqual([{ n: 1 }]);
  });

  it('stops an address after repeated wrong codes, even before the right one', async () => {
    const code = (await t.app.get(SetupService).issueCode())!;
    const visitor = t.client();
    for (let i = 0; i < SETUP_FAILURES_PER_NETWORK.limit; i++) expect((await visitor.post('/api/setup', form('ZZZZ-ZZZZ-ZZZZ'))).status).toBe(403);
    const blocked = await visitor.post('/api/setup', form(code));
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'too_many_setup_attempts', message: expect.stringMatching(/Try again in 15 minutes\./) });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(890);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(await t.db.query(`SELECT 1 FROM organizations`)).toHaveLength(0);
    expect(await t.db.query(`SELECT hits FROM rate_limit_counters WHERE scope = 'setup.ip' AND key = '127.0.0.1'`)).toEqual([{ hits: 10 }]);
    // The window ends: the right code works again.
    await t.db.query(`UPDATE rate_limit_counters SET window_ends_at = now() - interval '1 second' WHERE scope = 'setup.ip'`);
    expect((await visitor.post('/api/setup', form(code))).status).toBe(201);
  });

  it('deletes ended set-up windows as new wrong codes come in', async () => {
    await t.app.get(SetupService).issueCode();
    await t.db.query(`INSERT INTO rate_limit_counters (scope, key, hits, window_ends_at) VALUES ('setup.ip', '198.51.100.7', 3, now() - interval '1 minute')`);
    expect((await t.client().post('/api/setup', form('ZZZZ-ZZZZ-ZZZZ'))).status).toBe(403);
    expect(await t.db.query(`SELECT key, hits FROM rate_limit_counters WHERE scope = 'setup.ip'`)).toEqual([{ key: '127.0.0.1', hits: 1 }]);
  });

  it('is gone on an instance that already has an organisation (the demo, or one made on the command line)', async () => {
    await anOrganization(t.db);
    expect(await t.app.get(SetupService).issueCode()).toBeNull();
    expect(await t.client().get('/api/setup')).toMatchObject({ status: 200, body: { pending: false } });
    expect((await t.client().post('/api/setup', form('AAAA-BBBB-CCCC'))).status).toBe(410);
  });
});
