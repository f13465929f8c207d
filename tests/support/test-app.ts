import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@lib/common';
import { createApp } from '../../apps/api/src/bootstrap';
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

/** The real application on its own fresh database (copied from the migrated template). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-42',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_POOL_SIZE: '10',
    PASSWORD_HASHING: 'fast',
    ...env,
  });
  const app = await createApp(config, database.url);
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
