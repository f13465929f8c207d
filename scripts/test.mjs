#!/usr/bin/env node
// `npm test`: the build, then Jest's three tiers while the checks (type check, lint, dead code,
// format, OpenAPI lint) run beside it, one at a time, each one's output printed whole when it ends.
// Only the browser tests need the build, and none of the tests needs a check: Jest starts as soon
// as the build is done, and the checks fill the time Jest's workers spend waiting (on PostgreSQL,
// Chromium, timers). Every check still runs on every file of a fresh clone (no caches) and gates
// the result: `npm test` fails when the build, any check or any test fails. Extra arguments go to
// Jest, e.g. `npm test -- --maxWorkers=1`.
import { spawn } from 'node:child_process';

/** Longest first: lint alone takes longer than the build, so it starts beside the build. */
const CHECKS = ['lint', 'typecheck', 'format:check', 'lint:dead', 'lint:api'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const seconds = (started) => ((performance.now() - started) / 1000).toFixed(1);

function run(command, args, { quiet }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(String(error))));
    child.on('close', (code, signal) => resolve({ ok: code === 0, code: code ?? signal, output: Buffer.concat(output).toString(), time: seconds(started) }));
  });
}

async function script(name) {
  const result = await run(npm, ['run', '-s', name], { quiet: true });
  process.stdout.write(`${result.ok ? '✓' : '✗'} npm run ${name} (${result.time} s)\n`);
  if (!result.ok) process.stdout.write(result.output.endsWith('\n') || !result.output ? result.output : `${result.output}\n`);
  return result.ok;
}

/** The checks in CHECK_LANES lanes (default one: Jest's workers have the other core), each check once. */
async function runChecks() {
  const queue = [...CHECKS];
  const failed = [];
  const lane = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) if (!(await script(name))) failed.push(name);
  };
  const lanes = Math.max(1, Math.min(Number(process.env.CHECK_LANES ?? 1), CHECKS.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return failed;
}

const started = performance.now();
const checks = runChecks();
const built = await script('build');
let jest;
if (built) {
  process.stdout.write(`Build: ${seconds(started)} s; Jest starts, the checks go on beside it\n\n`);
  jest = await run(npm, ['exec', '--', 'jest', '--selectProjects', 'unit', 'e2e', 'browser', ...process.argv.slice(2)], { quiet: false });
}
const failed = await checks;
const checksLine = failed.length ? `${failed.length} of ${CHECKS.length} checks failed (${failed.join(', ')})` : `all ${CHECKS.length} checks passed`;
if (!built) {
  process.stdout.write(`\nThe build failed, ${checksLine}: the tests did not run.\n`);
  process.exit(1);
}
process.stdout.write(`\nnpm test: ${seconds(started)} s (Jest ${jest.time} s; ${checksLine})\n`);
process.exit(jest.ok && !failed.length ? 0 : 1);
