import type { BehaviourKind, Cell, CellsByColumn, Direction, GapView, PooledDirectionView, ProfileView, TrendValue, TrendView } from './report-types';

/** What the summary reads of a report: the parts it picks from, nothing more. */
export interface SummarySource {
  behaviours: readonly { key: string; name: string; kind: BehaviourKind; cells: CellsByColumn }[];
  profile: ProfileView;
  /** `pooled` may be absent in a report stored before pooling had a direction. */
  directionOfInfluence: { sideways: Cell; downwards: Cell; upwards: Cell; pooled?: Pick<PooledDirectionView, 'directions' | 'groups' | 'cell'> | null };
  blindSpots: readonly GapView[];
  trend: Pick<TrendView, 'influence' | 'management' | 'behaviours'> | null;
}

export interface BehaviourMean {
  key: string;
  name: string;
  kind: BehaviourKind;
  /** The behaviour's all-others mean, exactly as the report shows it. */
  mean: number;
}

export type InfluenceDirection = Direction;

export interface BehaviourChange {
  key: string;
  name: string;
  /** current − previous, both all-others means the two reports showed. */
  delta: number;
}

export interface ReportOverview {
  profile: ProfileView;
  /** The behaviour all others rated highest; null when no behaviour has a shown all-others mean. */
  strongest: BehaviourMean | null;
  /** The behaviour all others rated lowest; null unless at least two shown behaviours differ. */
  weakest: BehaviourMean | null;
  /** The statement where self is furthest above all others (the report's first blind spot). */
  largestBlindSpot: GapView | null;
  /**
   * The influence index as each shown group sees it, highest first: who sees the most leadership.
   * One direction, or the pooled directions together (anonymity.ts, rule 7), never a pooled one alone
   * nor a pool that holds other colleagues.
   */
  influence: { directions: InfluenceDirection[]; mean: number }[];
  /** Against the earlier cycle, when the report has a trend: the indices, the largest rise and fall. */
  change: {
    influence: TrendValue;
    management: TrendValue;
    largestRise: BehaviourChange | null;
    largestFall: BehaviourChange | null;
  } | null;
}

const DIRECTIONS: readonly InfluenceDirection[] = ['sideways', 'downwards', 'upwards'];

/**
 * The report's one-screen summary, for the page, the PDF's first page and the text exports. It only
 * picks and orders numbers the report already shows (all-others cells, the report's own gaps,
 * direction and trend): nothing hidden in the details can surface here. Ties keep the framework's
 * order, so the same report always gives the same summary.
 */
export function summarizeReport(report: SummarySource): ReportOverview {
  const shown: BehaviourMean[] = report.behaviours.flatMap((b) => {
    const cell = b.cells.all_others;
    return cell.shown ? [{ key: b.key, name: b.name, kind: b.kind, mean: cell.mean }] : [];
  });
  const ranked = [...shown].sort((a, b) => b.mean - a.mean);
  const lowest = [...shown].sort((a, b) => a.mean - b.mean);
  const pooled = report.directionOfInfluence.pooled;
  const influence = [
    ...DIRECTIONS.flatMap((direction) => {
      const cell = report.directionOfInfluence[direction];
      return cell.shown ? [{ directions: [direction], mean: cell.mean }] : [];
    }),
    // A pool holding other colleagues is no direction's view: "Downwards" would claim it for direct reports alone.
    ...(pooled?.cell.shown && !pooled.groups.includes('other') ? [{ directions: [...pooled.directions], mean: pooled.cell.mean }] : []),
  ].sort((a, b) => b.mean - a.mean);
  return {
    profile: report.profile,
    strongest: ranked[0] ?? null,
    // Every behaviour rated alike has a strongest but no weakest.
    weakest: shown.length >= 2 && lowest[0].mean < ranked[0].mean ? lowest[0] : null,
    largestBlindSpot: report.blindSpots[0] ?? null,
    influence,
    change: report.trend ? changeOf(report.behaviours, report.trend) : null,
  };
}

function changeOf(behaviours: SummarySource['behaviours'], trend: NonNullable<SummarySource['trend']>): NonNullable<ReportOverview['change']> {
  const names = new Map(behaviours.map((b) => [b.key, b.name]));
  const changes: BehaviourChange[] = trend.behaviours.flatMap(({ key, value }) =>
    value.shown && names.has(key) ? [{ key, name: names.get(key)!, delta: value.delta }] : [],
  );
  const rises = changes.filter((c) => c.delta > 0).sort((a, b) => b.delta - a.delta);
  const falls = changes.filter((c) => c.delta < 0).sort((a, b) => a.delta - b.delta);
  return { influence: trend.influence, management: trend.management, largestRise: rises[0] ?? null, largestFall: falls[0] ?? null };
}
