import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MaxPageOffset } from '@lib/common';
import { CYCLE_STATES, REQUEST_STATES, type CycleState, type FeedbackRelationship, type RequestState } from '@lib/cycles';

export const REQUEST_STATE_VALUES: RequestState[] = [...REQUEST_STATES];
export const RELATIONSHIP_VALUES: FeedbackRelationship[] = ['self', 'manager', 'peer', 'direct_report', 'other'];
export const CYCLE_STATE_VALUES: CycleState[] = [...CYCLE_STATES];
export const MAX_RATERS_PER_CALL = 20;
export const MAX_REASON_LENGTH = 1000;

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class FeedbackPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
}

// ---- Inputs -----------------------------------------------------------------------------------

export class CreateRequestsDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_RATERS_PER_CALL, description: 'People to ask; all or none are asked' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RATERS_PER_CALL)
  @ArrayUnique({ message: 'raterIds must not repeat a person' })
  @IsUUID('all', { each: true, message: 'raterIds must hold person ids' })
  raterIds: string[];

  @ApiPropertyOptional({
    enum: ['peer', 'other'],
    default: 'peer',
    description: "HR only, and not for themself: 'other' adds a rater outside the peer group (no maxPeers, no nomination deadline)",
  })
  @IsOptional()
  @IsIn(['peer', 'other'])
  relationship?: 'peer' | 'other';
}

export class DecisionReasonDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_REASON_LENGTH })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'reason is required' })
  @MaxLength(MAX_REASON_LENGTH)
  reason: string;
}

export class CandidatesQueryDto {
  @ApiPropertyOptional({ description: 'Matches name, title or department', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The subject to find raters for; defaults to the caller' })
  @IsOptional()
  @IsUUID('all', { message: 'subjectId must be a person id' })
  subjectId?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class ListRequestsQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'approvals'],
    description: "'true': my requests as a rater; 'approvals': peer proposals awaiting me as manager. Without it, cycleId is required (HR).",
  })
  @IsOptional()
  @IsIn(['true', 'approvals'])
  mine?: 'true' | 'approvals';

  @ApiPropertyOptional({ format: 'uuid', description: 'HR: every request of the cycle; with mine: only this cycle' })
  @IsOptional()
  @IsUUID('all', { message: 'cycleId must be a cycle id' })
  cycleId?: string;

  @ApiPropertyOptional({ enum: REQUEST_STATE_VALUES, description: 'HR list only' })
  @IsOptional()
  @IsIn(REQUEST_STATE_VALUES)
  state?: RequestState;

  @ApiPropertyOptional({ format: 'uuid', description: 'HR list only' })
  @IsOptional()
  @IsUUID('all', { message: 'subjectId must be a person id' })
  subjectId?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500, description: 'HR list only' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, description: 'HR list only' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @MaxPageOffset()
  offset?: number;
}

// ---- A subject's raters -----------------------------------------------------------------------

export class SubjectRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: FeedbackPersonDto }) rater: FeedbackPersonDto;
  @ApiProperty({ enum: RELATIONSHIP_VALUES }) relationship: FeedbackRelationship;
  @ApiProperty({
    enum: REQUEST_STATE_VALUES,
    description:
      "For the subject and the manager, in_progress and submitted read as open (asked): they never learn who has answered. The viewer's own request (the subject's self-review, the manager's review) shows its real state.",
  })
  state: RequestState;
  @ApiProperty({ type: String, nullable: true, description: 'Why the rater declined or the manager rejected; null otherwise' })
  reason: string | null;
  @ApiProperty({ description: 'The viewer may remove this rater (DELETE /api/feedback-requests/:id)' }) canRemove: boolean;
  @ApiProperty({ description: 'The viewer may approve or reject this proposal' }) canDecide: boolean;
}

export class SubjectRequestsDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ enum: CYCLE_STATE_VALUES }) cycleState: CycleState;
  @ApiProperty({ type: FeedbackPersonDto }) subject: FeedbackPersonDto;
  @ApiProperty({ enum: ['subject', 'manager', 'admin'], description: "'admin' is the only view with real progress states" })
  viewer: 'subject' | 'manager' | 'admin';
  @ApiProperty() minPeers: number;
  @ApiProperty() maxPeers: number;
  @ApiProperty({ description: 'Peers asked or proposed and not declined or rejected' }) activePeers: number;
  @ApiProperty() managerApprovesPeers: boolean;
  @ApiProperty() maxOpenRequestsPerRater: number;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601' }) nominationDeadline: string | null;
  @ApiProperty({
    description:
      'How many more peers the viewer may ask now: the free places up to maxPeers (declined and rejected peers free theirs) while the cycle takes raters. ' +
      'After the nomination deadline the subject and their manager may only ask as many as replace peers who declined or were rejected; HR is bound by maxPeers only.',
  })
  peerRoom: number;
  @ApiProperty({ description: 'Whether the viewer may ask a peer now: peerRoom > 0' }) canRequest: boolean;
  @ApiProperty({
    description:
      "HR (not the subject): raters may be added now, as peers while canRequest, as 'other' colleagues whenever the cycle takes raters (draft, nominating, collecting)",
  })
  canAddRaters: boolean;
  @ApiProperty({ type: [SubjectRequestDto] }) items: SubjectRequestDto[];
}

// ---- Candidates -------------------------------------------------------------------------------

export type CandidateStatus = 'available' | 'at_capacity' | 'already_asked' | 'declined';

export class RaterCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Open requests (proposed, open, in progress) in this cycle as the viewer may know them (outside HR a submitted request reads as open, as everywhere); null for people already asked about this subject',
  })
  openRequests: number | null;
  @ApiProperty({ enum: ['available', 'at_capacity', 'already_asked', 'declined'] }) status: CandidateStatus;
  @ApiProperty({
    type: String,
    enum: ['same_team', 'asked_before'],
    nullable: true,
    description:
      "Why this person is suggested: the subject's team in the org chart (same manager, their manager, their direct reports), or asked about the subject in an earlier cycle (whatever their answer); null: not suggested. Suggestions come first",
  })
  suggestion: 'same_team' | 'asked_before' | null;
}

export class RaterCandidateListDto {
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty() maxOpenRequestsPerRater: number;
  @ApiProperty({ description: 'Everyone matching the search; items holds the first `limit` of them' }) total: number;
  @ApiProperty({ type: [RaterCandidateDto] }) items: RaterCandidateDto[];
}

// ---- One request after a decision --------------------------------------------------------------

export class FeedbackRequestSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ format: 'uuid' }) raterId: string;
  @ApiProperty({ enum: RELATIONSHIP_VALUES }) relationship: FeedbackRelationship;
  @ApiProperty({ enum: REQUEST_STATE_VALUES }) state: RequestState;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}
