import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { SELF_REQUEST_LIMITS } from '@lib/organizations';
import { CYCLE_STATES, type CycleState } from '../domain';

const MAX_RATERS = SELF_REQUEST_LIMITS.raterOpenRequestCap.maximum;
const MAX_BEHAVIOURS = SELF_REQUEST_LIMITS.selfRequestMaxBehaviours.maximum;

export class StartSelfRequestDto {
  @ApiProperty({ type: [String], maxItems: MAX_BEHAVIOURS, description: "The behaviours to ask about: 1 to the organisation's maximum, keys of the framework" })
  @IsArray()
  @ArrayMaxSize(MAX_BEHAVIOURS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  behaviourKeys: string[];

  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_RATERS, description: "Colleagues to ask: at least the organisation's minimum (never below k)" })
  @IsArray()
  @ArrayMaxSize(MAX_RATERS)
  @IsUUID('all', { each: true, message: 'raterIds must hold person ids' })
  raterIds: string[];

  @ApiProperty({ maxLength: 40, description: "The closing date: ISO 8601; without an offset a time on the organisation's clock. Within 90 days" })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  responseDeadline: string;
}

export class SelfRequestBehaviourDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: ['influence', 'management'] }) kind: string;
}

/** What the "Ask for feedback" page needs: whether it is on, the limits, and the behaviours to choose from. */
export class SelfRequestOptionsDto {
  @ApiProperty({ description: 'Whether the organisation lets people ask for feedback on themselves' }) enabled: boolean;
  @ApiProperty({ description: 'The fewest colleagues to ask (the organisation minimum, never below k)' }) minRaters: number;
  @ApiProperty({ description: 'The most behaviours one request asks about' }) maxBehaviours: number;
  @ApiProperty({ description: 'Requests a colleague may have open at once, across everything; past it nobody may ask them' }) raterOpenRequestCap: number;
  @ApiProperty({ description: 'k: a group of raters shows numbers only with at least this many answers' }) anonymityThreshold: number;
  @ApiProperty({ description: 'The latest closing date, in days from now' }) maxDays: number;
  @ApiProperty({ type: [SelfRequestBehaviourDto] }) behaviours: SelfRequestBehaviourDto[];
}

/** One of your own requests. Progress only as a subject may see it: who answered stays hidden. */
export class SelfRequestDto {
  @ApiProperty({ format: 'uuid', description: "The cycle's id: the report is at /api/reports/cycles/{id}/subjects/{your id}" }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CYCLE_STATES, description: 'collecting → closed → released (released as soon as the report is computed)' }) state: CycleState;
  @ApiProperty({ type: [String] }) behaviourKeys: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) responseDeadline: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: string | null;
  @ApiProperty({ description: 'Colleagues asked' }) asked: number;
  @ApiProperty({ description: 'Colleagues who declined (you are told of a decline anyway); who answered is never shown' }) declined: number;
  @ApiProperty({ description: 'Your own self-assessment is submitted' }) selfSubmitted: boolean;
  @ApiProperty({ description: 'The report can be read' }) reportReady: boolean;
}

export class SelfRequestListDto {
  @ApiProperty({ type: [SelfRequestDto], description: 'Newest first' }) items: SelfRequestDto[];
}

/** One self-started request as HR sees it: that it happened, never its content. */
export class SelfRequestActivityItemDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

export class SelfRequestActivityDto {
  @ApiProperty({ description: 'Self-started requests ever' }) total: number;
  @ApiProperty({ description: 'Still collecting answers' }) running: number;
  @ApiProperty({ description: 'Different people who started one' }) people: number;
  @ApiProperty({ type: [SelfRequestActivityItemDto], description: 'Newest first; no behaviours, raters, progress or report' })
  items: SelfRequestActivityItemDto[];
}
