import { Module } from '@nestjs/common';
import { CyclesModule } from '@lib/cycles';
import { OrganizationsModule } from '@lib/organizations';
import { ReportExportService } from './export/report-export.service';
import { HeatmapRepository } from './heatmap/heatmap.repository';
import { HeatmapService } from './heatmap/heatmap.service';
import { ReportReadRepository } from './report/report-read.repository';
import { ReportViewService } from './report/report-view.service';
import { PlansController } from './plans/plans.controller';
import { PlansRepository } from './plans/plans.repository';
import { PlansService } from './plans/plans.service';
import { PulseController } from './pulse/pulse.controller';
import { PulseRepository } from './pulse/pulse.repository';
import { PulseService } from './pulse/pulse.service';
import { ReportsController } from './reports.controller';
import { ReportSnapshotService } from './snapshot/report-snapshot.service';
import { ReportSnapshotsRepository } from './snapshot/report-snapshots.repository';
import { ReportSourceRepository } from './snapshot/report-source.repository';

/** Needs JobsModule and AuditModule, which are global. Registers the reports.snapshot job handler. */
@Module({
  imports: [CyclesModule, OrganizationsModule],
  controllers: [ReportsController, PlansController, PulseController],
  providers: [
    ReportSourceRepository,
    ReportSnapshotsRepository,
    ReportSnapshotService,
    ReportReadRepository,
    ReportViewService,
    ReportExportService,
    HeatmapRepository,
    HeatmapService,
    PlansRepository,
    PlansService,
    PulseRepository,
    PulseService,
  ],
  exports: [ReportSnapshotService, PlansService, PulseService],
})
export class ReportsModule {}
