import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CYCLE_STATES, type CycleOrigin, type CycleState } from '@lib/cycles';
import type { ColumnKey, Direction, HiddenReason, InfluenceDirection, ProfileQuadrant, RaterGroup } from '../domain';

const COLUMN_KEY_VALUES: ColumnKey[] = ['self', 'manager', 'peer', 'direct_report', 'external', 'others', 'all_others'];
const RATER_GROUP_VALUES: RaterGroup[] = ['self', 'manager', 'peer', 'direct_report', 'external', 'other'];
export const HIDDEN_REASONS: HiddenReason[] = ['no_responses', 'not_observed', 'below_threshold', 'pooled', 'complementary'];
const DIRECTIONS: Direction[] = ['sideways', 'downwards', 'upwards'];
const QUADRANTS: ProfileQuadrant[] = ['manager_leader', 'leader_without_title', 'manager', 'emerging'];
export const REPORT_VIEWERS = ['subject', 'manager', 'admin', 'shared'] as const;

/**
 * One number of the report: shown with its mean, rater count and spread, or hidden with a reason
 * (and then no count, which could help someone guess who answered).
 */
export class ReportCellDto {
  @ApiProperty() shown: boolean;
  @ApiPropertyOptional({ description: 'Mean rating 1–5 (when shown)' }) mean?: number;
  @ApiPropertyOptional({ description: 'Distinct raters behind the number (when shown)' }) n?: number;
  @ApiPropertyOptional({ description: 'Population standard deviation of the answers behind the mean (when shown)' }) spread?: number;
  @ApiPropertyOptional({
    enum: HIDDEN_REASONS,
    description:
      'When hidden: no_responses (nobody of this group answered), not_observed (the self or manager rating was "not observed"), below_threshold (fewer than k answers from raters who cannot read the report themselves), pooled (the group is shown only inside "others", together with the groups listed in that column), complementary (would let a smaller hidden group be worked out)',
  })
  reason?: HiddenReason;
}

/** A cell per column. */
export class ReportCellsDto {
  @ApiProperty({ type: ReportCellDto }) self: ReportCellDto;
  @ApiProperty({ type: ReportCellDto }) manager: ReportCellDto;
  @ApiProperty({ type: ReportCellDto }) peer: ReportCellDto;
  @ApiProperty({ type: ReportCellDto }) direct_report: ReportCellDto;
  @ApiProperty({ type: ReportCellDto, description: 'People outside the organisation, invited by link' }) external: ReportCellDto;
  @ApiProperty({
    type: ReportCellDto,
    description: 'The pool: the "other" group plus every group too small to stand alone, and any group pooled with them to show more (the column lists them)',
  })
  others: ReportCellDto;
  @ApiProperty({ type: ReportCellDto, description: 'Everyone but self' }) all_others: ReportCellDto;
}

export class ReportColumnDto {
  @ApiProperty({ enum: COLUMN_KEY_VALUES }) key: ColumnKey;
  @ApiProperty({ enum: RATER_GROUP_VALUES, isArray: true, description: 'The rater groups whose answers feed this column' }) groups: RaterGroup[];
  @ApiProperty({ description: 'Self, and the manager when the cycle shows the manager separately' }) identified: boolean;
  @ApiProperty() shown: boolean;
  @ApiPropertyOptional({ description: 'Responses behind the column (only when shown)' }) respondents?: number;
  @ApiPropertyOptional({ enum: HIDDEN_REASONS }) reason?: HiddenReason;
}

export class ReportStatementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: ReportCellsDto }) cells: ReportCellsDto;
}

export class ReportBehaviourDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['influence', 'management'] }) kind: 'influence' | 'management';
  @ApiProperty({ type: ReportCellsDto, description: 'Built only from the statement cells shown in the same column' }) cells: ReportCellsDto;
  @ApiProperty({ type: [ReportStatementDto] }) statements: ReportStatementDto[];
}

