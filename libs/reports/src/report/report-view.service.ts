import { Injectable } from '@nestjs/common';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { FREQUENCY_SCALE } from '@lib/frameworks';
import { managerVisibility, ReportParties, reportViewer, willSeeLater } from '../access/report-access';
import { ReportsException } from '../reports.exception';
import { MyReportListDto, ReportDto, ReportScaleDto } from './report.dto';
import { ReportReadRepository, TrendBaseline } from './report-read.repository';
import { ReportHeader, reportJson, withoutTrend } from './report-shape';

export type ReportFormat = 'json' | 'csv' | 'pdf';

/** The audit target of one report: HR can filter the trail by it (targetType 'report'). */
export const reportTargetId = (cycleId: string, subjectId: string): string => `${cycleId}:${subjectId}`;

const SCALE: ReportScaleDto = {
  points: FREQUENCY_SCALE.points.map((p) => ({ value: p.value, label: p.label })),
  notObservedLabel: FREQUENCY_SCALE.notObservedLabel,
};

/**
 * Reading a stored report: who may see it (access/report-access.ts), the header around the
 * snapshot, and the audit event for every view and export.
 */
@Injectable()
export class ReportViewService {
  constructor(
    private readonly read: ReportReadRepository,
    private readonly audit: AuditService,
  ) {}

  /** The report as JSON text (ReportDto), audited as `report.viewed`. */
  async json(actor: Actor, cycleId: string, subjectId: string): Promise<string> {
    const { header, stored } = await this.open(actor, cycleId, subjectId, 'json');
    return reportJson(header, stored);
  }

  /** The report as an object, audited as `report.exported` with the format. */
  async forExport(actor: Actor, cycleId: string, subjectId: string, format: 'csv' | 'pdf'): Promise<ReportDto> {
    const { header, stored } = await this.open(actor, cycleId, subjectId, format);
    return { ...header, ...JSON.parse(stored) } as ReportDto;
  }

  private async open(actor: Actor, cycleId: string, subjectId: string, format: ReportFormat): Promise<{ header: ReportHeader; stored: string }> {
    const loaded = await this.read.load(actor.organizationId, cycleId, subjectId);
    if (!loaded) throw ReportsException.reportNotFound();
    const { context, snapshot, trendBaseline } = loaded;
    const parties: ReportParties = {
      cycleState: context.cycleState,
      subjectId: context.subjectId,
      managerId: context.managerId,
      managerVisibility: managerVisibility(context.settings),
    };
    const viewer = reportViewer(actor, parties);
    if (!viewer) throw willSeeLater(actor, parties) ? ReportsException.notAvailableYet() : ReportsException.reportNotFound();
    // Closed but the snapshot job has not run yet: it will be there shortly.
    if (!snapshot) throw ReportsException.notAvailableYet();
    await this.audit.recordView(actor, {
      action: format === 'json' ? 'report.viewed' : 'report.exported',
      targetType: 'report',
      targetId: reportTargetId(cycleId, subjectId),
      details: { cycleId, subjectId, viewer, ...(format === 'json' ? {} : { format }) },
    });
    const header: ReportHeader = {
      cycle: {
        id: context.cycleId,
        name: context.cycleName,
        state: context.cycleState,
        frameworkName: context.frameworkName,
        frameworkVersion: context.frameworkVersion,
        closedAt: context.closedAt,
        releasedAt: context.releasedAt,
      },
      subject: { id: context.subjectId, name: context.subjectName, title: context.subjectTitle, department: context.department },
      viewer,
      computedAt: snapshot.computedAt.toISOString(),
      scale: SCALE,
    };
    const stored = trendBaseline && !mayReadBaseline(actor, context.subjectId, trendBaseline) ? withoutTrend(snapshot.reportJson) : snapshot.reportJson;
    return { header, stored };
  }

  async mine(actor: Actor): Promise<MyReportListDto> {
    const rows = await this.read.mine(actor.organizationId, actor.personId);
    return {
      items: rows.map((r) => ({
        cycleId: r.cycleId,
        cycleName: r.cycleName,
        cycleState: r.cycleState,
        closedAt: r.closedAt,
        releasedAt: r.releasedAt,
        subject: { id: r.subjectId, name: r.subjectName, title: r.subjectTitle, department: r.department },
        viewer: r.viewer,
      })),
    };
  }
}

/**
 * A trend shows the numbers of an earlier report: only a reader who may read that report today
 * sees it (e.g. not a manager whom the earlier cycle never showed reports, or who was not the
 * subject's manager then). The stored snapshot stays as computed; the trend is left out per read.
 */
function mayReadBaseline(actor: Actor, subjectId: string, baseline: TrendBaseline): boolean {
  if (baseline.cycleState === null) return false;
  const parties: ReportParties = {
    cycleState: baseline.cycleState,
    subjectId,
    managerId: baseline.managerId,
    managerVisibility: managerVisibility(baseline.settings),
  };
  return reportViewer(actor, parties) !== null;
}
