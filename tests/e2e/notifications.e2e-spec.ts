import { CycleNotificationsService } from '@lib/cycles';
import { JobsService } from '@lib/jobs';
import { aLaunchedCycle, inDays, runHeldJobs } from '../support/cycle-factories';
import { anOrganization, aPerson, TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;
/** The people a mail lists: the bullets before "Who sees your answers:" (which has its own). */
const bullets = (text: string): string[] =>
  text
    .split('Who sees your answers:')[0]
    .split('\n')
    .filter((l) => l.startsWith('  - '))
    .map((l) => l.slice(4));

/** Invitations and reminders, read from a real SMTP server on loopback. Jobs run through their real handlers. */
describe('cycle notifications over SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let hr: HttpClient;
  let org: { id: string };
  let maya: TestPerson, mo: TestPerson, cora: TestPerson, pat: TestPerson;
  let notifications: CycleNotificationsService;
  let jobs: JobsService;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://ripple.test' });
    org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    maya = await aPerson(t.db, org.id, { name: 'Maya Manager' });
    mo = await aPerson(t.db, org.id, { name: 'Mo Member', managerId: maya.id });
    cora = await aPerson(t.db, org.id, { name: 'Cora Colleague', managerId: maya.id });
    pat = await aPerson(t.db, org.id, { name: 'Pat Peer' });
    hr = t.client();
    await hr.signInAs(admin);
    notifications = t.app.get(CycleNotificationsService);
    jobs = t.app.get(JobsService);
  });
  beforeEach(async () => {
    // The sweep serves every running cycle: close the previous tests' cycles so each test sees its own mail only.
    await t.db.query(`UPDATE cycles SET state = 'closed' WHERE state IN ('nominating', 'collecting')`);
    smtp.clear();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const launch = async (settings: Record<string, unknown> = {}) => {
    const cycle = await aLaunchedCycle(hr, [maya.id, mo.id, cora.id, pat.id], { name: 'Spring review', settings });
    expect(jobs.heldJobs('cycle.invitations')).toHaveLength(1);
    await runHeldJobs(t, 'cycle.invitations');
    return cycle;
  };

  it('sends each rater ONE invitation listing every subject they were asked about, and never again', async () => {
    const cycle = await launch();
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([maya.email, mo.email, cora.email, pat.email].sort());
    const [toMaya] = smtp.to(maya.email);
    expect(toMaya.subject).toBe('Your feedback is requested: Spring review');
    expect(bullets(toMaya.text)).toEqual(['Yourself (self-review)', 'Cora Colleague (a member of your team)', 'Mo Member (a member of your team)']);
    expect(toMaya.text).toContain('Open your feedback requests: https://ripple.test/feedback');
    expect(toMaya.html).toContain('href="https://ripple.test/feedback"');
    expect(bullets(smtp.to(mo.email)[0].text)).toEqual(['Yourself (self-review)', 'Maya Manager (your manager)']);
    // Each kind of answer gets its own true sentence: Maya's ratings of her team are shown as the manager's.
    expect(toMaya.text).toContain(
      "As the manager of Cora Colleague and Mo Member, your ratings are shown in the report on their own, labelled as the manager's",
    );
    expect(smtp.to(mo.email)[0].text).toContain('Your answers about Maya Manager are combined with other people');
    expect(bullets(smtp.to(pat.email)[0].text)).toEqual(['Yourself (self-review)']);

    // The job running again (a retry, or the hourly sweep) sends nothing more.
    expect(await notifications.sendInvitations(org.id, cycle.id)).toBe(0);
    await jobs.runNow('cycle.invitations', { organizationId: org.id, cycleId: cycle.id });
    expect(smtp.messages).toHaveLength(4);
  });

  it('invites a rater added later with a mail for the new requests only', async () => {
    const cycle = await launch();
    smtp.clear();
    // As the feedback library does when a peer request opens (approved, or added by HR).
    await t.db.query(
      `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state)
       VALUES ($1, $2, $3, $5, 'peer', 'open'), ($1, $2, $4, $5, 'peer', 'open')`,
      [org.id, cycle.id, mo.id, cora.id, pat.id],
    );
    expect(await notifications.sendInvitations(org.id, cycle.id)).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].to).toEqual([pat.email]);
    expect(bullets(smtp.messages[0].text)).toEqual(['Cora Colleague (a colleague)', 'Mo Member (a colleague)']);
    expect(await notifications.sendInvitations(org.id, cycle.id)).toBe(0);
  });

  it('reminds raters with open requests on the cycle’s schedule, once per slot however often the sweep runs', async () => {
    const deadline = new Date(Date.now() + 10 * DAY);
    const cycle = await launch({ responseDeadline: deadline.toISOString(), reminderDaysBeforeDeadline: [7, 2] });
    smtp.clear();
    await t.db.query(`UPDATE feedback_requests SET state = 'submitted' WHERE cycle_id = $1 AND rater_id = $2`, [cycle.id, pat.id]);
    await t.db.query(`UPDATE feedback_requests SET state = 'in_progress' WHERE cycle_id = $1 AND rater_id = $2`, [cycle.id, mo.id]);

    // Before the first slot: nothing.
    expect((await notifications.sweep(new Date(deadline.getTime() - 8 * DAY))).reminders).toBe(0);
    // 7 days before: everyone with open requests, once, even if the sweep runs three times.
    const d7 = new Date(deadline.getTime() - 6.5 * DAY);
    expect((await notifications.sweep(d7)).reminders).toBe(3);
    await notifications.sweep(d7);
    await notifications.sweep(new Date(d7.getTime() + 60 * 60 * 1000));
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([maya.email, mo.email, cora.email].sort());
    expect(smtp.messages.every((m) => m.subject === 'Reminder: feedback for Spring review')).toBe(true);
    expect(bullets(smtp.to(maya.email)[0].text)).toEqual([
      'Yourself (self-review)',
      'Cora Colleague (a member of your team)',
      'Mo Member (a member of your team)',
    ]);
    // Cora submits everything; the 2-day slot reminds the others only.
    await t.db.query(`UPDATE feedback_requests SET state = 'submitted' WHERE cycle_id = $1 AND rater_id = $2`, [cycle.id, cora.id]);
    smtp.clear();
    const d2 = new Date(deadline.getTime() - 1.5 * DAY);
    expect((await notifications.sweep(d2)).reminders).toBe(2);
    expect((await notifications.sweep(d2)).reminders).toBe(0);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([maya.email, mo.email].sort());
    // After the deadline: nothing.
    expect((await notifications.sweep(new Date(deadline.getTime() + DAY))).reminders).toBe(0);
    const keys = await t.db.query(`SELECT dedupe_key FROM mail_messages WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`, [`reminder:${cycle.id}:${maya.id}:%`]);
    expect(keys.map((k: { dedupe_key: string }) => k.dedupe_key)).toEqual([`reminder:${cycle.id}:${maya.id}:d2`, `reminder:${cycle.id}:${maya.id}:d7`]);
  });

  it('does not remind about requests made after the slot opened (their invitation is fresh)', async () => {
    const deadline = new Date(Date.now() + 3 * DAY);
    await launch({ responseDeadline: deadline.toISOString(), reminderDaysBeforeDeadline: [7] });
    smtp.clear();
    expect((await notifications.sweep(new Date())).reminders).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it('sends HR’s "reminder now" once per rater, even when the job runs twice', async () => {
    const cycle = await launch();
    smtp.clear();
    await t.db.query(`UPDATE feedback_requests SET state = 'submitted' WHERE cycle_id = $1 AND rater_id = ANY($2)`, [cycle.id, [maya.id, cora.id]]);
    const queued = await hr.post(`/api/cycles/${cycle.id}/reminders`);
    expect(queued.body.raterCount).toBe(2);
    expect((await hr.post(`/api/cycles/${cycle.id}/reminders`)).status).toBe(429);
    const [job] = jobs.heldJobs('cycle.reminders');
    await runHeldJobs(t, 'cycle.reminders');
    await jobs.runNow(job.name, job.data);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([mo.email, pat.email].sort());
  });

  it('ends nominations at the nomination deadline', async () => {
    const cycle = await launch({ nominationDeadline: inDays(1) });
    expect((await hr.get(`/api/cycles/${cycle.id}`)).body.state).toBe('nominating');
    expect((await notifications.sweep(new Date(Date.now() + 2 * DAY))).nominationsEnded).toBe(1);
    expect((await hr.get(`/api/cycles/${cycle.id}`)).body.state).toBe('collecting');
    const audit = await hr.get(`/api/audit-events?targetId=${cycle.id}&action=cycle.collecting`);
    expect(audit.body.items).toEqual([expect.objectContaining({ actorId: null, details: { from: 'nominating', action: 'start-collecting' } })]);
  });

  it('queues again the report snapshots that closed and released cycles still miss, once the close has had its chance', async () => {
    const lost = await aLaunchedCycle(hr, [mo.id, cora.id], { name: 'Lost job' });
    const recent = await aLaunchedCycle(hr, [mo.id], { name: 'Just closed' });
    const released = await aLaunchedCycle(hr, [pat.id], { name: 'Released early' });
    const complete = await aLaunchedCycle(hr, [maya.id], { name: 'Complete' });
    await runHeldJobs(t);
    // Closed without their snapshot job, as if it had been lost; "Just closed" still has its own job running.
    await t.db.query(`UPDATE cycles SET state = 'closed', closed_at = now() - interval '2 hours' WHERE id = ANY($1)`, [[lost.id, complete.id]]);
    await t.db.query(`UPDATE cycles SET state = 'closed', closed_at = now() - interval '1 minute' WHERE id = $1`, [recent.id]);
    await t.db.query(`UPDATE cycles SET state = 'released', closed_at = now() - interval '2 hours', released_at = now() WHERE id = $1`, [released.id]);
    await jobs.runNow('reports.snapshot', { organizationId: org.id, cycleId: complete.id });
    const mine = [lost.id, recent.id, released.id, complete.id];
    const queued = () => jobs.heldJobs('reports.snapshot').filter((j) => mine.includes((j.data as { cycleId: string }).cycleId));
    const snapshots = async (cycleId: string): Promise<number> =>
      (await t.db.query(`SELECT count(*)::int AS n FROM report_snapshots WHERE cycle_id = $1`, [cycleId]))[0].n;

    const result = await notifications.sweep(new Date());
    expect(result.snapshotsQueued).toBeGreaterThanOrEqual(2);
    expect(
      queued()
        .map((j) => j.data)
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    ).toEqual(
      [lost.id, released.id].map((cycleId) => ({ organizationId: org.id, cycleId })).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    );
    expect((await hr.post(`/api/cycles/${lost.id}/release`)).body.code).toBe('reports_pending');
    await runHeldJobs(t, 'reports.snapshot');
    expect([await snapshots(lost.id), await snapshots(released.id), await snapshots(recent.id)]).toEqual([2, 1, 0]);

    await notifications.sweep(new Date());
    expect(queued()).toEqual([]);
    expect((await hr.post(`/api/cycles/${lost.id}/release`)).body.state).toBe('released');
  });

  it('mails nobody about a closed cycle', async () => {
    const cycle = await aLaunchedCycle(hr, [mo.id], {
      settings: { responseDeadline: new Date(Date.now() + 3 * DAY).toISOString(), reminderDaysBeforeDeadline: [7] },
    });
    await hr.post(`/api/cycles/${cycle.id}/close`);
    await runHeldJobs(t, 'cycle.invitations');
    expect(smtp.messages).toHaveLength(0);
    for (const job of jobs.heldJobs('reports.snapshot')) expect(job.data).toHaveProperty('cycleId');
  });
});
