import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabasePool, dataSourceOptions } from './data-source-options';

@Module({})
export class DatabaseModule {
  /** Migrations have already run at boot (see apps/api bootstrap); the app never synchronises. */
  static forRoot(url: string, pool: DatabasePool): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(url, pool), autoLoadEntities: true, migrationsRun: false })],
    };
  }
}
