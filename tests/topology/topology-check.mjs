#!/usr/bin/env node
// The production topology without Docker (compose.yaml's, on loopback): two built Ripple instances
// on one fresh PostgreSQL database, nginx in front (deploy/nginx.conf, round robin), a real SMTP
// server, and a whole feedback cycle through the proxy: HR signs in (session and CSRF across
// instances), creates a cycle, adds a subject, launches; every rater gets exactly one invitation
// (jobs run on either instance), signs in and submits; HR closes, the snapshot job runs, HR
// releases; the subject reads the report (JSON and PDF). Exits non-zero on any failure, stops
// everything it started, and gives up after 3 minutes.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:topology
//
// The organisation comes from the demo seed: instance A starts with --demo on the empty
// database, then B with --no-demo (there is no organisation set-up API yet).
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DEADLINE_MS = 180_000;
const HR = { email: 'hana@museum.example', password: 'ripple-demo-2026' };
const DEMO_PASSWORD = 'ripple-demo-2026';
const SUBJECT_EMAIL = 'priya@museum.example';
const started = Date.now();
const cleanups = [];
const log = (message) => console.log(`[topology ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, fn, timeoutMs = 60_000, everyMs = 250) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** nginx from Debian: installed when missing (CI runs as root with apt). */
function ensureNginx() {
  const found = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('nginx is not installed and this is not root: apt-get install nginx-light');
  log('installing nginx-light with apt-get');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx-light'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return ensureNginx();
}

/** A real SMTP server on loopback: keeps every message with its envelope. */
async function startSmtp() {
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
        messages.push({
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^subject: (.*)$/im.exec(unfolded)?.[1]?.trim() ?? '',
          raw,
        });
        callback();
      });
    },
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address();
  cleanups.push(() => new Promise((r) => server.close(r)));
  return { url: `smtp://127.0.0.1:${port}`, messages };
}

/** A built Ripple instance in its own process; its JSON log lines are kept to see who served what. */
async function startInstance(name, port, env, args) {
  const lines = [];
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const collect = (stream) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop();
      lines.push(...parts);
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  cleanups.push(async () => {
    if (exited) return;
    child.kill('SIGINT');
    const gone = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), sleep(15_000).then(() => false)]);
    if (!gone) child.kill('SIGKILL');
  });
  await until(
    `${name} to be ready`,
    async () => {
      if (exited) throw new Error(`${name} exited:\n${lines.slice(-30).join('\n')}`);
      try {
        return (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok;
      } catch {
        return false;
      }
    },
    90_000,
    500,
  );
  log(`${name} ready on :${port}`);
  return {
    name,
    lines,
    /** The request ids this instance logged as completed. */
    served: () =>
      new Set(
        lines.flatMap((line) => {
          try {
            const entry = JSON.parse(line);
            return entry.msg === 'request completed' && entry.requestId ? [entry.requestId] : [];
          } catch {
            return [];
          }
        }),
      ),
  };
}

async function startNginx(nginx, listenPort, upstreamPorts) {
  const dir = mkdtempSync(join(tmpdir(), 'ripple-nginx-'));
  chmodSync(dir, 0o755); // nginx's workers (nobody, when started as root) write their temp files here
  const site = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replaceAll('${RIPPLE_UPSTREAMS}', upstreamPorts.map((p) => `server 127.0.0.1:${p};`).join(' '))
    .replaceAll('${LISTEN}', `127.0.0.1:${listenPort}`);
  writeFileSync(join(dir, 'ripple.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/ripple.conf;`,
      '}',
    ].join('\n'),
  );
  execFileSync(nginx, ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
  const child = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.on('exit', () => (exited = true));
  cleanups.push(async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5_000)]);
    }
    rmSync(dir, { recursive: true, force: true });
  });
  await until(
    'nginx to answer',
    async () => {
      if (exited) throw new Error(`nginx exited: ${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`);
      try {
        return (await fetch(`http://127.0.0.1:${listenPort}/health/ready`)).ok;
      } catch {
        return false;
      }
    },
    20_000,
  );
  log(`nginx on :${listenPort} in front of :${upstreamPorts.join(', :')}`);
}

