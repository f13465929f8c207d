import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { BEHAVIOUR_KINDS, type BehaviourKind } from './default-framework.data';
import { FRAMEWORK_LIMITS as L } from './framework-definition';

// ---- translations (responses and requests alike) ----
// One property per language other than English (the source); a language Ripple does not speak is
// an unknown field, which the validation pipe refuses. Each text has the limit of its English one.

export class BehaviourTranslationDto {
  @ApiProperty({ maxLength: L.behaviourName })
  @IsString()
  @MaxLength(L.behaviourName)
  name: string;

  @ApiProperty({ maxLength: L.behaviourDescription })
  @IsString()
  @MaxLength(L.behaviourDescription)
  description: string;
}

/** A behaviour's name and description in other languages. */
export class BehaviourTranslationsDto {
  @ApiPropertyOptional({ type: BehaviourTranslationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BehaviourTranslationDto)
  de?: BehaviourTranslationDto;
}

export class StatementTranslationDto {
  @ApiProperty({ maxLength: L.statementText })
  @IsString()
  @MaxLength(L.statementText)
  text: string;
}

/** A statement in other languages: the same question (answers join on its id), said in another language. */
export class StatementTranslationsDto {
  @ApiPropertyOptional({ type: StatementTranslationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StatementTranslationDto)
  de?: StatementTranslationDto;
}

export class OpenQuestionTranslationDto {
  @ApiProperty({ maxLength: L.questionText })
  @IsString()
  @MaxLength(L.questionText)
  text: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.hint })
  @IsOptional()
  @IsString()
  @MaxLength(L.hint)
  hint?: string | null;
}

/** An open question in other languages. */
export class OpenQuestionTranslationsDto {
  @ApiPropertyOptional({ type: OpenQuestionTranslationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpenQuestionTranslationDto)
  de?: OpenQuestionTranslationDto;
}

// ---- responses ----

export class RatingScalePointDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) value: number;
  @ApiProperty() label: string;
}

/** The fixed five-point frequency scale; "not observed" is answered as `null`. */
export class RatingScaleDto {
  @ApiProperty({ enum: ['frequency'] }) kind: 'frequency';
  @ApiProperty({ type: [RatingScalePointDto] }) points: RatingScalePointDto[];
  @ApiProperty() notObservedLabel: string;
}

export class StatementDto {
  @ApiProperty({ format: 'uuid', description: 'The question id answers refer to' }) id: string;
  @ApiProperty({ description: 'Stable across versions, e.g. listening.1' }) key: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'Order in the whole questionnaire' }) position: number;
  @ApiProperty({ type: StatementTranslationsDto, description: 'The text in other languages; a language missing here reads the text above' })
  translations: StatementTranslationsDto;
}

export class BehaviourDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: BEHAVIOUR_KINDS }) kind: BehaviourKind;
  @ApiProperty() position: number;
  @ApiProperty({ type: [StatementDto] }) statements: StatementDto[];
  @ApiProperty({ type: BehaviourTranslationsDto, description: 'Name and description in other languages' })
  translations: BehaviourTranslationsDto;
}

export class OpenQuestionDto {
  @ApiProperty({ format: 'uuid', description: 'The question id answers refer to' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) hint: string | null;
  @ApiProperty() position: number;
  @ApiProperty({ type: OpenQuestionTranslationsDto, description: 'Text and hint in other languages' })
  translations: OpenQuestionTranslationsDto;
}

/** One version's questionnaire, in order: what raters answer and reports are built from. */
export class FrameworkVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty() frameworkName: string;
  @ApiProperty({ description: '1, 2, …' }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: RatingScaleDto }) scale: RatingScaleDto;
  @ApiProperty({ type: [BehaviourDto] }) behaviours: BehaviourDto[];
  @ApiProperty({ type: [OpenQuestionDto] }) openQuestions: OpenQuestionDto[];
}

export class FrameworkVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Cycles (any state) that use this version' }) cycleCount: number;
}

export class FrameworkCycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['draft', 'nominating', 'collecting', 'closed', 'released'] }) state: string;
  @ApiProperty({ format: 'uuid' }) frameworkVersionId: string;
  @ApiProperty() version: number;
}

export class FrameworkSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ format: 'uuid' }) latestVersionId: string;
  @ApiProperty() latestVersion: number;
  @ApiProperty() behaviourCount: number;
  @ApiProperty() statementCount: number;
  @ApiProperty({ description: 'Cycles (any state) that use any version of it' }) cycleCount: number;
}

export class FrameworkListDto {
  @ApiProperty({ type: [FrameworkSummaryDto] }) items: FrameworkSummaryDto[];
  @ApiProperty({ type: RatingScaleDto }) scale: RatingScaleDto;
}

export class FrameworkDetailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: RatingScaleDto }) scale: RatingScaleDto;
  @ApiProperty({ type: FrameworkVersionDto }) latestVersion: FrameworkVersionDto;
  @ApiProperty({
    description: 'True when a launched cycle uses the latest version: saving then creates the next version instead of editing in place',
  })
  latestVersionInUse: boolean;
  @ApiProperty({ type: [FrameworkVersionSummaryDto], description: 'Newest first' }) versions: FrameworkVersionSummaryDto[];
  @ApiProperty({ type: [FrameworkCycleDto], description: 'Cycles using any version, newest first' }) cycles: FrameworkCycleDto[];
}

