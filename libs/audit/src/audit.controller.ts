import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Actor, Authenticated, CurrentActor, MaxPageOffset } from '@lib/common';
import { AUDIT_CSV_MAX_ROWS, AuditService } from './audit.service';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Which events (who, what, to what, when): the list and the CSV export take the same filters. */
export class AuditFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who acted' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a person id' })
  actorId?: string;
  @ApiPropertyOptional({ maxLength: 100, description: 'What was done, e.g. report.viewed' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) targetType?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) targetId?: string;
  @ApiPropertyOptional({ format: 'date', description: "From this day on (the organisation's clock), e.g. 2026-03-01" })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real day, YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: "Up to and including this day (the organisation's clock)" })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real day, YYYY-MM-DD' })
  to?: string;
}

export class AuditQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @MaxPageOffset() offset?: number;
}

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty() targetType: string;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The target's current name (person, cycle, framework, request, report's subject), or null" })
  targetName: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Current names of the ids in the target and the details (people, cycles, frameworks, requests of this organisation)',
  })
  names: Record<string, string>;
  @ApiProperty() createdAt: string;
}

export class AuditEventListDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty() total: number;
}

export class AuditActionListDto {
  @ApiProperty({ type: [String], description: 'Every action recorded in the organisation, alphabetically' }) actions: string[];
}

/** HR only (as every route here): the trail names who viewed which report. */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit-events')
  @ApiOperation({ summary: 'The audit trail of admin actions and report views (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: AuditEventListDto })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditEventListDto> {
    return this.audit.list(actor.organizationId, { ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get('audit-events.csv')
  @ApiOperation({ summary: 'The audit trail as CSV, with the same filters (HR)' })
  @Authenticated('admin')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: `Newest first, at most ${AUDIT_CSV_MAX_ROWS} events; names beside ids`, schema: { type: 'string' } })
  async csv(@CurrentActor() actor: Actor, @Query() query: AuditFilterDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.audit.csv(actor.organizationId, query);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="ripple-audit-trail.csv"');
    return body;
  }

  @Get('audit-events/actions')
  @ApiOperation({ summary: 'The actions recorded in the audit trail, for filtering (HR)' })
  @Authenticated('admin')
  @ApiOkResponse({ type: AuditActionListDto })
  async actions(@CurrentActor() actor: Actor): Promise<AuditActionListDto> {
    return { actions: await this.audit.actions(actor.organizationId) };
  }
}
