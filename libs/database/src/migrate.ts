import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { execute } from './sql-rows';

// Arbitrary constant: several API instances starting at once take turns migrating.
const MIGRATION_LOCK = 7_424_210;

/** Two connections: the advisory lock's and the migrations'. */
const MIGRATION_POOL_SIZE = 2;

/**
 * Applies pending migrations under an advisory lock; returns the names applied. `connectTimeoutMs`
 * (DATABASE_CONNECT_TIMEOUT_MS) bounds the wait for a connection; unset, it waits as long as it takes.
 */
export async function runMigrations(url: string, connectTimeoutMs?: number): Promise<string[]> {
  // node-postgres reads a connection timeout of 0 as none.
  const dataSource = new DataSource(dataSourceOptions(url, { size: MIGRATION_POOL_SIZE, connectTimeoutMs: connectTimeoutMs ?? 0 }));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await execute(runner, 'SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
