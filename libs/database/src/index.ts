export * from './database.module';
export * from './data-source-options';
export * from './embedded-postgres';
export * from './migrate';
export * from './snake-naming.strategy';
export * from './sql-rows';
export * from './tenant-scope';
export * from './rate-limit';
