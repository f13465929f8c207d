import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { AddSubjectsDto, AddSubjectsResultDto, CycleSubjectListDto, ListSubjectsQueryDto } from './cycle-subject.dto';
import { CycleSubjectsService } from './cycle-subjects.service';
import { cycleIdPipe } from './cycles.controller';
import { CyclesException } from './cycles.exception';

// eslint-disable-next-line no-useless-assignment -- used by a parameter decorator below, which the rule does not see
const personIdPipe = new ParseUUIDPipe({ exceptionFactory: () => CyclesException.subjectNotFound() });

@ApiTags('cycles')
@Controller('cycles/:id/subjects')
export class CycleSubjectsController {
  constructor(private readonly subjects: CycleSubjectsService) {}

  @Post()
  @ApiOperation({ summary: 'Add subjects to a cycle: people, a department or everyone (HR)' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: AddSubjectsResultDto, description: 'Draft or nominating only (409 otherwise)' })
  add(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string, @Body() dto: AddSubjectsDto): Promise<AddSubjectsResultDto> {
    return this.subjects.add(actor, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The subjects of a cycle (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: CycleSubjectListDto })
  list(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string, @Query() query: ListSubjectsQueryDto): Promise<CycleSubjectListDto> {
    return this.subjects.list(actor, id, query);
  }

  @Delete(':personId')
  @ApiOperation({ summary: 'Remove a subject from a draft cycle (HR)' })
  @Authenticated('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Draft only (409 otherwise)' })
  remove(@CurrentActor() actor: Actor, @Param('id', cycleIdPipe) id: string, @Param('personId', personIdPipe) personId: string): Promise<void> {
    return this.subjects.remove(actor, id, personId);
  }
}
