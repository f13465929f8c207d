import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ANONYMITY_THRESHOLD_MAX, ANONYMITY_THRESHOLD_MIN } from '@lib/common';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
/** One line of text: these names go into mail headers (From, Subject). */
export const SINGLE_LINE = /^[^\p{Cc}]*$/u;

const emptyToNull = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() || null : value);

export class OrganizationSettingsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ minimum: ANONYMITY_THRESHOLD_MIN, maximum: ANONYMITY_THRESHOLD_MAX, description: 'k that new cycles start with' })
  anonymityThreshold: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The framework new cycles start with' })
  defaultFrameworkId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Display name of the mails' sender; null: the server's MAIL_FROM name" })
  mailSenderName: string | null;
  @ApiProperty({ example: 'Europe/Paris', description: 'IANA time zone: deadlines and reminder times are on its clock' })
  timeZone: string;
}

export class UpdateOrganizationSettingsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200)
  @Matches(SINGLE_LINE, { message: 'name must be a single line of text' })
  name?: string;

  @ApiPropertyOptional({ minimum: ANONYMITY_THRESHOLD_MIN, maximum: ANONYMITY_THRESHOLD_MAX })
  @IsOptional()
  @IsInt({ message: 'anonymityThreshold must be a whole number' })
  @Min(ANONYMITY_THRESHOLD_MIN, { message: `anonymityThreshold must be at least ${ANONYMITY_THRESHOLD_MIN}` })
  @Max(ANONYMITY_THRESHOLD_MAX, { message: `anonymityThreshold must be at most ${ANONYMITY_THRESHOLD_MAX}` })
  anonymityThreshold?: number;

  @ApiPropertyOptional({ format: 'uuid', description: "One of the organisation's frameworks" })
  @IsOptional()
  @IsUUID('all', { message: 'defaultFrameworkId must be a framework id' })
  defaultFrameworkId?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, description: "Empty or null: the server's MAIL_FROM name" })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(SINGLE_LINE, { message: 'mailSenderName must be a single line of text' })
  mailSenderName?: string | null;

  @ApiPropertyOptional({ example: 'Europe/Paris', maxLength: 64 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}
