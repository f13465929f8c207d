import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllExceptionsFilter, AppConfig, AppException, createValidationPipe, ErrorKind, ErrorResponseDto } from '@lib/common';
import { runInOrganization, runUnscoped } from '@lib/database';
import { PeopleRepository, SESSION_COOKIE } from '@lib/identity';
import { AppModule } from './app.module';
import { CSRF_HEADER, CSRF_SCHEME, finishOpenApiDocument, SCIM_SCHEME, SESSION_SCHEME } from './openapi-document';
import { Logger } from 'nestjs-pino';
import type { LogStream } from './logging';
import { addSecurityHeaders, securityHeaders } from './security-headers';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SCIM_PREFIX = '/api/scim/';
const CSV_LIMIT_BYTES = 10 * 1024 * 1024;
/** Below this a compressed body saves less than its headers and CPU cost. */
const COMPRESS_THRESHOLD_BYTES = 1024;
/**
 * Brotli's window: 2^20 bytes rather than its default 2^22. Every compression sets up buffers sized by
 * the window, which dominated a JSON answer's cost: a 9 KB questionnaire took 170 µs of CPU at the
 * default and 103 µs at 2^20, to the very same bytes; the largest web bundle (436 KB) compresses to
 * the same size too. Bodies past 1 MB would only find fewer distant repeats.
 */
const BROTLI_WINDOW_BITS = 20;
/** An id from the proxy is kept only when it is a plain token (it lands in logs and error bodies). */
const SANE_REQUEST_ID = /^[\w.-]{1,64}$/;
/** The web app's files compressed at build time (scripts/precompress-web.mjs). */
const PRECOMPRESSED_FILES = ['**/*.br', '**/*.gz'];

export interface CreateAppOptions {
  /** Where the JSON log lines go (default: stdout). Tests read the log through it. */
  logStream?: LogStream;
}

