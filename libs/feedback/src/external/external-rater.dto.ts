import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { BodyRequired, LANGUAGES, type Language } from '@lib/common';
import { AnswerProgressDto } from '../requests/request-list.dto';
import { AnswerSetDto, QuestionnaireBehaviourDto, QuestionnaireOpenQuestionDto, QuestionnaireScaleDto } from '../responses/response.dto';
import { MAX_EMAIL_LENGTH, MAX_EXTERNAL_NAME_LENGTH } from './external-rules';

const SHOWN_STATES = ['proposed', 'invited', 'rejected', 'revoked'] as const;

/** POST …/external-raters: someone outside the organisation, by name and email. */
@BodyRequired()
export class InviteExternalRaterDto {
  @ApiProperty({ maxLength: MAX_EXTERNAL_NAME_LENGTH })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(MAX_EXTERNAL_NAME_LENGTH)
  // No control characters: the name goes into a mail.
  @Matches(/^[^\p{Cc}]*$/u, { message: 'name must not contain control characters' })
  name: string;

  @ApiProperty({ maxLength: MAX_EMAIL_LENGTH })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(MAX_EMAIL_LENGTH)
  email: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: "The language of the invitation mail and the questionnaire; by default the organisation's" })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;
}

/** GET /api/external/questionnaire: optionally in another language than the invitation's (the page's language switch). */
export class ExternalQuestionnaireQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language to read the questionnaire in; by default the one the rater was invited in' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class ExternalRaterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once erased (when the cycle closes)' }) email: string | null;
  @ApiProperty({
    enum: SHOWN_STATES,
    description: "proposed: waits for the manager's approval; invited: a link was sent (whether they answered is never shown); rejected; revoked",
  })
  state: (typeof SHOWN_STATES)[number];
  @ApiProperty({ description: 'The person who invited, by id', format: 'uuid' }) invitedBy: string;
  @ApiProperty({ enum: LANGUAGES, description: 'The language they were invited in: their mails and questionnaire' }) language: Language;
  @ApiProperty({ type: String, nullable: true, description: 'When the current link stops working (null: no live link)' }) linkExpiresAt: string | null;
  @ApiProperty() createdAt: string;
}

export class ExternalRaterListDto {
  @ApiProperty({ type: [ExternalRaterDto] }) items: ExternalRaterDto[];
  @ApiProperty({ description: 'The cycle lets subjects and HR invite external raters' }) allowed: boolean;
  @ApiProperty({ description: "A subject's invitation waits for the manager's approval" }) managerApproves: boolean;
  @ApiProperty({ type: 'integer', description: 'At most this many per subject' }) max: number;
  @ApiProperty({ type: 'integer', description: "The cycle's anonymity threshold k" }) threshold: number;
  @ApiProperty({ enum: ['manager', 'hr'], description: "Who decides the subject's proposals: their manager frozen at launch, or HR when they have none" })
  approver: 'manager' | 'hr';
  @ApiProperty({ description: 'The viewer may invite someone now (POST …/external-raters)' }) canInvite: boolean;
  @ApiProperty({ description: "The viewer's invitation would wait for approval before a link is sent" }) invitationWaitsForApproval: boolean;
  @ApiProperty({ description: 'The viewer may send a new link or revoke (the subject or HR, while the cycle takes raters)' }) canManage: boolean;
  @ApiProperty({ description: 'The viewer may approve or reject proposals (the manager frozen at launch, or HR)' }) canDecide: boolean;
}

export class PendingExternalRaterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty() subjectName: string;
  @ApiProperty({ type: String, nullable: true }) subjectTitle: string | null;
  @ApiProperty({ description: 'The external rater proposed' }) name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty() createdAt: string;
}

export class PendingExternalRaterListDto {
  @ApiProperty({ type: [PendingExternalRaterDto] }) items: PendingExternalRaterDto[];
}

/** POST /api/external/open: the token from the mailed link. */
@BodyRequired()
export class OpenExternalLinkDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export class ExternalSessionDto {
  @ApiProperty({ description: 'When this browser stops having access (ISO 8601)' }) expiresAt: string;
}

/** What an external rater sees: one questionnaire about one person, nothing else. */
export class ExternalQuestionnaireDto {
  @ApiProperty({ enum: LANGUAGES, description: 'The language the questionnaire is written in (the page speaks it too)' }) language: Language;
  @ApiProperty() raterName: string;
  @ApiProperty() subjectName: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ type: String, nullable: true }) responseDeadline: string | null;
  @ApiProperty({ type: 'integer', description: "The cycle's anonymity threshold k" }) threshold: number;
  @ApiProperty({ type: QuestionnaireScaleDto }) scale: QuestionnaireScaleDto;
  @ApiProperty({ type: [QuestionnaireBehaviourDto] }) behaviours: QuestionnaireBehaviourDto[];
  @ApiProperty({ type: [QuestionnaireOpenQuestionDto] }) openQuestions: QuestionnaireOpenQuestionDto[];
  @ApiProperty({ type: AnswerSetDto }) draft: AnswerSetDto;
  @ApiProperty({ type: AnswerProgressDto }) progress: AnswerProgressDto;
  @ApiProperty({ type: String, nullable: true }) savedAt: string | null;
}

export class ExternalDraftSavedDto {
  @ApiProperty() savedAt: string;
  @ApiProperty({ type: AnswerProgressDto }) progress: AnswerProgressDto;
}

export class ExternalSubmissionDto {
  @ApiProperty() submittedAt: string;
}
