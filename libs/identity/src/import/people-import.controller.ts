import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Actor, AppException, Authenticated, CurrentActor, ErrorKind } from '@lib/common';
import { PeopleImportService } from './people-import.service';

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Report the changes and errors without writing anything' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

class ImportSummaryDto {
  @ApiProperty() total: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
}
class ImportFieldChangeDto {
  @ApiProperty({ enum: ['name', 'title', 'department', 'manager', 'role'] }) field: 'name' | 'title' | 'department' | 'manager' | 'role';
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
}
class ImportChangeDto {
  @ApiProperty() line: number;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['create', 'update', 'unchanged'] }) action: 'create' | 'update' | 'unchanged';
  @ApiProperty({ type: [ImportFieldChangeDto] }) fields: ImportFieldChangeDto[];
}
class ImportErrorDto {
  @ApiProperty() line: number;
  @ApiProperty({ type: String, nullable: true }) column: string | null;
  @ApiProperty() message: string;
}
export class ImportResultDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: ImportSummaryDto }) summary: ImportSummaryDto;
  @ApiProperty({ type: [ImportChangeDto] }) changes: ImportChangeDto[];
  @ApiProperty({ type: [ImportErrorDto] }) errors: ImportErrorDto[];
}

@ApiTags('people')
@Controller('people/import')
export class PeopleImportController {
  constructor(private readonly imports: PeopleImportService) {}

  @Post()
  @ApiOperation({ summary: 'Import people from CSV (or preview the changes with dryRun)' })
  @Authenticated('admin')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email,name,title,department,manager_email,role\n' } })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiUnprocessableEntityResponse({ description: 'The file has errors; nothing was written' })
  import(@CurrentActor() actor: Actor, @Query() query: ImportQueryDto, @Body() body: unknown): Promise<ImportResultDto> {
    if (typeof body !== 'string') {
      throw new AppException(ErrorKind.BadRequest, 'csv_expected', 'Send the CSV file as the request body with Content-Type: text/csv');
    }
    return this.imports.import(actor, body, query.dryRun === 'true');
  }
}
