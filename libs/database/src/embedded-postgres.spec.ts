import { runningPostmaster } from './embedded-postgres';

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
