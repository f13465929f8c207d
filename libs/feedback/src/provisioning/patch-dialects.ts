import { ENTERPRISE_SCHEMA, USER_SCHEMA } from './scim-schema';

/**
 * PATCH requests as identity providers send them, made into RFC 7644 §3.5.2 for SCIMMY.
 *
 * Okta follows the RFC (`{"op":"replace","value":{"active":false}}`). Entra ID, by default, sends
 * booleans as strings (`{"op":"Replace","path":"active","value":"False"}`) and the enterprise
 * manager as a bare id (`{"op":"Add","path":"urn:…:enterprise:2.0:User:manager","value":"<id>"}`),
 * and clears it with an empty value. Capitalised ops SCIMMY already accepts. Operations on
 * attributes of the User schemas that Ripple does not keep (IGNORED_ATTRIBUTES) are left out:
 * Entra ID patches `phoneNumbers[type eq "work"].value` and the like, which SCIMMY would refuse
 * (`noTarget`) when the User has no such value, failing the name or title patched beside it.
 * Anything else passes through untouched, for SCIMMY to accept or refuse (an attribute no schema
 * has is `400 invalidPath`, RFC 7644 §3.5.2 and §3.12).
 */
export function normalisePatch(body: unknown): unknown {
  if (!isObject(body) || !Array.isArray(body.Operations)) return body;
  return { ...body, Operations: body.Operations.filter((operation) => !isIgnored(operation)).map(normaliseOperation) };
}

/** A User of a POST or PUT, its string booleans (`"active": "True"`, as Entra ID may send) read as booleans. */
export function normaliseUser(body: unknown): unknown {
  return isObject(body) ? withBooleans(body) : body;
}

/** Whether every operation of a PATCH is on attributes Ripple does not keep: it changes nothing. */
export function onlyIgnoredOperations(body: unknown): boolean {
  return isObject(body) && Array.isArray(body.Operations) && body.Operations.length > 0 && body.Operations.every(isIgnored);
}

/**
 * Attributes of the core User schema and of the enterprise extension that Ripple accepts and does
 * not keep (README, "Provisioning people over SCIM"). `emails`: Ripple's address is the userName.
 */
export const IGNORED_ATTRIBUTES = {
  core: [
    'nickName',
    'profileUrl',
    'userType',
    'preferredLanguage',
    'locale',
    'timezone',
    'password',
    'emails',
    'phoneNumbers',
    'ims',
    'photos',
    'addresses',
    'groups',
    'entitlements',
    'roles',
    'x509Certificates',
  ],
  enterprise: ['employeeNumber', 'costCenter', 'organization', 'division'],
} as const;
const IGNORED_CORE = new Set<string>(IGNORED_ATTRIBUTES.core.map((a) => a.toLowerCase()));
const IGNORED_ENTERPRISE = new Set<string>(IGNORED_ATTRIBUTES.enterprise.map((a) => a.toLowerCase()));

function isIgnored(operation: unknown): boolean {
  if (!isObject(operation) || typeof operation.path !== 'string') return false;
  const path = operation.path.trim().toLowerCase();
  const root = (rest: string): string => rest.split(/[.[]/)[0];
  const enterprise = `${ENTERPRISE_SCHEMA.toLowerCase()}:`;
  if (path.startsWith(enterprise)) return IGNORED_ENTERPRISE.has(root(path.slice(enterprise.length)));
  const core = `${USER_SCHEMA.toLowerCase()}:`;
  return IGNORED_CORE.has(root(path.startsWith(core) ? path.slice(core.length) : path));
}

const MANAGER_PATH = `${ENTERPRISE_SCHEMA}:manager`.toLowerCase();
const BOOLEAN_PATHS = new Set(['active']);

function normaliseOperation(operation: unknown): unknown {
  if (!isObject(operation)) return operation;
  const path = typeof operation.path === 'string' ? operation.path.trim() : undefined;
  const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : operation.op;
  if (path === undefined) {
    // No path: the value is a partial User, whose booleans may be strings too.
    return isObject(operation.value) ? { ...operation, value: withBooleans(operation.value) } : operation;
  }
  const lower = path.toLowerCase();
  if (BOOLEAN_PATHS.has(lower)) return { ...operation, value: asBoolean(operation.value) };
  if (lower === MANAGER_PATH && op !== 'remove') {
    const value = operation.value;
    if (value === null || value === '' || (isObject(value) && (value.value === null || value.value === ''))) return { op: 'remove', path };
    if (typeof value === 'string') return { ...operation, value: { value } };
  }
  return operation;
}

function withBooleans(value: Record<string, unknown>): Record<string, unknown> {
  const out = { ...value };
  for (const key of Object.keys(out)) if (BOOLEAN_PATHS.has(key.toLowerCase())) out[key] = asBoolean(out[key]);
  return out;
}

/** "True"/"False" in any case become booleans; any other value is left for SCIMMY to refuse. */
function asBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