export class ReportIndicesDto {
  @ApiProperty({ type: ReportCellsDto, description: 'Mean of the influence behaviours' }) influence: ReportCellsDto;
  @ApiProperty({ type: ReportCellsDto, description: 'Mean of the management behaviours' }) management: ReportCellsDto;
}

export class ReportProfileDto {
  @ApiProperty() shown: boolean;
  @ApiPropertyOptional({ enum: QUADRANTS }) quadrant?: ProfileQuadrant;
  @ApiPropertyOptional({ description: 'Influence index (all others)' }) influence?: number;
  @ApiPropertyOptional({ description: 'Management index (all others)' }) management?: number;
  @ApiPropertyOptional({ description: 'Where an index counts as high (3.5)' }) threshold?: number;
  @ApiPropertyOptional({ enum: HIDDEN_REASONS }) reason?: HiddenReason;
}

export class PooledDirectionDto {
  @ApiProperty({ enum: DIRECTIONS, isArray: true, description: 'The directions shown together' }) directions: Direction[];
  @ApiProperty({ enum: RATER_GROUP_VALUES, isArray: true, description: 'The groups of the pool, as in the "others" column' }) groups: RaterGroup[];
  @ApiProperty({ type: ReportCellDto, description: 'Influence index as the pooled groups see it together (the "others" column)' }) cell: ReportCellDto;
}

export class DirectionOfInfluenceDto {
  @ApiProperty({ type: ReportCellDto, description: 'Influence index as peers see it' }) sideways: ReportCellDto;
  @ApiProperty({ type: ReportCellDto, description: 'Influence index as direct reports see it' }) downwards: ReportCellDto;
  @ApiProperty({ type: ReportCellDto, description: 'Influence index as the manager sees it' }) upwards: ReportCellDto;
  @ApiPropertyOptional({
    type: PooledDirectionDto,
    nullable: true,
    description: 'Directions whose groups are pooled into "others", shown only together (null or absent when none is pooled)',
  })
  pooled?: PooledDirectionDto | null;
}

export class ReportGapDto {
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() behaviourKey: string;
  @ApiProperty() text: string;
  @ApiProperty() self: number;
  @ApiProperty({ description: 'All others' }) others: number;
  @ApiProperty({ description: 'self − others' }) gap: number;
}

export class ReportRankedStatementDto {
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() behaviourKey: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'All-others mean' }) mean: number;
}

export class ReportTrendValueDto {
  @ApiProperty() shown: boolean;
  @ApiPropertyOptional() previous?: number;
  @ApiPropertyOptional() current?: number;
  @ApiPropertyOptional({ description: 'current − previous' }) delta?: number;
  @ApiPropertyOptional({ enum: ['no_previous', 'not_shown'] }) reason?: 'no_previous' | 'not_shown';
}

export class ReportBehaviourTrendDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: ReportTrendValueDto }) value: ReportTrendValueDto;
}

export class ReportPreviousCycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

export class ReportTrendDto {
  @ApiProperty({ type: ReportPreviousCycleDto, nullable: true, description: 'The earlier cycle on the same framework' })
  previousCycle: ReportPreviousCycleDto | null;
  @ApiProperty({ type: ReportTrendValueDto }) influence: ReportTrendValueDto;
  @ApiProperty({ type: ReportTrendValueDto }) management: ReportTrendValueDto;
  @ApiProperty({ type: [ReportBehaviourTrendDto] }) behaviours: ReportBehaviourTrendDto[];
}

export class ReportBehaviourMeanDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['influence', 'management'] }) kind: 'influence' | 'management';
  @ApiProperty({ description: "The behaviour's all-others mean, as the behaviour section shows it" }) mean: number;
}

export class ReportInfluenceDirectionDto {
  @ApiProperty({
    enum: DIRECTIONS,
    isArray: true,
    description: 'One direction, or the directions whose groups are pooled into "others", which are only ever shown together',
  })
  directions: InfluenceDirection[];
  @ApiProperty({ description: 'The influence index as that group (or the pool) sees it' }) mean: number;
}

