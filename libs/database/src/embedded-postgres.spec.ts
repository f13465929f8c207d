import { execFileSync, spawn } from 'node:child_process';
import { isAlive, runningPostmaster } from './embedded-postgres';

describe('runningPostmaster', () => {
  it('reads the pid and the port of a postmaster.pid', () => {
    const text = '48211\n/work/.data/pg\n1764821000\n54329\n/tmp\n127.0.0.1\n  5432001  65538\nready   \n';
    expect(runningPostmaster(text)).toEqual({ pid: 48211, port: 54329 });
  });

  it('refuses a file it cannot read', () => {
    expect(runningPostmaster('')).toBeNull();
    expect(runningPostmaster('abc\nx\ny\nz')).toBeNull();
    expect(runningPostmaster('123\n/dir\n')).toBeNull();
  });
});

describe('isAlive', () => {
  it('counts a running process, and not one that has exited', async () => {
    expect(isAlive(process.pid)).toBe(true);
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((exited) => child.on('exit', exited));
    expect(isAlive(child.pid!)).toBe(false);
  });

  // A PostgreSQL orphaned by a killed Ripple, once stopped, waits for the first process to reap it.
  it('does not count a zombie: exited, not yet reaped by its parent', async () => {
    // sh starts a short sleep in the background, prints its pid, and becomes a long `sleep`, which
    // never reaps it. The child outlives the exec (a child that ended first could be reaped by sh).
    const parent = spawn('sh', ['-c', 'sleep 0.3 & echo $!; exec sleep 10']);
    try {
      const pid = Number(await new Promise<string>((read) => parent.stdout.once('data', (chunk: Buffer) => read(chunk.toString()))));
      const state = (): string => execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
      for (let tries = 0; tries < 500 && !state().startsWith('Z'); tries++) await new Promise((wake) => setTimeout(wake, 10));
      expect(state()).toMatch(/^Z/);
      expect(isAlive(pid)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
