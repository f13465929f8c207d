import { Injectable } from '@nestjs/common';
import { AuditService } from '@lib/audit';
import { type Actor, type Language, translator } from '@lib/common';
import { parseStoredCycleSettings } from '@lib/cycles';
import { FREQUENCY_SCALE } from '@lib/frameworks';
import { PeopleRepository } from '@lib/identity';
import { followershipView } from '../domain';
import { managerVisibility, partiesOfLoaded, ReportAccess, reportAccess, ReportParties, reportViewer } from '../access/report-access';
import { ReportsException } from '../reports.exception';
import { trendSource } from '../snapshot/report-input';
import { MyReportListDto, ReportDto, ReportHistoryPointDto, ReportScaleDto } from './report.dto';
import { HistoryEntry, MyReportCandidate, ReportReadRepository, TrendBaseline } from './report-read.repository';
import { reportIn } from './report-language';
import { ReportHeader, reportJson, upgradeStored, withoutTrend } from './report-shape';

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
    private readonly people: PeopleRepository,
  ) {}

  /** The report as JSON text (ReportDto), audited as `report.viewed`; the framework's words in the reader's language. */
  async json(actor: Actor, cycleId: string, subjectId: string): Promise<string> {
    const { header, stored } = await this.open(actor, cycleId, subjectId, 'json');
    const language = await this.language(actor);
    if (language === 'en') return reportJson(header, stored);
    return JSON.stringify(await this.inLanguage(actor, cycleId, language, { ...header, ...JSON.parse(stored) } as ReportDto));
  }

  /** The report as an object, audited as `report.exported` with the format; the framework's words in the reader's language. */
  async forExport(actor: Actor, cycleId: string, subjectId: string, format: 'csv' | 'pdf'): Promise<ReportDto> {
    const { header, stored } = await this.open(actor, cycleId, subjectId, format);
    return this.inLanguage(actor, cycleId, await this.language(actor), { ...header, ...JSON.parse(stored) } as ReportDto);
  }

  /** The reader's language: their own, else their organisation's. */
  async language(actor: Actor): Promise<Language> {
    return this.people.language(actor.organizationId, actor.personId);
  }

  private async inLanguage(actor: Actor, cycleId: string, language: Language, report: ReportDto): Promise<ReportDto> {
    if (language === 'en') return report;
    const t = translator(language);
    const scale = {
      points: report.scale.points.map((p) => ({ ...p, label: t.t(`scale.${p.value as 1 | 2 | 3 | 4 | 5}`) })),
      notObservedLabel: t.t('scale.notObserved'),
    };
    return { ...reportIn(report, await this.read.frameworkWords(actor.organizationId, cycleId, language)), scale };
  }

  private async open(actor: Actor, cycleId: string, subjectId: string, format: ReportFormat): Promise<{ header: ReportHeader; stored: string }> {
    const loaded = await this.read.load(actor.organizationId, cycleId, subjectId, actor.personId);
    if (!loaded) throw ReportsException.reportNotFound();
    const { context, snapshot, trendBaseline } = loaded;
    const parties = partiesOfLoaded(loaded);
    const access = reportAccess(actor, parties);
    // Refused: no audit event (a refused read is no view), and no content.
    if (!access.allowed) throw refusal(access);
    const { viewer } = access;
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
        origin: context.origin,
        frameworkName: context.frameworkName,
        frameworkVersion: context.frameworkVersion,
        closedAt: context.closedAt,
        releasedAt: context.releasedAt,
      },
      subject: { id: context.subjectId, name: context.subjectName, title: context.subjectTitle, department: context.department },
      viewer,
      computedAt: snapshot.computedAt.toISOString(),
      scale: SCALE,
      history: historyPoints(actor, context.subjectId, await this.read.history(actor.organizationId, cycleId, subjectId)),
      followership: followershipView(snapshot.followership, parseStoredCycleSettings(context.settings).anonymityThreshold, loaded.readerNamed),
    };
    const current = upgradeStored(snapshot.format, snapshot.reportJson);
    const stored = trendBaseline && !mayReadBaseline(actor, context.subjectId, trendBaseline) ? withoutTrend(current) : current;
    return { header, stored };
  }

  /** "My reports": the candidates the same decision as a report read lets the actor open now. */
  async mine(actor: Actor): Promise<MyReportListDto> {
    const candidates = await this.read.myCandidates(actor.organizationId, actor.personId);
    return {
      items: candidates
        .map((r) => ({ r, viewer: reportViewer(actor, candidateParties(r, actor.personId)) }))
        .filter(({ viewer }) => viewer !== null)
        .map(({ r, viewer }) => ({
          cycleId: r.cycleId,
          cycleName: r.cycleName,
          cycleState: r.cycleState,
          closedAt: r.closedAt,
          releasedAt: r.releasedAt,
          subject: { id: r.subjectId, name: r.subjectName, title: r.subjectTitle, department: r.department },
          // How the actor relates to it (an HR admin's own team is listed as theirs, too).
          viewer: r.subjectId === actor.personId ? ('subject' as const) : viewer === 'shared' ? ('shared' as const) : ('manager' as const),
        })),
    };
  }
}

