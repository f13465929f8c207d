import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Authenticated, CurrentActor, NoQueryPipe } from '@lib/common';
import { ReportExportService, ReportFile } from './export/report-export.service';
import { HeatmapCsvQueryDto, HeatmapDto, TeamCycleListDto, TeamViewDto } from './heatmap/heatmap.dto';
import { HeatmapService } from './heatmap/heatmap.service';
import { MyReportListDto, ReportDto } from './report/report.dto';
import { ReportViewService } from './report/report-view.service';
import { ReportsException } from './reports.exception';

// A malformed id names no report: 404, exactly like an id of another organisation.
const reportIdPipe = new ParseUUIDPipe({ exceptionFactory: () => ReportsException.reportNotFound() });
const cycleIdPipe = new ParseUUIDPipe({ exceptionFactory: () => ReportsException.cycleNotFound() });
const SUBJECT_REPORT = 'cycles/:cycleId/subjects/:subjectId';
// The heatmap's minimum is one setting per cycle: a per-request one let two views be differenced.
const heatmapQueryPipe = new NoQueryPipe({
  minCellSize: "minCellSize is not a parameter: the heatmap always uses the cycle's heatmapMinCellSize setting, fixed when the cycle closes",
});

function send(reply: FastifyReply, file: ReportFile): string | Buffer {
  void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`);
  return file.body;
}

// Said only to a reader the report counted as an anonymous rater (access/report-access.ts).
const ratedAnonymously = (): MethodDecorator =>
  ApiForbiddenResponse({
    description: 'report_rated_anonymously: you gave anonymous feedback for this report (its rater set was fixed at close), so you cannot read it',
  });

/**
 * Reports: who may see which is decided in the reports library (access/report-access.ts), never
 * here; anything the actor may not see is a 404, except for a reader the report counted as an
 * anonymous rater, who is told so (403). Every view and export is audited; a refusal is no view.
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportViewService,
    private readonly exports: ReportExportService,
    private readonly heatmaps: HeatmapService,
  ) {}

  @Get('mine')
  @ApiOperation({ summary: 'The reports you may open' })
  @Authenticated()
  @ApiOkResponse({
    type: MyReportListDto,
    description: "Reports you may open now (the same decision as reading one): your own (after release) and your direct reports' (as the cycle allows)",
  })
  mine(@CurrentActor() actor: Actor): Promise<MyReportListDto> {
    return this.reports.mine(actor);
  }

  @Get('cycles/:cycleId/heatmap')
  @ApiOperation({ summary: 'The organisation heatmap of a closed cycle (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: HeatmapDto, description: "HR, once the cycle is closed (else 404). Cells follow the cycle's heatmapMinCellSize setting" })
  heatmap(
    @CurrentActor() actor: Actor,
    @Param('cycleId', cycleIdPipe) cycleId: string,
    @Query(heatmapQueryPipe) _query: Record<string, never>,
  ): Promise<HeatmapDto> {
    return this.heatmaps.heatmap(actor, cycleId);
  }

  @Get('cycles/:cycleId/heatmap.csv')
  @ApiOperation({ summary: 'The organisation heatmap as CSV, for one filter (HR)' })
  @Authenticated('admin')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'Exactly what the page shows for the same filter: the same suppressed cells, one line per group and measure; hidden ones say why',
    schema: { type: 'string' },
  })
  async heatmapCsv(
    @CurrentActor() actor: Actor,
    @Param('cycleId', cycleIdPipe) cycleId: string,
    @Query() query: HeatmapCsvQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const file = await this.heatmaps.heatmapCsv(actor, cycleId, query);
    return send(reply, { contentType: 'text/csv; charset=utf-8', filename: file.filename, body: file.body });
  }

  @Get('team')
  @ApiOperation({ summary: 'The released cycles in which you managed someone' })
  @Authenticated()
  @ApiOkResponse({ type: TeamCycleListDto })
  teams(@CurrentActor() actor: Actor, @Query(new NoQueryPipe()) _query: Record<string, never>): Promise<TeamCycleListDto> {
    return this.heatmaps.teamCycles(actor);
  }

  @Get('cycles/:cycleId/team')
  @ApiOperation({ summary: 'Your team in a released cycle: your direct reports as one group (managers)' })
  @Authenticated()
  @ApiOkResponse({
    type: TeamViewDto,
    description:
      'Your direct reports (frozen at launch) in a released cycle; eligible only with at least minCellSize of them. Not a manager in that cycle, not released, or another organisation: 404',
  })
  team(
    @CurrentActor() actor: Actor,
    @Param('cycleId', cycleIdPipe) cycleId: string,
    @Query(new NoQueryPipe()) _query: Record<string, never>,
  ): Promise<TeamViewDto> {
    return this.heatmaps.team(actor, cycleId);
  }

  @Get(`${SUBJECT_REPORT}.csv`)
  @ApiOperation({ summary: "A subject's report as CSV" })
  @Authenticated()
  @ratedAnonymously()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The shown numbers: one line per behaviour/statement/index and group; hidden ones say why', schema: { type: 'string' } })
  async csv(
    @CurrentActor() actor: Actor,
    @Param('cycleId', reportIdPipe) cycleId: string,
    @Param('subjectId', reportIdPipe) subjectId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return send(reply, await this.exports.export(actor, cycleId, subjectId, 'csv'));
  }

  @Get(`${SUBJECT_REPORT}.pdf`)
  @ApiOperation({ summary: "A subject's report as PDF" })
  @Authenticated()
  @ratedAnonymously()
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The report laid out for paper (A4)', schema: { type: 'string', format: 'binary' } })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('cycleId', reportIdPipe) cycleId: string,
    @Param('subjectId', reportIdPipe) subjectId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return send(reply, await this.exports.export(actor, cycleId, subjectId, 'pdf'));
  }

  @Get(SUBJECT_REPORT)
  @ApiOperation({ summary: "A subject's report" })
  @Authenticated()
  @ratedAnonymously()
  // The stored report is served as JSON text (see report-shape.ts): no re-serialisation.
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({
    type: ReportDto,
    description:
      'The subject after release; their manager (frozen at launch) as the cycle allows; HR once closed; never a reader the report counted as an anonymous rater (403). Anyone else: 404',
  })
  report(@CurrentActor() actor: Actor, @Param('cycleId', reportIdPipe) cycleId: string, @Param('subjectId', reportIdPipe) subjectId: string): Promise<string> {
    return this.reports.json(actor, cycleId, subjectId);
  }
}
