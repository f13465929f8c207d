import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { MailService } from './mail.service';

export class OutboxMessageDto {
  @ApiProperty() id: string;
  @ApiProperty() recipient: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Links that carry a secret (e.g. `token=`) are redacted' }) text: string;
  @ApiProperty({ type: String, nullable: true }) html: string | null;
  @ApiProperty() createdAt: string;
}

export class OutboxDto {
  @ApiProperty({ description: 'False when SMTP_URL is set: mail then leaves over SMTP' }) enabled: boolean;
  @ApiProperty({ type: [OutboxMessageDto] }) items: OutboxMessageDto[];
}

/**
 * The local outbox: with no SMTP server configured, HR reads here what would have been mailed —
 * with every secret link redacted, and never a mail that concerns the reader as a subject
 * (MailService.outbox).
 */
@ApiTags('mail')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @ApiOperation({ summary: 'The local outbox: mail that would have been sent (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: OutboxDto })
  async list(@CurrentActor() actor: Actor): Promise<OutboxDto> {
    return { enabled: this.mail.usesOutbox, items: this.mail.usesOutbox ? await this.mail.outbox(actor.organizationId, actor.personId) : [] };
  }
}
