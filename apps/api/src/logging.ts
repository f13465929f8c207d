import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { redactUrl, type AppConfig } from '@lib/common';

/** Where the JSON log lines go (default: stdout). Tests read the log through it. */
export interface LogStream {
  write(line: string): void;
}

/** Secrets that never reach the log, wherever a line carries them. */
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
];

/**
 * One structured JSON stream (pino) for Nest's log lines and every request: a request's lines
 * (received, whatever the code logs while serving it, completed) all carry `requestId`, the id
 * Fastify gave the request (x-request-id) and the one error bodies show. Headers are not logged;
 * cookies, authorization and CSRF tokens are redacted should a line carry them anyway.
 */
export function loggingModule(config: AppConfig, stream?: LogStream): DynamicModule {
  return LoggerModule.forRoot({
    // Every route once: Nest applies the global prefix to this path and adds the paths excluded
    // from it (health) by itself (nestjs-pino's default route list named those a second time).
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: [
      {
        level: config.logLevel,
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        // Fastify's request id (see bootstrap.ts genReqId): @fastify/middie copies it onto the raw request.
        genReqId: (request: IncomingMessage) => (request as IncomingMessage & { id: string }).id,
        quietReqLogger: true,
        customAttributeKeys: { reqId: 'requestId' },
        customReceivedMessage: () => 'incoming request',
        customReceivedObject: (request: IncomingMessage) => ({ req: request }),
        customSuccessMessage: () => 'request completed',
        customErrorMessage: () => 'request completed',
        serializers: {
          req: (request: { method?: string; url?: string; remoteAddress?: string; remotePort?: number }) => ({
            method: request.method,
            url: redactUrl(request.url),
            remoteAddress: request.remoteAddress,
            remotePort: request.remotePort,
          }),
          res: (response: ServerResponse | { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
      },
      stream ?? process.stdout,
    ],
  });
}
