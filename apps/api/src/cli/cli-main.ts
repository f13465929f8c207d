import { NestFactory } from '@nestjs/core';
import { AppException, ConfigError, loadConfig } from '@lib/common';
import { runAsSystem, runMigrations } from '@lib/database';
import { parseArgs } from './cli-args';
import { CliDatabaseError, openCliDatabase } from './cli-database';
import { CliModule } from './cli.module';
import { orgCreate, orgCreateInput, orgList, UsageError } from './org-commands';

const HELP = `Ripple's operator commands, for an instance that hosts several organisations.

Usage: npm run ripple -- <command> [options]

Commands:
  org:create   Create an organisation with its default framework and its first HR admin,
               who is invited by mail (SMTP_URL, else the outbox: the link is printed).
      --name <name>             the organisation's name (required)
      --admin-email <email>     the first HR admin's email (required)
      --admin-name <name>       the first HR admin's name (required)
      --time-zone <IANA name>   e.g. Europe/Paris (default UTC); HR can change it later
  org:list     List the organisations of this instance.
      --json                    as JSON
  --help       This text.

The database is DATABASE_URL's; without it, the embedded PostgreSQL under DATA_DIR (.data): if a
Ripple server is running on it, the command uses that server's PostgreSQL. Migrations are applied
first when needed.

Example:
  npm run ripple -- org:create --name "Acme" --admin-email hr@acme.example --admin-name "Ada Admin"`;

const VALUED = new Set(['name', 'admin-email', 'admin-name', 'time-zone']);
const COMMANDS = new Set(['org:create', 'org:list']);

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const out = (line: string): void => console.log(line);
  const log = (message: string): void => console.error(`[ripple] ${message}`);
  const args = parseArgs(argv, VALUED);
  if (args.flags.has('help') || args.command === 'help' || (args.command === null && !args.problems.length)) {
    out(HELP);
    return args.command === null && !args.flags.has('help') ? 2 : 0;
  }
  if (!args.command || !COMMANDS.has(args.command)) {
    log(`Unknown command "${args.command ?? ''}". Run \`npm run ripple -- --help\` for the list.`);
    return 2;
  }
  const unknown = [...args.options.keys(), ...args.flags].filter((o) => (args.command === 'org:create' ? !VALUED.has(o) : o !== 'json'));
  const problems = [...args.problems, ...unknown.map((o) => `Unknown option --${o} for ${args.command}`)];
  let input: ReturnType<typeof orgCreateInput> | undefined;
  try {
    if (args.command === 'org:create') input = orgCreateInput(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    problems.push(...error.message.split('\n'));
  }
  if (problems.length) {
    for (const problem of problems) log(problem);
    log('Run `npm run ripple -- --help` for usage.');
    return 2;
  }

  const config = loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'warn', JOBS_ENABLED: 'false' });
  const database = await openCliDatabase(config, log);
  try {
    const applied = await runMigrations(database.url, config.databaseConnectTimeoutMs);
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, database.url), {
      logger: config.logLevel === 'silent' ? false : ['error', 'warn'],
    });
    try {
      // Organisations as such: the operator's commands list and create them (system scope).
      await runAsSystem(() => (input ? orgCreate(app, input, out) : orgList(app, args.flags.has('json'), out)));
    } finally {
      await app.close();
    }
  } finally {
    await database.release().catch(() => undefined);
  }
  return 0;
}

/**
 * The operator's command with its arguments (without `node cli.js`) and environment: prints to the
 * console and resolves to the exit code (0 done, 1 failed, 2 usage). cli.ts is the process around
 * it; the e2e test calls it in-process.
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await main(argv, env);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CliDatabaseError || error instanceof AppException) console.error(`[ripple] ${error.message}`);
    else console.error('[ripple] failed:', error);
    return 1;
  }
}
