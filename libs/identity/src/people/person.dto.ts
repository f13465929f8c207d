import { ApiProperty, ApiPropertyOptional, getSchemaPath, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { LANGUAGES, type Language, MaxPageOffset, type Role } from '@lib/common';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() || null : value);

/**
 * A colleague as every member sees them: enough to recognise and pick a rater, nothing more. Who
 * is HR (role), who can sign in, emails and the org chart are HR's view (PersonDto) alone.
 */
export class PersonSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
}

/** A person as HR admins see them (and as each person sees themself, in MeDto). */
export class PersonDto extends PersonSummaryDto {
  @ApiProperty() email: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) managerId: string | null;
  @ApiProperty({ type: String, nullable: true }) managerName: string | null;
  @ApiProperty({ enum: ['admin', 'member'] }) role: Role;
  @ApiProperty({ description: 'Number of people who report to this person' }) directReportCount: number;
  @ApiProperty({ description: 'Whether the person has set a password' }) hasLogin: boolean;
  @ApiProperty({ description: 'False once the person has left (deactivated): they still exist, cannot sign in and get no mail' }) active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the person left' }) deactivatedAt: string | null;
  @ApiProperty({ enum: LANGUAGES, nullable: true, description: "The person's own language; null: they follow the organisation's" })
  languageChoice: Language | null;
}

/** One person in the view of the actor: PersonDto for HR admins, PersonSummaryDto for everyone else. */
export const PERSON_VIEW_SCHEMA = { oneOf: [{ $ref: getSchemaPath(PersonDto) }, { $ref: getSchemaPath(PersonSummaryDto) }] };

export class PersonListDto {
  @ApiProperty({ type: 'array', items: PERSON_VIEW_SCHEMA, description: 'HR admins get PersonDto; members get PersonSummaryDto' })
  items: (PersonDto | PersonSummaryDto)[];
  @ApiProperty() total: number;
}

export class MeDto extends PersonDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ description: "The organisation's time zone (IANA name): deadlines and reminder times are on its clock", example: 'Europe/Paris' })
  organizationTimeZone: string;
  @ApiProperty({ enum: LANGUAGES, description: "The language the person reads Ripple in: their own choice, else the organisation's" })
  language: Language;
}

/** A person's own language, or null to follow the organisation's. */
export class SetLanguageDto {
  @ApiProperty({ enum: LANGUAGES, nullable: true, description: "null: follow the organisation's language" })
  @IsDefined({ message: 'language is required (null to follow the organisation)' })
  @ValidateIf((_, value) => value !== null)
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}, or null` })
  language: Language | null;
}

export class CreatePersonDto {
  @ApiProperty({ maxLength: 254 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'managerId must be a person id' })
  managerId?: string | null;

  @ApiPropertyOptional({ enum: ['admin', 'member'], default: 'member' })
  @IsOptional()
  @IsIn(['admin', 'member'])
  role?: Role;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    nullable: true,
    description: "The language Ripple and its mail use with the person; null or absent: the organisation's",
  })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}, or null` })
  language?: Language | null;
}

export class UpdatePersonDto extends PartialType(CreatePersonDto) {}

export class ListPeopleQueryDto {
  @ApiPropertyOptional({ description: 'Matches name, title or department (and, for HR admins, email)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @ApiPropertyOptional({ enum: ['active', 'left', 'all'], default: 'active', description: 'HR admins only: people who left are listed with left or all' })
  @IsOptional()
  @IsIn(['active', 'left', 'all'])
  status?: 'active' | 'left' | 'all';

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @MaxPageOffset()
  offset?: number;
}

export class InvitationSentDto {
  @ApiProperty() sentTo: string;
  @ApiProperty() expiresAt: string;
}
