import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux, asked once). */
let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a process (every thread of it), in ticks, from /proc/<pid>/stat; null once it is gone. */
function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** The parent of a process, from /proc/<pid>/stat; null when it cannot be read. */
export function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The direct children of a process (/proc/<pid>/task/<pid>/children, else a scan of /proc: the file is not always built in). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // fall through to the scan
  }
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (parentOf(Number(entry)) === pid) children.push(Number(entry));
  }
  return children;
}

/** Busy and total ticks of the whole machine (every core), from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal (guest time is already inside user and nice).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
  const busy = user + nice + system + irq + softirq + (steal || 0);
  return { busy, total: busy + idle + iowait };
}

/** A named group of processes whose CPU time is summed; `pids` is asked again at every sample. */
interface CpuGroup {
  name: string;
  pids: () => number[] | Promise<number[]>;
}

interface CpuReading {
  wallSeconds: number;
  /** CPU seconds per group over the window (utime + stime). */
  seconds: Record<string, number>;
  /** The whole machine's busy cores over the window (every process, ours or not), from /proc/stat. */
  machineCoresBusy: number;
}

/**
 * CPU seconds spent by groups of processes over a window, read from /proc/<pid>/stat (utime + stime).
 * Sampled every `intervalMs` while the window is open, so that a process that appears meanwhile (a
 * new database connection) counts from zero and one that ends counts up to its last sample; what a
 * process spends between its last sample and its end is lost (at most one interval of it).
 */
export class CpuMeter {
  private readonly first = new Map<string, Map<number, number>>();
  private readonly last = new Map<string, Map<number, number>>();
  private timer?: NodeJS.Timeout;
  private sampling: Promise<void> = Promise.resolve();
  private startedAt = 0;
  private machineAtStart = { busy: 0, total: 0 };

  private constructor(
    private readonly groups: CpuGroup[],
    private readonly intervalMs: number,
  ) {}

  static async start(groups: CpuGroup[], intervalMs = 250): Promise<CpuMeter> {
    const meter = new CpuMeter(groups, intervalMs);
    await meter.sample(true);
    meter.startedAt = performance.now();
    meter.machineAtStart = machineTicks();
    meter.timer = setInterval(() => {
      meter.sampling = meter.sampling.then(() => meter.sample(false)).catch(() => undefined);
    }, intervalMs);
    return meter;
  }

  private async sample(initial: boolean): Promise<void> {
    for (const group of this.groups) {
      const first = this.first.get(group.name) ?? new Map<number, number>();
      const last = this.last.get(group.name) ?? new Map<number, number>();
      this.first.set(group.name, first);
      this.last.set(group.name, last);
      for (const pid of await group.pids()) {
        const ticks = processTicks(pid);
        if (ticks === null) continue;
        // A process first seen after the window opened was started inside it: all its time counts.
        if (!first.has(pid)) first.set(pid, initial ? ticks : 0);
        last.set(pid, ticks);
      }
    }
  }

  async stop(): Promise<CpuReading> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sample(false);
    const wallSeconds = (performance.now() - this.startedAt) / 1000;
    const machine = machineTicks();
    const hz = clockTicks();
    const seconds: Record<string, number> = {};
    for (const group of this.groups) {
      const first = this.first.get(group.name)!;
      let ticks = 0;
      for (const [pid, end] of this.last.get(group.name)!) ticks += end - (first.get(pid) ?? 0);
      seconds[group.name] = ticks / hz;
    }
    const machineBusy = (machine.busy - this.machineAtStart.busy) / hz;
    return { wallSeconds, seconds, machineCoresBusy: machineBusy / wallSeconds };
  }
}
