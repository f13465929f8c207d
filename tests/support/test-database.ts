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
  return runAdmin(serverUrl, sql, false);
}

/**
 * adminQuery for work nothing waits on at the end (a spare copy, a drop): its connection does not
 * keep the Jest worker alive when the worker is told to exit (the global teardown drops what is left).
 */
function backgroundAdminQuery(serverUrl: string, ...sql: string[]): Promise<void> {
  return runAdmin(serverUrl, sql, true);
}

async function runAdmin(serverUrl: string, sql: string[], background: boolean): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  if (background) (client as unknown as { connection: { stream: { unref?: () => void } } }).connection.stream.unref?.();
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
async function copyTemplate(background = false): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `${templateName()}_${randomBytes(5).toString('hex')}`;
  await (background ? backgroundAdminQuery : adminQuery)(
    server,
    `CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`,
    // A test database need not survive a crash: commits return without waiting for the disk. A
    // setting of this database alone (the server's own configuration is left as it is).
    `ALTER DATABASE "${name}" SET synchronous_commit = off`,
  );
  return {
    name,
    url: withDatabase(server, name),
    // In a Jest worker's shared scope the drop is left to the worker's next file, which sends it
    // without waiting (dropping takes 0.3-5 s of the server's time on a busy machine); the global
    // teardown drops whatever a worker's last file left. Elsewhere it is dropped at once.
    drop: async () => {
      const holder = globalThis as unknown as Holder;
      if (holder[WORKER_SCOPE] === true) {
        const drops = (holder[DROPS] as string[] | undefined) ?? [];
        holder[DROPS] = [...drops, name];
        return;
      }
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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
const DROPS = Symbol.for('ripple.test.databasesToDrop');
const WORKER_SCOPE = Symbol.for('ripple.test.workerScope');
type Holder = Record<symbol, Promise<TestDatabase | undefined> | string[] | boolean | undefined>;

/** A fresh database copied from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const holder = globalThis as unknown as Holder;
  if (holder[WORKER_SCOPE] !== true) return copyTemplate();
  const spare = holder[SPARE] as Promise<TestDatabase | undefined> | undefined;
  holder[SPARE] = copyTemplate(true).catch(() => undefined);
  const drops = (holder[DROPS] as string[] | undefined)?.splice(0) ?? [];
  const server = testServerUrl();
  for (const name of drops) void backgroundAdminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  return (await spare) ?? copyTemplate();
}
