import { ApiProperty } from '@nestjs/swagger';
import type { CycleOrigin, CycleState, FeedbackRelationship, RequestState } from '@lib/cycles';
import { CYCLE_STATE_VALUES, FeedbackPersonDto, RELATIONSHIP_VALUES, REQUEST_STATE_VALUES } from './request.dto';

export class AnswerProgressDto {
  @ApiProperty({ description: 'Rating statements answered (a rating or "not observed")' }) answered: number;
  @ApiProperty({ description: 'Rating statements in the questionnaire' }) total: number;
}

// ---- mine=true: my tasks as a rater, by cycle ------------------------------------------------

export class FeedbackTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: FeedbackPersonDto }) subject: FeedbackPersonDto;
  @ApiProperty({ enum: RELATIONSHIP_VALUES }) relationship: FeedbackRelationship;
  @ApiProperty({ enum: ['open', 'in_progress', 'submitted', 'declined'] }) state: RequestState;
  @ApiProperty({ type: AnswerProgressDto }) progress: AnswerProgressDto;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ description: 'The cycle accepts answers and the request is open or in progress' }) canAnswer: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why a declined request was declined (your reason, or why it was withdrawn)' })
  reason: string | null;
  @ApiProperty({ description: 'Withdrawn because its subject is no longer part of the cycle: no answer is needed' }) withdrawn: boolean;
  @ApiProperty({ description: 'Withdrawn with a draft you had started: readable by you alone (GET /feedback-requests/:id) until the cycle closes' })
  draftKept: boolean;
}

export class FeedbackTaskCycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CYCLE_STATE_VALUES }) state: CycleState;
  @ApiProperty({ enum: ['hr', 'self', 'pulse'], description: "HR's cycle, or feedback the subject asked for themselves (self) or a pulse they asked for" })
  origin: CycleOrigin;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601' }) responseDeadline: string | null;
  @ApiProperty({ type: [FeedbackTaskDto] }) requests: FeedbackTaskDto[];
}

export class MyFeedbackTasksDto {
  @ApiProperty({ enum: ['tasks'] }) kind: 'tasks';
  @ApiProperty({ type: [FeedbackTaskCycleDto], description: 'Newest cycle first; subjects by name' }) cycles: FeedbackTaskCycleDto[];
}

// ---- mine=approvals: proposals awaiting me as a manager ---------------------------------------

export class PendingApprovalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ type: FeedbackPersonDto }) subject: FeedbackPersonDto;
  @ApiProperty({ type: FeedbackPersonDto }) rater: FeedbackPersonDto;
  @ApiProperty({ enum: RELATIONSHIP_VALUES }) relationship: FeedbackRelationship;
  @ApiProperty({ description: 'ISO 8601' }) createdAt: string;
}

export class MyApprovalsDto {
  @ApiProperty({ enum: ['approvals'] }) kind: 'approvals';
  @ApiProperty({ type: [PendingApprovalDto] }) items: PendingApprovalDto[];
}

// ---- cycleId (HR): every request of a cycle with its real state ------------------------------

export class CycleRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: FeedbackPersonDto }) subject: FeedbackPersonDto;
  @ApiProperty({ type: FeedbackPersonDto }) rater: FeedbackPersonDto;
  @ApiProperty({ enum: RELATIONSHIP_VALUES }) relationship: FeedbackRelationship;
  @ApiProperty({ enum: REQUEST_STATE_VALUES, description: "Real state, except requests about the HR viewer themself (read as the subject's view)" })
  state: RequestState;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
}

export class CycleRequestsDto {
  @ApiProperty({ enum: ['cycle'] }) kind: 'cycle';
  @ApiProperty({ type: [CycleRequestDto] }) items: CycleRequestDto[];
  @ApiProperty() total: number;
}

export type FeedbackRequestListDto = MyFeedbackTasksDto | MyApprovalsDto | CycleRequestsDto;
