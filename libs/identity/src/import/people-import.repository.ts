import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows } from '@lib/database';
import type { ExistingPerson, PlannedPerson } from './import-plan';

/**
 * The people of a CSV import, read and written set-based: one statement each whatever the size of
 * the file. Every method takes the organisation first and runs in the caller's transaction (under
 * lockOrgChart for a real run).
 */
@Injectable()
export class PeopleImportRepository {
  /** Everyone in the organisation, active or not, with their manager's address. */
  async existing(tx: EntityManager, organizationId: string): Promise<ExistingPerson[]> {
    const rows = await selectRows<{
      id: string;
      email: string;
      name: string;
      title: string | null;
      department: string | null;
      manager_email: string | null;
      role: ExistingPerson['role'];
      active: boolean;
    }>(
      tx,
      `SELECT p.id, p.email, p.name, p.title, p.department, m.email AS manager_email, p.role, p.active
         FROM people p LEFT JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id
        WHERE p.organization_id = $1`,
      [organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      title: r.title,
      department: r.department,
      managerEmail: r.manager_email,
      role: r.role,
      active: r.active,
    }));
  }

  /**
   * Upserts by address. A new person the file says has left is created so (nothing of theirs
   * exists to wind down); an existing person's active state is the leaver logic's to change,
   * never this statement's.
   */
  async upsert(tx: EntityManager, organizationId: string, people: PlannedPerson[]): Promise<void> {
    await tx.query(
      `INSERT INTO people (organization_id, email, name, title, department, role, active, deactivated_at)
       SELECT $1, x.email, x.name, x.title, x.department, x.role, x.active, CASE WHEN x.active THEN NULL ELSE now() END
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[]) AS x(email, name, title, department, role, active)
       ON CONFLICT (organization_id, email) DO UPDATE
         SET name = excluded.name, title = excluded.title, department = excluded.department, role = excluded.role, updated_at = now()`,
      [
        organizationId,
        people.map((p) => p.email),
        people.map((p) => p.name),
        people.map((p) => p.title),
        people.map((p) => p.department),
        people.map((p) => p.role),
        people.map((p) => p.active !== false),
      ],
    );
  }

  /** Points each person at the manager the file names (by address), or at none. */
  async pointAtManagers(tx: EntityManager, organizationId: string, people: Pick<PlannedPerson, 'email' | 'managerEmail'>[]): Promise<void> {
    await tx.query(
      `UPDATE people p SET manager_id = m.id, updated_at = now()
         FROM unnest($2::text[], $3::text[]) AS x(email, manager_email)
         LEFT JOIN people m ON m.organization_id = $1 AND m.email = x.manager_email
        WHERE p.organization_id = $1 AND p.email = x.email AND p.manager_id IS DISTINCT FROM m.id`,
      [organizationId, people.map((p) => p.email), people.map((p) => p.managerEmail)],
    );
  }
}
