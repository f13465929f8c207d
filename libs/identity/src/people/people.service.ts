import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '@lib/audit';
import { type Actor, isAdmin } from '@lib/common';
import { SessionService } from '../auth/session.service';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { CreatePersonDto, ListPeopleQueryDto, MeDto, PersonDto, PersonListDto, PersonSummaryDto, UpdatePersonDto } from './person.dto';
import { personView } from './person-view';
import { lockOrgChart } from './org-chart-lock';
import { PeopleRepository } from './people.repository';

const notFound = (): IdentityException => new IdentityException(IdentityErrorCode.PersonNotFound, 'Person not found');

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  /** The directory: every member may search colleagues (to ask them for feedback), in their view (personView). */
  async list(actor: Actor, query: ListPeopleQueryDto): Promise<PersonListDto> {
    // Emails are HR's to see, so only HR's search matches them (a member could probe guesses).
    const searchEmails = isAdmin(actor);
    // Who has left is HR's to know: everyone else sees the active directory whatever they ask for.
    const status = isAdmin(actor) ? (query.status ?? 'active') : 'active';
    const { items, total } = await this.people.list(actor.organizationId, {
      ...query,
      status,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
      searchEmails,
    });
    return { items: items.map((person) => personView(actor, person)), total };
  }

  async get(actor: Actor, id: string): Promise<PersonDto | PersonSummaryDto> {
    const person = await this.people.findById(actor.organizationId, id);
    if (!person) throw notFound();
    return personView(actor, person);
  }

  async me(actor: Actor): Promise<MeDto> {
    return (await this.people.findMe(actor.organizationId, actor.personId)) ?? Promise.reject(notFound());
  }

  departments(actor: Actor): Promise<string[]> {
    return this.people.departments(actor.organizationId);
  }

  async create(actor: Actor, dto: CreatePersonDto): Promise<PersonDto> {
    return this.db.transaction(async (tx) => {
      await lockOrgChart(tx, actor.organizationId);
      if (dto.managerId) await this.assertManagerExists(tx, actor.organizationId, dto.managerId);
      const rows = await tx
        .query<{ id: string }[]>(
          `INSERT INTO people (organization_id, email, name, title, department, manager_id, role)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [actor.organizationId, dto.email, dto.name, dto.title ?? null, dto.department ?? null, dto.managerId ?? null, dto.role ?? 'member'],
        )
        .catch((error: unknown) => rethrowUnique(error, dto.email));
      await this.audit.record(actor, { action: 'person.created', targetType: 'person', targetId: rows[0].id, details: { email: dto.email } }, tx);
      return (await this.people.findById(actor.organizationId, rows[0].id, tx))!;
    });
  }

  async update(actor: Actor, id: string, dto: UpdatePersonDto): Promise<PersonDto> {
    const updated = await this.db.transaction(async (tx) => {
      // The loop and last-admin checks below read the whole chart: they hold only while no other
      // edit or import of this organisation runs between the check and the commit.
      await lockOrgChart(tx, actor.organizationId);
      const current: { id: string; role: string; name: string; email: string; has_login: boolean }[] = await tx.query(
        `SELECT id, role, name, email, password_hash IS NOT NULL AS has_login FROM people WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [actor.organizationId, id],
      );
      if (!current[0]) throw notFound();
      // The sign-in address is the account: whoever controls it can reset the password. So only
      // its owner changes it (confirming from the new address); HR may not steer it elsewhere.
      if (dto.email !== undefined && dto.email !== current[0].email && current[0].has_login) {
        throw new IdentityException(
          IdentityErrorCode.EmailOwnedByLogin,
          `${current[0].name} signs in with this address; they can change it themselves on their Account page`,
          { errors: [{ field: 'email', message: 'only the person can change the address they sign in with' }] },
        );
      }
      if (dto.managerId) {
        await this.assertManagerExists(tx, actor.organizationId, dto.managerId);
        if (await this.people.wouldCreateLoop(actor.organizationId, id, dto.managerId, tx)) {
          throw new IdentityException(IdentityErrorCode.ManagerLoop, 'That manager reports to this person: the change would create a loop', {
            errors: [{ field: 'managerId', message: 'would create a reporting loop' }],
          });
        }
      }
      if (dto.role === 'member' && current[0].role === 'admin') await this.assertNotLastAdmin(tx, actor.organizationId, id);
      const sets: string[] = [];
      const params: unknown[] = [actor.organizationId, id];
      const columns: [keyof UpdatePersonDto, string][] = [
        ['email', 'email'],
        ['name', 'name'],
        ['title', 'title'],
        ['department', 'department'],
        ['managerId', 'manager_id'],
        ['role', 'role'],
      ];
      for (const [field, column] of columns) {
        if (dto[field] !== undefined) {
          params.push(dto[field]);
          sets.push(`${column} = $${params.length}`);
        }
      }
      if (sets.length) {
        await tx
          .query(`UPDATE people SET ${sets.join(', ')}, updated_at = now() WHERE organization_id = $1 AND id = $2`, params)
          .catch((error: unknown) => rethrowUnique(error, dto.email ?? ''));
        await this.audit.record(actor, { action: 'person.updated', targetType: 'person', targetId: id, details: { fields: Object.keys(dto) } }, tx);
      }
      return (await this.people.findById(actor.organizationId, id, tx))!;
    });
    // A new role applies from the person's next request, on every instance.
    if (dto.role !== undefined) await this.sessions.forgetPerson(actor.organizationId, id);
    return updated;
  }

  private async assertManagerExists(tx: EntityManager, organizationId: string, managerId: string): Promise<void> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM people WHERE organization_id = $1 AND id = $2 AND active`, [organizationId, managerId]);
    if (rows.length === 0) {
      throw new IdentityException(IdentityErrorCode.ManagerNotFound, 'The chosen manager does not exist in this organisation', {
        errors: [{ field: 'managerId', message: 'unknown person' }],
      });
    }
  }

  private async assertNotLastAdmin(tx: EntityManager, organizationId: string, id: string): Promise<void> {
    const [{ admins }]: { admins: number }[] = await tx.query(
      `SELECT count(*)::int AS admins FROM people WHERE organization_id = $1 AND role = 'admin' AND active AND id <> $2`,
      [organizationId, id],
    );
    if (admins === 0) throw new IdentityException(IdentityErrorCode.LastAdmin, 'An organisation needs at least one HR admin');
  }
}

function rethrowUnique(error: unknown, email: string): never {
  if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
    throw new IdentityException(IdentityErrorCode.EmailTaken, `Someone with the email ${email} already exists`, {
      errors: [{ field: 'email', message: 'already in use' }],
    });
  }
  throw error;
}