export class ReportBehaviourChangeDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'current − previous all-others mean, as the trend shows it' }) delta: number;
}

export class ReportOverviewChangeDto {
  @ApiProperty({ type: ReportTrendValueDto }) influence: ReportTrendValueDto;
  @ApiProperty({ type: ReportTrendValueDto }) management: ReportTrendValueDto;
  @ApiProperty({ type: ReportBehaviourChangeDto, nullable: true, description: 'The behaviour that rose most' }) largestRise: ReportBehaviourChangeDto | null;
  @ApiProperty({ type: ReportBehaviourChangeDto, nullable: true, description: 'The behaviour that fell most' }) largestFall: ReportBehaviourChangeDto | null;
}

/** The one-screen summary: picked from numbers the report shows, nothing else. */
export class ReportOverviewDto {
  @ApiProperty({ type: ReportProfileDto }) profile: ReportProfileDto;
  @ApiProperty({ type: ReportBehaviourMeanDto, nullable: true, description: 'The behaviour all others rated highest' })
  strongest: ReportBehaviourMeanDto | null;
  @ApiProperty({ type: ReportBehaviourMeanDto, nullable: true, description: 'The behaviour all others rated lowest (null unless two shown behaviours differ)' })
  weakest: ReportBehaviourMeanDto | null;
  @ApiProperty({ type: ReportGapDto, nullable: true, description: 'The largest blind spot (self furthest above all others)' })
  largestBlindSpot: ReportGapDto | null;
  @ApiProperty({ type: [ReportInfluenceDirectionDto], description: 'The shown directions of influence, highest first' })
  influence: ReportInfluenceDirectionDto[];
  @ApiProperty({ type: ReportOverviewChangeDto, nullable: true, description: 'Against the earlier cycle; null when the report has no trend' })
  change: ReportOverviewChangeDto | null;
}

export class ReportHistoryBehaviourDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: Number, nullable: true, description: 'All-others mean that report showed; null where it hid it' }) mean: number | null;
}

export class ReportHistoryPointDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ description: 'The cycle of this report (the last point)' }) current: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Influence index (all others); null where that report hid it' }) influence: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Management index (all others); null where that report hid it' }) management: number | null;
  @ApiProperty({ type: [ReportHistoryBehaviourDto] }) behaviours: ReportHistoryBehaviourDto[];
}

export class ReportCommentsDto {
  @ApiProperty({ format: 'uuid' }) questionId: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [String], description: "The subject's own comments" }) self: string[];
  @ApiProperty({ type: [String], description: "Everyone else's, unattributed, in an order unrelated to who wrote them or when" }) others: string[];
}

export class ReportScalePointDto {
  @ApiProperty() value: number;
  @ApiProperty() label: string;
}

export class ReportScaleDto {
  @ApiProperty({ type: [ReportScalePointDto] }) points: ReportScalePointDto[];
  @ApiProperty() notObservedLabel: string;
}

export class ReportCycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CYCLE_STATES }) state: CycleState;
  @ApiProperty({ enum: ['hr', 'self', 'pulse'], description: "HR's cycle, or feedback the subject asked for themselves (self, pulse): then theirs alone" })
  origin: CycleOrigin;
  @ApiProperty() frameworkName: string;
  @ApiProperty() frameworkVersion: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: string | null;
}

export class ReportSubjectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Frozen at launch' }) department: string | null;
}

/** The report of one subject in one cycle, as stored when the cycle closed. */
export class ReportFollowershipDto {
  @ApiProperty() shown: boolean;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'How many colleagues named the subject as someone they turn to outside their reporting line (when shown)',
  })
  named?: number;
  @ApiPropertyOptional({
    enum: ['fewer_than_threshold', 'not_counted', 'reader_named'],
    description:
      'Why hidden: fewer than k colleagues who cannot read this report named them (none and a few read alike); a report from before the question; or you named them yourself',
  })
  reason?: 'fewer_than_threshold' | 'not_counted' | 'reader_named';
}

