import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';

@Global()
@Module({ controllers: [OutboxController], providers: [MailService], exports: [MailService] })
export class NotificationsModule {}
