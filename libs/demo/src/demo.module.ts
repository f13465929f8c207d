import { Module } from '@nestjs/common';
import { FrameworksModule } from '@lib/frameworks';
import { OrganizationsModule } from '@lib/organizations';
import { ReportsModule } from '@lib/reports';
import { DemoSeedRepository } from './demo-seed.repository';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [FrameworksModule, OrganizationsModule, ReportsModule], providers: [DemoSeedService, DemoSeedRepository], exports: [DemoSeedService] })
export class DemoModule {}
