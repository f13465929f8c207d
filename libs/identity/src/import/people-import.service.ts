import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '@lib/common';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { ExistingPerson, ImportOptions, ImportPlan, planImport } from './import-plan';

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
  /** The plan against the chart as `tx` sees it: under lockOrgChart for a real run. */
  async plan(tx: EntityManager, actor: Actor, csv: string, options: Omit<ImportOptions, 'importerId'>): Promise<ImportPlan> {
    return planImport(csv, await this.existing(tx, actor.organizationId), { ...options, importerId: actor.personId });
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

  private async existing(tx: EntityManager, organizationId: string): Promise<ExistingPerson[]> {
    return tx.query(
      `SELECT p.id, p.email, p.name, p.title, p.department, m.email AS "managerEmail", p.role, p.active
         FROM people p LEFT JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id
        WHERE p.organization_id = $1`,
      [organizationId],
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
    await tx.query(
      `INSERT INTO people (organization_id, email, name, title, department, role, active, deactivated_at)
       SELECT $1, x.email, x.name, x.title, x.department, x.role, x.active, CASE WHEN x.active THEN NULL ELSE now() END
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[]) AS x(email, name, title, department, role, active)
       ON CONFLICT (organization_id, email) DO UPDATE
         SET name = excluded.name, title = excluded.title, department = excluded.department, role = excluded.role, updated_at = now()`,
      [
        organizationId,
        rows.map((p) => p.email),
        rows.map((p) => p.name),
        rows.map((p) => p.title),
        rows.map((p) => p.department),
        rows.map((p) => p.role),
        rows.map((p) => p.active !== false),
      ],
    );
    await tx.query(
      `UPDATE people p SET manager_id = m.id, updated_at = now()
         FROM unnest($2::text[], $3::text[]) AS x(email, manager_email)
         LEFT JOIN people m ON m.organization_id = $1 AND m.email = x.manager_email
        WHERE p.organization_id = $1 AND p.email = x.email AND p.manager_id IS DISTINCT FROM m.id`,
      [organizationId, rows.map((p) => p.email), rows.map((p) => p.managerEmail)],
    );
  }
}
