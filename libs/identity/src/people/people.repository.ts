import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not, Repository } from 'typeorm';
import { DEFAULT_LANGUAGE, effectiveLanguage, isLanguage, type Language, type Role } from '@lib/common';
import { selectFirst, selectOne, selectRows } from '@lib/database';
import { PersonEntity } from '../entities/person.entity';
import type { MeDto, PersonDto } from './person.dto';

const SELECT_PERSON = `
  SELECT p.id, p.email, p.name, p.title, p.department, p.manager_id, m.name AS manager_name, p.role,
         (p.password_hash IS NOT NULL) AS has_login, p.active, p.deactivated_at, p.language,
         (SELECT count(*)::int FROM people r WHERE r.organization_id = p.organization_id AND r.manager_id = p.id AND r.active) AS direct_report_count
    FROM people p
    LEFT JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id`;

/** One row of SELECT_PERSON. */
interface PersonRow {
  id: string;
  email: string;
  name: string;
  title: string | null;
  department: string | null;
  manager_id: string | null;
  manager_name: string | null;
  role: Role;
  has_login: boolean;
  active: boolean;
  deactivated_at: Date | null;
  language: string | null;
  direct_report_count: number;
}

const toDto = (r: PersonRow): PersonDto => ({
  id: r.id,
  email: r.email,
  name: r.name,
  title: r.title,
  department: r.department,
  managerId: r.manager_id,
  managerName: r.manager_name,
  role: r.role,
  directReportCount: r.direct_report_count,
  hasLogin: r.has_login,
  active: r.active,
  deactivatedAt: r.deactivated_at ? new Date(r.deactivated_at).toISOString() : null,
  languageChoice: isLanguage(r.language) ? r.language : null,
});

/** What HR may change of a person directly (the sign-in address only while they have no login). */
export type PersonChanges = Partial<Pick<PersonEntity, 'email' | 'name' | 'title' | 'department' | 'managerId' | 'role' | 'language'>>;

/** A new person: no manager, title or department unless given; a password only for an organisation's first admin. */
export interface NewPerson {
  email: string;
  name: string;
  role: Role;
  title?: string | null;
  department?: string | null;
  managerId?: string | null;
  language?: Language | null;
  passwordHash?: string | null;
}

/** A person as an edit checks them, locked until the transaction ends. */
export interface PersonForUpdate {
  id: string;
  email: string;
  name: string;
  role: Role;
  hasLogin: boolean;
}

/**
 * The people table. Every method takes the organisation first: a query without a tenant does not
 * compile. Single rows are read and written through the entity; the directory and the org chart's
 * recursive walk stay SQL (one statement each, whatever the size).
 */
