import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MeDto, PersonDto } from './person.dto';

const SELECT_PERSON = `
  SELECT p.id, p.email, p.name, p.title, p.department, p.manager_id, m.name AS manager_name, p.role,
         (p.password_hash IS NOT NULL) AS has_login, p.active, p.deactivated_at,
         (SELECT count(*)::int FROM people r WHERE r.organization_id = p.organization_id AND r.manager_id = p.id AND r.active) AS direct_report_count
    FROM people p
    LEFT JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id`;

type PersonRow = Record<string, unknown>;

const toDto = (r: PersonRow): PersonDto => ({
  id: String(r.id),
  email: String(r.email),
  name: String(r.name),
  title: (r.title as string) ?? null,
  department: (r.department as string) ?? null,
  managerId: (r.manager_id as string) ?? null,
  managerName: (r.manager_name as string) ?? null,
  role: r.role as PersonDto['role'],
  directReportCount: Number(r.direct_report_count),
  hasLogin: Boolean(r.has_login),
  active: Boolean(r.active),
  deactivatedAt: r.deactivated_at ? new Date(r.deactivated_at as string).toISOString() : null,
});

/** Every method takes the organisation first: a query without a tenant does not compile. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    organizationId: string,
    filter: { search?: string; department?: string; status: 'active' | 'left' | 'all'; limit: number; offset: number; searchEmails: boolean },
  ): Promise<{ items: PersonDto[]; total: number }> {
    const params: unknown[] = [organizationId];
    let where = `p.organization_id = $1${filter.status === 'all' ? '' : filter.status === 'left' ? ' AND NOT p.active' : ' AND p.active'}`;
    if (filter.search) {
      params.push(`%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const email = filter.searchEmails ? ` OR p.email ILIKE $${params.length}` : '';
      where += ` AND (p.name ILIKE $${params.length}${email} OR p.title ILIKE $${params.length} OR p.department ILIKE $${params.length})`;
    }
    if (filter.department) {
      params.push(filter.department);
      where += ` AND p.department = $${params.length}`;
    }
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total FROM people p WHERE ${where}`, params);
    const rows: PersonRow[] = await this.db.query(
      `${SELECT_PERSON} WHERE ${where} ORDER BY p.name, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toDto), total };
  }

  async findById(organizationId: string, id: string, manager?: EntityManager): Promise<PersonDto | null> {
    const rows: PersonRow[] = await (manager ?? this.db.manager).query(`${SELECT_PERSON} WHERE p.organization_id = $1 AND p.id = $2`, [organizationId, id]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  async findMe(organizationId: string, id: string): Promise<MeDto | null> {
    const rows: PersonRow[] = await this.db.query(
      `SELECT x.*, o.name AS organization_name, o.time_zone AS organization_time_zone FROM (${SELECT_PERSON} WHERE p.organization_id = $1 AND p.id = $2) x
         JOIN organizations o ON o.id = $1`,
      [organizationId, id],
    );
    const row = rows[0];
    return row
      ? { ...toDto(row), organizationId, organizationName: String(row.organization_name), organizationTimeZone: String(row.organization_time_zone) }
      : null;
  }

  /** A new person in the caller's transaction; the caller audits. Returns the id. */
  async insert(
    organizationId: string,
    person: { email: string; name: string; role: 'admin' | 'member'; passwordHash: string | null },
    tx: EntityManager,
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO people (organization_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organizationId, person.email, person.name, person.role, person.passwordHash],
    );
    return row.id;
  }

  async departments(organizationId: string): Promise<string[]> {
    const rows: { department: string }[] = await this.db.query(
      `SELECT DISTINCT department FROM people WHERE organization_id = $1 AND active AND department IS NOT NULL ORDER BY department`,
      [organizationId],
    );
    return rows.map((r) => r.department);
  }

  /** True when `candidateManagerId` is `personId` or reports (transitively) to them. */
  async wouldCreateLoop(organizationId: string, personId: string, candidateManagerId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.db.manager).query(
      `WITH RECURSIVE chain(id, manager_id, depth) AS (
         SELECT id, manager_id, 0 FROM people WHERE organization_id = $1 AND id = $3
         UNION ALL
         SELECT p.id, p.manager_id, c.depth + 1 FROM people p JOIN chain c ON p.organization_id = $1 AND p.id = c.manager_id
          WHERE c.depth < 10000
       ) CYCLE id SET is_cycle USING path
       SELECT 1 FROM chain WHERE id = $2 LIMIT 1`,
      [organizationId, personId, candidateManagerId],
    );
    return rows.length > 0;
  }
}
