import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../apps/api/src/cli/cli-main';
import { TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
// Built here from the sources (as `npm run ripple` builds into dist/), so the test needs no prior build.
const BUILD = join(ROOT, 'tests', 'artifacts', `cli-${randomBytes(4).toString('hex')}`);
const CLI = join(BUILD, 'apps', 'api', 'src', 'cli.js');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

jest.setTimeout(120_000);

/**
 * `npm run ripple -- …` as an operator runs it, against a real database. One test runs the built
 * command as a child process (its own Node, environment and exit code); the others call the same
 * entry function (runCli, which cli.ts runs and exits with) in this process, with the environment
 * the child gets: each child loaded the whole app again (about 3 CPU s a call).
 */
describe('the ripple command line', () => {
  let database: TestDatabase;
  let t: TestApp | undefined;
  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, DATABASE_URL: database.url, PUBLIC_URL: 'https://ripple.test', DATABASE_POOL_SIZE: '4' });
  const spawned = async (...args: string[]): Promise<Result> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, env: env() });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  /** The command in-process: what it prints on stdout (console.log) and stderr (console.error), and its exit code. */
  const ripple = async (...args: string[]): Promise<Result> => {
    const print =
      (lines: string[]) =>
      (...parts: unknown[]) =>
        void lines.push(`${parts.map(String).join(' ')}\n`);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation(print(stdout));
    const error = jest.spyOn(console, 'error').mockImplementation(print(stderr));
    try {
      const code = await runCli(args, env());
      return { code, stdout: stdout.join(''), stderr: stderr.join('') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };
  const linkIn = (stdout: string): string => /accept-invitation\?token=([\w-]+)/.exec(stdout)?.[1] ?? '';

  beforeAll(async () => {
    // The build (swc, a process of its own) and the database copy (PostgreSQL's) run side by side.
    [, database] = await Promise.all([
      run(join(ROOT, 'node_modules', '.bin', 'swc'), ['apps/api/src', 'libs', 'migrations', '-d', BUILD, '--quiet'], { cwd: ROOT }),
      createTestDatabase(),
    ]);
  });
  afterAll(async () => {
    if (t) await t.close();
    else await database?.drop();
    rmSync(BUILD, { recursive: true, force: true });
  });

  it('runs as its own process: built, given its environment, exits with the code of what it did', async () => {
    // Two processes at once: each loads the whole app (seconds of its own), and neither writes.
    const [list, bad] = await Promise.all([spawned('org:list', '--json'), spawned('org:create', '--name', 'Acme')]);
    expect(list).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--admin-email is required');
  });

  it('explains itself and refuses bad input with every problem named', async () => {
    const help = await ripple('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('org:create');
    expect(help.stdout).toContain('org:list');
    const bad = await ripple('org:create', '--name', 'Acme', '--admin-email', 'not-an-email', '--colour', 'red');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--admin-name is required');
    expect(bad.stderr).toContain('--admin-email must be a valid email address');
    expect(bad.stderr).toContain('Unknown option --colour');
    expect((await ripple('org:delete')).code).toBe(2);
    expect((await ripple('org:list', '--json')).stdout.trim()).toBe('[]');
  });

  let acme: Result, globex: Result;
  it('creates organisations with their default framework and first HR admin, invites the admin by mail, and lists them', async () => {
    acme = await ripple('org:create', '--name', 'Acme', '--admin-email', 'HR@acme.example', '--admin-name', 'Ada Admin', '--time-zone', 'Europe/Paris');
    expect(acme).toMatchObject({ code: 0 });
    expect(acme.stdout).toContain('Created organisation "Acme" (slug acme');
    expect(acme.stdout).toContain('First HR admin: Ada Admin <hr@acme.example>');
    expect(linkIn(acme.stdout)).not.toBe('');
    globex = await ripple('org:create', '--name', 'Globex', '--admin-email', 'hr@globex.example', '--admin-name', 'Gus Admin');
    expect(globex.code).toBe(0);

    const duplicate = await ripple('org:create', '--name', 'ACME', '--admin-email', 'x@acme.example', '--admin-name', 'X');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('An organisation named "ACME" already exists');

    const list = await ripple('org:list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^NAME\s+SLUG\s+PEOPLE\s+HR ADMINS/m);
    expect(list.stdout).toMatch(/^Acme\s+acme\s+1\s+1\s/m);
    expect(list.stdout).toMatch(/^Globex\s+globex\s+1\s+1\s/m);
    const json = JSON.parse((await ripple('org:list', '--json')).stdout) as { name: string; slug: string; people: number; admins: number }[];
    expect(json.map(({ name, slug, people, admins }) => ({ name, slug, people, admins }))).toEqual([
      { name: 'Acme', slug: 'acme', people: 1, admins: 1 },
      { name: 'Globex', slug: 'globex', people: 1, admins: 1 },
    ]);

    // The invitation went through the mail service (the outbox: no SMTP_URL), each in its own organisation.
    t = await startTestApp({ PUBLIC_URL: 'https://ripple.test' }, { database });
    const mail: { org: string; recipient: string; subject: string; text_body: string }[] = await t.db.query(
      `SELECT o.name AS org, m.recipient, m.subject, m.text_body FROM mail_messages m JOIN organizations o ON o.id = m.organization_id ORDER BY o.name`,
    );
    expect(mail.map(({ org, recipient, subject }) => ({ org, recipient, subject }))).toEqual([
      { org: 'Acme', recipient: 'hr@acme.example', subject: 'You are invited to Ripple at Acme' },
      { org: 'Globex', recipient: 'hr@globex.example', subject: 'You are invited to Ripple at Globex' },
    ]);
    // The outbox keeps no secret: the operator has the link from the command's output, HR never.
    expect(mail[0].text_body).toContain('https://ripple.test/accept-invitation?token=[redacted]');
    expect(mail[0].text_body).not.toContain(linkIn(acme.stdout));
    const settings = await t.db.query(`SELECT name, time_zone, default_framework_id IS NOT NULL AS has_framework FROM organizations ORDER BY name`);
    expect(settings).toEqual([
      { name: 'Acme', time_zone: 'Europe/Paris', has_framework: true },
      { name: 'Globex', time_zone: 'UTC', has_framework: true },
    ]);
    // With an organisation in place, the first-run set-up is done for good.
    expect(await t.client().get('/api/setup')).toMatchObject({ status: 200, body: { pending: false } });
  });

  it('keeps organisations made on the command line apart: nothing of one is visible in the other', async () => {
    const app = t!;
    const admin = async (stdout: string): Promise<HttpClient> => {
      const client = app.client();
      const accepted = await client.post('/api/auth/accept-invitation', { token: linkIn(stdout), password: TEST_PASSWORD });
      expect(accepted.status).toBe(200);
      expect(accepted.body.role).toBe('admin');
      return client;
    };
    const hrAcme = await admin(acme.stdout);
    const hrGlobex = await admin(globex.stdout);

    // Globex builds a little of everything: a person, a framework, a cycle with a subject, launched.
    const manager = (await hrGlobex.post('/api/people', { email: 'boss@globex.example', name: 'Boss Globex' })).body;
    const person = (await hrGlobex.post('/api/people', { email: 'pat@globex.example', name: 'Pat Globex', managerId: manager.id })).body;
    const framework = (await hrGlobex.get('/api/frameworks')).body.items[0];
    const cycle = (
      await hrGlobex.post('/api/cycles', { name: 'Globex 2027', settings: { responseDeadline: new Date(Date.now() + 14 * 86_400_000).toISOString() } })
    ).body;
    expect((await hrGlobex.post(`/api/cycles/${cycle.id}/subjects`, { personIds: [person.id] })).status).toBe(200);
    expect((await hrGlobex.post(`/api/cycles/${cycle.id}/launch`)).status).toBe(200);
    const [request] = await app.db.query(`SELECT id FROM feedback_requests WHERE cycle_id = $1 LIMIT 1`, [cycle.id]);

    // Acme's HR walks every one of those ids: each is unknown here.
    const walk: [string, string, unknown?][] = [
      ['GET', `/api/people/${person.id}`],
      ['PATCH', `/api/people/${person.id}`, { name: 'Renamed' }],
      ['POST', `/api/people/${person.id}/invite`],
      ['GET', `/api/frameworks/${framework.id}`],
      ['GET', `/api/cycles/${cycle.id}`],
      ['PATCH', `/api/cycles/${cycle.id}`, { name: 'Mine now' }],
      ['GET', `/api/cycles/${cycle.id}/subjects`],
      ['POST', `/api/cycles/${cycle.id}/subjects`, { personIds: [person.id] }],
      ['GET', `/api/cycles/${cycle.id}/progress`],
      ['POST', `/api/cycles/${cycle.id}/close`],
      ['GET', `/api/cycles/${cycle.id}/subjects/${person.id}/requests`],
      ['GET', `/api/feedback-requests/${request.id}`],
      ['GET', `/api/reports/cycles/${cycle.id}/subjects/${person.id}`],
      ['GET', `/api/reports/cycles/${cycle.id}/heatmap`],
    ];
    const leaks: string[] = [];
    for (const [method, url, body] of walk) {
      const response = await hrAcme.request(method, url, body === undefined ? {} : { body });
      if (response.status !== 404) leaks.push(`${method} ${url} -> ${response.status}`);
    }
    expect(leaks).toEqual([]);
    // Acme's own framework cannot be swapped for Globex's; lists hold Acme's things only.
    expect((await hrAcme.patch('/api/organization', { defaultFrameworkId: framework.id })).status).toBe(422);
    expect((await hrAcme.get('/api/people')).body.items.map((p: { email: string }) => p.email)).toEqual(['hr@acme.example']);
    expect((await hrAcme.get('/api/cycles')).body.items).toEqual([]);
    expect((await hrAcme.get('/api/frameworks')).body.items.map((f: { id: string }) => f.id)).not.toContain(framework.id);
    const outbox = (await hrAcme.get('/api/outbox')).body as { recipient: string }[] | { items: { recipient: string }[] };
    const recipients = (Array.isArray(outbox) ? outbox : outbox.items).map((m) => m.recipient);
    expect(recipients).toContain('hr@acme.example');
    expect(recipients.filter((r) => !r.endsWith('@acme.example'))).toEqual([]);
    expect((await hrAcme.get('/api/organization')).body.name).toBe('Acme');
    // Nothing changed on Globex's side.
    expect((await hrGlobex.get(`/api/people/${person.id}`)).body.name).toBe('Pat Globex');
    expect((await hrGlobex.get(`/api/cycles/${cycle.id}`)).body).toMatchObject({ name: 'Globex 2027', state: 'nominating' });
  });
});
