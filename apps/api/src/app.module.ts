import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '@lib/audit';
import { AppConfig, AppConfigModule } from '@lib/common';
import { DatabaseModule } from '@lib/database';
import { IdentityModule } from '@lib/identity';
import { NotificationsModule } from '@lib/notifications';
import { DemoModule } from '@lib/demo';
import { FrameworksModule } from '@lib/frameworks';
import { CyclesModule } from '@lib/cycles';
import { FeedbackModule } from '@lib/feedback';
import { JobsModule } from '@lib/jobs';
import { OrganizationsModule } from '@lib/organizations';
import { ReportsModule } from '@lib/reports';
import { HealthController } from './health/health.controller';
import { ShutdownState } from './health/shutdown-state';
import { loggingModule, LogStream } from './logging';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, logStream?: LogStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggingModule(config, logStream),
        DatabaseModule.forRoot(databaseUrl, { size: config.databasePoolSize, connectTimeoutMs: config.databaseConnectTimeoutMs }),
        AuditModule,
        NotificationsModule,
        IdentityModule,
        OrganizationsModule,
        DemoModule,
        JobsModule,
        FrameworksModule,
        CyclesModule,
        FeedbackModule,
        ReportsModule,
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController],
      providers: [ShutdownState],
    };
  }
}
