import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '@lib/common';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { ImportOptions, ImportPlan, planImport } from './import-plan';
import { PeopleImportRepository } from './people-import.repository';

type ImportSummary = {
  total: number;
  withProblems: number;
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  reactivated: number;
};

/**
 * Plans and writes the people of a CSV import: upserts by email, all or nothing. Who leaves and who
 * returns is planned here but carried out by the leaver logic, which lives above identity (it ends
 * the feedback work people owe): the import as a whole is run from there, see
 * PeopleImportRunService in the feedback library.
 */
@Injectable()
export class PeopleImportService {
  constructor(private readonly people: PeopleImportRepository) {}

  /** The plan against the chart as `tx` sees it: under lockOrgChart for a real run. */
  async plan(tx: EntityManager, actor: Actor, csv: string, options: Omit<ImportOptions, 'importerId'>): Promise<ImportPlan> {
    return planImport(csv, await this.people.existing(tx, actor.organizationId), { ...options, importerId: actor.personId });
  }

  summary(plan: ImportPlan): ImportSummary {
    // A row with a problem changes nothing (the file is refused): it is counted as such, never as new or updated.
    const problemLines = new Set(plan.errors.filter((e) => e.line > 1).map((e) => e.line));
    const count = (action: string): number => plan.changes.filter((c) => c.action === action && !problemLines.has(c.line)).length;
    return {
      total: plan.rowsRead,
      withProblems: problemLines.size,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      deactivated: plan.leavers.length,
      reactivated: plan.returners.length,
    };
  }

  /** Refuses a plan with row errors: nothing is written. */
  assertValid(plan: ImportPlan): void {
    if (!plan.errors.length) return;
    throw new IdentityException(
      IdentityErrorCode.ImportInvalid,
      `The file has ${plan.errors.length} problem${plan.errors.length === 1 ? '' : 's'}; nothing was imported`,
      { errors: plan.errors as never, summary: this.summary(plan) },
    );
  }

  /**
   * Two set-based statements whatever the size: upsert the people, then point them at managers.
   * A new person the file says has left is created so (nothing of theirs exists to wind down);
   * an existing person's active state is the leaver logic's to change, never this statement's.
   */
  async write(tx: EntityManager, organizationId: string, plan: ImportPlan): Promise<void> {
    const changed = new Set(plan.changes.filter((c) => c.action !== 'unchanged').map((c) => c.email));
    const rows = plan.people.filter((p) => changed.has(p.email));
    if (rows.length === 0) return;
    await this.people.upsert(tx, organizationId, rows);
    await this.people.pointAtManagers(tx, organizationId, rows);
  }
}
