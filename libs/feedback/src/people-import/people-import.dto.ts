import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IMPORT_ERROR_CODES, type ImportErrorCode } from '@lib/identity';

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Report the changes and errors without writing anything' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'Every active person neither in the file nor named in it as a manager has left (the importer excepted)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  missingHaveLeft?: 'true' | 'false';

  @ApiPropertyOptional({
    minimum: 0,
    description: 'The number of leavers the dry run showed; required when more than half of the active people would leave, and must still match',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  confirmLeavers?: number;
}

class ImportSummaryDto {
  @ApiProperty({ description: 'Data rows read from the file, rows with problems included' }) total: number;
  @ApiProperty({ description: 'Rows with at least one problem (see errors): counted in none of created, updated, unchanged' }) withProblems: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ description: 'Active people who leave' }) deactivated: number;
  @ApiProperty({ description: 'People who had left and come back' }) reactivated: number;
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
  @ApiProperty({ description: 'Whether the person is active once the import is done' }) active: boolean;
}
class ImportErrorDto {
  @ApiProperty() line: number;
  @ApiProperty({ type: String, nullable: true }) column: string | null;
  @ApiProperty({ enum: IMPORT_ERROR_CODES, enumName: 'ImportErrorCode', description: "What is wrong, for the reader's own wording" }) code: ImportErrorCode;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'The values the message names (column, email, firstLine, max, rows, role, value, chain, size, expected, detail)',
  })
  values: Record<string, string | number>;
  @ApiProperty({ description: 'The problem in English' }) message: string;
}
class ImportPersonRefDto {
  @ApiProperty() email: string;
  @ApiProperty() name: string;
}
class ImportLeaverDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The line that says so; null when they leave because the file does not list them' })
  line: number | null;
  @ApiProperty({ enum: ['file', 'missing'] }) reason: 'file' | 'missing';
  @ApiProperty({ description: 'Direct reports who move to reportsMoveTo' }) directReports: number;
  @ApiProperty({ type: ImportPersonRefDto, nullable: true, description: "The leaver's manager once the import is done; null: the reports have no manager" })
  reportsMoveTo: ImportPersonRefDto | null;
  @ApiProperty({
    description:
      'Requests they were asked to answer about others in running cycles, answered or not: they stay as they are and each subject is told the leaver has left',
  })
  requestsInRunningCycles: number;
  @ApiProperty({ description: 'Running cycles they are a subject of: their requests stay open and the cycle closes normally' })
  subjectOfRunningCycles: number;
}
class ImportReturnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() line: number;
}
export class ImportResultDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: ImportSummaryDto }) summary: ImportSummaryDto;
  @ApiProperty({ type: [ImportChangeDto] }) changes: ImportChangeDto[];
  @ApiProperty({ type: [ImportErrorDto] }) errors: ImportErrorDto[];
  @ApiProperty({ type: [ImportLeaverDto], description: 'Managers first: the order they are deactivated in' }) leavers: ImportLeaverDto[];
  @ApiProperty({ type: [ImportReturnerDto] }) returners: ImportReturnerDto[];
  @ApiProperty({ description: 'Active people before the import' }) activePeople: number;
  @ApiProperty({ description: 'More than half of the active people would leave: apply with confirmLeavers set to the number of leavers' })
  confirmationRequired: boolean;
  @ApiProperty({ description: 'You are not in a file whose missing people leave: you stay' }) importerKept: boolean;
}
