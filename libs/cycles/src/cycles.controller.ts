import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { CreateCycleDto, CycleDto, CycleListDto, UpdateCycleDto } from './cycle.dto';
import { CyclesException } from './cycles.exception';
import { CyclesService } from './cycles.service';

// A malformed id names no cycle: 404, exactly like an id of another organisation.
export const cycleIdPipe = new ParseUUIDPipe({ exceptionFactory: () => CyclesException.cycleNotFound() });

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get()
  @ApiOperation({ summary: 'The cycles you may see' })
  @Authenticated()
  @ApiOkResponse({ type: CycleListDto, description: 'HR: every cycle. Members: launched cycles they are a subject or rater of' })
  list(@CurrentActor() actor: Actor): Promise<CycleListDto> {
    return this.cycles.list(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Create a cycle (HR)' })
  @Authenticated('admin')
  @ApiCreatedResponse({ type: CycleDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCycleDto): Promise<CycleDto> {
    return this.cycles.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One cycle' })
  @Authenticated()
  @ApiOkResponse({ type: CycleDto, description: 'HR: any cycle. Members: a launched cycle they take part in (else 404)' })
  get(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string): Promise<CycleDto> {
    return this.cycles.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a cycle's name, dates or settings (HR)" })
  @Authenticated('admin')
  @ApiOkResponse({ type: CycleDto, description: '409 when a locked setting changes' })
  update(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string, @Body() dto: UpdateCycleDto): Promise<CycleDto> {
    return this.cycles.update(actor, id, dto);
  }

  @Post(':id/launch')
  @ApiOperation({ summary: 'Launch a cycle: create its feedback requests (HR)' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CycleDto, description: 'draft → nominating (or collecting without peers); 409 from any other state' })
  launch(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string): Promise<CycleDto> {
    return this.cycles.launch(actor, id);
  }

  @Post(':id/start-collecting')
  @ApiOperation({ summary: 'End nominations and start collecting answers (HR)' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CycleDto, description: 'nominating → collecting (also done by the scheduler at the nomination deadline)' })
  startCollecting(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string): Promise<CycleDto> {
    return this.cycles.startCollecting(actor, id);
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Close a cycle: freeze answers, compute the reports (HR)' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CycleDto, description: 'nominating|collecting → closed; report snapshots are computed in the background' })
  close(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string): Promise<CycleDto> {
    return this.cycles.close(actor, id);
  }

  @Post(':id/release')
  @ApiOperation({ summary: 'Release the reports of a closed cycle (HR)' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CycleDto, description: 'closed → released: subjects may read their reports' })
  release(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string): Promise<CycleDto> {
    return this.cycles.release(actor, id);
  }
}