export class ReportDto {
  @ApiProperty({ type: ReportCycleDto }) cycle: ReportCycleDto;
  @ApiProperty({ type: ReportSubjectDto }) subject: ReportSubjectDto;
  @ApiProperty({ enum: REPORT_VIEWERS, description: 'Why you may see it: your own report, your direct report, as HR, or shared with you by its subject' })
  viewer: (typeof REPORT_VIEWERS)[number];
  @ApiProperty({ format: 'date-time' }) computedAt: string;
  @ApiProperty({ description: 'k: the fewest answers a non-identified group needs for a number to be shown' }) threshold: number;
  @ApiProperty() showManagerSeparately: boolean;
  @ApiProperty({ type: ReportScaleDto }) scale: ReportScaleDto;
  @ApiProperty({ type: [ReportColumnDto] }) columns: ReportColumnDto[];
  @ApiProperty({ type: [ReportBehaviourDto] }) behaviours: ReportBehaviourDto[];
  @ApiProperty({ type: ReportIndicesDto }) indices: ReportIndicesDto;
  @ApiProperty({ type: ReportProfileDto, description: 'The manager–leader 2×2, from the all-others indices' }) profile: ReportProfileDto;
  @ApiProperty({ type: DirectionOfInfluenceDto }) directionOfInfluence: DirectionOfInfluenceDto;
  @ApiProperty({ type: [ReportGapDto], description: 'Self at least 1 point above all others, largest gap first' }) blindSpots: ReportGapDto[];
  @ApiProperty({ type: [ReportGapDto], description: 'Self at least 1 point below all others, largest gap first' }) hiddenStrengths: ReportGapDto[];
  @ApiProperty({ type: [ReportRankedStatementDto], description: 'Top 5 statements by all-others mean' }) strengths: ReportRankedStatementDto[];
  @ApiProperty({ type: [ReportRankedStatementDto], description: 'Bottom 5 statements by all-others mean' }) developmentAreas: ReportRankedStatementDto[];
  @ApiProperty({
    type: ReportTrendDto,
    nullable: true,
    description: 'Null when there is no earlier released cycle on the same framework, or the reader may not read that earlier report',
  })
  trend: ReportTrendDto | null;
  @ApiProperty({ type: [ReportCommentsDto] }) comments: ReportCommentsDto[];
  @ApiProperty({
    type: ReportOverviewDto,
    description: 'The summary the report opens with: profile, strongest and weakest behaviours, largest blind spot, direction of influence, change',
  })
  overview: ReportOverviewDto;
  @ApiProperty({
    type: [ReportHistoryPointDto],
    description:
      'Every released cycle of the subject on the same framework, oldest first, then this one: each with the numbers its own report showed. Only cycles whose report you may read today',
  })
  history: ReportHistoryPointDto[];
  @ApiProperty({
    type: ReportFollowershipDto,
    description: 'Followership: how many colleagues outside the reporting line named the subject, counted at close; never who',
  })
  followership: ReportFollowershipDto;
}

export class MyReportDto {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleName: string;
  @ApiProperty({ enum: CYCLE_STATES }) cycleState: CycleState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: string | null;
  @ApiProperty({ type: ReportSubjectDto }) subject: ReportSubjectDto;
  @ApiProperty({
    enum: ['subject', 'manager', 'shared'],
    description: 'Your own report, one of a direct report (manager frozen at launch), or one a colleague shared with you',
  })
  viewer: 'subject' | 'manager' | 'shared';
}

export class MyReportListDto {
  @ApiProperty({ type: [MyReportDto], description: 'Newest cycle first' }) items: MyReportDto[];
}
