import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where the test databases live: set by the global setup (DATABASE_URL's server, or the embedded one). */
export function testServerUrl(): string {
  const url = process.env.RIPPLE_TEST_SERVER_URL;
  if (!url) throw new Error('RIPPLE_TEST_SERVER_URL is not set: run the tests through jest (global setup)');
  return url;
}

export const templateName = (): string => process.env.RIPPLE_TEST_TEMPLATE ?? 'ripple_test_template';

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs each statement in turn on one connection (CREATE DATABASE cannot share a transaction). */
export async function adminQuery(serverUrl: string, ...sql: string[]): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Copies the migrated template into a new database of its own. */
async function copyTemplate(): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `${templateName()}_${randomBytes(5).toString('hex')}`;
  await adminQuery(
    server,
    `CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`,
    // A test database need not survive a crash: commits return without waiting for the disk. A
    // setting of this database alone (the server's own configuration is left as it is).
    `ALTER DATABASE "${name}" SET synchronous_commit = off`,
  );
  return {
    name,
    url: withDatabase(server, name),
    // PostgreSQL drops it while the worker goes on with its next file (dropping takes 0.3-5 s of
    // the server's time on a busy machine, and nothing waits for it); the global teardown drops
    // whatever a worker left behind.
    drop: () => {
      void adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      return Promise.resolve();
    },
  };
}

/**
 * The copy of the template prepared for the Jest worker's next database (shared scope only:
 * tests/support/shared-environment.ts). Copying the template takes PostgreSQL about a second of
 * wall time, spent while the current file runs instead of before the next one starts. Each file
 * still gets a database of its own, untouched since it was copied; a worker's last spare is
 * dropped by the global teardown.
 */
const SPARE = Symbol.for('ripple.test.spareDatabase');
const WORKER_SCOPE = Symbol.for('ripple.test.workerScope');
type Holder = Record<symbol, Promise<TestDatabase | undefined> | boolean | undefined>;

/** A fresh database copied from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const holder = globalThis as unknown as Holder;
  if (holder[WORKER_SCOPE] !== true) return copyTemplate();
  const spare = holder[SPARE] as Promise<TestDatabase | undefined> | undefined;
  holder[SPARE] = copyTemplate().catch(() => undefined);
  return (await spare) ?? copyTemplate();
}
