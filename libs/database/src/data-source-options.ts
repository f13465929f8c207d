import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The connection pool, from the validated configuration (DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_MS). */
export interface DatabasePool {
  size: number;
  connectTimeoutMs: number;
}

/**
 * One place for the connection settings, shared by the app, the migrator and the CLI data source.
 * Without `pool` (the TypeORM command line), node-postgres's own defaults apply.
 */
export function dataSourceOptions(url: string, pool?: DatabasePool, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: {
      application_name: 'ripple',
      ...(pool
        ? {
            max: pool.size,
            // A database that stops answering (a network partition, a failover) must not hold requests
            // forever: a connection not made, or a pooled one not free, within this time fails the
            // request with a 503 (see isDatabaseUnavailable) instead.
            connectionTimeoutMillis: pool.connectTimeoutMs,
          }
        : {}),
    },
    ...overrides,
  } as DataSourceOptions;
}
