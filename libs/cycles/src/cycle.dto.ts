import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import {
  CYCLE_ACTIONS,
  CYCLE_SETTING_LIMITS,
  CYCLE_STATES,
  defaultCycleSettings,
  MANAGER_REPORT_VISIBILITIES,
  type CycleAction,
  type CycleState,
} from './domain';

// Limits and defaults come from the domain (cycle-settings.ts), which the validator holds.
const LIMITS = CYCLE_SETTING_LIMITS;
const DEFAULTS = defaultCycleSettings();
const REMINDER_DAYS = {
  type: 'array',
  items: { type: 'integer', ...LIMITS.reminderDaysBeforeDeadline.items },
  maxItems: LIMITS.reminderDaysBeforeDeadline.maxItems,
} as const;

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class ReportVisibilityDto {
  @ApiProperty({ enum: ['on_release'] }) subject: 'on_release';
  @ApiProperty({ enum: MANAGER_REPORT_VISIBILITIES }) manager: 'on_close' | 'on_release' | 'never';
}

export class ReportVisibilityInputDto {
  @ApiPropertyOptional({ enum: ['on_release'] }) subject?: 'on_release';
  @ApiPropertyOptional({ enum: MANAGER_REPORT_VISIBILITIES }) manager?: 'on_close' | 'on_release' | 'never';
}

/** The cycle's settings (libs/cycles/src/domain/cycle-settings.ts), deadlines as ISO strings. */
export class CycleSettingsDto {
  @ApiProperty({ ...LIMITS.anonymityThreshold, description: 'k: fewest responses a non-identified group needs to be shown' })
  anonymityThreshold: number;
  @ApiProperty() selfReview: boolean;
  @ApiProperty({ ...LIMITS.minPeers }) minPeers: number;
  @ApiProperty({ ...LIMITS.maxPeers, description: '0: no peer feedback, launch goes straight to collecting' }) maxPeers: number;
  @ApiProperty() managerApprovesPeers: boolean;
  @ApiProperty({ description: 'Subjects and HR may invite raters from outside the organisation' }) externalRatersAllowed: boolean;
  @ApiProperty({ description: "A subject's external rater waits for the manager's approval" }) managerApprovesExternalRaters: boolean;
  @ApiProperty({ ...LIMITS.maxOpenRequestsPerRater }) maxOpenRequestsPerRater: number;
  @ApiProperty({ type: ReportVisibilityDto }) reportVisibility: ReportVisibilityDto;
  @ApiProperty() showManagerSeparately: boolean;
  @ApiProperty({
    ...LIMITS.heatmapMinCellSize,
    description: 'Fewest people a cell of the organisation heatmap is built from; at least k. Fixed once the cycle closes',
  })
  heatmapMinCellSize: number;
  @ApiProperty({
    ...REMINDER_DAYS,
    description: "Days before the response deadline, largest first, at 09:00 on the organisation's clock; 0 = 4 hours before it",
  })
  reminderDaysBeforeDeadline: number[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nominationDeadline: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) responseDeadline: string | null;
}

