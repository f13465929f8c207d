import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@lib/audit';
import { AppConfig, AppConfigModule } from '@lib/common';
import { DatabaseModule } from '@lib/database';
import { FrameworksModule } from '@lib/frameworks';
import { IdentityModule } from '@lib/identity';
import { JobsModule } from '@lib/jobs';
import { NotificationsModule } from '@lib/notifications';
import { OrganizationsModule } from '@lib/organizations';

/**
 * What the operator's commands need: the same libraries as the server, without HTTP. The job
 * queue is there for the libraries that inject it, but never started (cli.ts turns jobs off).
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl, { size: config.databasePoolSize, connectTimeoutMs: config.databaseConnectTimeoutMs }),
        AuditModule,
        NotificationsModule,
        JobsModule,
        IdentityModule,
        FrameworksModule,
        OrganizationsModule,
      ],
    };
  }
}
