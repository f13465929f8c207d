import { Module } from '@nestjs/common';
import { IdentityModule } from '@lib/identity';
import { FrameworksController } from './frameworks.controller';
import { FrameworksRepository } from './frameworks.repository';
import { FrameworksService } from './frameworks.service';

@Module({ imports: [IdentityModule], controllers: [FrameworksController], providers: [FrameworksRepository, FrameworksService], exports: [FrameworksService] })
export class FrameworksModule {}
