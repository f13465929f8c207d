/** The pure report: anonymity rules, score maths and the report view model. No I/O. */
export * from './report-types';
export { isAnonymous, suppressHeatmap, effectiveMinCellSize } from './anonymity';
export type { AnonymitySettings, HeatmapCell, HeatmapCellInput } from './anonymity';
export * from './scores';
export { buildReport } from './build-report';
export { HEATMAP_LEVELS, heatmapChange, heatmapFilterResult, teamCellDecision } from './heatmap-suppression';
export type { HeatmapLevel, HeatmapView, TeamSplitCell } from './heatmap-suppression';
export { summarizeReport } from './summarize-report';
export type { InfluenceDirection, SummarySource } from './summarize-report';
export { followershipTable, followershipView } from './followership';
export type { FollowershipCount } from './followership';
export {
  conversationGuide,
  PLAN_MAX_ITEMS,
  PLAN_MIN_ITEMS,
  PLAN_TEXT_MAX,
  planCountsFrom,
  planCountTable,
  planSuggestions,
  reportStrengths,
} from './development-plan';
export type { SuggestionSource } from './development-plan';
export { comparePulse } from './pulse-comparison';
export type { PulseChange, PulseComparison } from './pulse-comparison';
export { PULSE_COLLECTING_DAYS, PULSE_WEEKS, pulseProgress, pulseStartsAt } from './pulse-schedule';