@Injectable()
export class PeopleRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
  ) {}

  private repo(tx?: EntityManager): Repository<PersonEntity> {
    return tx ? tx.getRepository(PersonEntity) : this.people;
  }

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
    const { total } = await selectOne<{ total: number }>(this.db, `SELECT count(*)::int AS total FROM people p WHERE ${where}`, params);
    const rows = await selectRows<PersonRow>(
      this.db,
      `${SELECT_PERSON} WHERE ${where} ORDER BY p.name, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toDto), total };
  }

  async findById(organizationId: string, id: string, manager?: EntityManager): Promise<PersonDto | null> {
    const row = await selectFirst<PersonRow>(manager ?? this.db, `${SELECT_PERSON} WHERE p.organization_id = $1 AND p.id = $2`, [organizationId, id]);
    return row ? toDto(row) : null;
  }

  async findMe(organizationId: string, id: string): Promise<MeDto | null> {
    const row = await selectFirst<PersonRow & { organization_name: string; organization_time_zone: string; organization_language: string }>(
      this.db,
      `SELECT x.*, o.name AS organization_name, o.time_zone AS organization_time_zone, o.language AS organization_language
         FROM (${SELECT_PERSON} WHERE p.organization_id = $1 AND p.id = $2) x
         JOIN organizations o ON o.id = $1`,
      [organizationId, id],
    );
    if (!row) return null;
    const languageChoice = isLanguage(row.language) ? row.language : null;
    return {
      ...toDto(row),
      organizationId,
      organizationName: row.organization_name,
      organizationTimeZone: row.organization_time_zone,
      language: effectiveLanguage(languageChoice, row.organization_language),
      languageChoice,
    };
  }

  /** Sets (or, with null, clears) the person's own language. False when there is no such person. */
  async setLanguage(organizationId: string, id: string, language: Language | null, tx: EntityManager): Promise<boolean> {
    const result = await this.repo(tx).update({ organizationId, id }, { language });
    return (result.affected ?? 0) > 0;
  }

  /**
   * The language of each of these people (their own, else their organisation's), for the mail
   * sent to them. People not found are left out.
   */
  async languages(organizationId: string, ids: readonly string[], tx?: EntityManager): Promise<Map<string, Language>> {
    if (!ids.length) return new Map();
    const rows = await selectRows<{ id: string; language: string | null; org: string }>(
      tx ?? this.db,
      `SELECT p.id, p.language, o.language AS org FROM people p JOIN organizations o ON o.id = p.organization_id
        WHERE p.organization_id = $1 AND p.id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
    return new Map(rows.map((r) => [r.id, effectiveLanguage(r.language, r.org)]));
  }

  /** A reader's language (their own, else their organisation's): the words the API sends them are in it. */
  async language(organizationId: string, personId: string): Promise<Language> {
    return (await this.languages(organizationId, [personId])).get(personId) ?? DEFAULT_LANGUAGE;
  }

  /** A person's name, their organisation's and their language, for the mail sent to them. */
  async nameWithOrganization(
    organizationId: string,
    id: string,
    tx?: EntityManager,
  ): Promise<{ name: string; organizationName: string; language: Language } | null> {
    const row = await selectFirst<{ name: string; org: string; language: string | null; org_language: string }>(
      tx ?? this.db,
      `SELECT p.name, o.name AS org, p.language, o.language AS org_language
         FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.organization_id = $1 AND p.id = $2`,
      [organizationId, id],
    );
    return row ? { name: row.name, organizationName: row.org, language: effectiveLanguage(row.language, row.org_language) } : null;
  }

  /** A new person in the caller's transaction; the caller audits. Returns the id. */
  async insert(organizationId: string, person: NewPerson, tx: EntityManager): Promise<string> {
    const { identifiers } = await this.repo(tx).insert({
      organizationId,
      email: person.email,
      name: person.name,
      role: person.role,
      title: person.title ?? null,
      department: person.department ?? null,
      managerId: person.managerId ?? null,
      language: person.language ?? null,
      passwordHash: person.passwordHash ?? null,
    });
    return (identifiers[0] as Pick<PersonEntity, 'id'>).id;
  }

  /** The person an edit is about, locked (FOR UPDATE) until the transaction ends. */
  async findForUpdate(organizationId: string, id: string, tx: EntityManager): Promise<PersonForUpdate | null> {
    const person = await this.repo(tx).findOne({
      select: { id: true, email: true, name: true, role: true, passwordHash: true },
      where: { organizationId, id },
      lock: { mode: 'pessimistic_write' },
    });
    return person ? { id: person.id, email: person.email, name: person.name, role: person.role, hasLogin: person.passwordHash !== null } : null;
  }

  /** Changes the given fields (and updated_at); none given, nothing is written. */
  async update(organizationId: string, id: string, changes: PersonChanges, tx: EntityManager): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await this.repo(tx).update({ organizationId, id }, changes);
  }

  async isActive(organizationId: string, id: string, tx?: EntityManager): Promise<boolean> {
    return this.repo(tx).existsBy({ organizationId, id, active: true });
  }

  /** The active HR admins other than `exceptId`. */
  async countOtherActiveAdmins(organizationId: string, exceptId: string, tx?: EntityManager): Promise<number> {
    return this.repo(tx).countBy({ organizationId, role: 'admin', active: true, id: Not(exceptId) });
  }

  /** The active people and HR admins of each of these organisations (those with none are missing). */
  async activeCounts(organizationIds: string[]): Promise<Map<string, { people: number; admins: number }>> {
    const rows = await selectRows<{ organization_id: string; people: number; admins: number }>(
      this.db,
      `SELECT organization_id, count(*)::int AS people, count(*) FILTER (WHERE role = 'admin')::int AS admins
         FROM people WHERE organization_id = ANY($1::uuid[]) AND active GROUP BY organization_id`,
      [organizationIds],
    );
    return new Map(rows.map((r) => [r.organization_id, { people: r.people, admins: r.admins }]));
  }

  async departments(organizationId: string): Promise<string[]> {
    const rows = await selectRows<{ department: string }>(
      this.db,
      `SELECT DISTINCT department FROM people WHERE organization_id = $1 AND active AND department IS NOT NULL ORDER BY department`,
      [organizationId],
    );
    return rows.map((r) => r.department);
  }

  /** True when `candidateManagerId` is `personId` or reports (transitively) to them. */
  async wouldCreateLoop(organizationId: string, personId: string, candidateManagerId: string, manager?: EntityManager): Promise<boolean> {
    const rows = await selectRows<{ found: number }>(
      manager ?? this.db,
      `WITH RECURSIVE chain(id, manager_id, depth) AS (
         SELECT id, manager_id, 0 FROM people WHERE organization_id = $1 AND id = $3
         UNION ALL
         SELECT p.id, p.manager_id, c.depth + 1 FROM people p JOIN chain c ON p.organization_id = $1 AND p.id = c.manager_id
          WHERE c.depth < 10000
       ) CYCLE id SET is_cycle USING path
       SELECT 1 AS found FROM chain WHERE id = $2 LIMIT 1`,
      [organizationId, personId, candidateManagerId],
    );
    return rows.length > 0;
  }
}
