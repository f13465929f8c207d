import { Module } from '@nestjs/common';
import { CyclesModule } from '@lib/cycles';
import { IdentityModule } from '@lib/identity';
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
import { ReportSharesController } from './shares/report-shares.controller';
import { ReportSharesRepository } from './shares/report-shares.repository';
import { ReportSharesService } from './shares/report-shares.service';
import { ReportSnapshotService } from './snapshot/report-snapshot.service';
import { ReportSnapshotsRepository } from './snapshot/report-snapshots.repository';
import { ReportSourceRepository } from './snapshot/report-source.repository';

/** Needs JobsModule and AuditModule, which are global. Registers the reports.snapshot job handler. */
@Module({
  // The reader's language, for the exports; cycles a person owns, and their limits, for pulses.
  imports: [IdentityModule, CyclesModule, OrganizationsModule],
  controllers: [ReportsController, PlansController, ReportSharesController, PulseController],
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
    ReportSharesRepository,
    ReportSharesService,
    PulseRepository,
    PulseService,
  ],
  exports: [ReportSnapshotService, PlansService, PulseService],
})
export class ReportsModule {}
