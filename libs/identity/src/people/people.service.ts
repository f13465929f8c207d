import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '@lib/audit';
import { type Actor, type ChangeActor, isAdmin } from '@lib/common';
import { SessionService } from '../auth/session.service';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { CreatePersonDto, ListPeopleQueryDto, MeDto, PersonDto, PersonListDto, PersonSummaryDto, SetLanguageDto, UpdatePersonDto } from './person.dto';
import { personView } from './person-view';
import { lockOrgChart } from './org-chart-lock';
import { PeopleRepository, type PersonChanges } from './people.repository';

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

  /** The person's own language (null: follow the organisation's). A preference, not an admin action: not audited. */
  async setOwnLanguage(actor: Actor, dto: SetLanguageDto): Promise<MeDto> {
    await this.db.transaction(async (tx) => {
      if (!(await this.people.setLanguage(actor.organizationId, actor.personId, dto.language, tx))) throw notFound();
    });
    return this.me(actor);
  }

  departments(actor: Actor): Promise<string[]> {
    return this.people.departments(actor.organizationId);
  }

  async create(actor: Actor, dto: CreatePersonDto): Promise<PersonDto> {
    return this.db.transaction((tx) => this.createWithin(tx, actor, dto));
  }

  /**
   * A new person, inside the caller's transaction: the person page and SCIM provisioning both come
   * here, so a manager is checked the same way whoever adds someone.
   */
  async createWithin(tx: EntityManager, actor: ChangeActor, dto: CreatePersonDto): Promise<PersonDto> {
    await lockOrgChart(tx, actor.organizationId);
    if (dto.managerId) await this.assertManagerExists(tx, actor.organizationId, dto.managerId);
    const id = await this.people
      .insert(
        actor.organizationId,
        {
          email: dto.email,
          name: dto.name,
          title: dto.title,
          department: dto.department,
          managerId: dto.managerId,
          role: dto.role ?? 'member',
          language: dto.language ?? null,
        },
        tx,
      )
      .catch((error: unknown) => rethrowUnique(error, dto.email));
    await this.audit.record(actor, { action: 'person.created', targetType: 'person', targetId: id, details: { email: dto.email } }, tx);
    return (await this.people.findById(actor.organizationId, id, tx))!;
  }

  async update(actor: Actor, id: string, dto: UpdatePersonDto): Promise<PersonDto> {
    const updated = await this.db.transaction((tx) => this.updateWithin(tx, actor, id, dto));
    // A new role applies from the person's next request, on every instance.
    if (dto.role !== undefined) await this.sessions.forgetPerson(actor.organizationId, id);
    return updated;
  }

  /**
   * A change to a person, inside the caller's transaction: the person page and SCIM provisioning
   * both come here, so no reporting loop, unknown manager or stolen sign-in address gets in by
   * either. A caller that changes `role` forgets the person's sessions after the commit.
   */
  async updateWithin(tx: EntityManager, actor: ChangeActor, id: string, dto: UpdatePersonDto): Promise<PersonDto> {
    // The loop and last-admin checks below read the whole chart: they hold only while no other
    // edit or import of this organisation runs between the check and the commit.
    await lockOrgChart(tx, actor.organizationId);
    const current = await this.people.findForUpdate(actor.organizationId, id, tx);
    if (!current) throw notFound();
    // The sign-in address is the account: whoever controls it can reset the password. So only
    // its owner changes it (confirming from the new address); HR may not steer it elsewhere.
    if (dto.email !== undefined && dto.email !== current.email && current.hasLogin) {
      throw new IdentityException(
        IdentityErrorCode.EmailOwnedByLogin,
        `${current.name} signs in with this address; they can change it themselves on their Account page`,
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
    if (dto.role === 'member' && current.role === 'admin') await this.assertNotLastAdmin(tx, actor.organizationId, id);
    const changes: PersonChanges = {};
    for (const field of ['email', 'name', 'title', 'department', 'managerId', 'role', 'language'] as const) {
      if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
    }
    if (Object.keys(changes).length) {
      await this.people.update(actor.organizationId, id, changes, tx).catch((error: unknown) => rethrowUnique(error, dto.email ?? ''));
      await this.audit.record(actor, { action: 'person.updated', targetType: 'person', targetId: id, details: { fields: Object.keys(dto) } }, tx);
    }
    return (await this.people.findById(actor.organizationId, id, tx))!;
  }

  private async assertManagerExists(tx: EntityManager, organizationId: string, managerId: string): Promise<void> {
    if (!(await this.people.isActive(organizationId, managerId, tx))) {
      throw new IdentityException(IdentityErrorCode.ManagerNotFound, 'The chosen manager does not exist in this organisation', {
        errors: [{ field: 'managerId', message: 'unknown person' }],
      });
    }
  }

  private async assertNotLastAdmin(tx: EntityManager, organizationId: string, id: string): Promise<void> {
    if ((await this.people.countOtherActiveAdmins(organizationId, id, tx)) === 0) {
      throw new IdentityException(IdentityErrorCode.LastAdmin, 'An organisation needs at least one HR admin');
    }
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
