import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MaxPageOffset } from '@lib/common';

export const MAX_SUBJECT_IDS = 10_000;

/** Exactly one of personIds, department, everyone. */
export class AddSubjectsDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_SUBJECT_IDS })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SUBJECT_IDS)
  @IsUUID('all', { each: true, message: 'personIds must hold person ids' })
  personIds?: string[];

  @ApiPropertyOptional({ maxLength: 200, description: 'Everyone whose department is exactly this' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department?: string;

  @ApiPropertyOptional({ enum: [true], description: 'Every active person of the organisation' })
  @IsOptional()
  @Equals(true, { message: 'everyone must be true when given' })
  everyone?: true;
}

export class AddSubjectsResultDto {
  @ApiProperty({ description: 'Newly added subjects' }) added: number;
  @ApiProperty({ description: 'Already subjects, left as they were' }) alreadyIncluded: number;
  @ApiProperty({ description: 'Subjects of the cycle now' }) total: number;
  @ApiProperty({ description: 'Requests created for the new subjects (only once the cycle is launched)' }) requestsCreated: number;
}

export class RequestCountsDto {
  @ApiProperty({ description: 'Active requests a rater has been asked: open + in progress + submitted' }) requested: number;
  @ApiProperty() submitted: number;
  @ApiProperty() inProgress: number;
  @ApiProperty({ description: 'Open, not started' }) notStarted: number;
  @ApiProperty({ description: 'Peer nominations waiting for the manager' }) proposed: number;
  @ApiProperty() declined: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: Number, nullable: true, description: 'submitted / requested, 0..1; null when nothing was requested' })
  responseRate: number | null;
}

export class CycleSubjectDto {
  @ApiProperty({ format: 'uuid', description: "The subject's person id" }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Frozen at launch' }) department: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Frozen at launch' }) managerId: string | null;
  @ApiProperty({ type: String, nullable: true }) managerName: string | null;
  @ApiProperty({ description: 'Frozen at launch' }) hasReports: boolean;
  @ApiProperty() addedAt: string;
  @ApiProperty({ type: RequestCountsDto }) requests: RequestCountsDto;
  @ApiProperty({
    description:
      "The viewer's own row: like any subject they never learn which of their raters have answered, so their raters' requests in progress and submitted count as not started (asked); their own self-review is theirs to know",
  })
  progressHidden: boolean;
}

export class CycleSubjectListDto {
  @ApiProperty({ type: [CycleSubjectDto] }) items: CycleSubjectDto[];
  @ApiProperty() total: number;
}

export class ListSubjectsQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Matches name, email or department' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @MaxPageOffset()
  offset?: number;
}
