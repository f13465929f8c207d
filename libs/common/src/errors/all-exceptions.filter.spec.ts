import type { ArgumentsHost } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { AppException, ErrorKind } from './app.exception';

/** The filter's answer to an exception, as the client would receive it. */
function replyTo(exception: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const sent = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  const reply = {
    status: (code: number) => ((sent.status = code), reply),
    header: (name: string, value: string) => ((sent.headers[name.toLowerCase()] = value), reply),
    send: (body: Record<string, unknown>) => ((sent.body = body), reply),
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ id: 'req-1', url: '/api/x' }) }) } as unknown as ArgumentsHost;
  const filter = new AllExceptionsFilter();
  (filter as unknown as { logger: { warn: () => void; error: () => void } }).logger = { warn: () => undefined, error: () => undefined };
  // Without a signed-in person the answer is sent at once (no lookup to wait for).
  void filter.catch(exception, host);
  return sent;
}

function queryFailed(code: string): QueryFailedError {
  const driverError = Object.assign(new DatabaseError('invalid byte sequence for encoding "UTF8": 0x00', 0, 'error'), { code });
  return new QueryFailedError('SELECT * FROM people WHERE name = $1', ['x\u0000'], driverError);
}

describe('AllExceptionsFilter', () => {
  it.each([
    ['22021', 'The request contains characters that cannot be stored (such as NUL)'],
    ['22P05', 'The request contains characters that cannot be stored (such as NUL)'],
    ['22003', 'A number in the request is out of range'],
    ['22008', 'A date in the request is out of range'],
    ['22007', 'A date in the request is not valid'],
  ])('answers PostgreSQL data exception %s with a 400 that carries no SQL', (code, message) => {
    const { status, body } = replyTo(queryFailed(code));
    expect(status).toBe(400);
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message, code: 'invalid_value', requestId: 'req-1' });
  });

  it('keeps any other database error a plain 500 with the request id', () => {
    const { status, body } = replyTo(queryFailed('42703'));
    expect(status).toBe(500);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. Reference: req-1',
      requestId: 'req-1',
    });
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a terminated backend', queryFailed('57P01')],
    ['a server starting up', queryFailed('57P03')],
    ['a connection exception', queryFailed('08006')],
    ['a pool that waited too long', new Error('timeout exceeded when trying to connect')],
    ['a connection lost mid-query', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
  ])('answers %s with 503, Retry-After and the usual envelope', (_name, exception) => {
    const { status, body, headers } = replyTo(exception);
    expect(status).toBe(503);
    expect(headers['retry-after']).toBe('5');
    expect(body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Ripple cannot reach its database right now. Try again in a moment.',
      code: 'database_unavailable',
      requestId: 'req-1',
    });
  });

  it('sends no Retry-After with other errors', () => {
    expect(replyTo(queryFailed('42703')).headers['retry-after']).toBeUndefined();
  });

  it('sends Retry-After, in whole seconds, when a domain error says when to come back', () => {
    const { status, headers, body } = replyTo(new AppException(ErrorKind.TooManyRequests, 'too_many_attempts', 'Slow down', { retryAfterSeconds: 59.2 }));
    expect(status).toBe(429);
    expect(headers['retry-after']).toBe('60');
    expect(body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: 'Slow down', code: 'too_many_attempts' });
    expect(replyTo(new AppException(ErrorKind.Conflict, 'x', 'No')).headers['retry-after']).toBeUndefined();
  });
});
