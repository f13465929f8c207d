import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { requestNotFound } from '../feedback.exception';
import { NominationService } from './nomination.service';
import { RequestDecisionService } from './request-decision.service';
import { CycleRequestsDto, FeedbackRequestListDto, MyApprovalsDto, MyFeedbackTasksDto } from './request-list.dto';
import { RequestListService } from './request-list.service';
import { FeedbackRequestSummaryDto, ListRequestsQueryDto, DecisionReasonDto } from './request.dto';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => requestNotFound() });

@ApiTags('feedback requests')
@ApiExtraModels(MyFeedbackTasksDto, MyApprovalsDto, CycleRequestsDto)
@Controller('feedback-requests')
export class FeedbackRequestsController {
  constructor(
    private readonly lists: RequestListService,
    private readonly nominations: NominationService,
    private readonly decisions: RequestDecisionService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'mine=true: my requests as a rater, by cycle; mine=approvals: proposals awaiting me; cycleId alone: every request (HR)' })
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(MyFeedbackTasksDto) }, { $ref: getSchemaPath(MyApprovalsDto) }, { $ref: getSchemaPath(CycleRequestsDto) }],
      discriminator: {
        propertyName: 'kind',
        mapping: { tasks: getSchemaPath(MyFeedbackTasksDto), approvals: getSchemaPath(MyApprovalsDto), cycle: getSchemaPath(CycleRequestsDto) },
      },
    },
  })
  @ApiForbiddenResponse({ description: 'cycleId without mine, for a member' })
  list(@CurrentActor() actor: Actor, @Query() query: ListRequestsQueryDto): Promise<FeedbackRequestListDto> {
    return this.lists.list(actor, query);
  }

  @Delete(':id')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'HR removes a rater (not once submitted); the subject withdraws a proposal' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'The caller sees the request but may not remove it (manager, rater)' })
  @ApiConflictResponse({ description: 'Submitted (HR), not a proposal (subject), or the cycle is closed' })
  async remove(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<void> {
    await this.nominations.remove(actor, id);
  }

  @Post(':id/approve')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: "The subject's manager or HR approves a peer proposal (proposed → open)" })
  @ApiOkResponse({ type: FeedbackRequestSummaryDto })
  @ApiForbiddenResponse({ description: "Not the subject's manager or HR (or the subject themself)" })
  @ApiConflictResponse({ description: 'Not awaiting approval, or the cycle is closed' })
  approve(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<FeedbackRequestSummaryDto> {
    return this.decisions.approve(actor, id);
  }

  @Post(':id/reject')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: "The subject's manager or HR rejects a peer proposal with a reason (proposed → rejected)" })
  @ApiOkResponse({ type: FeedbackRequestSummaryDto })
  @ApiForbiddenResponse({ description: "Not the subject's manager or HR (or the subject themself)" })
  @ApiConflictResponse({ description: 'Not awaiting approval, or the cycle is closed' })
  reject(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: DecisionReasonDto): Promise<FeedbackRequestSummaryDto> {
    return this.decisions.reject(actor, id, dto.reason);
  }

  @Post(':id/decline')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'The rater declines with a reason (open|in_progress → declined); the subject is told by mail' })
  @ApiOkResponse({ type: FeedbackRequestSummaryDto })
  @ApiForbiddenResponse({ description: 'The caller sees the request but is not the rater' })
  @ApiConflictResponse({ description: 'Not open or in progress, or the cycle is closed' })
  decline(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: DecisionReasonDto): Promise<FeedbackRequestSummaryDto> {
    return this.decisions.decline(actor, id, dto.reason);
  }
}
