import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { requestNotFound } from '../feedback.exception';
import { DraftDto, DraftSavedDto, QuestionnaireDto, SubmissionDto, SubmitDto } from './response.dto';
import { ResponseService } from './response.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => requestNotFound() });

/** Only the rater reaches these: anyone else, HR and the subject included, gets 404. */
@ApiTags('feedback requests')
@Controller('feedback-requests')
export class ResponsesController {
  constructor(private readonly responses: ResponseService) {}

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'The questionnaire with the saved draft (rater only)' })
  @ApiOkResponse({ type: QuestionnaireDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<QuestionnaireDto> {
    return this.responses.questionnaire(actor, id);
  }

  @Put(':id/draft')
  @Authenticated()
  @ApiOperation({ summary: 'Replace the draft (autosave); open → in_progress' })
  @ApiOkResponse({ type: DraftSavedDto })
  @ApiUnprocessableEntityResponse({ description: 'A question id not of this questionnaire (errors[] names the field)' })
  @ApiConflictResponse({ description: 'The cycle is closed, or the request is submitted or declined; the draft is kept' })
  saveDraft(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: DraftDto): Promise<DraftSavedDto> {
    return this.responses.saveDraft(actor, id, dto);
  }

  @Post(':id/submit')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit, once: with answers/comments in the body those are submitted, with an empty body the saved draft is. A repeat returns the first result.',
  })
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'Up to 100 visible ASCII characters; a retry with the same key and body returns the stored result',
  })
  @ApiOkResponse({ type: SubmissionDto })
  @ApiUnprocessableEntityResponse({ description: 'Unanswered statements, unknown question ids, or an Idempotency-Key reused with another body' })
  @ApiConflictResponse({ description: 'The cycle is closed (the draft is kept) or the request was declined' })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: SubmitDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SubmissionDto> {
    return this.responses.submit(actor, id, dto, idempotencyKey);
  }
}
