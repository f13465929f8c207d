import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { FeedbackErrorCode, FeedbackException, subjectNotFound } from '../feedback.exception';
import { ExternalRaterDto, ExternalRaterListDto, InviteExternalRaterDto, PendingExternalRaterListDto } from './external-rater.dto';
import { ExternalRatersService } from './external-raters.service';

const subjectUuid = new ParseUUIDPipe({ exceptionFactory: () => subjectNotFound() });
const raterUuid = new ParseUUIDPipe({ exceptionFactory: () => new FeedbackException(FeedbackErrorCode.ExternalRaterNotFound, 'External rater not found') });

/** Raters from outside the organisation, as the subject, their manager and HR manage them. */
@ApiTags('external raters')
@Controller()
export class ExternalRatersController {
  constructor(private readonly external: ExternalRatersService) {}

  @Get('cycles/:cycleId/subjects/:subjectId/external-raters')
  @Authenticated()
  @ApiOperation({ summary: "A subject's external raters: for the subject, their manager and HR (whether one has answered is never shown)" })
  @ApiOkResponse({ type: ExternalRaterListDto })
  list(
    @CurrentActor() actor: Actor,
    @Param('cycleId', subjectUuid) cycleId: string,
    @Param('subjectId', subjectUuid) subjectId: string,
  ): Promise<ExternalRaterListDto> {
    return this.external.list(actor, cycleId, subjectId);
  }

  @Post('cycles/:cycleId/subjects/:subjectId/external-raters')
  @Authenticated()
  @ApiOperation({
    summary:
      'Invite someone outside the organisation by name and email (the subject, when the cycle allows it, or HR); mails a single-use link unless the manager must approve first',
  })
  @ApiCreatedResponse({ type: ExternalRaterDto })
  @ApiConflictResponse({ description: 'The address is already invited for this subject, the cap is reached, or the cycle is not collecting' })
  @ApiUnprocessableEntityResponse({ description: 'A missing name or an invalid email' })
  invite(
    @CurrentActor() actor: Actor,
    @Param('cycleId', subjectUuid) cycleId: string,
    @Param('subjectId', subjectUuid) subjectId: string,
    @Body() dto: InviteExternalRaterDto,
  ): Promise<ExternalRaterDto> {
    return this.external.invite(actor, cycleId, subjectId, dto);
  }

  @Get('external-raters/awaiting-approval')
  @Authenticated()
  @ApiOperation({ summary: "Subjects' external rater proposals waiting for my decision: as their manager, or as HR when they have no manager" })
  @ApiOkResponse({ type: PendingExternalRaterListDto })
  awaitingApproval(@CurrentActor() actor: Actor): Promise<PendingExternalRaterListDto> {
    return this.external.awaitingMe(actor);
  }

  @Post('external-raters/:id/resend')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mail a new link (HR, or the subject to an address they proposed); the old link and any browser it opened stop working' })
  @ApiOkResponse({ type: ExternalRaterDto })
  resend(@CurrentActor() actor: Actor, @Param('id', raterUuid) id: string): Promise<ExternalRaterDto> {
    return this.external.resend(actor, id);
  }

  @Post('external-raters/:id/revoke')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke an external rater before the cycle closes (HR, or the subject for an address they proposed); any answer is dropped with the invitation',
  })
  @ApiOkResponse({ type: ExternalRaterDto })
  revoke(@CurrentActor() actor: Actor, @Param('id', raterUuid) id: string): Promise<ExternalRaterDto> {
    return this.external.revoke(actor, id);
  }

  @Post('external-raters/:id/approve')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: "Approve a subject's external rater (their manager or HR); the link is mailed" })
  @ApiOkResponse({ type: ExternalRaterDto })
  approve(@CurrentActor() actor: Actor, @Param('id', raterUuid) id: string): Promise<ExternalRaterDto> {
    return this.external.decide(actor, id, 'approve');
  }

  @Post('external-raters/:id/reject')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: "Reject a subject's external rater (their manager or HR)" })
  @ApiOkResponse({ type: ExternalRaterDto })
  reject(@CurrentActor() actor: Actor, @Param('id', raterUuid) id: string): Promise<ExternalRaterDto> {
    return this.external.decide(actor, id, 'reject');
  }
}
