import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { BodyRequired, ValidatedBy } from '@lib/common';
import type { AnswerAudienceKind, CycleState, FeedbackRelationship, RequestState } from '@lib/cycles';
import { AnswerProgressDto } from '../requests/request-list.dto';
import { CYCLE_STATE_VALUES, FeedbackPersonDto, RELATIONSHIP_VALUES, REQUEST_STATE_VALUES } from '../requests/request.dto';
import { answerSetShapeErrors, MAX_ANSWERS, MAX_COLLEAGUES_NAMED, MAX_COMMENT_LENGTH, MAX_COMMENTS, submitShapeErrors } from './answer-rules';

// ---- Answers (input and output) --------------------------------------------------------------

export class RatingAnswerDto {
  @ApiProperty({ format: 'uuid', description: 'A rating statement of this questionnaire' })
  @IsUUID('all', { message: 'questionId must be a question id' })
  questionId: string;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5, description: 'null = not observed; leave the statement out while unanswered' })
  @ValidateIf((o: RatingAnswerDto) => o.rating !== null)
  @IsInt({ message: 'rating must be a whole number from 1 to 5, or null for not observed' })
  @Min(1, { message: 'rating must be from 1 to 5, or null for not observed' })
  @Max(5, { message: 'rating must be from 1 to 5, or null for not observed' })
  rating: number | null;
}

export class CommentAnswerDto {
  @ApiProperty({ format: 'uuid', description: 'An open question of this questionnaire' })
  @IsUUID('all', { message: 'questionId must be a question id' })
  questionId: string;

  @ApiProperty({ maxLength: MAX_COMMENT_LENGTH, description: 'Blank comments are dropped' })
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  text: string;
}

/**
 * Answers and comments as a rater sends them: the body of PUT …/draft and POST …/submit. Checked
 * by answerSetShapeErrors (the autosave's hot path), which follows these decorators; the decorators
 * stay for the OpenAPI document and are proved equal to it in answer-rules.spec.ts.
 */
class AnswerSetInputDto {
  @ApiPropertyOptional({ type: [RatingAnswerDto], maxItems: MAX_ANSWERS, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ANSWERS)
  @ValidateNested({ each: true })
  @Type(() => RatingAnswerDto)
  answers?: RatingAnswerDto[];

  @ApiPropertyOptional({ type: [CommentAnswerDto], maxItems: MAX_COMMENTS, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_COMMENTS)
  @ValidateNested({ each: true })
  @Type(() => CommentAnswerDto)
  comments?: CommentAnswerDto[];
}

/** PUT …/draft: replaces the whole draft. A missing body is refused: it must not read as "wipe the draft". */
@BodyRequired()
@ValidatedBy(answerSetShapeErrors)
export class DraftDto extends AnswerSetInputDto {}

/** POST …/submit, body optional. With answers or comments: those are submitted (and become the draft). Empty: the saved draft is submitted. */
@ValidatedBy(submitShapeErrors)
export class SubmitDto extends AnswerSetInputDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_COLLEAGUES_NAMED,
    uniqueItems: true,
    description:
      'Optional: "Outside your reporting line, whom do you turn to for advice or support?" Up to three active colleagues, never yourself, your managers or your direct reports. Only counts are ever shown, never who named whom',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_COLLEAGUES_NAMED, { message: `colleaguesNamed holds at most ${MAX_COLLEAGUES_NAMED} colleagues` })
  @ArrayUnique({ message: 'colleaguesNamed names each colleague once' })
  @IsUUID('all', { each: true, message: 'colleaguesNamed must be person ids' })
  colleaguesNamed?: string[];
}

export class AnswerSetDto {
  @ApiProperty({ type: [RatingAnswerDto] }) answers: RatingAnswerDto[];
  @ApiProperty({ type: [CommentAnswerDto] }) comments: CommentAnswerDto[];
}

// ---- The questionnaire ------------------------------------------------------------------------

export class QuestionnaireScalePointDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) value: number;
  @ApiProperty() label: string;
}

export class QuestionnaireScaleDto {
  @ApiProperty({ type: [QuestionnaireScalePointDto] }) points: QuestionnaireScalePointDto[];
  @ApiProperty({ description: 'The label of the null rating' }) notObservedLabel: string;
}

export class QuestionnaireStatementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() text: string;
}

export class QuestionnaireBehaviourDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['influence', 'management'] }) kind: 'influence' | 'management';
  @ApiProperty({ type: [QuestionnaireStatementDto] }) statements: QuestionnaireStatementDto[];
}

export class QuestionnaireOpenQuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true, description: 'How to write specific, behaviour-based feedback' }) hint: string | null;
}

export class QuestionnaireCycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CYCLE_STATE_VALUES }) state: CycleState;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601' }) responseDeadline: string | null;
}

export class AnswerAudienceDto {
  @ApiProperty({
    enum: ['self', 'manager_shown', 'combined'],
    description: "self: shown as the subject's own view; manager_shown: shown on its own as the manager's; combined: pooled with at least k people's",
  })
  kind: AnswerAudienceKind;
  @ApiProperty({ type: 'integer', description: "The cycle's anonymity threshold k" }) threshold: number;
  @ApiProperty({ description: 'The rater may read the report (HR, or a pooled manager the cycle lets read it): their answers never count towards k' })
  raterMayRead: boolean;
  @ApiProperty({ description: 'The same sentence the rater reads in their mails: who sees these answers, in this cycle' }) explanation: string;
}

export class QuestionnaireDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REQUEST_STATE_VALUES }) state: RequestState;
  @ApiProperty({ enum: RELATIONSHIP_VALUES }) relationship: FeedbackRelationship;
  @ApiProperty({ description: 'Draft and submit are accepted now' }) canEdit: boolean;
  @ApiProperty({ type: QuestionnaireCycleDto }) cycle: QuestionnaireCycleDto;
  @ApiProperty({ type: FeedbackPersonDto }) subject: FeedbackPersonDto;
  @ApiProperty({ type: AnswerAudienceDto, description: 'Who sees these answers, and how' }) answerAudience: AnswerAudienceDto;
  @ApiProperty({ type: QuestionnaireScaleDto }) scale: QuestionnaireScaleDto;
  @ApiProperty({ type: [QuestionnaireBehaviourDto] }) behaviours: QuestionnaireBehaviourDto[];
  @ApiProperty({ type: [QuestionnaireOpenQuestionDto] }) openQuestions: QuestionnaireOpenQuestionDto[];
  @ApiProperty({ type: AnswerSetDto, description: 'The saved draft; once submitted, the submitted answers' }) draft: AnswerSetDto;
  @ApiProperty({ type: AnswerProgressDto }) progress: AnswerProgressDto;
  @ApiProperty({ type: String, nullable: true, description: 'When the draft was last saved' }) savedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Set when the request was withdrawn because its subject is no longer part of the cycle: why. Any draft is then shown read-only to its rater alone, until the cycle closes',
  })
  withdrawnReason: string | null;
}

export class DraftSavedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['in_progress'] }) state: RequestState;
  @ApiProperty() savedAt: string;
  @ApiProperty({ type: AnswerProgressDto }) progress: AnswerProgressDto;
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['submitted'] }) state: RequestState;
  @ApiProperty({ description: 'The time of the one submission; a retry returns the same' }) submittedAt: string;
  @ApiProperty({ type: AnswerProgressDto }) progress: AnswerProgressDto;
}
