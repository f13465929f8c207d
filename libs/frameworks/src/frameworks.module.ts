import { Module } from '@nestjs/common';
import { FrameworksController } from './frameworks.controller';
import { FrameworksRepository } from './frameworks.repository';
import { FrameworksService } from './frameworks.service';

@Module({ controllers: [FrameworksController], providers: [FrameworksRepository, FrameworksService], exports: [FrameworksService] })
export class FrameworksModule {}
