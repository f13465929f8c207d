// For the TypeORM CLI only (`npx typeorm -d dist/migrations/data-source.js migration:show`).
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lib/database';

export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ripple'));
