import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor, NoQueryPipe } from '@lib/common';
import { cycleIdPipe } from '../cycles.controller';
import { SelfRequestActivityDto, SelfRequestDto, SelfRequestListDto, SelfRequestOptionsDto, StartSelfRequestDto } from './self-request.dto';
import { SelfRequestsService } from './self-requests.service';

/** Feedback anyone asks for on themselves (a self-started 360). Thin: SelfRequestsService decides. */
@ApiTags('self-requests')
@Controller('self-requests')
export class SelfRequestsController {
  constructor(private readonly requests: SelfRequestsService) {}

  @Get('options')
  @ApiOperation({ summary: 'Whether you may ask for feedback on yourself, the limits, and the behaviours to choose from' })
  @Authenticated()
  @ApiOkResponse({ type: SelfRequestOptionsDto })
  options(@CurrentActor() actor: Actor, @Query(new NoQueryPipe()) _query: Record<string, never>): Promise<SelfRequestOptionsDto> {
    return this.requests.options(actor);
  }

  @Get('activity')
  @ApiOperation({ summary: 'That self-started requests happened: who started one and when (HR) — never their content' })
  @Authenticated('admin')
  @ApiOkResponse({ type: SelfRequestActivityDto })
  activity(@CurrentActor() actor: Actor, @Query(new NoQueryPipe()) _query: Record<string, never>): Promise<SelfRequestActivityDto> {
    return this.requests.activity(actor);
  }

  @Get()
  @ApiOperation({ summary: 'Your own requests for feedback' })
  @Authenticated()
  @ApiOkResponse({ type: SelfRequestListDto })
  list(@CurrentActor() actor: Actor, @Query(new NoQueryPipe()) _query: Record<string, never>): Promise<SelfRequestListDto> {
    return this.requests.list(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Ask colleagues for feedback on yourself: chosen behaviours, colleagues and a closing date' })
  @Authenticated()
  @ApiCreatedResponse({ type: SelfRequestDto })
  @ApiForbiddenResponse({ description: 'Your organisation has turned self-started feedback off' })
  start(@CurrentActor() actor: Actor, @Body() dto: StartSelfRequestDto): Promise<SelfRequestDto> {
    return this.requests.start(actor, dto);
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Close your request (early, or once enough colleagues answered): the report follows' })
  @Authenticated()
  @HttpCode(200)
  @ApiOkResponse({ type: SelfRequestDto, description: '409 when already closed' })
  @ApiNotFoundResponse({ description: 'Not a request of yours' })
  close(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string): Promise<SelfRequestDto> {
    return this.requests.close(actor, id);
  }
}
