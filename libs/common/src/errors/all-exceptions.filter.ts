import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from './app.exception';
import { STATUS_TEXT, statusOf } from './http-status';

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
 * Every error leaves as JSON `{statusCode, error, message}`. Domain errors map by kind; Nest and
 * Fastify client errors keep their 4xx; anything else is a bug: a plain 500 with the request id,
 * never a stack trace or SQL.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = this.toBody(exception, String(request.id));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id, url: request.url }, 'unhandled error');
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
      return { ...base, message: Array.isArray(message) ? message.join('; ') : String(message ?? base.error), errors, code };
    }
    // Fastify's own client errors (malformed JSON, body too large, bad content type) carry a statusCode.
    const fastifyError = exception as { statusCode?: number; message?: string; code?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const statusCode = fastifyError.statusCode;
      return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message: clientMessage(fastifyError), code: fastifyError.code };
    }
    return { statusCode: 500, error: STATUS_TEXT[500], message: `Something went wrong on our side. Reference: ${requestId}`, requestId };
  }
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
