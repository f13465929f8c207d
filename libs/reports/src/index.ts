export * from './reports.module';
export * from './reports.exception';
export { ReportSnapshotService, SNAPSHOT_BATCH_SIZE } from './snapshot/report-snapshot.service';
export type { SnapshotResult } from './snapshot/report-snapshot.service';
export * from './report/report.dto';
export * from './heatmap/heatmap.dto';
export { reportViewer } from './access/report-access';
export type { ReportViewer } from './access/report-access';
