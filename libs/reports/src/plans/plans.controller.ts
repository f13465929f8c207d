import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor, NoQueryPipe } from '@lib/common';
import { ReportsException } from '../reports.exception';
import { PlanOrganisationDto, PlanPageDto, SavePlanDto, SharedPlanListDto } from './plan.dto';
import { PlansService } from './plans.service';

const reportIdPipe = new ParseUUIDPipe({ exceptionFactory: () => ReportsException.reportNotFound() });
const cycleIdPipe = new ParseUUIDPipe({ exceptionFactory: () => ReportsException.cycleNotFound() });
const OWN_REPORT_ONLY = 'Your own released report only: any other cycle, or one you were not a subject of, is a 404';

/** Development plans: the subject's own, what a manager is shared, and HR's counts. Thin: PlansService decides. */
@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get('shared')
  @ApiOperation({ summary: 'Plans your direct reports shared with you, each with a conversation guide' })
  @Authenticated()
  @ApiOkResponse({ type: SharedPlanListDto, description: 'Only while you are their manager and both of you are active' })
  shared(@CurrentActor() actor: Actor, @Query(new NoQueryPipe()) _query: Record<string, never>): Promise<SharedPlanListDto> {
    return this.plans.shared(actor);
  }

  @Get('cycles/:cycleId/organisation')
  @ApiOperation({ summary: 'Plan and followership counts per department of a released cycle (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: PlanOrganisationDto, description: "Counts only, suppressed like the heatmap with the cycle's heatmapMinCellSize" })
  @ApiNotFoundResponse({ description: 'No released cycle with this id in your organisation' })
  organisation(
    @CurrentActor() actor: Actor,
    @Param('cycleId', cycleIdPipe) cycleId: string,
    @Query(new NoQueryPipe()) _query: Record<string, never>,
  ): Promise<PlanOrganisationDto> {
    return this.plans.organisation(actor, cycleId);
  }

  @Get('cycles/:cycleId')
  @ApiOperation({ summary: 'Your plan for a released report, with the behaviours your report suggests' })
  @Authenticated()
  @ApiOkResponse({ type: PlanPageDto })
  @ApiNotFoundResponse({ description: OWN_REPORT_ONLY })
  page(
    @CurrentActor() actor: Actor,
    @Param('cycleId', reportIdPipe) cycleId: string,
    @Query(new NoQueryPipe()) _query: Record<string, never>,
  ): Promise<PlanPageDto> {
    return this.plans.page(actor, cycleId);
  }

  @Put('cycles/:cycleId')
  @ApiOperation({ summary: 'Create or replace your plan: 1–3 behaviours, each with what you will do and how you will know' })
  @Authenticated()
  @ApiOkResponse({ type: PlanPageDto })
  @ApiNotFoundResponse({ description: OWN_REPORT_ONLY })
  save(@CurrentActor() actor: Actor, @Param('cycleId', reportIdPipe) cycleId: string, @Body() dto: SavePlanDto): Promise<PlanPageDto> {
    return this.plans.save(actor, cycleId, dto);
  }

  @Put('cycles/:cycleId/share')
  @ApiOperation({ summary: 'Share your plan with your manager today' })
  @Authenticated()
  @ApiOkResponse({ type: PlanPageDto })
  @ApiNotFoundResponse({ description: `${OWN_REPORT_ONLY}; or no plan yet` })
  @ApiConflictResponse({ description: 'no_manager: you have no active manager' })
  share(@CurrentActor() actor: Actor, @Param('cycleId', reportIdPipe) cycleId: string): Promise<PlanPageDto> {
    return this.plans.share(actor, cycleId, true);
  }

  @Delete('cycles/:cycleId/share')
  @ApiOperation({ summary: 'Withdraw the share: your manager no longer sees the plan' })
  @Authenticated()
  @ApiOkResponse({ type: PlanPageDto })
  @ApiNotFoundResponse({ description: `${OWN_REPORT_ONLY}; or no plan yet` })
  unshare(@CurrentActor() actor: Actor, @Param('cycleId', reportIdPipe) cycleId: string): Promise<PlanPageDto> {
    return this.plans.share(actor, cycleId, false);
  }
}
