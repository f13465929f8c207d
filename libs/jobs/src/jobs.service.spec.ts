import type { DataSource } from 'typeorm';
import { loadConfig } from '@lib/common';
import { JobsService } from './jobs.service';

/** No database is touched here: the queue never starts (only what happens around its stop is checked). */
const jobsWith = (env: Record<string, string>): JobsService => new JobsService(loadConfig({ NODE_ENV: 'test', ...env }), {} as DataSource);

describe('JobsService after shutdown', () => {
  it('refuses a job sent once the queue has stopped, so the transaction that sends it rolls back', async () => {
    const jobs = jobsWith({ JOBS_ENABLED: 'true' });
    await jobs.beforeApplicationShutdown();
    await expect(jobs.send('cycle.sweep', {})).rejects.toThrow(/The job queue has stopped/);
    expect(jobs.heldJobs()).toEqual([]);
  });

  it('still holds jobs in memory when the queue is off (tests), before and after shutdown', async () => {
    const jobs = jobsWith({ JOBS_ENABLED: 'false' });
    await expect(jobs.send('cycle.sweep', { a: 1 })).resolves.toBeNull();
    await jobs.beforeApplicationShutdown();
    await expect(jobs.send('cycle.sweep', { a: 2 })).resolves.toBeNull();
    expect(jobs.heldJobs().map((job) => job.data)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('keeps when a delayed job may run, and only for a delayed job', async () => {
    const jobs = jobsWith({ JOBS_ENABLED: 'false' });
    const at = new Date('2030-01-02T03:04:05Z');
    await jobs.send('cycle.sweep', { a: 1 }, { startAfter: at });
    await jobs.send('cycle.sweep', { a: 2 });
    expect(jobs.heldJobs()).toEqual([
      { name: 'cycle.sweep', data: { a: 1 }, startAfter: at },
      { name: 'cycle.sweep', data: { a: 2 } },
    ]);
  });
});
