import { Client } from 'pg';
import { JOB_NAMES, JOBS_SCHEMA, JobsService } from '@lib/jobs';
import { aTeam, TEST_PASSWORD } from '../support/factories';
import type { HttpClient, TestResponse } from '../support/http-client';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';

const UNAVAILABLE = { statusCode: 503, error: 'Service Unavailable', message: 'Ripple cannot reach its database right now. Try again in a moment.' };

/** Polls until `check` holds (the app reconnects on its own; nothing here restarts it). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * PostgreSQL unreachable for the app (a TCP proxy between them is cut, the shared server keeps
 * running): every API route answers 503 with Retry-After and the usual envelope, sessions
 * included, and everything works again once the database is back, without restarting the app.
 */
describe('database outage', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let team: Awaited<ReturnType<typeof aTeam>>;
  let member: HttpClient;
  let hr: HttpClient;
  let anonymous: HttpClient;

  beforeAll(async () => {
    t = await startTestApp(
      // The job queue runs here (unlike other e2e files): it must survive the outage and resume.
      // A short connect timeout, so the stalled database below fails requests quickly.
      { JOBS_ENABLED: 'true', SESSION_CACHE_MS: '2000', DATABASE_CONNECT_TIMEOUT_MS: '1000' },
      {
        connectVia: async (url) => {
          proxy = await startTcpProxy(url);
          return proxy.url;
        },
      },
    );
    team = await aTeam(t.db, 'Org A');
    member = t.client();
    await member.login(team.member.email, TEST_PASSWORD);
    hr = t.client();
    await hr.login(team.admin.email, TEST_PASSWORD);
    anonymous = t.client();
    // The CSRF token is fetched before the outage (it needs no database anyway).
    expect((await anonymous.get('/api/auth/csrf')).status).toBe(200);
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.close();
  });

  const expectUnavailable = (response: TestResponse): void => {
    expect({ status: response.status, retryAfter: response.headers['retry-after'], body: response.body }).toEqual({
      status: 503,
      retryAfter: '5',
      body: { ...UNAVAILABLE, code: 'database_unavailable', requestId: expect.any(String) },
    });
  };

  it('answers 503 with Retry-After while the database is unreachable, then recovers by itself', async () => {
    expect((await member.get('/api/auth/me')).status).toBe(200);
    await proxy.cut();

    // The session check itself reads the database: 503, not 401 or 500.
    expectUnavailable(await member.get('/api/auth/me'));
    expectUnavailable(await member.get('/api/people'));
    expectUnavailable(await member.get('/api/cycles'));
    expectUnavailable(await member.get('/api/feedback-requests?mine=true'));
    expectUnavailable(await hr.post('/api/people', { email: 'new.hire@example.org', name: 'New Hire' }));
    expectUnavailable(await anonymous.post('/api/auth/login', { email: team.member.email, password: TEST_PASSWORD }));
    // What needs no database still answers as usual.
    expect((await anonymous.get('/api/people')).status).toBe(401);
    expect((await anonymous.get('/health/live')).status).toBe(200);
    expect((await anonymous.get('/health/ready')).status).toBe(503);

    await proxy.restore();
    await eventually(async () => (await anonymous.get('/health/ready')).status === 200, 'ready again');
    await eventually(async () => (await member.get('/api/auth/me')).status === 200, 'sessions checked again');
    expect((await member.get('/api/people')).status).toBe(200);
    expect((await hr.post('/api/people', { email: 'new.hire@example.org', name: 'New Hire' })).status).toBe(201);
    expect((await t.client().post('/api/auth/login', { email: team.member.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('answers 503 instead of waiting forever when the database stops answering (no refusal, just silence)', async () => {
    expect((await member.get('/api/people')).status).toBe(200);
    await proxy.stall();
    expectUnavailable(await member.get('/api/auth/me'));
    expectUnavailable(await member.get('/api/people'));
    await proxy.restore();
    await eventually(async () => (await member.get('/api/people')).status === 200, 'answering again');
  });

  it('keeps the job queue alive through the outage: a job sent afterwards runs', async () => {
    const jobs = t.app.get(JobsService);
    expect(jobs.started).toBe(true);
    await proxy.cut();
    // pg-boss polls (and fails) while the database is away; it must neither crash nor give up.
    // Three of its polls (JOBS_POLLING_INTERVAL_MS, short in tests) fail before the database is back.
    await new Promise((resolve) => setTimeout(resolve, 3 * t.config.jobsPollingIntervalMs));
    await proxy.restore();
    await eventually(async () => (await anonymous.get('/health/ready')).status === 200, 'ready again');

    const id = await jobs.send(JOB_NAMES.cycleSweep, {});
    expect(id).toEqual(expect.any(String));
    const direct = new Client({ connectionString: t.database.url });
    await direct.connect();
    try {
      await eventually(
        async () => {
          const { rows } = await direct.query<{ state: string }>(`SELECT state FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2`, [
            JOB_NAMES.cycleSweep,
            id,
          ]);
          return rows[0]?.state === 'completed';
        },
        'the job completed',
        30_000,
      );
    } finally {
      await direct.end();
    }
  });
});
