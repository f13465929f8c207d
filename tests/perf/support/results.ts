import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Measurement {
  what: string;
  value: string;
  target?: string;
  /** The measured figure and its limit, both in ms: the run fails (after writing the results) when over. */
  check?: { ms: number; limitMs: number };
  /** A figure that must reach a minimum (a throughput, a ratio): the run fails when below. */
  atLeast?: { value: number; min: number };
  /** Why a missed target could not be met where it ran (shown beside the miss; it still fails the run). */
  missedBecause?: string;
  note?: string;
}

const met = (m: Measurement): boolean => (!m.check || m.check.ms < m.check.limitMs) && (!m.atLeast || m.atLeast.value >= m.atLeast.min);

/** Milliseconds since `start` (from performance.now()), rounded. */
export const elapsed = (start: number): number => Math.round(performance.now() - start);

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: elapsed(start), result };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Writes tests/perf/results/<name>.md: the latest run, with the machine it ran on. */
export function writeResults(name: string, title: string, measurements: Measurement[], notes: string[] = []): void {
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    `# ${title}`,
    '',
    `Run: ${new Date().toISOString()} on ${machine}; PostgreSQL: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'}.`,
    'Produced by `npm run perf`. A benchmark fails when a figure misses its target (after writing this file).',
    '',
    '| measurement | result | target | note |',
    '| --- | --- | --- | --- |',
    ...measurements.map(
      (m) =>
        `| ${m.what} | ${m.value} | ${m.target ? `${m.target} ${met(m) ? '✓' : `✗ missed${m.missedBecause ? `: ${m.missedBecause}` : ''}`}` : ''} | ${m.note ?? ''} |`,
    ),
    '',
    ...notes,
    '',
  ];
  writeFileSync(join(dir, `${name}.md`), lines.join('\n'));
}

/** Fails the benchmark when a measurement missed its target; call after writeResults. */
export function expectTargetsMet(measurements: Measurement[]): void {
  const missed = measurements.filter((m) => !met(m)).map((m) => `${m.what}: ${m.value} (target ${m.target}${m.missedBecause ? `; ${m.missedBecause}` : ''})`);
  if (missed.length) throw new Error(`Missed targets:\n${missed.join('\n')}`);
}
