import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { BodyRequired } from '@lib/common';
import { PLAN_MAX_ITEMS, PLAN_MIN_ITEMS, PLAN_TEXT_MAX } from '../domain';
import { HeatmapCellDto } from '../heatmap/heatmap.dto';
import { PulseDto } from '../pulse/pulse.dto';

const SUGGESTION_REASONS = ['development_area', 'blind_spot', 'lagging_direction'] as const;
const DIRECTIONS = ['sideways', 'downwards', 'upwards'] as const;

export class PlanItemInputDto {
  @ApiProperty({ description: "A behaviour key of the report's framework", maxLength: 100 })
  @IsString()
  @MaxLength(100)
  behaviourKey: string;

  @ApiProperty({ description: 'What you will do differently', maxLength: PLAN_TEXT_MAX })
  @IsString()
  @MaxLength(PLAN_TEXT_MAX)
  @Matches(/\S/, { message: 'action must say what you will do differently' })
  action: string;

  @ApiProperty({ description: 'How you will know it is working', maxLength: PLAN_TEXT_MAX })
  @IsString()
  @MaxLength(PLAN_TEXT_MAX)
  @Matches(/\S/, { message: 'evidence must say how you will know' })
  evidence: string;
}

/** PUT /plans/cycles/:cycleId: the whole plan, replaced. */
@BodyRequired()
export class SavePlanDto {
  @ApiProperty({ type: [PlanItemInputDto], minItems: PLAN_MIN_ITEMS, maxItems: PLAN_MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(PLAN_MIN_ITEMS, { message: `choose at least ${PLAN_MIN_ITEMS} behaviour` })
  @ArrayMaxSize(PLAN_MAX_ITEMS, { message: `choose at most ${PLAN_MAX_ITEMS} behaviours` })
  @ValidateNested({ each: true })
  @Type(() => PlanItemInputDto)
  items: PlanItemInputDto[];
}

export class PlanItemDto {
  @ApiProperty() behaviourKey: string;
  @ApiProperty() name: string;
  @ApiProperty() action: string;
  @ApiProperty() evidence: string;
}

export class PlanPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [PlanItemDto] }) items: PlanItemDto[];
  @ApiProperty({ type: PlanPersonDto, nullable: true, description: 'Your manager, while the plan is shared with them (a manager change ends the share)' })
  sharedWith: PlanPersonDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sharedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PlanSuggestionReasonDto {
  @ApiProperty({ enum: SUGGESTION_REASONS }) kind: (typeof SUGGESTION_REASONS)[number];
  @ApiPropertyOptional({ description: 'blind_spot: the statement where you rated yourself higher than others did' }) statement?: string;
  @ApiPropertyOptional({ enum: DIRECTIONS, isArray: true, description: 'lagging_direction: where your influence lands least' })
  directions?: (typeof DIRECTIONS)[number][];
}

export class PlanSuggestionDto {
  @ApiProperty() behaviourKey: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [PlanSuggestionReasonDto] }) reasons: PlanSuggestionReasonDto[];
}

export class PlanBehaviourOptionDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['influence', 'management'] }) kind: 'influence' | 'management';
}

/** The plan page: the report's candidates, every behaviour to choose from, the plan, and whom it can be shared with. */
export class PlanPageDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ type: [PlanSuggestionDto], description: 'Candidates from numbers your report shows: areas to develop, blind spots, a lagging direction' })
  suggestions: PlanSuggestionDto[];
  @ApiProperty({ type: [PlanBehaviourOptionDto] }) behaviours: PlanBehaviourOptionDto[];
  @ApiProperty({ type: PlanDto, nullable: true }) plan: PlanDto | null;
  @ApiProperty({ type: PlanPersonDto, nullable: true, description: 'Your manager today: whom sharing shares with' }) manager: PlanPersonDto | null;
}

export class GuideSectionDto {
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) questions: string[];
}

export class SharedPlanDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ type: PlanPersonDto }) subject: PlanPersonDto;
  @ApiProperty({ type: String, nullable: true }) subjectTitle: string | null;
  @ApiProperty({ format: 'date-time' }) sharedAt: string;
  @ApiProperty({ type: [PlanItemDto] }) items: PlanItemDto[];
  @ApiProperty({
    type: [GuideSectionDto],
    description: "Questions for the debrief, from the chosen behaviours (and the report's strengths when you may read the report): never a verdict or a number",
  })
  guide: GuideSectionDto[];
  @ApiProperty({
    type: PulseDto,
    nullable: true,
    description:
      "The plan's follow-up pulse, if asked: its progress and the same then vs now the subject sees (none if either report counted you as an anonymous rater)",
  })
  pulse: PulseDto | null;
}

export class SharedPlanListDto {
  @ApiProperty({ type: [SharedPlanDto] }) items: SharedPlanDto[];
}

export class CountTableRowDto {
  @ApiProperty({ type: String, nullable: true, description: 'Frozen at launch; null: no department' }) department: string | null;
  @ApiProperty({ type: HeatmapCellDto }) all: HeatmapCellDto;
  @ApiProperty({ type: HeatmapCellDto }) withReports: HeatmapCellDto;
  @ApiProperty({ type: HeatmapCellDto }) withoutReports: HeatmapCellDto;
}

export class CountTableDto {
  @ApiProperty({ type: [CountTableRowDto] }) departments: CountTableRowDto[];
  @ApiProperty({ type: HeatmapCellDto }) withReports: HeatmapCellDto;
  @ApiProperty({ type: HeatmapCellDto }) withoutReports: HeatmapCellDto;
  @ApiProperty({ type: HeatmapCellDto }) organisation: HeatmapCellDto;
}

export class PlanOrganisationDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ description: 'k' }) threshold: number;
  @ApiProperty({ description: "The cycle's heatmapMinCellSize (never below k)" }) minCellSize: number;
  @ApiProperty({ format: 'date-time', description: 'Plan counts show from then on, counting the plans made by then: they never change after' })
  plansCountedAt: string;
  @ApiProperty({
    type: CountTableDto,
    nullable: true,
    description: 'Per cell: mean = the share of people with a plan, n = people with a report (you left out). Null until plansCountedAt',
  })
  plans: CountTableDto | null;
  @ApiProperty({
    type: CountTableDto,
    description: 'Per cell: mean = colleagues who named each person (outside their reporting line), n = people whose count their report shows',
  })
  followership: CountTableDto;
}
