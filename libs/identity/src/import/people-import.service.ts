import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { SessionService } from '../auth/session.service';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { lockOrgChart } from '../people/org-chart-lock';
import { ExistingPerson, ImportPlan, planImport } from './import-plan';

export interface ImportResult {
  dryRun: boolean;
  summary: { total: number; created: number; updated: number; unchanged: number };
  changes: ImportPlan['changes'];
  errors: ImportPlan['errors'];
}

/** Upserts people by email from CSV: all or nothing, with a dry run that only reports. */
@Injectable()
export class PeopleImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  async import(actor: Actor, csv: string, dryRun: boolean): Promise<ImportResult> {
    if (dryRun) return this.result(planImport(csv, await this.existing(this.db.manager, actor.organizationId)), true);
    const imported = await this.db.transaction(async (tx) => {
      // Planned against the chart as it is under the lock: no HR edit or other import can move it meanwhile.
      await lockOrgChart(tx, actor.organizationId);
      const plan = planImport(csv, await this.existing(tx, actor.organizationId));
      const result = this.result(plan, false);
      if (plan.errors.length) {
        throw new IdentityException(
          IdentityErrorCode.ImportInvalid,
          `The file has ${plan.errors.length} problem${plan.errors.length === 1 ? '' : 's'}; nothing was imported`,
          { errors: plan.errors as never, summary: result.summary },
        );
      }
      await this.write(tx, actor.organizationId, plan);
      await this.audit.record(actor, { action: 'people.imported', targetType: 'organization', targetId: actor.organizationId, details: result.summary }, tx);
      return result;
    });
    // Roles may have changed: everyone's next request reads their session afresh.
    await this.sessions.forgetOrganization(actor.organizationId);
    return imported;
  }

  private result(plan: ImportPlan, dryRun: boolean): ImportResult {
    const count = (action: string): number => plan.changes.filter((c) => c.action === action).length;
    return {
      dryRun,
      summary: { total: plan.changes.length, created: count('create'), updated: count('update'), unchanged: count('unchanged') },
      changes: plan.changes,
      errors: plan.errors,
    };
  }

  private async existing(tx: EntityManager, organizationId: string): Promise<ExistingPerson[]> {
    return tx.query(
      `SELECT p.id, p.email, p.name, p.title, p.department, m.email AS "managerEmail", p.role
         FROM people p LEFT JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id
        WHERE p.organization_id = $1`,
      [organizationId],
    );
  }

  /** Two set-based statements whatever the size: upsert the people, then point them at managers. */
  private async write(tx: EntityManager, organizationId: string, plan: ImportPlan): Promise<void> {
    const changed = new Set(plan.changes.filter((c) => c.action !== 'unchanged').map((c) => c.email));
    const rows = plan.people.filter((p) => changed.has(p.email));
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO people (organization_id, email, name, title, department, role)
       SELECT $1, x.email, x.name, x.title, x.department, x.role
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(email, name, title, department, role)
       ON CONFLICT (organization_id, email) DO UPDATE
         SET name = excluded.name, title = excluded.title, department = excluded.department, role = excluded.role, updated_at = now()`,
      [organizationId, rows.map((p) => p.email), rows.map((p) => p.name), rows.map((p) => p.title), rows.map((p) => p.department), rows.map((p) => p.role)],
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
