/**
 * Whether an error means "the database cannot be reached right now" — a fault of the moment that
 * a client should retry (503), as opposed to a bug (500) or bad input (400).
 *
 * PostgreSQL down, restarting or unreachable shows up in several shapes: the socket error of a
 * refused or broken connection (ECONNREFUSED, ECONNRESET, …, sometimes inside an AggregateError
 * when a host name resolves to several addresses), node-postgres's own messages for a connection
 * that ended or a pool that waited too long, and SQLSTATEs from the server itself: class 08
 * (connection exception), 57P01–57P03 (the server is shutting down, crashed or starting up) and
 * 53300 (too many connections). TypeORM wraps a failed query in QueryFailedError with the driver's
 * error as `driverError`, so the wrappers (`driverError`, `cause`, `errors`) are searched too.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_EXCEPTION_CLASS = '08';
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres and pg-pool messages that carry no code. */
const DRIVER_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Connection ended unexpectedly/i,
];
/** Wrappers nest a few levels at most; the bound also stops a cyclic `cause`. */
const MAX_DEPTH = 5;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || SOCKET_CODES.has(code)) return true;
    if (code.length === 5 && code.startsWith(CONNECTION_EXCEPTION_CLASS)) return true;
  }
  if (typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/** Seconds a client is asked to wait before trying again (the Retry-After header). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
export const DATABASE_UNAVAILABLE_MESSAGE = 'Ripple cannot reach its database right now. Try again in a moment.';
