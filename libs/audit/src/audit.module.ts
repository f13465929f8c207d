import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditService } from './audit.service';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService, AuditEventsRepository], exports: [AuditService] })
export class AuditModule {}
