import { Module } from '@nestjs/common';
import { FrameworksModule } from '@lib/frameworks';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [FrameworksModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
