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

/** A fresh database copied from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
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
    drop: () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
