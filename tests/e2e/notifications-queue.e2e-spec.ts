import { JobsService } from '@lib/jobs';
import { aLaunchedCycle } from '../support/cycle-factories';
import { anOrganization, aPerson, TEST_PASSWORD } from '../support/factories';
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
    await hr.login(admin.email, TEST_PASSWORD);
    const cycle = await aLaunchedCycle(hr, [a.id, b.id], { name: 'Queued' });
    expect(t.app.get(JobsService).heldJobs()).toEqual([]);

    // Raters: Mo (self), Cora (self), Maya (manager of both). The worker polls every 2 s.
    const messages = await smtp.waitFor(3);
    expect(messages.map((m) => m.to[0]).sort()).toEqual([a.email, b.email, manager.email].sort());
    expect(smtp.to(manager.email)[0].text).toContain('  - Cora Colleague (a member of your team)\n  - Mo Member (a member of your team)');
    const jobs = await t.db.query(`SELECT state FROM pgboss.job WHERE name = 'cycle.invitations' AND data->>'cycleId' = $1`, [cycle.id]);
    expect(jobs).toEqual([{ state: expect.stringMatching(/^(active|completed)$/) }]);
  });
});