function candidateParties(r: MyReportCandidate, personId: string): ReportParties {
  return {
    sharedWith: r.sharedWithMe ? [personId] : [],
    cycleState: r.cycleState,
    origin: r.origin,
    subjectId: r.subjectId,
    managerId: r.managerId,
    managerVisibility: managerVisibility(r.settings),
    anonymousRaters: r.anonymousRaters,
  };
}

function refusal(access: Extract<ReportAccess, { allowed: false }>): ReportsException {
  switch (access.refusal) {
    case 'rated_anonymously':
      return ReportsException.ratedAnonymously();
    case 'not_available_yet':
      return ReportsException.notAvailableYet();
    case 'not_found':
      return ReportsException.reportNotFound();
    default: {
      const exhaustive: never = access.refusal;
      return exhaustive;
    }
  }
}

/**
 * The history's points the reader may see: this report's, and each earlier report's only when
 * the same rules as the trend's let them read that report today. Each point is what its own
 * report showed (the stored summary), never recomputed, so nothing hidden there appears here.
 */
function historyPoints(actor: Actor, subjectId: string, entries: readonly HistoryEntry[]): ReportHistoryPointDto[] {
  return entries.flatMap((e): ReportHistoryPointDto[] => {
    if (
      !e.current &&
      !mayReadBaseline(actor, subjectId, {
        cycleId: e.cycleId,
        cycleState: e.cycleState,
        origin: e.origin,
        settings: e.settings,
        managerId: e.managerId,
        anonymousRaters: e.anonymousRaters,
      })
    )
      return [];
    const summary = trendSource(e.summary);
    if (!summary) return [];
    return [
      {
        cycleId: e.cycleId,
        cycleName: e.cycleName,
        closedAt: e.closedAt,
        current: e.current,
        influence: summary.influence,
        management: summary.management,
        behaviours: Object.entries(summary.behaviours).map(([key, mean]) => ({ key, mean })),
      },
    ];
  });
}

/**
 * A trend shows the numbers of an earlier report: only a reader who may read that report today
 * sees it (e.g. not a manager whom the earlier cycle never showed reports, or who was not the
 * subject's manager then, nor anyone the earlier report counted as an anonymous rater). The
 * stored snapshot stays as computed; the trend is left out per read.
 */
function mayReadBaseline(actor: Actor, subjectId: string, baseline: TrendBaseline): boolean {
  if (baseline.cycleState === null || baseline.anonymousRaters === null) return false;
  const parties: ReportParties = {
    cycleState: baseline.cycleState,
    origin: baseline.origin,
    subjectId,
    managerId: baseline.managerId,
    managerVisibility: managerVisibility(baseline.settings),
    // A reader the earlier report counted as anonymous could subtract their rating from its numbers.
    anonymousRaters: baseline.anonymousRaters,
  };
  return reportViewer(actor, parties) !== null;
}
