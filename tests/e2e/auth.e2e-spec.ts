import { JOB_NAMES, JobsService } from '@lib/jobs';
import { aPerson, aTeam, TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

describe('authentication', () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof aTeam>>;
  beforeAll(async () => {
    t = await startTestApp();
    team = await aTeam(t.db);
  });
  afterAll(() => t.close());

  it('signs in with a session cookie that is httpOnly, signed and SameSite', async () => {
    const http = t.client();
    const login = await http.post('/api/auth/login', { email: team.member.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ id: team.member.id, name: 'Mo Member', managerName: 'Maya Manager', organizationName: team.org.name });
    expect(login.body).not.toHaveProperty('passwordHash');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/ripple_session=[^;]+\.[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await http.get('/api/auth/me')).body.email).toBe(team.member.email);
  });

  it('accepts the email in any case and with spaces', async () => {
    const res = await t.client().post('/api/auth/login', { email: `  ${team.peer.email.toUpperCase()} `.trim(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('gives one generic message for a wrong password and an unknown email', async () => {
    const wrong = await t.client().post('/api/auth/login', { email: team.manager.email, password: 'nope-nope-nope' });
    const unknown = await t.client().post('/api/auth/login', { email: 'nobody@example.org', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe('Email or password is incorrect');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('refuses people without a password', async () => {
    const noLogin = await aPerson(t.db, team.org.id, { withLogin: false });
    expect((await t.client().post('/api/auth/login', { email: noLogin.email, password: TEST_PASSWORD })).status).toBe(401);
  });

  it('validates the login body', async () => {
    const res = await t.client().post('/api/auth/login', { email: 'not-an-email', password: 'x', remember: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'remember' }), expect.objectContaining({ field: 'email' })]));
  });

  it('requires a CSRF token on state-changing requests', async () => {
    const http = t.client();
    const res = await http.post('/api/auth/login', { email: team.member.email, password: TEST_PASSWORD }, { noCsrf: true });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    const forged = await http.post(
      '/api/auth/login',
      { email: team.member.email, password: TEST_PASSWORD },
      { noCsrf: true, headers: { 'x-csrf-token': 'forged' } },
    );
    expect(forged.status).toBe(403);
  });

  it('logout ends the session on the server, not just in the browser', async () => {
    const http = t.client();
    await http.login(team.colleague.email, TEST_PASSWORD);
    const stolen = http.exportCookies();
    expect((await http.post('/api/auth/logout')).status).toBe(204);
    expect((await http.get('/api/auth/me')).status).toBe(401);
    const replay = t.client();
    replay.importCookies(stolen);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('rejects a tampered session cookie', async () => {
    const http = t.client();
    await http.login(team.member.email, TEST_PASSWORD);
    const cookies = http.exportCookies();
    const forged = t.client();
    forged.importCookies(new Map([['ripple_session', cookies.get('ripple_session')!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))]]));
    expect((await forged.get('/api/auth/me')).status).toBe(401);
  });

  it('GET /api/auth/session answers who is signed in, and 200 with nobody for a missing, tampered or ended session', async () => {
    const http = t.client();
    expect(await http.get('/api/auth/session')).toMatchObject({ status: 200, body: { me: null } });
    await http.login(team.member.email, TEST_PASSWORD);
    const signedIn = await http.get('/api/auth/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.me).toEqual((await http.get('/api/auth/me')).body);
    const cookies = http.exportCookies();
    const forged = t.client();
    forged.importCookies(new Map([['ripple_session', cookies.get('ripple_session')!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))]]));
    expect(await forged.get('/api/auth/session')).toMatchObject({ status: 200, body: { me: null } });
    expect((await http.post('/api/auth/logout')).status).toBe(204);
    const replay = t.client();
    replay.importCookies(cookies);
    expect(await replay.get('/api/auth/session')).toMatchObject({ status: 200, body: { me: null } });
  });

  const counter = async (scope: string, key: string): Promise<{ hits: number } | undefined> =>
    (await t.db.query(`SELECT hits FROM rate_limit_counters WHERE scope = $1 AND key = $2`, [scope, key]))[0];
  const endWindow = (scope: string, key: string) =>
    t.db.query(`UPDATE rate_limit_counters SET window_ends_at = now() - interval '1 second' WHERE scope = $1 AND key = $2`, [scope, key]);

  it('rate-limits failed sign-ins per account with a clear 429 and Retry-After, until the window ends', async () => {
    const victim = await aPerson(t.db, team.org.id);
    for (let i = 0; i < 5; i++) {
      expect((await t.client().post('/api/auth/login', { email: victim.email, password: `guess-${i}` })).status).toBe(401);
    }
    const blocked = await t.client().post('/api/auth/login', { email: victim.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'too_many_attempts' });
    expect(blocked.body.message).toMatch(/Too many failed sign-in attempts for this account\. Try again in 15 minutes\./);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(890);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
    // The refused attempt is not a failure: only wrong passwords count.
    expect(await counter('sign_in.address', victim.email)).toEqual({ hits: 5 });
    await endWindow('sign_in.address', victim.email);
    expect((await t.client().post('/api/auth/login', { email: victim.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('a successful sign-in leaves the failures counted (as before): guesses between successes still add up', async () => {
    const person = await aPerson(t.db, team.org.id);
    for (let i = 0; i < 4; i++) expect((await t.client().post('/api/auth/login', { email: person.email, password: `guess-${i}` })).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(200);
    expect((await t.client().post('/api/auth/login', { email: person.email, password: 'guess-5' })).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(429);
  });

  it('deletes ended sign-in windows as new failures come in', async () => {
    const gone = await aPerson(t.db, team.org.id);
    expect((await t.client().post('/api/auth/login', { email: gone.email, password: 'guess' })).status).toBe(401);
    await endWindow('sign_in.address', gone.email);
    expect((await t.client().post('/api/auth/login', { email: 'someone-else@example.org', password: 'guess' })).status).toBe(401);
    expect(await counter('sign_in.address', gone.email)).toBeUndefined();
    expect(await counter('sign_in.address', 'someone-else@example.org')).toEqual({ hits: 1 });
  });

  it('rate-limits failed sign-ins per IP across accounts', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    // Without TRUST_PROXY every inject comes from 127.0.0.1: count failures from that address.
    const n = (await counter('sign_in.ip', '127.0.0.1'))?.hits ?? 0;
    for (let i = n; i < 30; i++) await t.client().post('/api/auth/login', { email: `spray${i}@example.org`, password: 'x' }, { headers: ip });
    const blocked = await t.client().post('/api/auth/login', { email: team.admin.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/from your network/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await endWindow('sign_in.ip', '127.0.0.1');
    expect((await t.client().post('/api/auth/login', { email: team.admin.email, password: TEST_PASSWORD })).status).toBe(200);
    await t.db.query(`DELETE FROM rate_limit_counters`);
  });
});

describe('invitations', () => {
  // The link is read from the delivered mail: the outbox keeps no secret (mail-outbox.e2e-spec).
  let t: TestApp;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('HR invites a person who sets a password once through the mailed link', async () => {
    const team = await aTeam(t.db);
    const newcomer = await aPerson(t.db, team.org.id, { name: 'New Comer', withLogin: false });
    const hr = t.client();
    await hr.login(team.admin.email, TEST_PASSWORD);
    const invite = await hr.post(`/api/people/${newcomer.id}/invite`);
    expect(invite.status).toBe(202);
    expect(invite.body.sentTo).toBe(newcomer.email);

    const [mail] = smtp.to(newcomer.email);
    expect(mail.subject).toMatch(/invited/);
    const token = /token=([\w-]+)/.exec(mail.text)![1];
    // Only the delivered mail carries the link; the record of it does not.
    const [stored] = await t.db.query(`SELECT text_body, html_body FROM mail_messages WHERE recipient = $1`, [newcomer.email]);
    expect(`${stored.text_body} ${stored.html_body}`).not.toContain(token);

    const visitor = t.client();
    expect((await visitor.get(`/api/auth/invitations/${token}`)).body).toEqual({ name: 'New Comer', email: newcomer.email, organizationName: team.org.name });
    expect((await visitor.post('/api/auth/accept-invitation', { token, password: 'short' })).status).toBe(400);
    const accepted = await visitor.post('/api/auth/accept-invitation', { token, password: 'a-long-enough-password' });
    expect(accepted.status).toBe(200);
    expect((await visitor.get('/api/auth/me')).body.email).toBe(newcomer.email);
    expect((await t.client().post('/api/auth/accept-invitation', { token, password: 'another-password-1' })).status).toBe(404);
    expect((await t.client().get(`/api/auth/invitations/${token}`)).status).toBe(404);
    expect((await t.client().post('/api/auth/login', { email: newcomer.email, password: 'a-long-enough-password' })).status).toBe(200);
  });

  it('a new invitation replaces the previous link, and expired links fail', async () => {
    const team = await aTeam(t.db);
    const newcomer = await aPerson(t.db, team.org.id, { name: 'Twice Invited', withLogin: false });
    const hr = t.client();
    await hr.login(team.admin.email, TEST_PASSWORD);
    await hr.post(`/api/people/${newcomer.id}/invite`);
    await hr.post(`/api/people/${newcomer.id}/invite`);
    const [older, newest] = smtp.to(newcomer.email).map((m) => /token=([\w-]+)/.exec(m.text)![1]);
    expect((await t.client().get(`/api/auth/invitations/${older}`)).status).toBe(404);
    expect((await t.client().get(`/api/auth/invitations/${newest}`)).status).toBe(200);
    await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 second'`);
    expect((await t.client().post('/api/auth/accept-invitation', { token: newest, password: 'a-long-enough-password' })).status).toBe(404);
  });
});

/**
 * Issue 8: HR could take over any account by inviting a person who already had a password (the link
 * replaced it and ended their sessions) and reading the link. Each step of that path is refused;
 * links are read from real mail (a test SMTP server), the way their owner reads them.
 */
describe('an account is taken over by nobody', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let team: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url });
    team = await aTeam(t.db);
    hr = t.client();
    await hr.login(team.admin.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  const tokenFor = (email: string, page: string): string => {
    const mail = smtp.to(email).at(-1)!;
    return new RegExp(`/${page}\\?token=([\\w-]+)`).exec(mail.text)![1];
  };
  const mailsTo = async (email: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM mail_messages WHERE recipient = $1`, [email]))[0].n;

  it('HR cannot invite a person who already has a login (409), and nothing is mailed or changed', async () => {
    const victim = await aPerson(t.db, team.org.id, { name: 'Vic Victim' });
    const session = t.client();
    await session.login(victim.email, TEST_PASSWORD);
    const refused = await hr.post(`/api/people/${victim.id}/invite`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'already_has_login' });
    expect(refused.body.message).toMatch(/Vic Victim already has a login/);
    expect(refused.body.message).toMatch(/Forgot your password/);
    expect(await mailsTo(victim.email)).toBe(0);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM invitations WHERE person_id = $1`, [victim.id]))[0].n).toBe(0);
    expect((await session.get('/api/auth/me')).status).toBe(200);
    expect((await t.client().post('/api/auth/login', { email: victim.email, password: TEST_PASSWORD })).status).toBe(200);
    // HR's own account is no exception, and HR of the same organisation sees the person's state.
    expect((await hr.post(`/api/people/${team.admin.id}/invite`)).status).toBe(409);
    expect((await hr.get(`/api/people/${victim.id}`)).body.hasLogin).toBe(true);
  });

  it('an invitation sent before the person set a password replaces nothing', async () => {
    const person = await aPerson(t.db, team.org.id, { name: 'Olga Oldlink', withLogin: false });
    expect((await hr.post(`/api/people/${person.id}/invite`)).status).toBe(202);
    const token = tokenFor(person.email, 'accept-invitation');
    // The person gets a password some other way while the link is still pending (a link mailed
    // before this rule existed, or a password set straight in the database by an operator).
    const [{ password_hash: hash }] = await t.db.query(`SELECT password_hash FROM people WHERE id = $1`, [team.member.id]);
    await t.db.query(`UPDATE people SET password_hash = $2 WHERE id = $1`, [person.id, hash]);
    const session = t.client();
    await session.login(person.email, TEST_PASSWORD);

    const described = await t.client().get(`/api/auth/invitations/${token}`);
    expect(described.status).toBe(409);
    expect(described.body.message).toMatch(/already has a password/);
    const taken = t.client();
    const accepted = await taken.post('/api/auth/accept-invitation', { token, password: 'hr-chose-this-one' });
    expect(accepted.status).toBe(409);
    expect(accepted.body).toMatchObject({ code: 'already_has_login' });
    expect((await taken.get('/api/auth/me')).status).toBe(401);
    expect((await session.get('/api/auth/me')).status).toBe(200);
    expect((await t.client().post('/api/auth/login', { email: person.email, password: 'hr-chose-this-one' })).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('a password reset HR asks for goes to the person, never to HR, and HR cannot set a password', async () => {
    const victim = await aPerson(t.db, team.org.id, { name: 'Val Victim' });
    smtp.clear();
    expect((await hr.post('/api/auth/password-reset', { email: victim.email })).status).toBe(202);
    await t.app.get(JobsService).runHeld(JOB_NAMES.passwordResetMail);
    expect(smtp.messages.map((m) => m.to)).toEqual([[victim.email]]);
    // Mail that went out over SMTP is not kept in the outbox HR reads.
    const outbox = (await hr.get('/api/outbox')).body.items as { recipient: string }[];
    expect(outbox.filter((m) => m.recipient === victim.email)).toEqual([]);
    // No route lets HR choose someone's password, nor use a link it does not have.
    expect((await hr.patch(`/api/people/${victim.id}`, { password: 'hr-chose-this-one' })).status).toBe(400);
    expect((await hr.post('/api/auth/password-reset/complete', { token: 'x'.repeat(43), password: 'hr-chose-this-one' })).status).toBe(404);
    // HR's own "change password" changes HR's password only.
    expect((await hr.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'hr-chose-this-one', personId: victim.id })).status).toBe(400);
    expect((await t.client().post('/api/auth/login', { email: victim.email, password: TEST_PASSWORD })).status).toBe(200);
    // Only the person, with the mailed link, sets a new one.
    const token = tokenFor(victim.email, 'reset-password');
    expect((await t.client().post('/api/auth/password-reset/complete', { token, password: 'victim-chose-this' })).status).toBe(204);
    expect((await t.client().post('/api/auth/login', { email: victim.email, password: 'victim-chose-this' })).status).toBe(200);
  });
});
