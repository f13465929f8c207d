import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@lib/common';
import { runUnscopedQueriesAsSystem } from '@lib/database';
import { createApp, CreateAppOptions } from '../../apps/api/src/bootstrap';
import { HttpClient } from './http-client';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  database: TestDatabase;
  config: AppConfig;
  /** A new client with its own cookie jar: one per simulated person. */
  client(): HttpClient;
  close(): Promise<void>;
}

/**
 * The real application on its own fresh database (copied from the migrated template), or on
 * `database` when given (e.g. one a child process prepared); close() drops it either way.
 * `connectVia` gives the URL the app connects with (e.g. through a TCP proxy a test can cut).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: CreateAppOptions & { connectVia?: (url: string) => Promise<string>; database?: TestDatabase; unscopedDenied?: boolean } = {},
): Promise<TestApp> {
  const { connectVia, database: given, unscopedDenied, ...createOptions } = options;
  const database = given ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-42',
    JOBS_ENABLED: 'false',
    // Where a test turns the queue on, its workers look for work every 0.5 s (pg-boss's floor), not
    // every 2 s: the test waits for each job it sends.
    JOBS_POLLING_INTERVAL_MS: '500',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_POOL_SIZE: '10',
    // Cheap hashes only where the config allows them: an app started as production keeps strong ones.
    PASSWORD_HASHING: (env.NODE_ENV ?? 'test') === 'test' ? 'fast' : 'strong',
    ...env,
  });
  // Test code plants and reads rows directly, outside any request or job: there it runs as system.
  // Requests and jobs still run in their own scope (tests/e2e/tenant-row-security.e2e-spec.ts).
  if (!unscopedDenied) runUnscopedQueriesAsSystem();
  const app = await createApp(config, connectVia ? await connectVia(database.url) : database.url, createOptions);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db: app.get(DataSource),
    database,
    config,
    client: () => new HttpClient(app),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
