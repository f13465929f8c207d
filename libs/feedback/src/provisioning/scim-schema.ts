import { Config, Resources, Schemas, Types } from 'scimmy';
import { AppException, ErrorKind } from '@lib/common';
import { personName, type NameSources } from './scim-names';

/**
 * SCIM 2.0 (RFC 7643/7644) through SCIMMY: the User schema with the enterprise extension, the
 * discovery documents, filter and PATCH parsing. What SCIMMY keeps is process-wide (declared
 * resources, configuration), so it is set up once, here.
 */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** The most Users one page holds (ServiceProviderConfig's filter.maxResults). */
export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 100;

let declared = false;

/** Declares the User resource (with the enterprise extension) once, and where the resources live. */
export function configureScim(baseUrl: string): void {
  if (!declared) {
    Resources.declare(Resources.User.extend(Schemas.EnterpriseUser, false));
    Config.set({
      documentationUri: undefined,
      patch: { supported: true },
      filter: { supported: true, maxResults: MAX_PAGE },
      bulk: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      changePassword: { supported: false },
      authenticationSchemes: [
        { type: 'oauthbearertoken', name: 'Bearer token', description: 'A provisioning token created by HR in Ripple (Organisation settings)', primary: true },
      ],
    });
    declared = true;
  }
  for (const resource of [Resources.User, Resources.Schema, Resources.ResourceType, Resources.ServiceProviderConfig]) resource.basepath(baseUrl);
}

/** A person as SCIM sees them. */
export interface ScimPerson {
  id: string;
  email: string;
  name: string;
  title: string | null;
  department: string | null;
  managerId: string | null;
  managerName: string | null;
  active: boolean;
  externalId: string | null;
  /** The given and family names the identity provider last sent (kept beside the person, like externalId). */
  givenName: string | null;
  familyName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What an identity provider wants a person to be, read from a SCIM User (POST, PUT or a patched User). */
export interface DesiredPerson {
  email: string;
  name: string;
  title: string | null;
  department: string | null;
  managerId: string | null;
  /** Undefined when the User does not say (a PUT without `active` leaves it as it is). */
  active: boolean | undefined;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
}

/** A person as a SCIM User resource, with only the `attributes` asked for (when given). */
export function toScimUser(person: ScimPerson, attributes?: Types.Filter): Record<string, unknown> {
  return JSON.parse(JSON.stringify(scimUser(person, attributes))) as Record<string, unknown>;
}

/** The SCIMMY User of a person, as a PATCH starts from. */
export function scimUser(person: ScimPerson, attributes?: Types.Filter): Schemas.User {
  const enterprise: Record<string, unknown> = {};
  if (person.department) enterprise.department = person.department;
  if (person.managerId) enterprise.manager = { value: person.managerId, displayName: person.managerName ?? undefined };
  return new Schemas.User(
    {
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
      id: person.id,
      externalId: person.externalId ?? undefined,
      userName: person.email,
      displayName: person.name,
      name: { formatted: person.name, givenName: person.givenName ?? undefined, familyName: person.familyName ?? undefined },
      title: person.title ?? undefined,
      active: person.active,
      emails: [{ value: person.email, type: 'work', primary: true }],
      [ENTERPRISE_SCHEMA]: enterprise,
      meta: { resourceType: 'User', created: person.createdAt, lastModified: person.updatedAt },
    },
    'out',
    Resources.User.basepath() as string,
    attributes,
  );
}

/** The longest given or family name Ripple keeps (a person's whole name is at most 200 characters too). */
const MAX_NAME_PART = 200;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** What names a person, as Ripple reports it in the User (scimUser): the displayName and formatted name are Ripple's one name. */
function reportedName(person: ScimPerson): NameSources {
  return { displayName: person.name, formatted: person.name, givenName: person.givenName, familyName: person.familyName };
}

/**
 * Reads a SCIM User into what Ripple keeps. Ripple's address is the userName (the identity
 * provider's sign-in name, an email address); the name is the one the provider changed since
 * `before` (what Ripple reported; none for a new person), by personName's rule. The manager is
 * named by their SCIM id, Ripple's person id. Attributes Ripple does not keep are not read
 * (README, "Provisioning people over SCIM").
 */
export function desiredPerson(body: unknown, before: ScimPerson | null = null): DesiredPerson {
  const user = scimCall(() => JSON.parse(JSON.stringify(new Schemas.User(body, 'in'))) as Record<string, unknown>);
  const name = (user.name ?? {}) as Record<string, unknown>;
  const enterprise = (user[ENTERPRISE_SCHEMA] ?? {}) as Record<string, unknown>;
  const manager = (enterprise.manager ?? {}) as Record<string, unknown>;
  const email = text(user.userName);
  if (!email) throw scimError(400, 'invalidValue', 'userName is required: the person’s email address');
  const sent: NameSources = {
    displayName: text(user.displayName),
    formatted: text(name.formatted),
    givenName: text(name.givenName),
    familyName: text(name.familyName),
  };
  for (const part of ['givenName', 'familyName'] as const) {
    if ((sent[part]?.length ?? 0) > MAX_NAME_PART) throw scimError(400, 'invalidValue', `name.${part} must be at most ${MAX_NAME_PART} characters`);
  }
  return {
    email: email.toLowerCase(),
    name: personName(sent, before && reportedName(before), before?.name ?? email),
    title: text(user.title),
    department: text(enterprise.department),
    managerId: text(manager.value),
    active: typeof user.active === 'boolean' ? user.active : undefined,
    externalId: text(user.externalId),
    givenName: sent.givenName,
    familyName: sent.familyName,
  };
}

/** A SCIM error (RFC 7644 §3.12) as the exception filter sends it: the status, scimType and detail. */
export function scimError(status: 400 | 404 | 409 | 501, scimType: string | null, detail: string): AppException {
  const kind = { 400: ErrorKind.BadRequest, 404: ErrorKind.NotFound, 409: ErrorKind.Conflict, 501: ErrorKind.BadRequest }[status];
  return new AppException(kind, scimType ? `scim_${scimType}` : 'scim_error', detail, scimType ? { scimType } : undefined);
}

/**
 * Runs SCIMMY: its errors about the request (a SCIMError with a 4xx, or the TypeError its schema
 * coercion throws for a wrong value) become SCIM 400s with its message; anything else is ours, a 500.
 */
export function scimCall<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw fromScimmy(error);
  }
}

