import { Controller, Delete, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor, NoQueryPipe } from '@lib/common';
import { ReportsErrorCode, ReportsException } from '../reports.exception';
import { ReportShareListDto } from './report-share.dto';
import { ReportSharesService } from './report-shares.service';

const reportIdPipe = new ParseUUIDPipe({ exceptionFactory: () => ReportsException.reportNotFound() });
const personIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ReportsException(ReportsErrorCode.InvalidShare, 'personId must be a person id', {
      errors: [{ field: 'personId', message: 'personId must be a person id' }],
    }),
});
const OWN_ONLY = 'Your own released report of feedback you asked for: anything else is a 404';

/** Sharing the report of feedback you asked for yourself. Thin: ReportSharesService decides. */
@ApiTags('reports')
@Controller('reports/cycles/:cycleId/shares')
export class ReportSharesController {
  constructor(private readonly shares: ReportSharesService) {}

  @Get()
  @ApiOperation({ summary: 'Whom you shared the report of feedback you asked for with' })
  @Authenticated()
  @ApiOkResponse({ type: ReportShareListDto })
  @ApiNotFoundResponse({ description: OWN_ONLY })
  list(
    @CurrentActor() actor: Actor,
    @Param('cycleId', reportIdPipe) cycleId: string,
    @Query(new NoQueryPipe()) _q: Record<string, never>,
  ): Promise<ReportShareListDto> {
    return this.shares.list(actor, cycleId);
  }

  @Put(':personId')
  @ApiOperation({ summary: 'Share that report with a colleague (not one you asked for feedback in it)' })
  @Authenticated()
  @ApiOkResponse({ type: ReportShareListDto })
  @ApiNotFoundResponse({ description: OWN_ONLY })
  @ApiBadRequestResponse({ description: 'Not an active colleague, asked in this request, or too many shares' })
  share(
    @CurrentActor() actor: Actor,
    @Param('cycleId', reportIdPipe) cycleId: string,
    @Param('personId', personIdPipe) personId: string,
  ): Promise<ReportShareListDto> {
    return this.shares.share(actor, cycleId, personId);
  }

  @Delete(':personId')
  @ApiOperation({ summary: 'Withdraw a share: the colleague can no longer read the report' })
  @Authenticated()
  @ApiOkResponse({ type: ReportShareListDto })
  @ApiNotFoundResponse({ description: OWN_ONLY })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('cycleId', reportIdPipe) cycleId: string,
    @Param('personId', personIdPipe) personId: string,
  ): Promise<ReportShareListDto> {
    return this.shares.withdraw(actor, cycleId, personId);
  }
}
