import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The query of a SCIM read (RFC 7644 §3.4.2): one filter, 1-based paging, attribute selection. */
export class ScimAttributesQueryDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Attributes to return, comma-separated' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  attributes?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Attributes to leave out, comma-separated' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  excludedAttributes?: string;
}

export class ScimListQueryDto extends ScimAttributesQueryDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'userName, externalId or id eq a value', example: 'userName eq "ann@example.com"' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  filter?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 1000000000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  startIndex?: number;

  @ApiPropertyOptional({ default: 100, minimum: 0, maximum: 1000000000, description: 'At most 200 are returned, whatever is asked' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  count?: number;
}
