import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '@lib/common';
import { EmbeddedDatabase, EmbeddedPostgresError, isAlive, runningPostmaster, startEmbeddedPostgres } from '@lib/database';

export interface CliDatabase {
  url: string;
  /** Stops the embedded PostgreSQL this command started; nothing for a server it only used. */
  release(): Promise<void>;
}

export class CliDatabaseError extends Error {}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * DATABASE_URL when set. Otherwise the embedded PostgreSQL under DATA_DIR: when a running Ripple
 * server already owns it, the command connects to that server (two PostgreSQL servers on one data
 * directory would corrupt it, and PostgreSQL itself refuses the second); else the command starts
 * it for itself and stops it when done.
 */
export async function openCliDatabase(config: AppConfig, log: (message: string) => void): Promise<CliDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, release: () => Promise.resolve() };
  const dataDir = resolve(config.dataDir, 'pg');
  const pidFile = join(dataDir, 'postmaster.pid');
  const running = existsSync(pidFile) ? runningPostmaster(readFileSync(pidFile, 'utf8')) : null;
  if (running && isAlive(running.pid)) {
    const url = `postgres://postgres:postgres@127.0.0.1:${running.port}/ripple`;
    if (!(await answers(url))) {
      throw new CliDatabaseError(
        `The embedded PostgreSQL in ${dataDir} is in use (pid ${running.pid}) but does not answer on port ${running.port}. ` +
          'Wait for the Ripple server to finish starting, or stop it, and try again.',
      );
    }
    log(`Using the embedded PostgreSQL of the running Ripple server (${dataDir}, port ${running.port})`);
    return { url, release: () => Promise.resolve() };
  }
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${dataDir}, port ${config.embeddedPgPort})`);
  let embedded: EmbeddedDatabase;
  try {
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: config.embeddedPgPort,
      portVariable: config.embeddedPgPortFixed ? 'EMBEDDED_PG_PORT' : undefined,
      database: 'ripple',
      log,
    });
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw new CliDatabaseError(error.message);
    throw new CliDatabaseError(`Could not start the embedded PostgreSQL in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { url: embedded.url, release: () => embedded.stop() };
}
