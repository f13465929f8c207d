import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ANONYMITY_THRESHOLD_MAX, ANONYMITY_THRESHOLD_MIN, LANGUAGES, type Language } from '@lib/common';
import { SELF_REQUEST_LIMITS } from './self-request-limits';

const { selfRequestMinRaters: MIN_RATERS, selfRequestMaxBehaviours: MAX_BEHAVIOURS, raterOpenRequestCap: CAP } = SELF_REQUEST_LIMITS;

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
  @ApiProperty({ enum: LANGUAGES, description: 'The language of people who have not picked their own (mails, PDFs, the web app)' })
  language: Language;
  @ApiProperty({ description: 'Whether people may start feedback on themselves outside HR cycles' })
  selfRequestsEnabled: boolean;
  @ApiProperty({ ...MIN_RATERS, description: "The fewest raters a self-started request asks; never below the organisation's k" })
  selfRequestMinRaters: number;
  @ApiProperty({ ...MAX_BEHAVIOURS, description: 'The most behaviours a self-started request or a pulse asks about' })
  selfRequestMaxBehaviours: number;
  @ApiProperty({ ...CAP, description: "A rater's open requests, across every cycle, beyond which self-started requests and pulses may not ask them" })
  raterOpenRequestCap: number;
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

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language of people who have not picked their own' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'selfRequestsEnabled must be true or false' })
  selfRequestsEnabled?: boolean;

  @ApiPropertyOptional({ ...MIN_RATERS, description: "At least the organisation's k; raising k lifts it along" })
  @IsOptional()
  @IsInt({ message: 'selfRequestMinRaters must be a whole number' })
  @Min(MIN_RATERS.minimum, { message: `selfRequestMinRaters must be at least ${MIN_RATERS.minimum}` })
  @Max(MIN_RATERS.maximum, { message: `selfRequestMinRaters must be at most ${MIN_RATERS.maximum}` })
  selfRequestMinRaters?: number;

  @ApiPropertyOptional(MAX_BEHAVIOURS)
  @IsOptional()
  @IsInt({ message: 'selfRequestMaxBehaviours must be a whole number' })
  @Min(MAX_BEHAVIOURS.minimum, { message: `selfRequestMaxBehaviours must be at least ${MAX_BEHAVIOURS.minimum}` })
  @Max(MAX_BEHAVIOURS.maximum, { message: `selfRequestMaxBehaviours must be at most ${MAX_BEHAVIOURS.maximum}` })
  selfRequestMaxBehaviours?: number;

  @ApiPropertyOptional(CAP)
  @IsOptional()
  @IsInt({ message: 'raterOpenRequestCap must be a whole number' })
  @Min(CAP.minimum, { message: `raterOpenRequestCap must be at least ${CAP.minimum}` })
  @Max(CAP.maximum, { message: `raterOpenRequestCap must be at most ${CAP.maximum}` })
  raterOpenRequestCap?: number;
}
