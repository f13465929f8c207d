import { mkdirSync } from 'node:fs';
// Global setup runs outside jest's module mapper: import by path.
import { runMigrations, startEmbeddedPostgres } from '../../libs/database/src';
import type { Config } from '@jest/types';
import { unpackChromium } from './chromium';
import { adminQuery, withDatabase } from './test-database';

declare global {
  var __rippleEmbedded: { stop(): Promise<void> } | undefined;
}

/**
 * Once per run: find the PostgreSQL server (DATABASE_URL's, else an embedded one under
 * .data/pg-test), build a migrated template database, and tell the workers where it is. For the
 * browser tests, also unpack Chromium once, before any worker could race another to it.
 */
export default async function globalSetup(_globalConfig: Config.GlobalConfig, project: Config.ProjectConfig): Promise<void> {
  if (project.displayName?.name === 'browser' && !process.env.CHROMIUM_PATH && !process.env.RIPPLE_TEST_CHROMIUM) {
    process.env.RIPPLE_TEST_CHROMIUM = await unpackChromium();
  }
  if (process.env.RIPPLE_TEST_TEMPLATE) return; // e2e and browser projects share one setup
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    mkdirSync('.data', { recursive: true });
    const embedded = await startEmbeddedPostgres({
      dataDir: '.data/pg-test',
      port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54339),
      portVariable: process.env.EMBEDDED_PG_TEST_PORT ? 'EMBEDDED_PG_TEST_PORT' : undefined,
      database: 'postgres',
      durable: false,
    });
    globalThis.__rippleEmbedded = embedded;
    serverUrl = embedded.url;
  }
  // One template per run (by pid) so that parallel runs on one server do not collide.
  const template = `ripple_test_${process.pid}`;
  await adminQuery(
    serverUrl,
    `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`,
    `CREATE DATABASE "${template}"`,
    `ALTER DATABASE "${template}" SET synchronous_commit = off`,
  );
  await runMigrations(withDatabase(serverUrl, template));
  process.env.RIPPLE_TEST_SERVER_URL = serverUrl;
  process.env.RIPPLE_TEST_TEMPLATE = template;
}
