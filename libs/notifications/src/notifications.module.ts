import { Global, Module } from '@nestjs/common';
import { MailMessagesRepository } from './mail-messages.repository';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';

@Global()
@Module({ controllers: [OutboxController], providers: [MailService, MailMessagesRepository], exports: [MailService] })
export class NotificationsModule {}
