import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@lib/common';
import { CreateFrameworkDto, FrameworkContentDto, FrameworkDetailDto, FrameworkListDto, FrameworkReadQueryDto } from './framework.dto';
import { FrameworksException } from './frameworks.exception';
import { FrameworksService } from './frameworks.service';

// A malformed id names no framework: 404, exactly like an id of another organisation.
const uuid = new ParseUUIDPipe({ exceptionFactory: () => FrameworksException.frameworkNotFound() });

/**
 * HR manages frameworks. Members never need this API: they read the questions of a framework
 * version through their own feedback requests.
 */
@ApiTags('frameworks')
@Controller('frameworks')
export class FrameworksController {
  constructor(private readonly frameworks: FrameworksService) {}

  @Get()
  @ApiOperation({ summary: 'The frameworks of the organisation (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: FrameworkListDto })
  list(@CurrentActor() actor: Actor): Promise<FrameworkListDto> {
    return this.frameworks.list(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Create a framework (HR)' })
  @Authenticated('admin')
  @ApiCreatedResponse({ type: FrameworkDetailDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateFrameworkDto): Promise<FrameworkDetailDto> {
    return this.frameworks.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: "One framework with its behaviours and questions (HR): its own words, or the reader's with language=reader" })
  @Authenticated('admin')
  @ApiOkResponse({ type: FrameworkDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Query() query: FrameworkReadQueryDto): Promise<FrameworkDetailDto> {
    return this.frameworks.get(actor, id, undefined, query.language ?? 'source');
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace the content of a framework (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: FrameworkDetailDto, description: 'Edited in place, or saved as the next version when a launched cycle uses the latest' })
  replace(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: FrameworkContentDto): Promise<FrameworkDetailDto> {
    return this.frameworks.replace(actor, id, dto);
  }
}
