import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOSED_STATES } from '@lib/cycles';
import { JOB_NAMES, JobsService, ReportsSnapshotJobData } from '@lib/jobs';
import { buildReport } from '../domain';
import { storedReport } from '../report/report-shape';
import { ReportsErrorCode, ReportsException } from '../reports.exception';
import { anonymousRaterIds, frameworkInput, reportSettings, responsesInput, trendSource } from './report-input';
import { ReportSnapshotsRepository, SnapshotRow } from './report-snapshots.repository';
import { ReportSourceRepository } from './report-source.repository';

/** Subjects per read-and-write round: one query for the responses, one for the trend, one INSERT. */
export const SNAPSHOT_BATCH_SIZE = 500;

export interface SnapshotResult {
  subjects: number;
  /** Rows inserted or replaced (after release, only the missing ones are added). */
  written: number;
  replaced: boolean;
}

/**
 * Computes the report of every subject of a closed cycle and stores it (report_snapshots), so a
 * report read is one primary-key lookup and a released report never changes.
 *
 * All in one transaction that holds the cycle row FOR SHARE: the release (which locks the cycle
 * FOR UPDATE) waits until every snapshot is written, and a cycle that is not closed is refused.
 */
@Injectable()
export class ReportSnapshotService implements OnModuleInit {
  private readonly logger = new Logger(ReportSnapshotService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly source: ReportSourceRepository,
    private readonly snapshots: ReportSnapshotsRepository,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.work<ReportsSnapshotJobData>(JOB_NAMES.reportsSnapshot, async ({ organizationId, cycleId }) => {
      try {
        const result = await this.snapshotCycle(organizationId, cycleId);
        this.logger.log(`Report snapshots of cycle ${cycleId}: ${result.written} written for ${result.subjects} subjects`);
      } catch (error) {
        // A cycle deleted or not closed (yet) will not become snapshottable by retrying.
        if (error instanceof ReportsException) return void this.logger.warn(`Report snapshots of cycle ${cycleId} skipped: ${error.message}`);
        throw error;
      }
    });
  }

  async snapshotCycle(organizationId: string, cycleId: string): Promise<SnapshotResult> {
    const result = await this.db.transaction(async (tx) => {
      await this.snapshots.withoutJit(tx);
      const cycle = await this.source.cycle(organizationId, cycleId, tx, 'share');
      if (!cycle) throw ReportsException.cycleNotFound();
      if (!CLOSED_STATES.includes(cycle.state)) {
        throw new ReportsException(ReportsErrorCode.CycleNotClosed, 'Reports are computed once the cycle is closed');
      }
      const replace = cycle.state === 'closed';
      const { managerVisibility, ...settings } = reportSettings(cycle.settings);
      const framework = await this.source.framework(organizationId, cycle.frameworkVersionId, cycle.behaviourKeys, tx);
      const shape = frameworkInput(framework);
      const descriptions = new Map(framework.behaviours.map((b) => [b.key, b.description]));
      const statementIds = framework.statements.map((s) => s.id);
      const openQuestionIds = framework.openQuestions.map((q) => q.id);
      const subjects = await this.source.subjects(organizationId, cycleId, tx);

      let written = 0;
      for (let start = 0; start < subjects.length; start += SNAPSHOT_BATCH_SIZE) {
        const batchSubjects = subjects.slice(start, start + SNAPSHOT_BATCH_SIZE);
        const batch = batchSubjects.map((s) => s.subjectId);
        const vectors = await this.source.responses(organizationId, cycleId, { statementIds, openQuestionIds }, batch, tx);
        const earlierSummaries = await this.source.previousSummaries(organizationId, cycle, batch, tx);
        const vectorsOf = groupBy(vectors, (v) => v.subjectId);
        const previousOf = new Map(earlierSummaries.map((p) => [p.subjectId, p]));
        const rows: SnapshotRow[] = batchSubjects.map(({ subjectId, managerId }) => {
          const earlier = previousOf.get(subjectId);
          const previous = trendSource(earlier?.summary);
          const subjectVectors = vectorsOf.get(subjectId) ?? [];
          const responses = responsesInput(statementIds, subjectVectors, { origin: cycle.origin, subjectId, managerId, managerVisibility });
          const report = buildReport({ ...settings, ...shape, responses, previous });
          const previousCycle =
            earlier && previous ? { id: earlier.cycleId, name: earlier.cycleName, closedAt: earlier.closedAt?.toISOString() ?? null } : null;
          return {
            subjectId,
            report: storedReport(report, descriptions, previousCycle),
            summary: report.summary,
            // Whom this very report counted toward k: they may never read it (report-access.ts).
            anonymousRaterIds: anonymousRaterIds(subjectVectors, responses, settings),
          };
        });
        written += await this.snapshots.write(organizationId, cycleId, rows, replace, tx);
      }
      await this.snapshots.freezeFollowership(organizationId, cycleId, replace, tx);
      // An owned cycle's report is its owner's once computed: released in the same transaction.
      if (cycle.origin !== 'hr') await this.snapshots.releaseOwned(organizationId, cycleId, tx);
      return { subjects: subjects.length, written, replaced: replace };
    });
    if (result.written >= 1000) await this.snapshots.analyze();
    return result;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
