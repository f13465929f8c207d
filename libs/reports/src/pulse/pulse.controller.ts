import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor, NoQueryPipe } from '@lib/common';
import { ReportsException } from '../reports.exception';
import { AskPulseDto, PulsePageDto } from './pulse.dto';
import { PulseService } from './pulse.service';

const reportIdPipe = new ParseUUIDPipe({ exceptionFactory: () => ReportsException.reportNotFound() });
const OWN_PLAN_ONLY = 'Your own released report with a plan only: any other cycle, or one you were not a subject of, is a 404 (plan_not_found without a plan)';

/** Follow-up pulses of a development plan: the subject's own. Thin: PulseService decides. */
@ApiTags('plans')
@Controller('plans/cycles/:cycleId/pulse')
export class PulseController {
  constructor(private readonly pulses: PulseService) {}

  @Get()
  @ApiOperation({ summary: "Your plan's follow-up pulse: its progress and, once ready, then vs now" })
  @Authenticated()
  @ApiOkResponse({ type: PulsePageDto })
  @ApiNotFoundResponse({ description: OWN_PLAN_ONLY })
  page(
    @CurrentActor() actor: Actor,
    @Param('cycleId', reportIdPipe) cycleId: string,
    @Query(new NoQueryPipe()) _query: Record<string, never>,
  ): Promise<PulsePageDto> {
    return this.pulses.page(actor, cycleId);
  }

  @Post()
  @ApiOperation({ summary: "Ask for a pulse on your plan's behaviours, some weeks after the report (default 8)" })
  @Authenticated()
  @ApiOkResponse({ type: PulsePageDto })
  @ApiNotFoundResponse({ description: OWN_PLAN_ONLY })
  @ApiConflictResponse({ description: 'pulse_exists: a plan has one pulse' })
  @ApiUnprocessableEntityResponse({ description: 'invalid_pulse: fewer than k raters could be asked, or an added person cannot be' })
  ask(@CurrentActor() actor: Actor, @Param('cycleId', reportIdPipe) cycleId: string, @Body() dto: AskPulseDto): Promise<PulsePageDto> {
    return this.pulses.ask(actor, cycleId, dto);
  }

  @Post('close')
  @ApiOperation({ summary: 'Close your pulse: answering ends and then vs now is computed' })
  @Authenticated()
  @ApiOkResponse({ type: PulsePageDto })
  @ApiNotFoundResponse({ description: `${OWN_PLAN_ONLY}; or no pulse yet` })
  @ApiConflictResponse({ description: 'pulse_not_collecting: the pulse has not started, or has closed' })
  close(@CurrentActor() actor: Actor, @Param('cycleId', reportIdPipe) cycleId: string): Promise<PulsePageDto> {
    return this.pulses.close(actor, cycleId);
  }
}