export async function scimCallAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw fromScimmy(error);
  }
}

function fromScimmy(error: unknown): unknown {
  if (error instanceof Types.Error && error.status >= 400 && error.status < 500) {
    return scimError(error.status === 404 ? 404 : error.status === 409 ? 409 : 400, error.scimType ?? null, error.message);
  }
  if (error instanceof TypeError) return scimError(400, 'invalidValue', error.message);
  return error;
}

/** The one filter Ripple answers: `userName`, `externalId` or `id` `eq` a value (what Okta and Entra ID send). */
export interface UserFilter {
  attribute: 'userName' | 'externalId' | 'id';
  value: string;
}

const FILTERABLE = new Map<string, UserFilter['attribute']>([
  ['username', 'userName'],
  ['externalid', 'externalId'],
  ['id', 'id'],
]);

export function parseUserFilter(expression: string): UserFilter {
  const filter = scimCall(() => new Types.Filter(expression));
  const unsupported = (): AppException =>
    scimError(400, 'invalidFilter', 'Ripple filters Users by one of userName, externalId or id with eq, e.g. userName eq "ann@example.com"');
  if (filter.length !== 1) throw unsupported();
  const entries = Object.entries(filter[0] as Record<string, unknown>);
  if (entries.length !== 1) throw unsupported();
  const [key, comparison] = entries[0];
  const attribute = FILTERABLE.get(key.toLowerCase());
  if (!attribute || !Array.isArray(comparison) || comparison.length !== 2 || String(comparison[0]).toLowerCase() !== 'eq') throw unsupported();
  const value: unknown = comparison[1];
  if (typeof value !== 'string') throw unsupported();
  return { attribute, value };
}

/** The `attributes` / `excludedAttributes` of a request, parsed by SCIMMY. */
export function attributeFilter(query: { attributes?: string; excludedAttributes?: string }): Types.Filter | undefined {
  if (!query.attributes && !query.excludedAttributes) return undefined;
  const config = query.attributes ? { attributes: query.attributes } : { excludedAttributes: query.excludedAttributes };
  return scimCall(() => new Resources.User(undefined, config).attributes);
}
