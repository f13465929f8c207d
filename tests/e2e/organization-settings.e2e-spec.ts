import { CycleNotificationsService } from '@lib/cycles';
import { aDraftCycle, aLaunchedCycle, runHeldJobs } from '../support/cycle-factories';
import { aTeam, TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;
/** Self-started feedback: on, at least 3 raters (k), at most 3 behaviours, 6 open requests per rater. */
const SELF_REQUEST_DEFAULTS = { selfRequestsEnabled: true, selfRequestMinRaters: 3, selfRequestMaxBehaviours: 3, raterOpenRequestCap: 6 };
const pad = (n: number) => String(n).padStart(2, '0');

/** HR edits its organisation's settings; new cycles, deadlines, reminders and mail follow them. */
describe('organisation settings', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let hrA: HttpClient, hrB: HttpClient, memberA: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Acme');
    b = await aTeam(t.db, 'Globex');
    hrA = t.client();
    await hrA.login(a.admin.email, TEST_PASSWORD);
    hrB = t.client();
    await hrB.login(b.admin.email, TEST_PASSWORD);
    memberA = t.client();
    await memberA.login(a.member.email, TEST_PASSWORD);
    // Each organisation gets its standard framework as HR first opens the list.
    await hrA.get('/api/frameworks');
    await hrB.get('/api/frameworks');
  });
  afterAll(() => t.close());

  it('are HR-only: a member gets 403 for reading and for changing them', async () => {
    expect((await memberA.get('/api/organization')).status).toBe(403);
    const patch = await memberA.patch('/api/organization', { anonymityThreshold: 7 });
    expect(patch.status).toBe(403);
    expect(patch.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    expect((await hrA.get('/api/organization')).body.anonymityThreshold).toBe(3);
  });

  it('start from the defaults', async () => {
    const settings = await hrA.get('/api/organization');
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({
      id: a.org.id,
      name: 'Acme',
      anonymityThreshold: 3,
      defaultFrameworkId: null,
      mailSenderName: null,
      timeZone: 'UTC',
      language: 'en',
      ...SELF_REQUEST_DEFAULTS,
    });
  });

  it('refuse bad values, each named, and change nothing', async () => {
    const frameworkOfB = (await hrB.get('/api/frameworks')).body.items[0].id;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ anonymityThreshold: 2 }, 400, 'anonymityThreshold'],
      [{ anonymityThreshold: 11 }, 400, 'anonymityThreshold'],
      [{ anonymityThreshold: '5' }, 400, 'anonymityThreshold'],
      [{ anonymityThreshold: 4.5 }, 400, 'anonymityThreshold'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 422, 'timeZone'],
      [{ timeZone: 'x'.repeat(65) }, 400, 'timeZone'],
      [{ defaultFrameworkId: frameworkOfB }, 422, 'defaultFrameworkId'],
      [{ defaultFrameworkId: '00000000-0000-4000-8000-000000000000' }, 422, 'defaultFrameworkId'],
      [{ defaultFrameworkId: 'not-a-uuid' }, 400, 'defaultFrameworkId'],
      [{ name: '   ' }, 400, 'name'],
      [{ name: 'x'.repeat(201) }, 400, 'name'],
      [{ name: 'Acme\nCorp' }, 400, 'name'],
      [{ mailSenderName: 'x'.repeat(101) }, 400, 'mailSenderName'],
      [{ mailSenderName: 'Acme\r\nBcc: everyone@example.org' }, 400, 'mailSenderName'],
      [{ slug: 'acme' }, 400, 'slug'],
      [{ language: 'fr' }, 400, 'language'],
      [{ selfRequestsEnabled: 'yes' }, 400, 'selfRequestsEnabled'],
      [{ selfRequestMinRaters: 2 }, 400, 'selfRequestMinRaters'],
      [{ selfRequestMinRaters: 21 }, 400, 'selfRequestMinRaters'],
      [{ selfRequestMaxBehaviours: 0 }, 400, 'selfRequestMaxBehaviours'],
      [{ selfRequestMaxBehaviours: 11 }, 400, 'selfRequestMaxBehaviours'],
      [{ raterOpenRequestCap: 0 }, 400, 'raterOpenRequestCap'],
      [{ raterOpenRequestCap: 1.5 }, 400, 'raterOpenRequestCap'],
      // Never fewer raters than k: 4 is below the k of 5 asked for in the same change.
      [{ anonymityThreshold: 5, selfRequestMinRaters: 4 }, 422, 'selfRequestMinRaters'],
    ];
    for (const [body, status, field] of cases) {
      const response = await hrA.patch('/api/organization', body);
      expect({ body, status: response.status }).toEqual({ body, status });
      expect(response.body.statusCode).toBe(status);
      expect(typeof response.body.message).toBe('string');
      expect(response.body.message).toContain(field);
    }
    expect((await hrA.get('/api/organization')).body).toMatchObject({
      name: 'Acme',
      anonymityThreshold: 3,
      timeZone: 'UTC',
      mailSenderName: null,
      ...SELF_REQUEST_DEFAULTS,
    });
  });

  it('save what HR changes, for this organisation only, and new cycles take the defaults', async () => {
    const copy = await hrA.post('/api/frameworks', { name: 'Acme leadership', copyFrom: (await hrA.get('/api/frameworks')).body.items[0].id });
    expect(copy.status).toBe(201);
    const saved = await hrA.patch('/api/organization', {
      name: 'Acme Corporation',
      anonymityThreshold: 5,
      defaultFrameworkId: copy.body.id,
      mailSenderName: 'Acme People Team',
      timeZone: 'Asia/Tokyo',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      id: a.org.id,
      name: 'Acme Corporation',
      anonymityThreshold: 5,
      defaultFrameworkId: copy.body.id,
      mailSenderName: 'Acme People Team',
      timeZone: 'Asia/Tokyo',
      language: 'en',
      ...SELF_REQUEST_DEFAULTS,
      // Raising k lifts the fewest raters of a self-started request along: never below k.
      selfRequestMinRaters: 5,
    });
    expect((await hrA.get('/api/organization')).body).toEqual(saved.body);
    expect((await memberA.get('/api/auth/me')).body).toMatchObject({ organizationName: 'Acme Corporation', organizationTimeZone: 'Asia/Tokyo' });
    // An empty sender name goes back to the server's.
    expect((await hrA.patch('/api/organization', { mailSenderName: '' })).body.mailSenderName).toBeNull();
    await hrA.patch('/api/organization', { mailSenderName: 'Acme People Team' });

    // The other organisation is untouched.
    expect((await hrB.get('/api/organization')).body).toMatchObject({
      id: b.org.id,
      name: 'Globex',
      anonymityThreshold: 3,
      timeZone: 'UTC',
      mailSenderName: null,
    });

    // A new cycle starts from the defaults; a value given explicitly still wins.
    const cycle = await hrA.post('/api/cycles', { name: 'Defaults' });
    expect(cycle.status).toBe(201);
    expect(cycle.body.frameworkId).toBe(copy.body.id);
    expect(cycle.body.settings.anonymityThreshold).toBe(5);
    expect(cycle.body.settings.heatmapMinCellSize).toBe(5);
    const explicit = await hrA.post('/api/cycles', { name: 'Explicit', settings: { anonymityThreshold: 4 } });
    expect(explicit.body.settings.anonymityThreshold).toBe(4);
    const cycleOfB = await hrB.post('/api/cycles', { name: 'Globex cycle' });
    expect(cycleOfB.body.settings.anonymityThreshold).toBe(3);
    expect(cycleOfB.body.frameworkId).not.toBe(copy.body.id);

    const audit = await t.db.query(`SELECT details FROM audit_events WHERE organization_id = $1 AND action = 'organization.updated' ORDER BY id LIMIT 1`, [
      a.org.id,
    ]);
    expect(audit[0].details.fields.sort()).toEqual(['anonymityThreshold', 'defaultFrameworkId', 'mailSenderName', 'name', 'selfRequestMinRaters', 'timeZone']);
  });

  it('let HR turn self-started feedback off and set its limits, for this organisation only', async () => {
    const saved = await hrA.patch('/api/organization', {
      selfRequestsEnabled: false,
      selfRequestMinRaters: 7,
      selfRequestMaxBehaviours: 2,
      raterOpenRequestCap: 10,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ selfRequestsEnabled: false, selfRequestMinRaters: 7, selfRequestMaxBehaviours: 2, raterOpenRequestCap: 10 });
    expect((await hrA.get('/api/organization')).body).toMatchObject({ selfRequestsEnabled: false, selfRequestMinRaters: 7 });
    // Lowering k leaves the minimum where HR put it.
    const lowered = await hrA.patch('/api/organization', { anonymityThreshold: 3 });
    expect(lowered.body).toMatchObject({ anonymityThreshold: 3, selfRequestMinRaters: 7 });
    expect((await hrB.get('/api/organization')).body).toMatchObject({ ...SELF_REQUEST_DEFAULTS });
    expect((await memberA.patch('/api/organization', { selfRequestsEnabled: true })).status).toBe(403);
    expect((await hrA.get('/api/organization')).body.selfRequestsEnabled).toBe(false);
    await hrA.patch('/api/organization', { selfRequestsEnabled: true, selfRequestMinRaters: 3, selfRequestMaxBehaviours: 3, raterOpenRequestCap: 6 });
  });

  it("reads a deadline typed without an offset on the organisation's clock, and reminds at 09:00 there", async () => {
    await hrA.patch('/api/organization', { timeZone: 'Asia/Tokyo' });
    // Tokyo is UTC+9 all year (no daylight saving), so the expected instants can be written down.
    const day = new Date(Date.now() + 20 * DAY);
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const wall = `${y}-${pad(m)}-${pad(d)}T17:00`;
    const draft = await aDraftCycle(hrA, { settings: { responseDeadline: wall, reminderDaysBeforeDeadline: [7] } });
    expect(draft.responseDeadline).toBe(new Date(Date.UTC(y, m - 1, d, 8, 0)).toISOString());
    // An instant with an offset stays that instant; editing the deadline reads it on the same clock.
    const patched = await hrA.patch(`/api/cycles/${draft.id}`, { settings: { responseDeadline: `${y}-${pad(m)}-${pad(d)}T23:59` } });
    expect(patched.body.responseDeadline).toBe(new Date(Date.UTC(y, m - 1, d, 14, 59)).toISOString());
    const zulu = await aDraftCycle(hrA, { settings: { responseDeadline: `${y}-${pad(m)}-${pad(d)}T17:00:00Z` } });
    expect(zulu.responseDeadline).toBe(new Date(Date.UTC(y, m - 1, d, 17, 0)).toISOString());

    await t.db.query(`UPDATE cycles SET state = 'closed' WHERE state IN ('nominating', 'collecting')`);
    const cycle = await aLaunchedCycle(hrA, [a.member.id, a.colleague.id], {
      settings: { responseDeadline: wall, reminderDaysBeforeDeadline: [7], maxPeers: 0, minPeers: 0 },
    });
    await runHeldJobs(t, 'cycle.invitations');
    const notifications = t.app.get(CycleNotificationsService);
    // "7 days before" = 09:00 in Tokyo seven days earlier = 00:00 UTC that day.
    const due = Date.UTC(y, m - 1, d - 7, 0, 0);
    expect((await notifications.sweep(new Date(due - 60_000))).reminders).toBe(0);
    expect((await notifications.sweep(new Date(due))).reminders).toBeGreaterThan(0);
    const reminder = await t.db.query(`SELECT text_body FROM mail_messages WHERE organization_id = $1 AND dedupe_key LIKE $2 LIMIT 1`, [
      a.org.id,
      `reminder:${cycle.id}:%`,
    ]);
    expect(reminder[0].text_body).toMatch(/Please answer by .* 17:00 Asia\/Tokyo time\./);
  });
});

