import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One place for the connection settings, shared by the app, the migrator and the CLI data source. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
      application_name: 'ripple',
      // A database that stops answering (a network partition, a failover) must not hold requests
      // forever: a connection not made, or a pooled one not free, within this time fails the
      // request with a 503 (see isDatabaseUnavailable) instead.
      connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 10_000),
    },
    ...overrides,
  } as DataSourceOptions;
}
