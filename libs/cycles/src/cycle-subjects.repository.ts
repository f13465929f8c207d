import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectOne, selectRows } from '@lib/database';
import type { RequestCountsDto } from './cycle-subject.dto';
import { countsOf, countsSql, type CountColumns } from './request-counts';

/** Who to add: chosen people, a department, or (both null) every active person. */
export interface SubjectSelection {
  personIds: string[] | null;
  department: string | null;
}

export interface ListedSubject {
  personId: string;
  name: string;
  email: string;
  title: string | null;
  department: string | null;
  managerId: string | null;
  managerName: string | null;
  hasReports: boolean;
  addedAt: Date;
  /** As `viewer` may know them (countsSql): their own row reads like a subject's. */
  requests: RequestCountsDto;
}

type ListedRow = CountColumns & {
  person_id: string;
  name: string;
  email: string;
  title: string | null;
  department: string | null;
  manager_id: string | null;
  manager_name: string | null;
  has_reports: boolean;
  added_at: Date;
};

/** The subjects of a cycle: adding them and HR's list. Organisation first. */
@Injectable()
export class CycleSubjectsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Adds the selected active people in one INSERT … SELECT (ON CONFLICT DO NOTHING, so adding
   * twice is harmless). Returns the ids added now.
   */
  async add(organizationId: string, cycleId: string, selection: SubjectSelection, tx: EntityManager): Promise<string[]> {
    const rows = await selectRows<{ person_id: string }>(
      tx,
      `INSERT INTO cycle_subjects (organization_id, cycle_id, person_id, department, manager_id)
       SELECT $1, $2, p.id, p.department, p.manager_id FROM people p
        WHERE p.organization_id = $1 AND p.active
          AND ($3::uuid[] IS NULL OR p.id = ANY($3::uuid[]))
          AND ($4::text IS NULL OR p.department = $4)
       ON CONFLICT DO NOTHING
       RETURNING person_id`,
      [organizationId, cycleId, selection.personIds, selection.department],
    );
    return rows.map((r) => r.person_id);
  }

  /** The cycle's subjects in all, and how many of them the selection names. */
  async selectionCounts(organizationId: string, cycleId: string, selection: SubjectSelection, tx: EntityManager): Promise<{ total: number; matched: number }> {
    return selectOne<{ total: number; matched: number }>(
      tx,
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE p.active AND ($3::uuid[] IS NULL OR p.id = ANY($3::uuid[])) AND ($4::text IS NULL OR p.department = $4))::int AS matched
         FROM cycle_subjects cs JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
        WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL`,
      [organizationId, cycleId, selection.personIds, selection.department],
    );
  }

  /** The ids among `personIds` that name no active person of the organisation. */
  async unknownPeople(organizationId: string, personIds: string[], tx: EntityManager): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(
      tx,
      `SELECT x.id FROM unnest($2::uuid[]) AS x(id)
        WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.organization_id = $1 AND p.id = x.id AND p.active)`,
      [organizationId, personIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * One page of the subjects still in the cycle, by name, with the number matching `search` (name,
   * email or department, as a substring). Counts are as `viewer` may know them (countsSql).
   */
  async list(
    organizationId: string,
    cycleId: string,
    viewer: string,
    page: { search?: string; limit: number; offset: number },
  ): Promise<{ total: number; items: ListedSubject[] }> {
    const params: unknown[] = [organizationId, cycleId];
    let where = 'cs.organization_id = $1 AND cs.cycle_id = $2';
    if (page.search) {
      params.push(`%${page.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND (p.name ILIKE $3 OR p.email ILIKE $3 OR cs.department ILIKE $3)`;
    }
    const { total } = await selectOne<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM cycle_subjects cs JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id WHERE cs.removed_at IS NULL AND ${where}`,
      params,
    );
    const n = params.length;
    const rows = await selectRows<ListedRow>(
      this.db,
      `SELECT cs.person_id, p.name, p.email, p.title, cs.department, cs.manager_id, m.name AS manager_name, cs.has_reports, cs.added_at, ${countsSql(`$${n + 1}`)}
         FROM cycle_subjects cs
         JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
         LEFT JOIN people m ON m.organization_id = cs.organization_id AND m.id = cs.manager_id
         LEFT JOIN feedback_requests fr ON fr.organization_id = cs.organization_id AND fr.cycle_id = cs.cycle_id AND fr.subject_id = cs.person_id
        WHERE cs.removed_at IS NULL AND ${where}
        GROUP BY cs.person_id, p.name, p.email, p.title, cs.department, cs.manager_id, m.name, cs.has_reports, cs.added_at
        ORDER BY p.name, cs.person_id
        LIMIT $${n + 2} OFFSET $${n + 3}`,
      [...params, viewer, page.limit, page.offset],
    );
    return {
      total,
      items: rows.map((r) => ({
        personId: r.person_id,
        name: r.name,
        email: r.email,
        title: r.title ?? null,
        department: r.department ?? null,
        managerId: r.manager_id ?? null,
        managerName: r.manager_name ?? null,
        hasReports: r.has_reports,
        addedAt: new Date(r.added_at),
        requests: countsOf(r),
      })),
    };
  }
}
