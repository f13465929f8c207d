/** The pure report: anonymity rules, score maths and the report view model. No I/O. */
export * from './report-types';
export {
  assertValidThreshold,
  columnView,
  commentAudience,
  decideStatementCells,
  isAnonymous,
  isIdentified,
  orderComments,
  planColumns,
  suppressHeatmap,
  effectiveMinCellSize,
  DEFAULT_MIN_CELL_SIZE,
} from './anonymity';
export type { AnonymitySettings, ColumnPlan, Headcount, Visibility, HeatmapCell, HeatmapCellInput, HeatmapInput, HeatmapView } from './anonymity';
export * from './scores';
export { buildReport } from './build-report';
