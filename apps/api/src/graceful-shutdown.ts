import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { shutdownPlan } from '@lib/common';
import { ShutdownState } from './health/shutdown-state';

const sleep = (ms: number): Promise<'timeout'> => new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());

/**
 * Stops serving HTTP within `drainMs`: readiness turns 503; no new connections; idle keep-alive connections closed at
 * once; every response from now on carries `Connection: close`, so a busy keep-alive connection
 * closes after the request it is serving (Fastify, with return503OnClosing off, still answers
 * it: a client never gets a 5xx for arriving during the drain). Connections still open at the
 * deadline are closed, whatever they are doing. Resolves with whether that was needed.
 */
export async function drainHttp(app: NestFastifyApplication, drainMs: number): Promise<{ forced: boolean }> {
  // First: /health/ready answers 503 from now on, so a load balancer sends nothing new here.
  app.get(ShutdownState).begin();
  const fastify = app.getHttpAdapter().getInstance();
  let forced = false;
  const deadline = setTimeout(() => {
    forced = true;
    fastify.server.closeAllConnections();
  }, drainMs);
  try {
    await fastify.close();
  } finally {
    clearTimeout(deadline);
  }
  return { forced };
}

/**
 * The whole shutdown (SIGTERM/SIGINT), within SHUTDOWN_TIMEOUT_MS: HTTP first (see drainHttp), so
 * no request is still running when the job queue stops and the database pool closes (Nest's own
 * close() would run those hooks before closing the server); then the app. Resolves with the exit
 * code: 0 when everything closed in time, 1 when the budget ran out first. Nothing is half-written
 * either way: a request still running at the end is one transaction, rolled back by PostgreSQL
 * when the process exits and its connection ends.
 */
export async function shutDown(app: NestFastifyApplication, totalMs: number, log: (message: string) => void): Promise<number> {
  const plan = shutdownPlan(totalMs);
  const started = Date.now();
  const { forced } = await drainHttp(app, plan.drainMs);
  if (forced) log(`requests still running after ${plan.drainMs} ms were cut off`);
  const left = Math.max(0, plan.totalMs - (Date.now() - started));
  const closed = await Promise.race([app.close().then(() => 'closed' as const), sleep(left)]);
  if (closed === 'timeout') {
    log(`the job queue and the database pool did not close within ${plan.totalMs} ms; exiting anyway`);
    return 1;
  }
  return 0;
}
