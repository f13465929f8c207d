import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { CycleProgressDto, ReminderPreviewDto, RemindersQueuedDto } from './cycle-progress.dto';
import { CycleProgressService } from './cycle-progress.service';
import { cycleIdPipe } from './cycles.controller';

/**
 * HR only: counts by subject and relationship, and the list of who has not answered, would let
 * anyone else work out which colleague has (or has not) given feedback.
 */
@ApiTags('cycles')
@Controller('cycles/:id')
export class CycleProgressController {
  constructor(private readonly progressService: CycleProgressService) {}

  @Get('progress')
  @ApiOperation({ summary: "A cycle's answer counts and who has not answered (HR)" })
  @Authenticated('admin')
  @ApiOkResponse({ type: CycleProgressDto })
  progress(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string): Promise<CycleProgressDto> {
    return this.progressService.progress(actor, id);
  }

  @Get('reminders')
  @ApiOperation({ summary: 'Who "send reminder now" would mail, before sending (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: ReminderPreviewDto })
  reminderPreview(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string): Promise<ReminderPreviewDto> {
    return this.progressService.reminderPreview(actor, id);
  }

  @Post('reminders')
  @ApiOperation({ summary: 'Send reminders now to raters with open requests (HR)' })
  @Authenticated('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RemindersQueuedDto, description: 'Queued: one reminder per rater with open requests' })
  @ApiTooManyRequestsResponse({ description: 'Reminders were sent for this cycle a few minutes ago' })
  reminders(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string): Promise<RemindersQueuedDto> {
    return this.progressService.sendReminders(actor, id);
  }
}
