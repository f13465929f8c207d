import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabasePool, dataSourceOptions } from './data-source-options';
import { execute } from './sql-rows';
import { applyTenantScope, runUnscoped } from './tenant-scope';

@Module({})
export class DatabaseModule {
  /** Migrations have already run at boot (see apps/api bootstrap); the app never synchronises. */
  static forRoot(url: string, pool: DatabasePool): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(url, pool), autoLoadEntities: true, migrationsRun: false }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            applyTenantScope(dataSource);
            // Fails the start, rather than every request, when the connecting user cannot become the tenant role.
            await runUnscoped(() => execute(dataSource, `SELECT 1 FROM organizations LIMIT 0`));
            return dataSource;
          },
        }),
      ],
    };
  }
}
