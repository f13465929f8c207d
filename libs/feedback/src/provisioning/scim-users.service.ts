import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Messages, Resources } from 'scimmy';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppException, type ChangeActor, ErrorKind } from '@lib/common';
import { CreatePersonDto, lockOrgChart, PeopleService, UpdatePersonDto } from '@lib/identity';
import { Deactivation, LeaversService } from '../leavers/leavers.service';
import { normalisePatch, normaliseUser, onlyIgnoredOperations } from './patch-dialects';
import type { ScimClient } from './scim-token.guard';
import { SCIM_PATH } from './scim-tokens.service';
import {
  attributeFilter,
  configureScim,
  DEFAULT_PAGE,
  DesiredPerson,
  desiredPerson,
  LIST_RESPONSE_SCHEMA,
  MAX_PAGE,
  parseUserFilter,
  ScimPerson,
  scimCall,
  scimCallAsync,
  scimError,
  scimUser,
  toScimUser,
} from './scim-schema';
import { ScimUsersRepository, type ProviderFields } from './scim-users.repository';

export interface ScimListQuery {
  filter?: string;
  startIndex?: number;
  count?: number;
  attributes?: string;
  excludedAttributes?: string;
}

type ScimResource = Record<string, unknown>;

const notFound = (id: string): AppException => scimError(404, null, `User ${id} not found`);

/** The scimType (RFC 7644 §3.12) of each refusal the people rules make. */
const SCIM_TYPES: Record<string, string> = {
  email_taken: 'uniqueness',
  email_owned_by_login: 'mutability',
  last_admin: 'mutability',
  manager_loop: 'invalidValue',
  manager_not_found: 'invalidValue',
  validation_failed: 'invalidValue',
};

/**
 * People provisioning over SCIM. Every change goes through the product's own rules, inside one
 * transaction under the org chart's lock: creating and editing through PeopleService (manager
 * exists and is active, no reporting loop, a sign-in address only its owner changes), leaving and
 * returning through LeaversService (exactly what the person page's "has left" does). Launched
 * cycles keep the manager they froze: only people.manager_id changes. SCIM's `id` is Ripple's
 * person id, `userName` the email address; the provider's `externalId` is kept beside the person.
 */
