#!/usr/bin/env node
// `npm test`: the checks (type check, lint, dead code, format, OpenAPI lint) and the build run side
// by side, as many at a time as the machine has cores, each one's output printed whole when it
// ends; then, when all of them passed, Jest runs the three tiers. Every check still runs on every
// file of a fresh clone (no caches). Extra arguments go to Jest, e.g. `npm test -- --maxWorkers=1`.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Longest first, so that the short ones fill the other core while the long ones run. */
const CHECKS = ['lint', 'typecheck', 'format:check', 'lint:dead', 'build', 'lint:api'];
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

async function runChecks() {
  const queue = [...CHECKS];
  const failed = [];
  const lane = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const result = await run(npm, ['run', '-s', name], { quiet: true });
      process.stdout.write(`${result.ok ? '✓' : '✗'} npm run ${name} (${result.time} s)\n`);
      if (!result.ok) {
        process.stdout.write(result.output.endsWith('\n') || !result.output ? result.output : `${result.output}\n`);
        failed.push(name);
      }
    }
  };
  const lanes = Math.max(1, Math.min(Number(process.env.CHECK_LANES ?? availableParallelism()), CHECKS.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return failed;
}

const started = performance.now();
const failed = await runChecks();
if (failed.length) {
  process.stdout.write(`\n${failed.length} of ${CHECKS.length} checks failed (${failed.join(', ')}): the tests did not run.\n`);
  process.exit(1);
}
process.stdout.write(`Checks and build: ${seconds(started)} s\n\n`);
const jest = await run(npm, ['exec', '--', 'jest', '--selectProjects', 'unit', 'e2e', 'browser', ...process.argv.slice(2)], { quiet: false });
process.stdout.write(`\nnpm test: ${seconds(started)} s (checks and build, then Jest ${jest.time} s)\n`);
process.exit(jest.ok ? 0 : 1);
