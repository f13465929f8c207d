import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PULSE_WEEKS } from '../domain';

const PULSE_PROGRESS = ['scheduled', 'not_started', 'collecting', 'computing', 'ready'] as const;

/**
 * Why a pulse could not start, as a code the reader's app words: its owner is no longer an active
 * member (or the report it follows is gone); fewer than k raters can still be asked; another rule refused it.
 */
export const PULSE_FAILURES = ['no_longer_member', 'too_few_raters', 'cannot_start'] as const;
export type PulseFailure = (typeof PULSE_FAILURES)[number];
/** Also held by the pulse_requests_added_rater_ids_ck constraint (migrations/1795401450000-CreatePulseRequests.ts). */
const PULSE_ADDED_RATERS_MAX = 20;

/** POST /plans/cycles/:cycleId/pulse: when, and whom to add to the original raters. */
export class AskPulseDto {
  @ApiPropertyOptional({
    description: "Weeks after the report's release; once they have passed the pulse starts at once",
    minimum: PULSE_WEEKS.minimum,
    maximum: PULSE_WEEKS.maximum,
    default: PULSE_WEEKS.default,
  })
  @IsOptional()
  @IsInt({ message: 'weeks must be a whole number' })
  @Min(PULSE_WEEKS.minimum)
  @Max(PULSE_WEEKS.maximum)
  weeks?: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: PULSE_ADDED_RATERS_MAX,
    description: "Colleagues to ask besides the original cycle's raters who are still active",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PULSE_ADDED_RATERS_MAX)
  @IsUUID('all', { each: true, message: 'addRaterIds must hold person ids' })
  addRaterIds?: string[];
}

export class PulseChangeDto {
  @ApiProperty({ description: 'False when either report did not show this number (fewer than k answers for it, then or now)' }) shown: boolean;
  @ApiPropertyOptional({ description: 'The original report’s all-others mean, as it was published' }) then?: number;
  @ApiPropertyOptional({ description: 'The pulse report’s all-others mean, as it was published' }) now?: number;
  @ApiPropertyOptional({ description: 'now − then' }) delta?: number;
}

export class PulseBehaviourChangeDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: PulseChangeDto }) change: PulseChangeDto;
}

export class PulseComparisonDto {
  @ApiProperty({ type: [PulseBehaviourChangeDto], description: 'Per chosen behaviour, in the plan’s order' }) behaviours: PulseBehaviourChangeDto[];
  @ApiProperty({ type: PulseChangeDto, description: 'The mean over the behaviours shown on both sides' }) total: PulseChangeDto;
}

export class PulseBehaviourDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
}

export class PulseDto {
  @ApiProperty({ enum: PULSE_PROGRESS }) progress: (typeof PULSE_PROGRESS)[number];
  @ApiProperty() weeks: number;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: [PulseBehaviourDto] }) behaviours: PulseBehaviourDto[];
  @ApiProperty({ description: 'How many people you added (the original raters are never listed)' }) addedRaters: number;
  @ApiProperty({
    enum: PULSE_FAILURES,
    nullable: true,
    description: "not_started: why the pulse could not be asked (too_few_raters: fewer than the page's threshold)",
  })
  failure: PulseFailure | null;
  @ApiProperty({ type: PulseComparisonDto, nullable: true, description: 'ready: then vs now, as far as both reports showed each number' })
  comparison: PulseComparisonDto | null;
}

export class PulsePageDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ format: 'date-time' }) releasedAt: string;
  @ApiProperty({ description: 'The weeks a pulse starts after the release unless you choose otherwise' }) defaultWeeks: number;
  @ApiProperty({ description: 'k of the report: a pulse needs at least this many raters who can still be asked' }) threshold: number;
  @ApiProperty({ type: PulseDto, nullable: true }) pulse: PulseDto | null;
}