@Injectable()
export class ScimUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: ScimUsersRepository,
    private readonly people: PeopleService,
    private readonly leavers: LeaversService,
  ) {
    configureScim(`${config.publicUrl.replace(/\/$/, '')}${SCIM_PATH}`);
  }

  async list(client: ScimClient, query: ScimListQuery): Promise<ScimResource> {
    const filter = query.filter ? parseUserFilter(query.filter) : null;
    const attributes = attributeFilter(query);
    const startIndex = Math.max(1, query.startIndex ?? 1);
    const count = Math.min(MAX_PAGE, Math.max(0, query.count ?? DEFAULT_PAGE));
    const { items, total } = await this.users.list(client.organizationId, filter, { offset: startIndex - 1, limit: count });
    return {
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: total,
      startIndex,
      itemsPerPage: items.length,
      Resources: items.map((person) => toScimUser(person, attributes)),
    };
  }

  async get(client: ScimClient, id: string, query: Pick<ScimListQuery, 'attributes' | 'excludedAttributes'>): Promise<ScimResource> {
    const attributes = attributeFilter(query);
    const person = await this.users.find(client.organizationId, id);
    if (!person) throw notFound(id);
    return toScimUser(person, attributes);
  }

  serviceProviderConfig(): Promise<ScimResource> {
    return discovery(() => new Resources.ServiceProviderConfig().read());
  }

  resourceTypes(id?: string): Promise<ScimResource> {
    return discovery(() => new Resources.ResourceType(id).read());
  }

  schemas(id?: string): Promise<ScimResource> {
    return discovery(() => new Resources.Schema(id).read());
  }

  async create(client: ScimClient, body: unknown): Promise<ScimResource> {
    const desired = desiredPerson(normaliseUser(body));
    return this.change(client, async (tx, actor, done) => {
      const dto = await valid(CreatePersonDto, {
        email: desired.email,
        name: desired.name,
        title: desired.title,
        department: desired.department,
        managerId: desired.managerId,
        role: 'member',
      });
      const { id } = await this.people.createWithin(tx, actor, dto);
      await this.saveProviderFields(tx, actor.organizationId, id, desired);
      // A person provisioned as already gone (an identity provider catching up) leaves at once, by the leaver logic.
      if (desired.active === false) done.push(await this.leavers.deactivateWithin(tx, actor, id, {}));
      return id;
    });
  }

  async replace(client: ScimClient, id: string, body: unknown): Promise<ScimResource> {
    const user = normaliseUser(body);
    desiredPerson(user); // a malformed User is refused before the transaction
    return this.change(client, async (tx, actor, done) => {
      const current = await this.users.find(actor.organizationId, id, tx);
      if (!current) throw notFound(id);
      await this.apply(tx, actor, current, desiredPerson(user, current), done);
      return id;
    });
  }

  async patch(client: ScimClient, id: string, body: unknown): Promise<ScimResource> {
    // Nothing Ripple keeps is patched (e.g. Entra ID updating a phone number alone): the User as it is.
    if (onlyIgnoredOperations(body)) return this.get(client, id, {});
    const message = scimCall(() => new Messages.PatchOp(normalisePatch(body) as ConstructorParameters<typeof Messages.PatchOp>[0]));
    return this.change(client, async (tx, actor, done) => {
      const current = await this.users.find(actor.organizationId, id, tx);
      if (!current) throw notFound(id);
      const patched = await scimCallAsync(() =>
        message.apply(scimUser(current), (target) => Promise.resolve(JSON.parse(JSON.stringify(target)) as ScimResource)),
      );
      // SCIMMY answers nothing when the operations changed nothing.
      if (patched) await this.apply(tx, actor, current, desiredPerson(JSON.parse(JSON.stringify(patched)), current), done);
      return id;
    });
  }

  /** Ripple never deletes a person (their anonymous answers stay): DELETE is a leaver, as `active: false`. */
  async remove(client: ScimClient, id: string): Promise<void> {
    await this.change(client, async (tx, actor, done) => {
      const current = await this.users.find(actor.organizationId, id, tx);
      if (!current) throw notFound(id);
      if (current.active) done.push(await this.leavers.deactivateWithin(tx, actor, id, {}));
      return id;
    });
  }

  /** One provisioning change: a transaction under the chart's lock, then what follows a leaver's commit; the User as it now is. */
  private async change(client: ScimClient, work: (tx: EntityManager, actor: ChangeActor, done: Deactivation[]) => Promise<string>): Promise<ScimResource> {
    const actor: ChangeActor = { organizationId: client.organizationId, personId: null, via: 'scim' };
    const done: Deactivation[] = [];
    const id = await this.db
      .transaction(async (tx) => {
        await lockOrgChart(tx, actor.organizationId);
        return work(tx, actor, done);
      })
      .catch((error: unknown) => {
        throw asScim(error);
      });
    for (const deactivation of done) await this.leavers.afterDeactivation(actor.organizationId, id, deactivation);
    const person = await this.users.find(actor.organizationId, id);
    return toScimUser(person!);
  }

  /** Makes a person what the identity provider says, field by field, by the product's rules. */
  private async apply(tx: EntityManager, actor: ChangeActor, current: ScimPerson, desired: DesiredPerson, done: Deactivation[]): Promise<void> {
    // Back first, so that the edit below applies to an active person; leaving last, after it.
    if (desired.active === true && !current.active) await this.leavers.reactivateWithin(tx, actor, current.id);
    const changes: Record<string, unknown> = {};
    for (const field of ['email', 'name', 'title', 'department', 'managerId'] as const) {
      if (desired[field] !== current[field]) changes[field] = desired[field];
    }
    if (Object.keys(changes).length) await this.people.updateWithin(tx, actor, current.id, await valid(UpdatePersonDto, changes));
    if (desired.externalId !== current.externalId || desired.givenName !== current.givenName || desired.familyName !== current.familyName) {
      await this.saveProviderFields(tx, actor.organizationId, current.id, desired);
    }
    if (desired.active === false && current.active) done.push(await this.leavers.deactivateWithin(tx, actor, current.id, {}));
  }

  private async saveProviderFields(tx: EntityManager, organizationId: string, personId: string, desired: ProviderFields): Promise<void> {
    const fields = { externalId: desired.externalId, givenName: desired.givenName, familyName: desired.familyName };
    if (!(await this.users.saveProviderFields(organizationId, personId, fields, tx))) {
      throw scimError(409, 'uniqueness', `Another person already has the externalId ${desired.externalId}`);
    }
  }
}

/** A discovery document (RFC 7644 §4), as SCIMMY describes what is declared. */
async function discovery(read: () => Promise<unknown>): Promise<ScimResource> {
  return JSON.parse(JSON.stringify(await scimCallAsync(read))) as ScimResource;
}

/** The person page's own validation (lengths, address format, ids), so SCIM cannot store what HR could not type. */
async function valid<T extends object>(dto: new () => T, plain: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(dto, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw scimError(400, 'invalidValue', messages.join('; '));
  }
  return instance;
}

/** A refusal by the people rules, with the scimType an identity provider reads. */
function asScim(error: unknown): unknown {
  if (!(error instanceof AppException) || error.details?.scimType) return error;
  const invalid = error.kind === ErrorKind.Validation || error.kind === ErrorKind.BadRequest;
  const scimType = SCIM_TYPES[error.code] ?? (invalid ? 'invalidValue' : undefined);
  // SCIM has no 422: a value the rules refuse is a 400 with its scimType (RFC 7644 §3.12).
  return new AppException(invalid ? ErrorKind.BadRequest : error.kind, error.code, error.message, { ...error.details, ...(scimType ? { scimType } : {}) });
}
