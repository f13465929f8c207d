import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, AppException, Authenticated, CurrentActor, ErrorKind } from '@lib/common';
import { ImportQueryDto, ImportResultDto } from './people-import.dto';
import { PeopleImportRunService } from './people-import-run.service';

/** Here, above identity, because an import may include leavers (see PeopleImportRunService). */
@ApiTags('people')
@Controller('people/import')
export class PeopleImportController {
  constructor(private readonly imports: PeopleImportRunService) {}

  @Post()
  @ApiOperation({ summary: 'Import people from CSV (or preview the changes with dryRun), leavers and returning people included' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email,name,title,department,manager_email,role,active\n' } })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiUnprocessableEntityResponse({ description: 'The file has errors; nothing was written' })
  @ApiConflictResponse({ description: 'More than half of the active people would leave and confirmLeavers does not match; nothing was written' })
  import(@CurrentActor() actor: Actor, @Query() query: ImportQueryDto, @Body() body: unknown): Promise<ImportResultDto> {
    if (typeof body !== 'string') {
      throw new AppException(ErrorKind.BadRequest, 'csv_expected', 'Send the CSV file as the request body with Content-Type: text/csv');
    }
    return this.imports.import(actor, body, {
      dryRun: query.dryRun === 'true',
      missingHaveLeft: query.missingHaveLeft === 'true',
      confirmLeavers: query.confirmLeavers,
    });
  }
}
