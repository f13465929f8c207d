/**
 * The shapes of the pure report: what `buildReport` reads and the serialisable view model it
 * returns (stored as the snapshot, rendered by the web app and the CSV/PDF exports).
 */

/**
 * `external`: someone outside the organisation (a customer, a partner, a volunteer) invited by
 * link. Never identified and never a reader (they have no account): a group like peers, with a
 * column of its own at k anonymous respondents, else pooled into `others` (anonymity.ts, rule 2).
 */
export const RATER_GROUPS = ['self', 'manager', 'peer', 'direct_report', 'external', 'other'] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

/**
 * The columns of a report. `others` pools the `other` group with every group too small to be
 * shown alone; `all_others` is everyone but self (the "others" of self-vs-others comparisons).
 */
export const COLUMN_KEYS = ['self', 'manager', 'peer', 'direct_report', 'external', 'others', 'all_others'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type BehaviourKind = 'influence' | 'management';

/** 1–5 on the frequency scale, or null for "not observed" (never a score). */
export type Rating = 1 | 2 | 3 | 4 | 5 | null;

export interface StatementInput {
  id: string;
  text: string;
}

export interface BehaviourInput {
  key: string;
  name: string;
  kind: BehaviourKind;
  statements: StatementInput[];
}

export interface OpenQuestionInput {
  id: string;
  text: string;
}

/** One submitted response. A statement missing from `answers` counts as not observed. */
export interface ResponseInput {
  raterGroup: RaterGroup;
  answers: Readonly<Record<string, Rating>>;
  comments?: Readonly<Record<string, string>>;
  /**
   * The rater may read this very report (an HR admin, or the subject's manager when the cycle
   * shows managers the report), so a reader knows their ratings: they never count toward k.
   * Meaningless for self, whose ratings are shown anyway.
   */
  raterMayRead?: boolean;
}

/** What an earlier released report showed (its `summary`): null where it showed nothing. */
export interface TrendSource {
  influence: number | null;
  management: number | null;
  behaviours: Readonly<Record<string, number | null>>;
}

export interface ReportInput {
  /** k, the cycle's anonymity threshold. */
  threshold: number;
  showManagerSeparately: boolean;
  behaviours: BehaviourInput[];
  openQuestions: OpenQuestionInput[];
  /** Submitted responses only; drafts never reach a report. */
  responses: ResponseInput[];
  previous?: TrendSource;
}

/**
 * Why a number is not shown. A hidden cell never says how many answered, so none of these
 * distinguishes "nobody" from "too few" for a non-identified group.
 */
export type HiddenReason =
  /** Nobody of this column responded at all (the reader knows who answered anyway). */
  | 'no_responses'
  /** The identified rater (self, or a separately shown manager) answered "not observed". */
  | 'not_observed'
  /** Fewer than k answers for this very number from raters who cannot read the report. */
  | 'below_threshold'
  /** The group is too small to stand alone; its answers are inside "others". */
  | 'pooled'
  /** Enough answers, but showing it would let a smaller hidden group be subtracted out. */
  | 'complementary';

/** `spread` is the population standard deviation of the individual answers behind the number. */
export interface ShownCell {
  shown: true;
  mean: number;
  /** Distinct raters behind the number. */
  n: number;
  spread: number;
}

export interface HiddenCell {
  shown: false;
  reason: HiddenReason;
}

export type Cell = ShownCell | HiddenCell;
export type CellsByColumn = Record<ColumnKey, Cell>;

export interface ColumnView {
  key: ColumnKey;
  /** The rater groups whose answers feed this column (empty when none do). */
  groups: RaterGroup[];
  /** Self, and the manager when the cycle shows the manager separately. */
  identified: boolean;
  shown: boolean;
  /** Responses behind the column: only present when `shown`. */
  respondents?: number;
  reason?: HiddenReason;
}

export interface StatementView {
  id: string;
  text: string;
  cells: CellsByColumn;
}

export interface BehaviourView {
  key: string;
  name: string;
  kind: BehaviourKind;
  /** Built only from the statement cells shown in the same column (see anonymity.ts). */
  cells: CellsByColumn;
  statements: StatementView[];
}

export type ProfileQuadrant = 'manager_leader' | 'leader_without_title' | 'manager' | 'emerging';

export type ProfileView =
  { shown: true; quadrant: ProfileQuadrant; influence: number; management: number; threshold: number } | { shown: false; reason: HiddenReason };

/** A statement where self and others (all non-self raters) clearly disagree. */
export interface GapView {
  statementId: string;
  behaviourKey: string;
  text: string;
  self: number;
  others: number;
  /** self − others */
  gap: number;
}

export interface RankedStatementView {
  statementId: string;
  behaviourKey: string;
  text: string;
  mean: number;
}

export type TrendValue = { shown: true; previous: number; current: number; delta: number } | { shown: false; reason: 'no_previous' | 'not_shown' };

export interface TrendView {
  influence: TrendValue;
  management: TrendValue;
  behaviours: { key: string; value: TrendValue }[];
}

export interface CommentsView {
  questionId: string;
  text: string;
  /** The subject's own comments. */
  self: string[];
  /** Everyone else's, unattributed, in a fixed order unrelated to submission. */
  others: string[];
}

export type Direction = 'sideways' | 'downwards' | 'upwards';

/** Whose view each direction of influence is (FRAMEWORK.md): peers sideways, direct reports downwards, the manager upwards. */
export const DIRECTION_OF_GROUP: Readonly<Partial<Record<RaterGroup, Direction>>> = { peer: 'sideways', direct_report: 'downwards', manager: 'upwards' };

/**
 * Directions whose groups are pooled into `others` (anonymity.ts, rules 2 and 7): shown only
 * together, as the `others` influence index; `groups` may include the `other` group.
 */
export interface PooledDirectionView {
  directions: Direction[];
  groups: RaterGroup[];
  cell: Cell;
}

export interface ReportView {
  threshold: number;
  showManagerSeparately: boolean;
  columns: ColumnView[];
  behaviours: BehaviourView[];
  indices: { influence: CellsByColumn; management: CellsByColumn };
  profile: ProfileView;
  /** A pooled direction is hidden (`pooled`) on its own and shown only inside `pooled`, null when no direction is pooled. */
  directionOfInfluence: { sideways: Cell; downwards: Cell; upwards: Cell; pooled: PooledDirectionView | null };
  blindSpots: GapView[];
  hiddenStrengths: GapView[];
  strengths: RankedStatementView[];
  developmentAreas: RankedStatementView[];
  /** Null when there is no earlier cycle to compare with. */
  trend: TrendView | null;
  comments: CommentsView[];
  /** The shown all-others numbers a later cycle's trend compares against. */
  summary: TrendSource;
}
