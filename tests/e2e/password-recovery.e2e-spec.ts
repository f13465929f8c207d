import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { createApp } from '../../apps/api/src/bootstrap';
import { RESET_REQUESTS_PER_ADDRESS, RESET_REQUESTS_PER_NETWORK } from '../../libs/identity/src/auth/password-reset-limits';
import { aPerson, aTeam, TEST_PASSWORD } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

const NEW_PASSWORD = 'a-brand-new-passphrase';
let nextIp = 1;
/** Each test asks from its own network (TRUST_PROXY is on), so the per-IP limit of one does not spill into another. */
const anotherNetwork = (): Record<string, string> => ({ 'x-forwarded-for': `198.51.100.${nextIp++}` });
const tokenIn = (mail: ReceivedMail): string => /\/reset-password\?token=([\w-]+)/.exec(mail.text)![1];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether a client's session has ended, allowing the other instance the moment it takes to hear
 * the announcement (PostgreSQL NOTIFY is asynchronous). Both instances live in this one process and
 * passport's strategies are process-wide, so a request to either may resolve through the other's
 * memory: only the announcement can make it forget.
 */
async function signedOut(http: HttpClient, withinMs = 2_000): Promise<boolean> {
  const end = Date.now() + withinMs;
  for (;;) {
    if ((await http.get('/api/auth/me')).status === 401) return true;
    if (Date.now() > end) return false;
    await sleep(20);
  }
}

/**
 * Two instances on one database, each remembering sessions for a minute: a reset or a change on
 * one must end the sessions on the other at once. Links are read from real mail (a test SMTP
 * server), as a person would: never from HR's outbox.
 */
