import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllExceptionsFilter, AppConfig, createValidationPipe, ErrorResponseDto } from '@lib/common';
import { SESSION_COOKIE } from '@lib/identity';
import { AppModule } from './app.module';
import { CSRF_HEADER, CSRF_SCHEME, finishOpenApiDocument, SESSION_SCHEME } from './openapi-document';
import { PinoNestLogger } from './pino-nest.logger';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSV_LIMIT_BYTES = 10 * 1024 * 1024;

/** Builds the whole application (API, docs, web app) without listening: main.ts and tests share it. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
  });
  const fastify = adapter.getInstance();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: config.logLevel === 'silent' ? false : new PinoNestLogger(fastify.log),
  });

  app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyHelmet, {
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
  await app.register(fastifyCsrf, {
    cookieKey: 'ripple_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: config.cookieSecure },
    getToken: (request: FastifyRequest) => request.headers[CSRF_HEADER] as string | undefined,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (UNSAFE_METHODS.has(request.method) && request.url.startsWith('/api/')) fastify.csrfProtection(request, reply, done);
    else done();
  });
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    done();
  });
  fastify.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: CSV_LIMIT_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json', customSiteTitle: 'Ripple API' });
  await serveWebApp(app);
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
    .build();
  return finishOpenApiDocument(
    SwaggerModule.createDocument(app, options, {
      operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
      extraModels: [ErrorResponseDto],
    }),
  );
}

/** The built React app at `/`; unknown non-API paths get index.html so client routes deep-link. */
async function serveWebApp(app: NestFastifyApplication): Promise<void> {
  const root = [resolve(__dirname, '../../../web'), resolve(process.cwd(), 'dist/web')].find((dir) => existsSync(join(dir, 'index.html')));
  const fastify = app.getHttpAdapter().getInstance();
  if (root) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (reply: FastifyReply, path: string) => {
        void reply.header('cache-control', path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const spa = (request: FastifyRequest, reply: FastifyReply): unknown => {
    if (request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/health/')) {
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No route for GET ${request.url.split('?')[0]}` });
    }
    if (!root) return reply.status(503).type('text/plain').send('The web app is not built. Run `npm run build:web`.');
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  };
  fastify.get('/', spa);
  fastify.get('/*', spa);
}
