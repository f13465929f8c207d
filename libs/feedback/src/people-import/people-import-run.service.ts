import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { ImportPlan, lockOrgChart, PeopleImportService, SessionService } from '@lib/identity';
import { FeedbackErrorCode, FeedbackException } from '../feedback.exception';
import { LeaversRepository } from '../leavers/leavers.repository';
import { Deactivation, LeaversService } from '../leavers/leavers.service';
import { ImportResultDto } from './people-import.dto';

interface ImportRunOptions {
  dryRun: boolean;
  missingHaveLeft: boolean;
  confirmLeavers?: number;
}

type Work = Map<string, { owed: number; subjectOf: number }>;

/**
 * Runs a CSV import, leavers and returning people included. It lives here, above identity, and not
 * behind a port that identity would call: identity plans who leaves and writes the people
 * (PeopleImportService), and deactivating is LeaversService's, which ends the feedback work people
 * owe and so sits in this library. The one layer that knows both runs them in one transaction —
 * one home for what leaving does, and no interface kept only to invert a dependency.
 *
 * The dry run and the real run plan alike; the real run plans again under the chart's lock, so it
 * does what the file means against the data as it is then, and reports that.
 */
@Injectable()
export class PeopleImportRunService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: PeopleImportService,
    private readonly leavers: LeaversService,
    private readonly leaversRepository: LeaversRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, csv: string, options: ImportRunOptions): Promise<ImportResultDto> {
    const org = actor.organizationId;
    if (options.dryRun) {
      const plan = await this.people.plan(this.db.manager, actor, csv, options);
      const work = await this.leaversRepository.workInRunningCycles(
        org,
        plan.leavers.map((l) => l.id),
        this.db.manager,
      );
      return this.result(plan, work, true, []);
    }
    const { result, deactivations } = await this.db.transaction(async (tx) => {
      // Planned against the chart as it is under the lock: no HR edit or other import can move it meanwhile.
      await lockOrgChart(tx, org);
      const plan = await this.people.plan(tx, actor, csv, options);
      this.people.assertValid(plan);
      if (plan.confirmationRequired && options.confirmLeavers !== plan.leavers.length) {
        throw new FeedbackException(
          FeedbackErrorCode.ImportNeedsConfirmation,
          `This import would deactivate ${plan.leavers.length} of the ${plan.activePeople} active people. Check the list in a dry run, then confirm that number.`,
          { leavers: plan.leavers.length, activePeople: plan.activePeople },
        );
      }
      // Counted before anyone leaves, as the dry run counted it.
      const work = await this.leaversRepository.workInRunningCycles(
        org,
        plan.leavers.map((l) => l.id),
        tx,
      );
      await this.people.write(tx, org, plan);
      for (const r of plan.returners) await this.leavers.reactivateWithin(tx, actor, r.id);
      // One leaver at a time, by the person page's own logic; managers first (the plan's order).
      const done: Deactivation[] = [];
      for (const l of plan.leavers) done.push(await this.leavers.deactivateWithin(tx, actor, l.id, {}));
      const imported = this.result(plan, work, false, done);
      await this.audit.record(actor, { action: 'people.imported', targetType: 'organization', targetId: org, details: this.people.summary(plan) }, tx);
      return { result: imported, deactivations: done };
    });
    // Roles may have changed: everyone's next request reads their session afresh.
    await this.sessions.forgetOrganization(org);
    for (const d of deactivations) await this.leavers.afterDeactivation(org, d.result.id, d);
    return result;
  }

  /** A real run reports what the leaver logic did; a dry run what it will do. */
  private result(plan: ImportPlan, work: Work, dryRun: boolean, done: Deactivation[]): ImportResultDto {
    const doneById = new Map(done.map((d) => [d.result.id, d.result]));
    return {
      dryRun,
      summary: this.people.summary(plan),
      changes: plan.changes,
      errors: plan.errors,
      leavers: plan.leavers.map((l) => {
        const did = doneById.get(l.id);
        return {
          ...l,
          directReports: did?.reassignedReports ?? l.directReports,
          requestsInRunningCycles: did?.withdrawnRequests ?? work.get(l.id)?.owed ?? 0,
          subjectOfRunningCycles: work.get(l.id)?.subjectOf ?? 0,
        };
      }),
      returners: plan.returners,
      activePeople: plan.activePeople,
      confirmationRequired: plan.confirmationRequired,
      importerKept: plan.importerKept,
    };
  }
}