// ---- requests ----

export class StatementInputDto {
  @ApiPropertyOptional({ maxLength: L.key, description: 'Defaults to <behaviour key>.<n>; keep it when editing a statement' })
  @IsOptional()
  @IsString()
  @MaxLength(L.key)
  key?: string;

  @ApiProperty({ maxLength: L.statementText })
  @IsString()
  @MaxLength(L.statementText)
  text: string;

  @ApiPropertyOptional({ type: StatementTranslationsDto, description: 'The statement in other languages; left out, none' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StatementTranslationsDto)
  translations?: StatementTranslationsDto;
}

export class BehaviourInputDto {
  @ApiProperty({ maxLength: 40, pattern: '^[a-z][a-z0-9_]{0,39}$' })
  @IsString()
  @MaxLength(40)
  key: string;

  @ApiProperty({ maxLength: L.behaviourName })
  @IsString()
  @MaxLength(L.behaviourName)
  name: string;

  @ApiPropertyOptional({ maxLength: L.behaviourDescription })
  @IsOptional()
  @IsString()
  @MaxLength(L.behaviourDescription)
  description?: string;

  @ApiProperty({ enum: BEHAVIOUR_KINDS })
  @IsIn(BEHAVIOUR_KINDS)
  kind: BehaviourKind;

  @ApiProperty({ type: [StatementInputDto], minItems: 1, maxItems: L.statementsPerBehaviour })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.statementsPerBehaviour)
  @ValidateNested({ each: true })
  @Type(() => StatementInputDto)
  statements: StatementInputDto[];

  @ApiPropertyOptional({ type: BehaviourTranslationsDto, description: 'Name and description in other languages; left out, none' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BehaviourTranslationsDto)
  translations?: BehaviourTranslationsDto;
}

export class OpenQuestionInputDto {
  @ApiPropertyOptional({ maxLength: L.key, description: 'Defaults to open_<n>' })
  @IsOptional()
  @IsString()
  @MaxLength(L.key)
  key?: string;

  @ApiProperty({ maxLength: L.questionText })
  @IsString()
  @MaxLength(L.questionText)
  text: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.hint })
  @IsOptional()
  @IsString()
  @MaxLength(L.hint)
  hint?: string | null;

  @ApiPropertyOptional({ type: OpenQuestionTranslationsDto, description: 'Text and hint in other languages; left out, none' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpenQuestionTranslationsDto)
  translations?: OpenQuestionTranslationsDto;
}

/** The whole definition: PUT replaces it (in place, or as a new version when a cycle uses it). */
export class FrameworkContentDto {
  @ApiProperty({ maxLength: L.name })
  @IsString()
  @MaxLength(L.name)
  name: string;

  @ApiPropertyOptional({ maxLength: L.description })
  @IsOptional()
  @IsString()
  @MaxLength(L.description)
  description?: string;

  @ApiProperty({ type: [BehaviourInputDto], minItems: 1, maxItems: L.behaviours })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.behaviours)
  @ValidateNested({ each: true })
  @Type(() => BehaviourInputDto)
  behaviours: BehaviourInputDto[];

  @ApiPropertyOptional({ type: [OpenQuestionInputDto], maxItems: L.openQuestions })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.openQuestions)
  @ValidateNested({ each: true })
  @Type(() => OpenQuestionInputDto)
  openQuestions?: OpenQuestionInputDto[];
}

/** Either a full definition, or `copyFrom` (another framework's latest version) with a new name. */
export class CreateFrameworkDto {
  @ApiProperty({ maxLength: L.name })
  @IsString()
  @MaxLength(L.name)
  name: string;

  @ApiPropertyOptional({ maxLength: L.description })
  @IsOptional()
  @IsString()
  @MaxLength(L.description)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Copy the latest version of this framework (then leave out behaviours)' })
  @IsOptional()
  @IsUUID('all')
  copyFrom?: string;

  @ApiPropertyOptional({ type: [BehaviourInputDto], minItems: 1, maxItems: L.behaviours })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.behaviours)
  @ValidateNested({ each: true })
  @Type(() => BehaviourInputDto)
  behaviours?: BehaviourInputDto[];

  @ApiPropertyOptional({ type: [OpenQuestionInputDto], maxItems: L.openQuestions })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.openQuestions)
  @ValidateNested({ each: true })
  @Type(() => OpenQuestionInputDto)
  openQuestions?: OpenQuestionInputDto[];
}

/** How GET /api/frameworks/:id words the framework: its own words unless the reader asks for theirs. */
export class FrameworkReadQueryDto {
  @ApiPropertyOptional({
    enum: ['reader'],
    description:
      "'reader': the behaviours, statements, open questions and scale in the reader's language, for reading; without it the framework's own words, which the editor loads and saves",
  })
  @IsOptional()
  @IsIn(['reader'], { message: "language must be 'reader'" })
  language?: 'reader';
}
