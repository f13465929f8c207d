import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app.exception';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable';
import { STATUS_TEXT, statusOf } from './http-status';
import { redactUrl } from '../http/redact-url';
import { errorLanguage, type PersonLanguageLookup } from './error-language';
import { localiseError } from './localise-error';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  errors?: unknown;
  requestId?: string;
  [key: string]: unknown;
}

/**
 * PostgreSQL data exceptions that only a value from the request can cause. Validation should stop
 * such values first; when one slips through it is still the client's bad input (400), logged so
 * the missing rule gets noticed. The message never carries the SQL or the value.
 */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22021': 'The request contains characters that cannot be stored (such as NUL)',
  '22P05': 'The request contains characters that cannot be stored (such as NUL)',
  '22003': 'A number in the request is out of range',
  '22008': 'A date in the request is out of range',
  '22007': 'A date in the request is not valid',
};

/** The SQLSTATE of a failed query, from TypeORM's wrapper or the driver's own error. */
function sqlState(exception: unknown): string | undefined {
  const driverError: unknown = exception instanceof QueryFailedError ? exception.driverError : exception;
  return driverError instanceof DatabaseError ? driverError.code : undefined;
}

/**
 * Every error leaves as JSON `{statusCode, error, message}`. Domain errors map by kind; Nest and
 * Fastify client errors keep their 4xx; PostgreSQL data exceptions are bad input (400); a database
 * that cannot be reached is a 503 with Retry-After (the client may try again; the pool reconnects
 * by itself); anything else is a bug: a plain 500 with the request id, never a stack trace or SQL.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** `languageOf` finds a signed-in person's language (one query, only when an error is answered). */
  constructor(private readonly languageOf?: PersonLanguageLookup) {}

  // A signed-in person's language is a lookup: Nest leaves the reply to the filter and Fastify
  // waits for it to be sent, so the answer may follow the lookup. Otherwise it is sent at once.
  catch(exception: unknown, host: ArgumentsHost): void | Promise<void> {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const requestId = String(request.id);
    // Every error names its request: the same id is in the x-request-id header and on every log
    // line of the request, so a user quoting it leads straight to the log.
    const body: ErrorBody = { ...this.toBody(exception, requestId), requestId };
    // SCIM speaks English to identity providers (RFC 7644); an unreachable database cannot be asked
    // for anyone's language.
    if (isScimRequest(request.url)) return this.send(exception, request, reply, body);
    const language = errorLanguage(request, body.code === 'database_unavailable' ? undefined : this.languageOf);
    if (typeof language === 'string') return this.send(exception, request, reply, localiseError(body, language));
    return language.then((l) => this.send(exception, request, reply, localiseError(body, l)));
  }

  private send(exception: unknown, request: FastifyRequest, reply: FastifyReply, body: ErrorBody): void {
    const requestId = body.requestId;
    if (body.code === 'database_unavailable') {
      this.logger.warn({ requestId, url: redactUrl(request.url), reason: reasonOf(exception) }, 'the database cannot be reached');
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    } else if (body.code === 'invalid_value') {
      this.logger.warn(
        { sqlState: sqlState(exception), requestId, url: redactUrl(request.url) },
        'a value the validation let through was refused by PostgreSQL',
      );
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId, url: redactUrl(request.url) }, 'unhandled error');
    }
    // A domain error that says when to come back (a rate limit) also says it the HTTP way.
    const retryAfter = exception instanceof AppException ? exception.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number' && retryAfter > 0) void reply.header('retry-after', String(Math.ceil(retryAfter)));
    if (isScimRequest(request.url)) {
      void reply.status(body.statusCode).header('content-type', 'application/scim+json; charset=utf-8').send(scimErrorBody(body));
      return;
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof AppException) {
      const statusCode = statusOf(exception.kind);
      return { statusCode, error: STATUS_TEXT[statusCode], message: exception.message, code: exception.code, ...exception.details };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const base = { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error' };
      if (typeof response === 'string') return { ...base, message: response };
      const { message, errors, code } = response as { message?: unknown; errors?: unknown; code?: string };
      return { ...base, message: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : base.error, errors, code };
    }
    // Before the data exceptions: a connection lost mid-query is an outage, not bad input.
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, error: STATUS_TEXT[503], message: DATABASE_UNAVAILABLE_MESSAGE, code: 'database_unavailable' };
    }
    const dataException = DATA_EXCEPTIONS[sqlState(exception) ?? ''];
    if (dataException) return { statusCode: 400, error: STATUS_TEXT[400], message: dataException, code: 'invalid_value' };
    // Fastify's own client errors (malformed JSON, body too large, bad content type) carry a statusCode.
    const fastifyError = exception as { statusCode?: number; message?: string; code?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const statusCode = fastifyError.statusCode;
      return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message: clientMessage(fastifyError), code: fastifyError.code };
    }
    return { statusCode: 500, error: STATUS_TEXT[500], message: `Something went wrong on our side. Reference: ${requestId}` };
  }
}

/** SCIM clients (identity providers) read errors in SCIM's schema, whatever failed: the token, the body, a rule, or us. */
const isScimRequest = (url: string): boolean => url.startsWith('/api/scim/');

/** RFC 7644 §3.12: status as a string, the scimType when one applies, and the message as detail. */
function scimErrorBody(body: ErrorBody): Record<string, unknown> {
  const scimType = typeof body.scimType === 'string' ? body.scimType : body.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalidSyntax' : undefined;
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(body.statusCode),
    ...(scimType ? { scimType } : body.statusCode === 400 ? { scimType: 'invalidValue' } : {}),
    detail: body.message,
  };
}

/** What the log says about an outage: the driver's message and code, never its client or SQL. */
function reasonOf(exception: unknown): string {
  const inner = exception instanceof QueryFailedError ? (exception.driverError as unknown) : exception;
  const { message, code } = (inner ?? {}) as { message?: unknown; code?: unknown };
  return [typeof code === 'string' ? code : undefined, typeof message === 'string' ? message : undefined].filter(Boolean).join(': ');
}

function clientMessage(error: { code?: string; message?: string }): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type';
    default:
      return error.message ?? 'Bad request';
  }
}
