import { DataSource } from 'typeorm';
import { runAsSystem, runInOrganization } from '@lib/database';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { aLaunchedCycle } from '../support/cycle-factories';
import { anOrganization, aPerson } from '../support/factories';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The same path as production: JOBS_ENABLED=true, so launch sends `cycle.invitations` to pg-boss
 * in PostgreSQL, a worker of this app picks it up, and the mail reaches a real SMTP server.
 */
describe('jobs through the pg-boss queue', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('starts the queue with the hourly sweep scheduled', async () => {
    expect(t.app.get(JobsService).started).toBe(true);
    const schedules = await t.db.query(`SELECT name, cron FROM pgboss.schedule ORDER BY name`);
    expect(schedules).toEqual([{ name: 'cycle.sweep', cron: '7 * * * *' }]);
  });

  it('delivers the launch invitations through the queue, one per rater', async () => {
    const org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const manager = await aPerson(t.db, org.id, { name: 'Maya Manager' });
    const a = await aPerson(t.db, org.id, { name: 'Mo Member', managerId: manager.id });
    const b = await aPerson(t.db, org.id, { name: 'Cora Colleague', managerId: manager.id });
    const hr = t.client();
    await hr.signInAs(admin);
    const cycle = await aLaunchedCycle(hr, [a.id, b.id], { name: 'Queued' });
    expect(t.app.get(JobsService).heldJobs()).toEqual([]);

    // Raters: Mo (self), Cora (self), Maya (manager of both). The worker polls every 0.5 s (test-app.ts).
    const messages = await smtp.waitFor(3);
    expect(messages.map((m) => m.to[0]).sort()).toEqual([a.email, b.email, manager.email].sort());
    expect(smtp.to(manager.email)[0].text).toContain('  - Cora Colleague (a member of your team)\n  - Mo Member (a member of your team)');
    const jobs = await t.db.query(`SELECT state FROM pgboss.job WHERE name = 'cycle.invitations' AND data->>'cycleId' = $1`, [cycle.id]);
    expect(jobs).toEqual([{ state: expect.stringMatching(/^(active|completed)$/) }]);
  });

  it('queues a job inside a transaction: it exists only if the transaction commits', async () => {
    const queue = t.app.get(JobsService);
    const jobsOf = async (cycleId: string) =>
      t.db.query(`SELECT name FROM pgboss.job WHERE name = $1 AND data->>'cycleId' = $2`, [JOB_NAMES.reportsSnapshot, cycleId]);
    const rolledBack = '00000000-0000-4000-8000-0000000000aa';
    await expect(
      t.app.get(DataSource).transaction(async (tx) => {
        await queue.send(JOB_NAMES.reportsSnapshot, { organizationId: rolledBack, cycleId: rolledBack }, { tx });
        expect(await jobsOf(rolledBack)).toEqual([]); // not visible outside before the commit
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await jobsOf(rolledBack)).toEqual([]);
    const committed = '00000000-0000-4000-8000-0000000000bb';
    await t.app.get(DataSource).transaction((tx) => queue.send(JOB_NAMES.reportsSnapshot, { organizationId: committed, cycleId: committed }, { tx }));
    expect(await jobsOf(committed)).toEqual([{ name: JOB_NAMES.reportsSnapshot }]);
  });

  it("keeps the queue's tables from the tenant role (job payloads name every organisation), while a job still queues inside a tenant-scoped transaction", async () => {
    const org = await anOrganization(t.db);
    for (const table of ['job', 'queue', 'schedule']) {
      await expect(runInOrganization(org.id, () => t.db.query(`SELECT FROM pgboss.${table}`))).rejects.toThrow(/permission denied/);
    }
    await expect(runInOrganization(org.id, () => t.db.query(`SELECT count(*) FROM pgboss.job`))).rejects.toThrow(/permission denied/);
    // The owner (the queue's own connections, and system scope) still reads them.
    expect(await runAsSystem(() => t.db.query(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = $1`, [JOB_NAMES.reportsSnapshot]))).toEqual([{ n: 1 }]);

    const cycleId = '00000000-0000-4000-8000-0000000000cc';
    const queue = t.app.get(JobsService);
    const roles = await runInOrganization(org.id, () =>
      t.app.get(DataSource).transaction(async (tx) => {
        const before: { role: string }[] = await tx.query(`SELECT current_user AS role`);
        await queue.send(JOB_NAMES.reportsSnapshot, { organizationId: org.id, cycleId }, { tx });
        // Back to the tenant role for the rest of the transaction.
        const after: { role: string }[] = await tx.query(`SELECT current_user AS role`);
        return [before[0].role, after[0].role];
      }),
    );
    expect(roles).toEqual(['ripple_tenant', 'ripple_tenant']);
    expect(await t.db.query(`SELECT data FROM pgboss.job WHERE name = $1 AND data->>'cycleId' = $2`, [JOB_NAMES.reportsSnapshot, cycleId])).toEqual([
      { data: { organizationId: org.id, cycleId } },
    ]);
  });

  it('closes a cycle with its snapshot job, which a worker runs; then the reports can be released', async () => {
    const org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const member = await aPerson(t.db, org.id, { name: 'Mo Member' });
    const hr = t.client();
    await hr.signInAs(admin);
    const cycle = await aLaunchedCycle(hr, [member.id], { name: 'Closing' });
    expect((await hr.post(`/api/cycles/${cycle.id}/close`)).body.state).toBe('closed');
    // The worker polls every 0.5 s (test-app.ts); until it has written the snapshot, release waits with a 409.
    const deadline = Date.now() + 20_000;
    let released = await hr.post(`/api/cycles/${cycle.id}/release`);
    while (released.status === 409 && Date.now() < deadline) {
      expect(released.body.code).toBe('reports_pending');
      await new Promise((resolve) => setTimeout(resolve, 250));
      released = await hr.post(`/api/cycles/${cycle.id}/release`);
    }
    expect(released.body.state).toBe('released');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM report_snapshots WHERE cycle_id = $1`, [cycle.id]);
    expect(n).toBe(1);
  });
});
