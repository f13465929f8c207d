import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { currentLocale } from '@/i18n/current';

/** Response and request bodies of the API, by DTO name: `Schemas['PersonDto']`. */
export type Schemas = components['schemas'];

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every API error is JSON `{statusCode, error, message, errors?}`; `errors` holds field-level
 * messages (validation) or, for a CSV import, row-level ones. The envelope is the API's
 * convention (AllExceptionsFilter), not part of each route's OpenAPI entry.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: unknown[] = [],
    readonly code?: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: unknown): ApiError {
    const b = (typeof body === 'object' && body !== null ? body : {}) as { message?: unknown; errors?: unknown; code?: unknown };
    const message = typeof b.message === 'string' && b.message ? b.message : fallbackMessage(status);
    return new ApiError(status, message, Array.isArray(b.errors) ? b.errors : [], typeof b.code === 'string' ? b.code : undefined, body);
  }

  /** Field-level messages keyed by field name (first message per field). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors as Partial<FieldError>[]) {
      if (typeof e?.field === 'string' && typeof e.message === 'string' && !(e.field in out)) out[e.field] = e.message;
    }
    return out;
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

function fallbackMessage(status: number): string {
  if (status === 0) return 'Could not reach Ripple. Check your connection and try again.';
  if (status === 401) return 'Please sign in again.';
  if (status === 403) return 'You do not have permission to do this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many attempts. Wait a few minutes and try again.';
  if (status >= 500) return 'Something went wrong on our side. Try again in a moment.';
  return 'The request could not be completed.';
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: Promise<string> | undefined;

async function fetchCsrfToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw ApiError.from(response.status, await response.json().catch(() => undefined));
  return ((await response.json()) as Schemas['CsrfTokenDto']).token;
}

/** Fetched on the first unsafe request and reused; a rejected fetch is forgotten so the next try refetches. */
function csrf(refresh = false): Promise<string> {
  if (refresh || !csrfToken) {
    const fetching = fetchCsrfToken();
    csrfToken = fetching;
    fetching.catch(() => {
      if (csrfToken === fetching) csrfToken = undefined;
    });
  }
  return csrfToken;
}

async function isCsrfRejection(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { message?: unknown; code?: unknown };
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return /csrf/i.test(`${text(body.message)} ${text(body.code)}`);
}

/**
 * Adds the x-csrf-token header to every POST/PUT/PATCH/DELETE. When the server rejects the token
 * (its cookie expired or was cleared), fetches a new one and replays the request once.
 */
const pending = new Map<string, Request>();
export const csrfMiddleware: Middleware = {
  async onRequest({ request, id }) {
    if (!UNSAFE.has(request.method)) return undefined;
    request.headers.set('x-csrf-token', await csrf());
    pending.set(id, request.clone());
    return request;
  },
  async onResponse({ request, response, id, options }) {
    const original = pending.get(id);
    pending.delete(id);
    if (!original || !UNSAFE.has(request.method) || !(await isCsrfRejection(response))) return undefined;
    original.headers.set('x-csrf-token', await csrf(true));
    // Called unbound: window.fetch throws "Illegal invocation" when called as a method of another object.
    const send = options.fetch;
    return send(original);
  },
  onError({ id }) {
    pending.delete(id);
    return undefined;
  },
};

/**
 * Tells the API the page's language: its error messages are shown as they are, and a signed-out
 * page (sign-in, password reset, the external questionnaire) has no person whose language it could read.
 */
const languageMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', currentLocale());
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', headers: { accept: 'application/json' } });
api.use(languageMiddleware);
api.use(csrfMiddleware);

/** openapi-fetch resolves `{data, error, response}`; features want the data or a thrown ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, fallbackMessage(0));
  }
  if (!result.response.ok) throw ApiError.from(result.response.status, result.error);
  return result.data as T;
}