describe('password recovery and change', () => {
  let t: TestApp;
  let b: NestFastifyApplication;
  let smtp: TestSmtpServer;
  let team: Awaited<ReturnType<typeof aTeam>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, SESSION_CACHE_MS: '60000', TRUST_PROXY: 'true', PUBLIC_URL: 'https://ripple.example' });
    b = await createApp(t.config, t.database.url);
    await b.init();
    await b.getHttpAdapter().getInstance().ready();
    team = await aTeam(t.db);
  });
  afterAll(async () => {
    await b.close();
    await t.close();
    await smtp.close();
  });
  beforeEach(() => smtp.clear());

  const jobs = (): JobsService => t.app.get(JobsService);
  /** Runs the queued reset-mail jobs (the queue is off in tests) and waits for what they sent. */
  const deliver = async (): Promise<ReceivedMail[]> => {
    const before = smtp.messages.length;
    await jobs().runHeld(JOB_NAMES.passwordResetMail);
    return smtp.messages.slice(before);
  };
  const requestReset = (email: string, headers = anotherNetwork()) => t.client().post('/api/auth/password-reset', { email }, { headers });
  const counter = async (scope: string, key: string): Promise<{ hits: number } | undefined> =>
    (await t.db.query(`SELECT hits FROM rate_limit_counters WHERE scope = $1 AND key = $2`, [scope, key]))[0];
  const endWindow = (scope: string, key: string) =>
    t.db.query(`UPDATE rate_limit_counters SET window_ends_at = now() - interval '1 second' WHERE scope = $1 AND key = $2`, [scope, key]);
  const signedIn = async (email: string, password = TEST_PASSWORD): Promise<HttpClient> => {
    const http = t.client();
    await http.login(email, password);
    return http;
  };
  const onInstanceB = async (http: HttpClient): Promise<HttpClient> => {
    const copy = new HttpClient(b);
    copy.importCookies(http.exportCookies());
    expect((await copy.get('/api/auth/me')).status).toBe(200);
    return copy;
  };
  const auditOf = async (personId: string): Promise<string[]> =>
    (await t.db.query(`SELECT action FROM audit_events WHERE organization_id = $1 AND target_id = $2 ORDER BY id`, [team.org.id, personId])).map(
      (r: { action: string }) => r.action,
    );

  describe('asking for a link', () => {
    it('answers a known and an unknown address identically, doing the same work for both', async () => {
      const network = anotherNetwork();
      const known = await requestReset(team.member.email, network);
      const unknown = await requestReset('nobody-here@example.org', network);
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      expect(known.body.message).toMatch(/If an account exists for that address/);
      expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
      // Nothing about the address was looked up while answering: both wait as the same job.
      expect(
        jobs()
          .heldJobs(JOB_NAMES.passwordResetMail)
          .map((j) => j.data),
      ).toEqual([
        { email: team.member.email, ip: network['x-forwarded-for'] },
        { email: 'nobody-here@example.org', ip: network['x-forwarded-for'] },
      ]);
      const sent = await deliver();
      expect(sent.map((m) => m.to)).toEqual([[team.member.email]]);
      expect(sent[0].subject).toBe('Reset your Ripple password');
      expect(sent[0].text).toMatch(/^https:\/\/ripple\.example\/reset-password\?token=[\w-]{64}$/m);
      expect(sent[0].text).toContain('expires in 30 minutes');
    });

    it('normalises the address, and mails nobody without a login, deactivated, or only similar', async () => {
      const noLogin = await aPerson(t.db, team.org.id, { name: 'Nora Nologin', withLogin: false });
      const leaver = await aPerson(t.db, team.org.id, { name: 'Lee Leaver' });
      await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [leaver.id]);
      for (const email of [noLogin.email, leaver.email, `x${team.peer.email}`]) expect((await requestReset(email)).status).toBe(202);
      expect((await requestReset(`  ${team.peer.email.toUpperCase()} `)).status).toBe(202);
      expect((await deliver()).map((m) => m.to)).toEqual([[team.peer.email]]);
    });

    it('mails each organisation account of an address its own link, to that address', async () => {
      const other = await aTeam(t.db, 'Second Org');
      const twin = await aPerson(t.db, other.org.id, { name: 'Twin', email: team.colleague.email });
      const sent = await (async () => {
        expect((await requestReset(team.colleague.email)).status).toBe(202);
        return deliver();
      })();
      expect(sent).toHaveLength(2);
      expect(sent.every((m) => m.to.length === 1 && m.to[0] === team.colleague.email)).toBe(true);
      expect(sent.map((m) => m.text).join('\n')).toContain('Second Org');
      const [first, second] = sent.map(tokenIn);
      expect(first).not.toBe(second);
      const infos = await Promise.all([first, second].map(async (token) => (await t.client().post('/api/auth/password-reset/check', { token })).body));
      expect(infos.map((i) => i.organizationName).sort()).toEqual([team.org.name, 'Second Org'].sort());
      expect(twin.email).toBe(team.colleague.email);
    });

    it('validates the request', async () => {
      const cases = [
        { email: 'not-an-email' },
        { email: team.member.email, organizationId: team.org.id },
        { email: `${'a'.repeat(250)}@example.org` },
        {},
        { email: 42 },
      ];
      for (const body of cases) {
        const res = await t.client().post('/api/auth/password-reset', body, { headers: anotherNetwork() });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      }
      expect(jobs().heldJobs(JOB_NAMES.passwordResetMail)).toEqual([]);
    });
  });

  describe('rate limits', () => {
    it('limits requests per address (5 an hour), the same for a known and an unknown address', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Ray Ratelimited' });
      const refusals: { status: number; body: Record<string, unknown>; retryAfter: unknown }[] = [];
      for (const email of [person.email, 'ghost@example.org']) {
        for (let i = 0; i < 5; i++) expect((await requestReset(email)).status).toBe(202);
        const refused = await requestReset(email);
        refusals.push({ status: refused.status, body: refused.body, retryAfter: refused.headers['retry-after'] });
      }
      for (const refused of refusals) {
        expect(refused.status).toBe(429);
        expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'too_many_attempts' });
        expect(refused.body.message).toMatch(/for this address/);
        expect(Number(refused.retryAfter)).toBeGreaterThan(3000);
        expect(Number(refused.retryAfter)).toBeLessThanOrEqual(3600);
      }
      // The same answer for a known and an unknown address (each names its own request id; the
      // seconds to wait may differ by one when the clock ticks between the two).
      const same = (body: Record<string, unknown>) => ({ ...body, requestId: null, retryAfterSeconds: null });
      expect(same(refusals[1].body)).toEqual(same(refusals[0].body));
      expect(Math.abs(Number(refusals[1].retryAfter) - Number(refusals[0].retryAfter))).toBeLessThanOrEqual(1);
      expect((await deliver()).filter((m) => m.to.includes(person.email))).toHaveLength(5);
      // Refused requests are not counted: the count rolls back with the refusal.
      expect(await counter(RESET_REQUESTS_PER_ADDRESS.scope, person.email)).toEqual({ hits: 5 });
      // Once the window ends (moved into the past rather than waited for), the address starts a new one.
      await endWindow(RESET_REQUESTS_PER_ADDRESS.scope, person.email);
      for (let i = 0; i < 5; i++) expect((await requestReset(person.email)).status).toBe(202);
      expect((await requestReset(person.email)).status).toBe(429);
      expect((await deliver()).filter((m) => m.to.includes(person.email))).toHaveLength(5);
      // An address is counted as it is normalised: the same inbox however it is spelt.
      expect((await requestReset(` ${person.email.toUpperCase()} `)).status).toBe(429);
    });

    it('limits requests per network (20 an hour) across addresses', async () => {
      const network = anotherNetwork();
      for (let i = 0; i < 20; i++) expect((await requestReset(`spray${i}@example.org`, network)).status).toBe(202);
      const refused = await requestReset(team.manager.email, network);
      expect(refused.status).toBe(429);
      expect(refused.body.message).toMatch(/from your network/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await requestReset(team.manager.email)).status).toBe(202);
      await deliver();
      await endWindow(RESET_REQUESTS_PER_NETWORK.scope, network['x-forwarded-for']);
      expect((await requestReset('after-the-hour@example.org', network)).status).toBe(202);
      await deliver();
    });

    it('holds under concurrent requests: exactly 5 of 12 at once for one address get through', async () => {
      const statuses = await Promise.all(Array.from({ length: 12 }, () => requestReset('rush@example.org')));
      expect(statuses.map((r) => r.status).sort()).toEqual([...Array(5).fill(202), ...Array(7).fill(429)]);
      expect(await counter(RESET_REQUESTS_PER_ADDRESS.scope, 'rush@example.org')).toEqual({ hits: 5 });
      await deliver();
    });

    it('keeps only live windows: ended ones are deleted as new requests come in', async () => {
      const network = anotherNetwork();
      expect((await requestReset('once@example.org', network)).status).toBe(202);
      await endWindow(RESET_REQUESTS_PER_ADDRESS.scope, 'once@example.org');
      await endWindow(RESET_REQUESTS_PER_NETWORK.scope, network['x-forwarded-for']);
      expect((await requestReset('twice@example.org')).status).toBe(202);
      expect(await counter(RESET_REQUESTS_PER_ADDRESS.scope, 'once@example.org')).toBeUndefined();
      expect(await counter(RESET_REQUESTS_PER_NETWORK.scope, network['x-forwarded-for'])).toBeUndefined();
      expect(await counter(RESET_REQUESTS_PER_ADDRESS.scope, 'twice@example.org')).toEqual({ hits: 1 });
      await deliver();
    });
  });

  describe('using a link', () => {
    it('sets a new password once, ends every session on every instance, and is audited', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Rita Reset' });
      const laptop = await signedIn(person.email);
      const phone = await signedIn(person.email);
      const elsewhere = await onInstanceB(phone);
      expect((await requestReset(person.email)).status).toBe(202);
      const token = tokenIn((await deliver())[0]);

      const visitor = t.client();
      expect((await visitor.post('/api/auth/password-reset/check', { token })).body).toEqual({
        name: 'Rita Reset',
        email: person.email,
        organizationName: team.org.name,
      });
      const short = await visitor.post('/api/auth/password-reset/complete', { token, password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.message).toMatch(/at least 10 characters/);
      // Still signed in, and the link still works, after a refused attempt.
      expect((await laptop.get('/api/auth/me')).status).toBe(200);
      const done = await visitor.post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD }, { headers: { 'x-forwarded-for': '192.0.2.77' } });
      expect(done.status).toBe(204);

      for (const http of [laptop, phone, elsewhere]) expect(await signedOut(http)).toBe(true);
      expect((await visitor.get('/api/auth/me')).status).toBe(401);
      expect((await t.client().post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(401);
      expect((await t.client().post('/api/auth/login', { email: person.email, password: NEW_PASSWORD })).status).toBe(200);

      expect((await t.client().post('/api/auth/password-reset/complete', { token, password: 'yet-another-password' })).status).toBe(404);
      expect((await t.client().post('/api/auth/password-reset/check', { token })).status).toBe(404);
      expect(await auditOf(person.id)).toEqual(['password.reset_requested', 'password.reset']);
      const [event] = await t.db.query(`SELECT actor_id, details FROM audit_events WHERE action = 'password.reset' AND target_id = $1`, [person.id]);
      expect(event).toEqual({ actor_id: person.id, details: { ip: '192.0.2.77' } });
      const [stored] = await t.db.query(`SELECT token_hash, requested_ip, used_at IS NOT NULL AS used FROM password_reset_tokens WHERE person_id = $1`, [
        person.id,
      ]);
      expect(stored.used).toBe(true);
      expect(stored.requested_ip).toMatch(/^198\.51\.100\./);
      expect(Buffer.from(stored.token_hash).toString('utf8')).not.toContain(token);
      expect(Buffer.from(stored.token_hash).toString('base64url')).not.toBe(token);
    });

    it('a new link replaces the older one; expired, wrong and malformed links fail', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Otto Older' });
      await requestReset(person.email);
      await requestReset(person.email);
      const [older, newer] = (await deliver()).map(tokenIn);
      const check = (token: string) => t.client().post('/api/auth/password-reset/check', { token });
      expect((await check(older)).status).toBe(404);
      expect((await t.client().post('/api/auth/password-reset/complete', { token: older, password: NEW_PASSWORD })).status).toBe(404);
      expect((await check(newer)).status).toBe(200);

      const wrong = await check(newer.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
      expect(wrong.status).toBe(404);
      expect(wrong.body).toMatchObject({ statusCode: 404, code: 'password_reset_invalid' });
      expect(wrong.body.message).toMatch(/invalid, already used or expired/);
      expect((await check('short')).status).toBe(400);
      expect((await t.client().post('/api/auth/password-reset/complete', { token: newer, password: NEW_PASSWORD, role: 'admin' })).status).toBe(400);

      await t.db.query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE person_id = $1`, [person.id]);
      expect((await check(newer)).status).toBe(404);
      expect((await t.client().post('/api/auth/password-reset/complete', { token: newer, password: NEW_PASSWORD })).status).toBe(404);
      expect((await t.client().post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(200);
    });

    it('expires 30 minutes after it was mailed', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Tia Timely' });
      await requestReset(person.email);
      await deliver();
      const [row] = await t.db.query(
        `SELECT round(extract(epoch FROM expires_at - created_at))::int AS seconds FROM password_reset_tokens WHERE person_id = $1`,
        [person.id],
      );
      expect(row.seconds).toBe(30 * 60);
    });

    it('does not work for a person deactivated since, and unlocks sign-in for a person locked out by guesses', async () => {
      const leaver = await aPerson(t.db, team.org.id, { name: 'Lou Leaving' });
      await requestReset(leaver.email);
      const leaverToken = tokenIn((await deliver())[0]);
      await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [leaver.id]);
      expect((await t.client().post('/api/auth/password-reset/complete', { token: leaverToken, password: NEW_PASSWORD })).status).toBe(404);

      const forgetful = await aPerson(t.db, team.org.id, { name: 'Fay Forgetful' });
      for (let i = 0; i < 5; i++) await t.client().post('/api/auth/login', { email: forgetful.email, password: `guess-${i}` }, { headers: anotherNetwork() });
      expect((await t.client().post('/api/auth/login', { email: forgetful.email, password: TEST_PASSWORD }, { headers: anotherNetwork() })).status).toBe(429);
      await requestReset(forgetful.email);
      const token = tokenIn((await deliver())[0]);
      expect((await t.client().post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD })).status).toBe(204);
      expect((await t.client().post('/api/auth/login', { email: forgetful.email, password: NEW_PASSWORD }, { headers: anotherNetwork() })).status).toBe(200);
    });
  });

  describe('changing one’s own password', () => {
    it('needs a session, the right current password and a valid new one', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Cal Careful' });
      const http = await signedIn(person.email);
      expect((await t.client().post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);

      const wrong = await http.post('/api/auth/password', { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
      expect(wrong.status).toBe(422);
      expect(wrong.body).toMatchObject({ code: 'current_password_incorrect', errors: [{ field: 'currentPassword' }] });
      const same = await http.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
      expect(same.status).toBe(422);
      expect(same.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
      for (const body of [
        { currentPassword: TEST_PASSWORD, newPassword: 'short' },
        { currentPassword: TEST_PASSWORD },
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, personId: team.admin.id },
        { currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(201) },
      ]) {
        expect((await http.post('/api/auth/password', body)).status).toBe(400);
      }
      // Nothing changed: the old password still works, and no event was recorded.
      expect((await t.client().post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(200);
      expect(await auditOf(person.id)).toEqual([]);
    });

    it('changes only the signed-in person’s password, ends their other sessions (on every instance) and keeps this one', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Max Mover' });
      const bystander = await signedIn(team.peer.email);
      const here = await signedIn(person.email);
      const other = await signedIn(person.email);
      const elsewhere = await onInstanceB(other);
      const res = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(204);
      expect((await here.get('/api/auth/me')).status).toBe(200);
      expect(await signedOut(other)).toBe(true);
      expect(await signedOut(elsewhere)).toBe(true);
      expect((await bystander.get('/api/auth/me')).status).toBe(200);
      expect((await t.client().post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(401);
      expect((await t.client().post('/api/auth/login', { email: person.email, password: NEW_PASSWORD })).status).toBe(200);
      expect((await t.client().post('/api/auth/login', { email: team.peer.email, password: TEST_PASSWORD })).status).toBe(200);
      expect(await auditOf(person.id)).toEqual(['password.changed']);
    });

    it('counts wrong current passwords as failed sign-ins: the login limit applies', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Gus Guesser' });
      const http = await signedIn(person.email);
      for (let i = 0; i < 5; i++) {
        expect(
          (await http.post('/api/auth/password', { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD }, { headers: anotherNetwork() })).status,
        ).toBe(422);
      }
      const blocked = await http.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, { headers: anotherNetwork() });
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toMatch(/Too many failed sign-in attempts for this account/);
      expect((await t.client().post('/api/auth/login', { email: person.email, password: NEW_PASSWORD })).status).toBe(429);
    });
  });
});