/** Builds the whole application (API, docs, web app) without listening: main.ts and tests share it. */
export async function createApp(config: AppConfig, databaseUrl: string, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Requests are logged by nestjs-pino (logging.ts), with Nest's own lines in the same stream.
    logger: false,
    bodyLimit: 1024 * 1024,
    // Graceful shutdown (graceful-shutdown.ts): idle keep-alive connections close at once, and a
    // request arriving on a busy one during the drain is still answered (with Connection: close)
    // rather than refused with a 503.
    forceCloseConnections: 'idle',
    return503OnClosing: false,
    trustProxy: config.trustProxy,
    // Every log line of a request (logging.ts), the x-request-id response header and an error
    // body's `requestId` carry this id, so a user's error report can be found in the log.
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const fastify = adapter.getInstance();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl, options.logStream), adapter, {
    logger: config.logLevel === 'silent' ? false : undefined,
    bufferLogs: config.logLevel !== 'silent',
  });
  if (config.logLevel !== 'silent') app.useLogger(app.get(Logger));

  app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  // Errors are written in the reader's language: a signed-in person's is read when an error is answered.
  const people = app.get(PeopleRepository);
  app.useGlobalFilters(
    new AllExceptionsFilter(({ organizationId, personId }) =>
      runInOrganization(organizationId, async () => (await people.languages(organizationId, [personId])).get(personId) ?? null),
    ),
  );
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });

  // The web app's files are compressed once, when it is built (scripts/precompress-web.mjs), and
  // sent as they are (serveWebApp): compressing the largest bundle again on each request cost
  // 22 ms of CPU with brotli. Set before @fastify/compress reads it, as each route is added.
  fastify.addHook('onRoute', (route) => {
    if (!isApiPath(route.url)) route.compress = false;
  });
  // Before the routes, so that API answers are compressed: brotli or gzip as the client accepts;
  // bodies under 1 KB and already compressed types (PDF, images) stay as they are.
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD_BYTES,
    brotliOptions: {
      params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS },
    },
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  const headers = await securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Charts and Swagger UI set inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
  });
  addSecurityHeaders(fastify, headers);
  await app.register(fastifyCsrf, {
    cookieKey: 'ripple_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: config.cookieSecure },
    getToken: (request: FastifyRequest) => request.headers[CSRF_HEADER] as string | undefined,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    // SCIM calls carry a bearer token and never a session cookie (ScimTokenGuard): there is no ambient credential to forge with.
    if (UNSAFE_METHODS.has(request.method) && request.url.startsWith('/api/') && !request.url.startsWith(SCIM_PREFIX)) {
      fastify.csrfProtection(request, reply, done);
    } else done();
  });
  // Every request starts without an organisation (its queries see no tenant rows) until the session
  // guard, or a token naming its organisation, enters one (libs/database, tenant-scope.ts). After the
  // body is parsed: what runs from here to the handler keeps this scope through every await.
  fastify.addHook('preValidation', (_request, _reply, done) => runUnscoped(done));
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    done();
  });
  // SCIM's media type (RFC 7644 §3.1) is JSON: parsed as JSON is, with the same limits and errors.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/scim+json', { parseAs: 'string' }, (request, body, done) =>
    parseJson(request, body as string, (error, value) =>
      error
        ? done(new AppException(ErrorKind.BadRequest, 'invalid_json', 'The request body is not valid JSON', { scimType: 'invalidSyntax' }))
        : done(null, value),
    ),
  );
  fastify.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: CSV_LIMIT_BYTES }, (_request, body, done) => done(null, body));

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json', customSiteTitle: 'Ripple API' });
  await serveWebApp(app, config);
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Ripple API')
    .setDescription(
      '360° feedback. Sign in with POST /api/auth/login; every POST, PUT, PATCH and DELETE needs the x-csrf-token header from GET /api/auth/csrf.',
    )
    .setVersion('0.1.0')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    // Relative: the document describes the server that serves it, whatever its address.
    .addServer('/', 'This Ripple server')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login' }, SESSION_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'From GET /api/auth/csrf; on every POST, PUT, PATCH and DELETE' }, CSRF_SCHEME)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A provisioning token created by HR (the SCIM routes only)' }, SCIM_SCHEME)
    .build();
  return finishOpenApiDocument(
    SwaggerModule.createDocument(app, options, {
      operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
      extraModels: [ErrorResponseDto],
    }),
  );
}

/** The API's paths (and health checks): everything else is the web app's. */
function isApiPath(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url.startsWith('/health/');
}

/** The built React app at `/`; unknown non-API paths get index.html so client routes deep-link. */
async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const root = [resolve(__dirname, '../../../web'), resolve(process.cwd(), 'dist/web')].find((dir) => existsSync(join(dir, 'index.html')));
  const fastify = app.getHttpAdapter().getInstance();
  if (root) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      // `<file>.br` and `<file>.gz` beside a file (written at build time) are sent instead of it to a
      // client that accepts them, with its own content type and `Vary: accept-encoding`; they have
      // no address of their own.
      preCompressed: true,
      globIgnore: PRECOMPRESSED_FILES,
      // Source maps are built (hidden: no sourceMappingURL in the bundles) for error reports, but a
      // production server does not hand the original source to anyone who asks.
      allowedPath: (path: string) => config.nodeEnv !== 'production' || !/\.map(?:\.br|\.gz)?$/.test(path),
      setHeaders: (reply: FastifyReply, path: string) => {
        void reply.header('cache-control', path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const spa = (request: FastifyRequest, reply: FastifyReply): unknown => {
    if (isApiPath(request.url)) {
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No route for GET ${request.url.split('?')[0]}`, requestId: request.id });
    }
    if (!root) return reply.status(503).type('text/plain').send('The web app is not built. Run `npm run build:web`.');
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  };
  fastify.get('/', spa);
  fastify.get('/*', spa);
}