describe("the organisation's mail sender name", () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Ripple <ripple@ripple.example>' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("is the display name of From, with the server's address; other organisations keep the server's name", async () => {
    const a = await aTeam(t.db, 'Acme');
    const b = await aTeam(t.db, 'Globex');
    const hrA = t.client();
    await hrA.login(a.admin.email, TEST_PASSWORD);
    const hrB = t.client();
    await hrB.login(b.admin.email, TEST_PASSWORD);
    expect((await hrA.patch('/api/organization', { mailSenderName: 'Acme People Team' })).status).toBe(200);
    const newcomer = await hrA.post('/api/people', { email: 'new@acme.example', name: 'New Comer' });
    expect((await hrA.post(`/api/people/${newcomer.body.id}/invite`)).status).toBe(202);
    const other = await hrB.post('/api/people', { email: 'new@globex.example', name: 'Other Comer' });
    expect((await hrB.post(`/api/people/${other.body.id}/invite`)).status).toBe(202);
    expect(smtp.to('new@acme.example')[0].raw).toMatch(/^From: "?Acme People Team"? <ripple@ripple\.example>\r?$/m);
    expect(smtp.to('new@globex.example')[0].raw).toMatch(/^From: "?Ripple"? <ripple@ripple\.example>\r?$/m);
  });
});
