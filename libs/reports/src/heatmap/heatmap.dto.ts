import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CYCLE_STATES, type CycleState } from '@lib/cycles';
import { HEATMAP_LEVELS, type HeatmapLevel } from '../domain';

export const HEATMAP_HIDDEN_REASONS = ['no_data', 'below_threshold', 'complementary'] as const;
export type HeatmapHiddenReason = (typeof HEATMAP_HIDDEN_REASONS)[number];

/** A cell: the mean of the people's all-others values, or hidden with a reason (and no count). */
export class HeatmapCellDto {
  @ApiProperty() shown: boolean;
  @ApiPropertyOptional({ description: 'Mean over the people in the cell (when shown)' }) mean?: number;
  @ApiPropertyOptional({ description: 'People in the cell (when shown)' }) n?: number;
  @ApiPropertyOptional({
    enum: HEATMAP_HIDDEN_REASONS,
    description:
      'no_data: nobody with a shown value; below_threshold: fewer than minCellSize people; complementary: hidden so that another hidden cell cannot be worked out from totals',
  })
  reason?: HeatmapHiddenReason;
  @ApiPropertyOptional({ description: "The same group's mean in the previous cycle, when shown there too (and this cell is shown)" }) previousMean?: number;
  @ApiPropertyOptional({ description: 'mean − previousMean, when both are shown' }) change?: number;
}

export class HeatmapPreviousCycleDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ description: "That cycle's own minimum cell size: its cells are suppressed as its own view is" }) minCellSize: number;
}

export class HeatmapMeasureDto {
  @ApiProperty({ description: "'index:influence', 'index:management' or 'behaviour:<key>'" }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['index', 'influence', 'management'] }) kind: 'index' | 'influence' | 'management';
}

export class HeatmapDepartmentDto {
  @ApiProperty({ type: String, nullable: true, description: 'Frozen at launch; null: people without a department' }) department: string | null;
  @ApiProperty({ type: [HeatmapCellDto], description: 'Everyone in the department, one cell per measure' }) cells: HeatmapCellDto[];
  @ApiProperty({ type: [HeatmapCellDto], description: 'People with direct reports (at launch), per measure' }) withReports: HeatmapCellDto[];
  @ApiProperty({ type: [HeatmapCellDto], description: 'People without direct reports, per measure' }) withoutReports: HeatmapCellDto[];
}

export class HeatmapLevelsDto {
  @ApiProperty({ type: [HeatmapCellDto], description: 'Everyone with direct reports, per measure' }) withReports: HeatmapCellDto[];
  @ApiProperty({ type: [HeatmapCellDto], description: 'Everyone without direct reports, per measure' }) withoutReports: HeatmapCellDto[];
}

/**
 * The organisation view of one cycle (HR): departments × measures, each split by people with and
 * without direct reports, with the totals. Built from the people's shown all-others numbers;
 * each measure is suppressed as one table (departments × with/without, with its margins).
 */
export class HeatmapDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ enum: CYCLE_STATES }) cycleState: CycleState;
  @ApiProperty({ description: "The cycle's anonymity threshold k" }) threshold: number;
  @ApiProperty({ description: "The fewest people a shown cell is built from: the cycle's heatmapMinCellSize setting (fixed at close), never below k" })
  minCellSize: number;
  @ApiProperty({ type: [HeatmapMeasureDto], description: 'Columns: the two indices, then the behaviours in framework order' }) measures: HeatmapMeasureDto[];
  @ApiProperty({ type: [HeatmapDepartmentDto], description: 'Rows, by department name (no department last)' }) departments: HeatmapDepartmentDto[];
  @ApiProperty({ type: HeatmapLevelsDto }) levels: HeatmapLevelsDto;
  @ApiProperty({ type: [HeatmapCellDto], description: 'The whole organisation, per measure' }) organisation: HeatmapCellDto[];
  @ApiProperty({
    type: HeatmapPreviousCycleDto,
    nullable: true,
    description: 'The most recent earlier closed or released cycle on the same framework: cells carry previousMean and change where both are shown',
  })
  previousCycle: HeatmapPreviousCycleDto | null;
}

/** What the CSV export of the organisation view shows: the same filters as the page. */
export class HeatmapCsvQueryDto {
  @ApiPropertyOptional({ maxLength: 200, description: "One department's rows (its name as frozen at launch); absent: every department" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  department?: string;

  @ApiPropertyOptional({ description: 'Only the people without a department (not with department)' })
  @IsOptional()
  @IsIn(['true'])
  noDepartment?: 'true';

  @ApiPropertyOptional({ enum: HEATMAP_LEVELS, default: 'all', description: 'Everyone, people with direct reports, or people without' })
  @IsOptional()
  @IsIn(HEATMAP_LEVELS)
  level?: HeatmapLevel;
}

export class TeamQuadrantCountsDto {
  @ApiProperty() manager_leader: number;
  @ApiProperty() leader_without_title: number;
  @ApiProperty() manager: number;
  @ApiProperty() emerging: number;
  @ApiProperty({ description: 'Reports whose own report hides the profile (too few raters)' }) notShown: number;
}

export class TeamQuadrantsDto {
  @ApiProperty() shown: boolean;
  @ApiPropertyOptional({
    enum: ['manager_cannot_see_reports'],
    description: 'manager_cannot_see_reports: the cycle does not let managers read their reports, so nothing per person is shown, counts included',
  })
  reason?: 'manager_cannot_see_reports';
  @ApiPropertyOptional({ type: TeamQuadrantCountsDto }) counts?: TeamQuadrantCountsDto;
}

export class TeamCycleDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) releasedAt: string | null;
}

export class TeamCycleListDto {
  @ApiProperty({ type: [TeamCycleDto], description: 'Released cycles in which you were the manager (frozen at launch) of at least one subject, newest first' })
  items: TeamCycleDto[];
}

/**
 * A manager's team in one released cycle: their direct reports (frozen at launch; indirect
 * reports do not count) as one group, beside the organisation, and against the previous cycle.
 */
export class TeamViewDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ description: "The cycle's anonymity threshold k" }) threshold: number;
  @ApiProperty({ description: 'The fewest people a shown number stands on (the heatmap minimum)' }) minCellSize: number;
  @ApiProperty({
    description: 'false: fewer than minCellSize of your direct reports have a report you may count in this view; nothing else is said then',
  })
  eligible: boolean;
  @ApiProperty({ type: [HeatmapMeasureDto] }) measures: HeatmapMeasureDto[];
  @ApiProperty({
    type: [HeatmapCellDto],
    description: 'Your direct reports, per measure (empty when not eligible); change is against your team in the previous cycle',
  })
  team: HeatmapCellDto[];
  @ApiProperty({ type: [HeatmapCellDto], description: 'The whole organisation, per measure, as the organisation view shows it (empty when not eligible)' })
  organisation: HeatmapCellDto[];
  @ApiProperty({ type: TeamQuadrantsDto }) quadrants: TeamQuadrantsDto;
  @ApiProperty({ type: HeatmapPreviousCycleDto, nullable: true, description: 'The most recent earlier released cycle on the same framework' })
  previousCycle: HeatmapPreviousCycleDto | null;
}
