import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { aLaunchedCycle } from '../support/cycle-factories';
import { aPerson, anOrganization, TEST_PASSWORD, TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { ReceivedMail, startSmtpServer, TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Mail as production sends it: JOBS_ENABLED=true (pg-boss in PostgreSQL), SMTP_URL pointing at a
 * real SMTP server on loopback. Each mail is checked as its recipient gets it: the envelope, the
 * sender, the subject, and a link that opens a real page of the app. Then the failure path: the
 * server refuses a recipient once, the job fails, pg-boss retries it, and every rater ends up
 * with exactly one mail.
 */
const PUBLIC_URL = 'https://ripple.example.org';
const MAIL_FROM = 'Ripple HR <feedback@museum.example>';

interface World {
  t: TestApp;
  hr: HttpClient;
  /** The cycle the invitation case launches. */
  cycle: { id: string; name: string };
  self: TestPerson;
  manager: TestPerson;
}

interface MailCase {
  name: string;
  /** Makes the app send the mail; returns who must receive it. */
  send(world: World): Promise<TestPerson[]>;
  subject(world: World): string;
  /** Where the mail's link must lead, below PUBLIC_URL. */
  linkPath: string;
}

/** One line per kind of mail, in order (the reminder follows the invitation); a password mail is one more line here. */
const MAIL_CASES: MailCase[] = [
  {
    name: 'invitation',
    send: async (w) => {
      const launched = await aLaunchedCycle(w.hr, [w.self.id], { name: 'Autumn review', settings: { minPeers: 0, maxPeers: 0 } });
      w.cycle = { id: launched.id, name: 'Autumn review' };
      return [w.self, w.manager];
    },
    subject: (w) => `Your feedback is requested: ${w.cycle.name}`,
    linkPath: '/feedback',
  },
  {
    name: 'reminder',
    send: async (w) => {
      expect((await w.hr.post(`/api/cycles/${w.cycle.id}/reminders`)).status).toBe(202);
      return [w.self, w.manager];
    },
    subject: (w) => `Reminder: feedback for ${w.cycle.name}`,
    linkPath: '/feedback',
  },
];

const linksOf = (mail: ReceivedMail): string[] => [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);

describe('mail through a real SMTP server, sent by the job queue', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    if (!existsSync(resolve(process.cwd(), 'dist/web/index.html'))) throw new Error('dist/web is not built: run `npm run build:web` first');
    // As production sends by default: a new connection per mail.
    smtp = await startSmtpServer({ connectionPerMail: true });
    t = await startTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL, MAIL_FROM });
    const org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const manager = await aPerson(t.db, org.id, { name: 'Maya Manager' });
    const self = await aPerson(t.db, org.id, { name: 'Mo Member', managerId: manager.id });
    const hr = t.client();
    await hr.login(admin.email, TEST_PASSWORD);
    world = { t, hr, cycle: { id: '', name: '' }, self, manager };
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it.each(MAIL_CASES.map((c) => [c.name, c] as const))('delivers the %s: envelope, sender, subject, and a link to a real page', async (_name, mailCase) => {
    const before = smtp.messages.length;
    const recipients = await mailCase.send(world);
    await smtp.waitFor(before + recipients.length);
    const mails = smtp.messages.slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual(recipients.map((r) => [r.email]).sort());
    for (const mail of mails) {
      expect(mail.from).toBe('feedback@museum.example');
      expect(mail.raw).toMatch(/^From: Ripple HR <feedback@museum\.example>$/m);
      expect(mail.subject).toBe(mailCase.subject(world));
      const links = linksOf(mail);
      expect(links).toEqual([`${PUBLIC_URL}${mailCase.linkPath}`]);
      expect(mail.html).toContain(`href="${PUBLIC_URL}${mailCase.linkPath}"`);
      // The link opens the web app (a client route served as the SPA), not a 404.
      const page = await t.app.inject({ method: 'GET', url: new URL(links[0]).pathname });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<div id="root">');
    }
  });

  it('retries a refused send through the queue: delivered once to everyone, nothing lost, nothing twice', async () => {
    const org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const lead = await aPerson(t.db, org.id, { name: 'Lee Lead' });
    const team = [
      await aPerson(t.db, org.id, { name: 'Ana Able', managerId: lead.id }),
      await aPerson(t.db, org.id, { name: 'Ben Baker', managerId: lead.id }),
    ];
    const hr = t.client();
    await hr.login(admin.email, TEST_PASSWORD);
    const before = smtp.messages.length;
    // The first recipient the queue tries is refused (451): that job attempt fails.
    smtp.refuseNextRecipients(1);
    const cycle = await aLaunchedCycle(
      hr,
      team.map((p) => p.id),
      { name: 'Retried', settings: { minPeers: 0, maxPeers: 0 } },
    );
    const job = async (): Promise<{ state: string; retry_count: number } | undefined> => {
      const rows: { state: string; retry_count: number }[] = await t.db.query(
        `SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND data->>'cycleId' = $2`,
        [JOB_NAMES.cycleInvitations, cycle.id],
      );
      return rows[0];
    };
    const deadline = Date.now() + 20_000;
    while ((await job())?.state !== 'retry' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(smtp.refused).toHaveLength(1);
    // Failed once, waiting for its retry (pg-boss counts the retry when it starts it).
    expect(await job()).toEqual({ state: 'retry', retry_count: 0 });
    // The refused mail is not recorded as sent (a retry must send it).
    const refusedTo = smtp.refused[0];
    const [{ n: recorded }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM mail_messages WHERE organization_id = $1 AND recipient = $2`, [
      org.id,
      refusedTo,
    ]);
    expect(recorded).toBe(0);

    // pg-boss waits 30 s before the first retry; the test does not: the retry is made due now.
    await t.db.query(`UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data->>'cycleId' = $2 AND state = 'retry'`, [
      JOB_NAMES.cycleInvitations,
      cycle.id,
    ]);
    const raters = [lead, ...team].map((p) => p.email).sort();
    await smtp.waitFor(before + raters.length);
    while ((await job())?.state !== 'completed' && Date.now() < deadline + 20_000) await new Promise((r) => setTimeout(r, 200));
    expect(await job()).toEqual({ state: 'completed', retry_count: 1 });
    const mails = smtp.messages.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(raters);
    expect(smtp.to(refusedTo).filter((m) => m.subject === 'Your feedback is requested: Retried')).toHaveLength(1);

    // The job running again (twice, at once) mails nobody again.
    const jobs = t.app.get(JobsService);
    await t.db.query(`UPDATE feedback_requests SET invited_at = NULL WHERE organization_id = $1 AND cycle_id = $2`, [org.id, cycle.id]);
    await Promise.all([
      jobs.runNow(JOB_NAMES.cycleInvitations, { organizationId: org.id, cycleId: cycle.id }),
      jobs.runNow(JOB_NAMES.cycleInvitations, { organizationId: org.id, cycleId: cycle.id }),
    ]);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      smtp.messages
        .slice(before)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(raters);
  });
});

describe('two runs of one mail job at once, the first one failing', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer({ connectionPerMail: true });
    t = await startTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'false' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('does not let the second run count the mail as sent while the first one is still failing to send it', async () => {
    const org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const solo = await aPerson(t.db, org.id, { name: 'Sol Solo' });
    const hr = t.client();
    await hr.login(admin.email, TEST_PASSWORD);
    const cycle = await aLaunchedCycle(hr, [solo.id], { name: 'Raced', settings: { minPeers: 0, maxPeers: 0 } });
    // The first send is refused after a pause, so the second run reaches the same mail meanwhile.
    smtp.refuseNextRecipients(1, 500);
    const jobs = t.app.get(JobsService);
    const data = { organizationId: org.id, cycleId: cycle.id };
    const runs = await Promise.allSettled([jobs.runNow(JOB_NAMES.cycleInvitations, data), jobs.runNow(JOB_NAMES.cycleInvitations, data)]);
    expect(runs.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(smtp.refused).toEqual([solo.email]);
    // The run that did not fail sent it: the rater has their invitation, once, and it is recorded once.
    expect(smtp.to(solo.email).map((m) => m.subject)).toEqual(['Your feedback is requested: Raced']);
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM mail_messages WHERE organization_id = $1 AND recipient = $2`, [
      org.id,
      solo.email,
    ]);
    expect(n).toBe(1);
    // The failed run's retry finds nothing left to send.
    await jobs.runNow(JOB_NAMES.cycleInvitations, data);
    expect(smtp.to(solo.email)).toHaveLength(1);
  });
});
