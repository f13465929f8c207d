// Load driver for tests/perf/write-path.perf.ts, in its own process so that the clients share
// neither the server's event loop nor Jest's. Input: one job as JSON on stdin; output: JSON on stdout.
//
//   { kind: 'http', concurrency, ops: [{ method, url, cookie, headers?, body? }] }
//     → { latencies: number[] (ms, in op order), statuses: number[], wallMs }
//   { kind: 'sql', databaseUrl, organizationId, concurrency, ops: [[{ text, values }]] }
//     → the same, each op one transaction: BEGIN, its statements, COMMIT, on a pooled connection
//       that was put in the organisation's scope once, as the app's pool does (tenant-scope.ts).
//   { kind: 'raters', bases: string[], thinkMs, raters: [{ cookie, requestId }], drafts: body[], submit: body }
//     → { routes: { name: number[] }, failures: { name: number }, failed: ['route status'], wallMs, requests, perBase: { base: requests } }: each rater lists
//       their requests, opens the questionnaire, autosaves each of `drafts`, submits; rater i talks to
//       bases[i % bases.length]; think time (thinkMs, ±50 %) before every step but the first.
// Every output also has cpuSeconds: this process's own CPU time (utime + stime, /proc/self/stat) over the load.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';

/** This process's utime + stime in seconds (/proc/self/stat counts in USER_HZ, 100 per second on Linux). */
const cpuSeconds = () => {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const job = JSON.parse(input);
const agents = new Map();
const agentFor = (url, sockets) => {
  const origin = new URL(url).origin;
  if (!agents.has(origin)) agents.set(origin, new http.Agent({ keepAlive: true, maxSockets: sockets }));
  return agents.get(origin);
};

function request({ method, url, cookie, headers = {}, body }, sockets) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const all = { cookie, 'accept-encoding': 'gzip, br', ...headers };
    if (payload !== undefined) Object.assign(all, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    const started = performance.now();
    const req = http.request(url, { method, agent: agentFor(url, sockets), headers: all }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve({ status: response.statusCode, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** `concurrency` workers take the ops in order until none is left. */
async function pool(ops, concurrency, run) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, ops.length) }, async () => {
      while (next < ops.length) {
        const i = next++;
        await run(ops[i], i);
      }
    }),
  );
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuAtStart = cpuSeconds();
let output;
if (job.kind === 'http') {
  const latencies = new Array(job.ops.length);
  const statuses = new Array(job.ops.length);
  const started = performance.now();
  await pool(job.ops, job.concurrency, async (op, i) => {
    const { status, ms } = await request(op, job.concurrency);
    latencies[i] = ms;
    statuses[i] = status;
  });
  output = { latencies, statuses, wallMs: performance.now() - started };
} else if (job.kind === 'sql') {
  // Every connection opened and put in the organisation's scope first (they are never closed while
  // idle): the app's pool is warm too.
  const db = new pg.Pool({ connectionString: job.databaseUrl, max: job.concurrency, idleTimeoutMillis: 0 });
  const opened = await Promise.all(Array.from({ length: job.concurrency }, () => db.connect()));
  for (const client of opened) {
    await client.query(`SELECT set_config('role', 'ripple_tenant', false), set_config('ripple.organization_id', $1, false)`, [job.organizationId]);
    client.release();
  }
  const latencies = new Array(job.ops.length);
  const statuses = new Array(job.ops.length);
  const started = performance.now();
  await pool(job.ops, job.concurrency, async (statements, i) => {
    const t0 = performance.now();
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      for (const s of statements) await client.query(s.text, s.values);
      await client.query('COMMIT');
      statuses[i] = 200;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      statuses[i] = 500;
      process.stderr.write(`sql op failed: ${error.message}\n`);
    } finally {
      client.release();
    }
    latencies[i] = performance.now() - t0;
  });
  output = { latencies, statuses, wallMs: performance.now() - started };
  await db.end();
} else if (job.kind === 'raters') {
  const routes = { list: [], questionnaire: [], autosave: [], submit: [] };
  const failures = { list: 0, questionnaire: 0, autosave: 0, submit: 0 };
  const failed = [];
  const perBase = Object.fromEntries(job.bases.map((base) => [base, 0]));
  let requests = 0;
  const sockets = Math.max(1, Math.ceil(job.raters.length / job.bases.length));
  const started = performance.now();
  await Promise.all(
    job.raters.map(async (rater, i) => {
      const base = job.bases[i % job.bases.length];
      const think = async () => {
        if (job.thinkMs > 0) await sleep(job.thinkMs * (0.5 + Math.random()));
      };
      const step = async (name, op, expected = 200) => {
        const { status, ms } = await request({ cookie: rater.cookie, ...op, headers: { ...(op.headers ?? {}), ...job.headers } }, sockets);
        routes[name].push(ms);
        requests++;
        perBase[base]++;
        if (status !== expected) {
          failures[name]++;
          failed.push(`${name} ${status}`);
        }
      };
      // Raters do not all start in the same millisecond.
      if (job.thinkMs > 0) await sleep(Math.random() * job.thinkMs);
      await step('list', { method: 'GET', url: `${base}/api/feedback-requests?mine=true` });
      await think();
      await step('questionnaire', { method: 'GET', url: `${base}/api/feedback-requests/${rater.requestId}` });
      for (const draft of job.drafts) {
        await think();
        await step('autosave', { method: 'PUT', url: `${base}/api/feedback-requests/${rater.requestId}/draft`, body: draft });
      }
      await think();
      await step('submit', {
        method: 'POST',
        url: `${base}/api/feedback-requests/${rater.requestId}/submit`,
        body: job.submit,
        headers: { 'idempotency-key': `perf-${rater.requestId}` },
      });
    }),
  );
  output = { routes, failures, failed, wallMs: performance.now() - started, requests, perBase };
}
output.cpuSeconds = cpuSeconds() - cpuAtStart;
for (const agent of agents.values()) agent.destroy();
process.stdout.write(JSON.stringify(output));