/** Input shape of settings: every field optional (defaults apply on create; PATCH merges). */
export class CycleSettingsInputDto {
  @ApiPropertyOptional({ ...LIMITS.anonymityThreshold, description: "Defaults to the organisation's default k" }) anonymityThreshold?: number;
  @ApiPropertyOptional({ default: DEFAULTS.selfReview }) selfReview?: boolean;
  @ApiPropertyOptional({ ...LIMITS.minPeers, default: DEFAULTS.minPeers }) minPeers?: number;
  @ApiPropertyOptional({ ...LIMITS.maxPeers, default: DEFAULTS.maxPeers }) maxPeers?: number;
  @ApiPropertyOptional({ default: DEFAULTS.managerApprovesPeers }) managerApprovesPeers?: boolean;
  @ApiPropertyOptional({ default: DEFAULTS.externalRatersAllowed }) externalRatersAllowed?: boolean;
  @ApiPropertyOptional({ default: DEFAULTS.managerApprovesExternalRaters }) managerApprovesExternalRaters?: boolean;
  @ApiPropertyOptional({ ...LIMITS.maxOpenRequestsPerRater, default: DEFAULTS.maxOpenRequestsPerRater }) maxOpenRequestsPerRater?: number;
  @ApiPropertyOptional({ type: ReportVisibilityInputDto }) reportVisibility?: ReportVisibilityInputDto;
  @ApiPropertyOptional({ default: DEFAULTS.showManagerSeparately }) showManagerSeparately?: boolean;
  @ApiPropertyOptional({
    ...LIMITS.heatmapMinCellSize,
    default: DEFAULTS.heatmapMinCellSize,
    description: `At least anonymityThreshold (422 otherwise); defaults to ${DEFAULTS.heatmapMinCellSize}, or k when higher`,
  })
  heatmapMinCellSize?: number;
  @ApiPropertyOptional({ ...REMINDER_DAYS, default: DEFAULTS.reminderDaysBeforeDeadline }) reminderDaysBeforeDeadline?: number[];
  @ApiPropertyOptional({ type: String, nullable: true, description: "ISO 8601; without an offset (2026-03-14T23:59) a time on the organisation's clock" })
  nominationDeadline?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "Required to launch. ISO 8601; without an offset a time on the organisation's clock" })
  responseDeadline?: string | null;
}

export class CreateCycleDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the organisation's default framework" })
  @IsOptional()
  @IsUUID('all', { message: 'frameworkId must be a framework id' })
  frameworkId?: string;

  // Checked field by field by the domain validator (422 with every problem named).
  @ApiPropertyOptional({ type: CycleSettingsInputDto })
  @IsOptional()
  @IsObject()
  settings?: Record<string, unknown>;
}

export class UpdateCycleDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Draft only' })
  @IsOptional()
  @IsUUID('all', { message: 'frameworkId must be a framework id' })
  frameworkId?: string;

  @ApiPropertyOptional({ type: CycleSettingsInputDto, description: 'Only the settings to change; locked ones are refused with 409' })
  @IsOptional()
  @IsObject()
  settings?: Record<string, unknown>;
}

export type CycleRole = 'admin' | 'subject' | 'rater';

export class CycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CYCLE_STATES }) state: CycleState;
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty() frameworkName: string;
  @ApiProperty({ format: 'uuid', description: 'Follows the latest version while draft; frozen at launch' }) frameworkVersionId: string;
  @ApiProperty() frameworkVersion: number;
  @ApiProperty({ type: CycleSettingsDto }) settings: CycleSettingsDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nominationDeadline: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) responseDeadline: string | null;
  @ApiProperty() subjectCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) launchedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) releasedAt: string | null;
  @ApiProperty({ enum: CYCLE_ACTIONS, isArray: true, description: 'Transitions HR may take now (empty for members)' })
  allowedActions: CycleAction[];
  @ApiProperty({ type: [String], description: 'Settings HR may still change (empty for members)' }) editableSettings: string[];
  @ApiProperty({ enum: ['admin', 'subject', 'rater'], isArray: true, description: "The caller's parts in this cycle" }) myRoles: CycleRole[];
}

export class CycleListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CYCLE_STATES }) state: CycleState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nominationDeadline: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) responseDeadline: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) launchedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) releasedAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'HR only; null for members' }) subjectCount: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'HR only; null for members' }) frameworkName: string | null;
  @ApiProperty({ enum: ['admin', 'subject', 'rater'], isArray: true }) myRoles: CycleRole[];
}

export class CycleListDto {
  @ApiProperty({ type: [CycleListItemDto], description: 'Newest first. HR: every cycle; members: launched cycles they take part in' })
  items: CycleListItemDto[];
}
