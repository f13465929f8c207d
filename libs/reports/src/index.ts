export * from './reports.module';
export * from './reports.exception';
export { ReportSnapshotService } from './snapshot/report-snapshot.service';
export type { SnapshotResult } from './snapshot/report-snapshot.service';
export * from './report/report.dto';
export * from './heatmap/heatmap.dto';
export { PlansService } from './plans/plans.service';
