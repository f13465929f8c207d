import { ENTERPRISE_SCHEMA } from './scim-schema';

/**
 * PATCH requests as identity providers send them, made into RFC 7644 §3.5.2 for SCIMMY.
 *
 * Okta follows the RFC (`{"op":"replace","value":{"active":false}}`). Entra ID, by default, sends
 * booleans as strings (`{"op":"Replace","path":"active","value":"False"}`) and the enterprise
 * manager as a bare id (`{"op":"Add","path":"urn:…:enterprise:2.0:User:manager","value":"<id>"}`),
 * and clears it with an empty value. Capitalised ops SCIMMY already accepts. Anything else passes
 * through untouched, for SCIMMY to accept or refuse.
 */
export function normalisePatch(body: unknown): unknown {
  if (!isObject(body) || !Array.isArray(body.Operations)) return body;
  return { ...body, Operations: body.Operations.map(normaliseOperation) };
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
