import type { OpenAPIObject, OperationObject, PathItemObject, ResponseObject, SecurityRequirementObject } from '@nestjs/swagger';

/** The session cookie (SESSION_COOKIE in @lib/identity) and the CSRF header the API checks on unsafe methods. */
export const SESSION_SCHEME = 'session';
export const CSRF_SCHEME = 'csrf';
/** The provisioning token of the SCIM routes (ScimTokenGuard): they take no session and no CSRF header. */
export const SCIM_SCHEME = 'scim';
export const CSRF_HEADER = 'x-csrf-token';
export const ERROR_SCHEMA = 'ErrorResponseDto';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

/**
 * What the generated document cannot say by itself, said once for every operation:
 * - security: the session cookie is required globally; `@Authenticated()` routes inherit it (and add
 *   the CSRF header on unsafe methods), every other route is public and says so with `security: []`
 *   (or the CSRF header alone, for a public POST such as the login); the SCIM routes take their
 *   bearer token alone;
 * - every 4xx/5xx answer carries the one error envelope, the named ErrorResponseDto schema.
 * Which routes are public comes from the `session` requirement that `@Authenticated()` documents; the
 * route-guards e2e test checks that this matches what the guard does.
 */
export function finishOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.security = [{ [SESSION_SCHEME]: [] }];
  for (const item of Object.values<PathItemObject>(document.paths)) {
    for (const method of METHODS) {
      const operation: OperationObject | undefined = item[method];
      if (!operation) continue;
      operation.security = securityOf(operation, method);
      if (!operation.security) delete operation.security;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response && Number(status) >= 400 && !('$ref' in response)) withErrorBody(response);
      }
    }
  }
  return document;
}

function securityOf(operation: OperationObject, method: string): SecurityRequirementObject[] | undefined {
  if ((operation.security ?? []).some((requirement) => SCIM_SCHEME in requirement)) return [{ [SCIM_SCHEME]: [] }];
  const signedIn = (operation.security ?? []).some((requirement) => SESSION_SCHEME in requirement);
  const unsafe = UNSAFE.has(method);
  if (signedIn) return unsafe ? [{ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }] : undefined; // undefined: the global requirement
  return unsafe ? [{ [CSRF_SCHEME]: [] }] : [];
}

function withErrorBody(response: ResponseObject): void {
  response.content ??= { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } };
}
