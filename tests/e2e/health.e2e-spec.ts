import { drainHttp } from '../../apps/api/src/graceful-shutdown';
import { ShutdownState } from '../../apps/api/src/health/shutdown-state';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Liveness and readiness for Docker, compose and load balancers: public, never cached. Ready
 * asks the database and turns 503 as soon as the instance starts shutting down (the database
 * outage itself is in database-outage.e2e-spec.ts).
 */
describe('health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is live and ready, without a session, naming each readiness check', async () => {
    const anonymous = t.client();
    const live = await anonymous.get('/health/live');
    expect({ status: live.status, body: live.body as unknown }).toEqual({ status: 200, body: { status: 'ok', details: {} } });
    const ready = await anonymous.get('/health/ready');
    expect({ status: ready.status, body: ready.body as unknown }).toEqual({
      status: 200,
      body: { status: 'ok', details: { shutdown: { status: 'up' }, database: { status: 'up', responseTime: expect.any(Number) } } },
    });
    expect(ready.headers['cache-control']).toContain('no-cache');
  });

  it('is not ready once shutting down, while still live', async () => {
    const anonymous = t.client();
    t.app.get(ShutdownState).begin();
    const ready = await anonymous.get('/health/ready');
    expect({ status: ready.status, body: ready.body as unknown }).toEqual({
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', message: 'This instance is shutting down', requestId: expect.any(String) },
    });
    expect((await anonymous.get('/health/live')).status).toBe(200);
  });
});

describe('graceful shutdown and readiness', () => {
  it('marks the instance as shutting down before it stops taking connections', async () => {
    const t = await startTestApp();
    try {
      expect(t.app.get(ShutdownState).shuttingDown).toBe(false);
      await drainHttp(t.app, 1_000);
      expect(t.app.get(ShutdownState).shuttingDown).toBe(true);
    } finally {
      await t.close();
    }
  });
});
