import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { subjectNotFound } from '../feedback.exception';
import { NominationService } from './nomination.service';
import { CandidatesQueryDto, CreateRequestsDto, RaterCandidateListDto, SubjectRequestsDto } from './request.dto';

// A malformed id names nothing: 404, like an id of another organisation.
const uuid = new ParseUUIDPipe({ exceptionFactory: () => subjectNotFound() });

@ApiTags('feedback requests')
@Controller('cycles')
export class SubjectRequestsController {
  constructor(private readonly nominations: NominationService) {}

  @Get(':cycleId/subjects/:subjectId/requests')
  @Authenticated()
  @ApiOperation({ summary: "A subject's raters: for the subject, their manager and HR (only HR sees who has answered)" })
  @ApiOkResponse({ type: SubjectRequestsDto })
  list(@CurrentActor() actor: Actor, @Param('cycleId', uuid) cycleId: string, @Param('subjectId', uuid) subjectId: string): Promise<SubjectRequestsDto> {
    return this.nominations.listForSubject(actor, cycleId, subjectId);
  }

  @Post(':cycleId/subjects/:subjectId/requests')
  @Authenticated()
  @ApiOperation({ summary: 'Ask peers for feedback on a subject (the subject, their manager or HR); all are asked or none' })
  @ApiCreatedResponse({ type: SubjectRequestsDto, description: "The subject's raters after the change" })
  @ApiConflictResponse({ description: 'Refused: errors[] names each refused rater (field raterIds.<i>, code, raterId)' })
  @ApiUnprocessableEntityResponse({ description: 'The subject asked themself (cannot_request_self)' })
  @ApiForbiddenResponse({ description: "relationship 'other' from someone other than HR" })
  create(
    @CurrentActor() actor: Actor,
    @Param('cycleId', uuid) cycleId: string,
    @Param('subjectId', uuid) subjectId: string,
    @Body() dto: CreateRequestsDto,
  ): Promise<SubjectRequestsDto> {
    return this.nominations.create(actor, cycleId, subjectId, dto);
  }

  @Get(':cycleId/rater-candidates')
  @Authenticated()
  @ApiOperation({ summary: 'People a subject could ask, with their open requests in this cycle' })
  @ApiOkResponse({ type: RaterCandidateListDto })
  candidates(@CurrentActor() actor: Actor, @Param('cycleId', uuid) cycleId: string, @Query() query: CandidatesQueryDto): Promise<RaterCandidateListDto> {
    return this.nominations.candidates(actor, cycleId, query);
  }
}