let requestSeq = 0;
/** A browser-like client of the proxy: a cookie jar, the CSRF header on unsafe requests, tagged request ids. */
function client(base, who) {
  const cookies = new Map();
  let csrf;
  const ids = [];
  async function request(method, path, body, headers = {}) {
    const unsafe = !['GET', 'HEAD'].includes(method);
    if (unsafe && !csrf) csrf = (await request('GET', '/api/auth/csrf')).json.token;
    const id = `topo-${who}-${++requestSeq}`;
    ids.push({ id, method, path });
    const response = await fetch(base + path, {
      method,
      headers: {
        'x-request-id': id,
        ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(unsafe ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) cookies.delete(pair.slice(0, at));
      else cookies.set(pair.slice(0, at), value);
    }
    const buffer = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    const json = type.includes('json') && buffer.length ? JSON.parse(buffer.toString('utf8')) : undefined;
    return { status: response.status, headers: response.headers, buffer, json, id };
  }
  const expect = async (method, path, body, status = 200) => {
    const response = await request(method, path, body);
    check(
      response.status === status,
      `${who}: ${method} ${path} answered ${response.status}, expected ${status}: ${response.buffer.toString('utf8').slice(0, 300)}`,
    );
    return response;
  };
  return { request, expect, ids };
}

async function main() {
  const timer = setTimeout(() => {
    console.error(`[topology] gave up after ${DEADLINE_MS / 1000} s`);
    void cleanup().finally(() => process.exit(1));
  }, DEADLINE_MS);
  timer.unref();
  check(
    existsSync(join(ROOT, 'dist/apps/api/src/main.js')) && existsSync(join(ROOT, 'dist/web/index.html')),
    'the server and web app are built (npm run build)',
  );
  const nginx = ensureNginx();

  const database = `ripple_topology_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${database}"`);
  cleanups.push(() => admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  const databaseUrl = withDatabase(SERVER_URL, database);
  const db = new pg.Client({ connectionString: databaseUrl });
  const smtp = await startSmtp();
  const [portA, portB, proxyPort] = [await freePort(), await freePort(), await freePort()];
  const proxy = `http://127.0.0.1:${proxyPort}`;
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    RIPPLE_SECRET_KEY: randomBytes(32).toString('hex'),
    PUBLIC_URL: proxy,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Ripple <ripple@museum.example>',
    COOKIE_SECURE: 'false', // plain HTTP on loopback; behind TLS it stays true
    TRUST_PROXY: 'true',
    JOBS_ENABLED: 'true',
    LOG_LEVEL: 'info',
  };
  // A applies the migrations and seeds the demo organisation, then B joins the same database.
  const a = await startInstance('instance A', portA, env, ['--demo']);
  const b = await startInstance('instance B', portB, env, ['--no-demo']);
  await startNginx(nginx, proxyPort, [portA, portB]);
  await db.connect();
  cleanups.push(() => db.end());

  // 1. Round robin: consecutive requests through the proxy land on alternate instances.
  const probe = client(proxy, 'probe');
  for (let i = 0; i < 6; i++) await probe.expect('GET', '/health/live');
  const servedBy = (id) => [a, b].filter((i) => i.served().has(id)).map((i) => i.name);
  // A log line may trail its response by a moment.
  const whoServed = (ids) => until('the log lines of these requests', () => ids.every((id) => servedBy(id).length > 0) && ids.map(servedBy), 5_000, 100);
  const order = await whoServed(probe.ids.map((r) => r.id));
  check(
    order.every((who) => who.length === 1),
    `each probe served by exactly one instance: ${JSON.stringify(order)}`,
  );
  for (let i = 1; i < order.length; i++) check(order[i][0] !== order[i - 1][0], `round robin alternates: ${order.map((w) => w[0]).join(', ')}`);
  log(`round robin: ${order.map((w) => w[0].slice(-1)).join(' ')}`);

  // 2. HR signs in; the session and the CSRF secret live in PostgreSQL, so any instance accepts them.
  const hr = client(proxy, 'hr');
  await hr.expect('POST', '/api/auth/login', HR);
  check((await hr.expect('GET', '/api/auth/me')).json.email === HR.email, 'HR is signed in');
  const bad = await hr.request('POST', '/api/cycles', { name: 'x', surprise: 1 });
  check(
    bad.status === 400 && bad.json.requestId === bad.headers.get('x-request-id') && bad.json.requestId === bad.id,
    `an error names the request id the client sent through the proxy: ${JSON.stringify(bad.json)}`,
  );

  const [subject] = (await db.query(`SELECT id, name FROM people WHERE email = $1`, [SUBJECT_EMAIL])).rows;
  check(subject, `the demo has ${SUBJECT_EMAIL}`);
  const cycleName = `Topology ${randomBytes(3).toString('hex')}`;
  const cycle = (
    await hr.expect(
      'POST',
      '/api/cycles',
      { name: cycleName, settings: { responseDeadline: new Date(Date.now() + 14 * 864e5).toISOString(), minPeers: 0, maxPeers: 0 } },
      201,
    )
  ).json;
  await hr.expect('POST', `/api/cycles/${cycle.id}/subjects`, { personIds: [subject.id] });
  check((await hr.expect('POST', `/api/cycles/${cycle.id}/launch`)).json.state === 'collecting', 'the cycle is collecting');
  const raters = (
    await db.query(
      `SELECT DISTINCT p.email FROM feedback_requests fr JOIN people p ON p.organization_id = fr.organization_id AND p.id = fr.rater_id
        WHERE fr.cycle_id = $1 AND fr.state = 'open' ORDER BY p.email`,
      [cycle.id],
    )
  ).rows.map((r) => r.email);
  check(raters.length >= 3 && raters.includes(SUBJECT_EMAIL), `launch asked the subject and their colleagues: ${raters.join(', ')}`);
  const hrUnsafe = (await whoServed(hr.ids.filter((r) => r.method !== 'GET').map((r) => r.id))).map((w) => w[0]);
  check(new Set(hrUnsafe).size === 2, `HR's POSTs (session + CSRF) were served by both instances: ${hrUnsafe.join(', ')}`);
  log(`cycle "${cycleName}" launched; raters: ${raters.join(', ')}`);

  // 3. Invitations: a job on either instance; each rater gets exactly one mail.
  const invitations = () => smtp.messages.filter((m) => m.subject === `Your feedback is requested: ${cycleName}`);
  await until(`${raters.length} invitations`, () => invitations().length >= raters.length, 60_000);
  await sleep(5_000); // two more polls of both workers: a duplicate would show up now
  const perRater = raters.map((email) => invitations().filter((m) => m.to.length === 1 && m.to[0] === email).length);
  check(
    invitations().length === raters.length && perRater.every((n) => n === 1),
    `one invitation per rater: ${JSON.stringify(perRater)} of ${invitations().length}`,
  );
  check(
    invitations().every((m) => m.from === 'ripple@museum.example'),
    'the envelope sender is MAIL_FROM',
  );
  // The body may be quoted-printable (the mail carries non-ASCII text): undo its soft line breaks.
  const body = invitations()[0]
    .raw.replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  const link = /Open your feedback requests: (\S+)/.exec(body)?.[1];
  check(link === `${proxy}/feedback`, `the invitation links to PUBLIC_URL: ${link}`);
  const page = await fetch(link);
  check(page.ok && (await page.text()).includes('<div id="root">'), 'the invitation link opens the web app through the proxy');
  log(`invitations: ${invitations().length}, one per rater`);

  // 4. Every rater signs in and submits, through the proxy.
  for (const email of raters) {
    const rater = client(proxy, email.split('@')[0]);
    await rater.expect('POST', '/api/auth/login', { email, password: DEMO_PASSWORD });
    const tasks = (await rater.expect('GET', `/api/feedback-requests?mine=true&cycleId=${cycle.id}`)).json;
    const requests = tasks.cycles.flatMap((c) => c.requests).filter((r) => r.canAnswer);
    check(requests.length >= 1, `${email} has a request to answer`);
    for (const task of requests) {
      const questionnaire = (await rater.expect('GET', `/api/feedback-requests/${task.id}`)).json;
      const statements = questionnaire.behaviours.flatMap((x) => x.statements);
      const answers = statements.map((s, i) => ({ questionId: s.id, rating: 1 + ((i + email.length) % 5) }));
      const comments = questionnaire.openQuestions.map((q) => ({
        questionId: q.id,
        text: `Through the proxy: ${email.length % 3 ? 'asks first' : 'shares plans'}.`,
      }));
      await rater.expect('PUT', `/api/feedback-requests/${task.id}/draft`, { answers, comments });
      await rater.expect('POST', `/api/feedback-requests/${task.id}/submit`, {});
    }
  }
  log('every rater submitted');

  // 5. Close: the snapshot job runs on either instance; release waits for it (409 until then).
  check((await hr.expect('POST', `/api/cycles/${cycle.id}/close`)).json.state === 'closed', 'closed');
  const released = await until(
    'the snapshot job and release',
    async () => {
      const response = await hr.request('POST', `/api/cycles/${cycle.id}/release`);
      if (response.status === 409) return false;
      check(response.status === 200, `release answered ${response.status}: ${response.buffer.toString('utf8')}`);
      return response.json;
    },
    60_000,
    500,
  );
  check(released.state === 'released', 'released');
  log('closed, snapshot written, released');

  // 6. The subject reads the report through the proxy: JSON (compressed by Ripple) and PDF.
  const priya = client(proxy, 'priya');
  await priya.expect('POST', '/api/auth/login', { email: SUBJECT_EMAIL, password: DEMO_PASSWORD });
  const url = `/api/reports/cycles/${cycle.id}/subjects/${subject.id}`;
  const plain = await priya.expect('GET', url);
  check(plain.json && JSON.stringify(plain.json).includes(cycleName), 'the report JSON names the cycle');
  const again = await priya.expect('GET', url);
  check(again.buffer.equals(plain.buffer), 'the released report reads the same on the next read (the other instance)');
  check((await fetch(proxy + url)).status === 401, 'no session, no report');
  const br = await priya.request('GET', url, undefined, { 'accept-encoding': 'br' });
  // fetch decodes brotli itself; the header says it travelled compressed through nginx.
  check(br.headers.get('content-encoding') === 'br', `the report travels compressed: ${br.headers.get('content-encoding')}`);
  check(br.buffer.equals(plain.buffer), 'and decodes to the same bytes');
  const pdf = await priya.expect('GET', `${url}.pdf`);
  check(pdf.headers.get('content-type') === 'application/pdf' && pdf.buffer.subarray(0, 5).toString() === '%PDF-', 'the PDF downloads');
  log(`the subject read the report: ${plain.buffer.length} B JSON, ${pdf.buffer.length} B PDF`);
  const all = (await whoServed([probe, hr, priya].flatMap((c) => c.ids.map((r) => r.id)))).map((w) => w[0]);
  log(`requests served: A ${all.filter((w) => w === a.name).length}, B ${all.filter((w) => w === b.name).length}`);
  clearTimeout(timer);
}

let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse())
      await Promise.resolve()
        .then(step)
        .catch((error) => console.error('[topology] cleanup:', error.message));
  })();
  return cleaning;
}

main()
  .then(async () => {
    await cleanup();
    log(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(0);
  })
  .catch(async (error) => {
    console.error('[topology] FAILED:', error instanceof Error ? error.message : error);
    await cleanup();
    process.exit(1);
  });
