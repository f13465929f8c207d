import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CYCLE_STATES, type CycleState } from '@lib/cycles';

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
}
