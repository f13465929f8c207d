import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { SessionService } from '@lib/identity';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { createApp } from '../../apps/api/src/bootstrap';
import { aPerson, aTeam, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds or `withinMs` has passed; returns whether it held. */
async function eventually(check: () => boolean | Promise<boolean>, withinMs = 2_000): Promise<boolean> {
  const end = Date.now() + withinMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await sleep(20);
  }
}

/**
 * An instance remembers a checked session for SESSION_CACHE_MS. A long window here makes every
 * "at once" below depend on the instance forgetting, not on the window running out; a row changed
 * straight in the database stands for a change nobody announced.
 */
describe('sessions an instance remembers', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let team: Awaited<ReturnType<typeof aTeam>>;
  beforeAll(async () => {
    // Invitation links are read from delivered mail: the outbox keeps no secret.
    smtp = await startSmtpServer();
    t = await startTestApp({ SESSION_CACHE_MS: '60000', SMTP_URL: smtp.url });
    team = await aTeam(t.db);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const signedIn = async (person: TestPerson): Promise<HttpClient> => {
    const http = t.client();
    await http.signInAs(person);
    return http;
  };
  const sessionsOf = async (personId: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM sessions WHERE person_id = $1`, [personId]))[0].n;

  it('answers from memory within the window: a change nobody announced applies when the window ends', async () => {
    const http = await signedIn(team.member);
    expect((await http.get('/api/auth/me')).status).toBe(200);
    await t.db.query(`DELETE FROM sessions WHERE person_id = $1`, [team.member.id]);
    expect((await http.get('/api/auth/me')).status).toBe(200);
  });

  it('a logout on this instance ends the session at once, also for a copy of the cookie', async () => {
    const http = await signedIn(team.colleague);
    expect((await http.get('/api/auth/me')).status).toBe(200);
    const copy = t.client();
    copy.importCookies(http.exportCookies());
    expect((await copy.get('/api/auth/me')).status).toBe(200);
    expect((await http.post('/api/auth/logout')).status).toBe(204);
    expect((await copy.get('/api/auth/me')).status).toBe(401);
  });

  it('a role taken away by HR applies from the next request', async () => {
    const deputy = await aPerson(t.db, team.org.id, { name: 'Dee Deputy', role: 'admin' });
    const http = await signedIn(deputy);
    expect((await http.get('/api/outbox')).status).toBe(200);
    const hr = await signedIn(team.admin);
    expect((await hr.patch(`/api/people/${deputy.id}`, { role: 'member' })).status).toBe(200);
    expect((await http.get('/api/outbox')).status).toBe(403);
  });

  it('a role given by a CSV import applies from the next request', async () => {
    const http = await signedIn(team.peer);
    expect((await http.get('/api/outbox')).status).toBe(403);
    const hr = await signedIn(team.admin);
    const csv = `email,name,role\n${team.peer.email},Pat Peer,admin\n`;
    const imported = await hr.post('/api/people/import', undefined, { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.body.summary).toMatchObject({ updated: 1 });
    expect((await http.get('/api/outbox')).status).toBe(200);
  });

  it('a password reset ends the earlier sessions at once', async () => {
    const person = await aPerson(t.db, team.org.id, { name: 'Ines Reset' });
    const earlier = await signedIn(person);
    expect((await earlier.get('/api/auth/me')).status).toBe(200);
    expect((await t.client().post('/api/auth/password-reset', { email: person.email })).status).toBe(202);
    await t.app.get(JobsService).runHeld(JOB_NAMES.passwordResetMail);
    const token = /reset-password\?token=([\w-]+)/.exec(smtp.to(person.email)[0].text)![1];
    expect((await t.client().post('/api/auth/password-reset/complete', { token, password: 'a-long-enough-password' })).status).toBe(204);
    expect(await sessionsOf(person.id)).toBe(0);
    expect((await earlier.get('/api/auth/me')).status).toBe(401);
  });

  it('a password change ends the other sessions at once and keeps this one', async () => {
    const person = await aPerson(t.db, team.org.id, { name: 'Chad Changer' });
    const here = await signedIn(person);
    const other = await signedIn(person);
    expect((await other.get('/api/auth/me')).status).toBe(200);
    expect((await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-long-enough-password' })).status).toBe(204);
    expect(await sessionsOf(person.id)).toBe(1);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await here.get('/api/auth/me')).status).toBe(200);
  });

  it('never outlives the session itself', async () => {
    const person = await aPerson(t.db, team.org.id, { name: 'Eve Expiring' });
    const http = await signedIn(person);
    await t.db.query(`UPDATE sessions SET expires_at = now() + interval '700 milliseconds' WHERE person_id = $1`, [person.id]);
    expect((await http.get('/api/auth/me')).status).toBe(200);
    await sleep(900);
    expect((await http.get('/api/auth/me')).status).toBe(401);
  });

  it('a lookup under way while the person changes does not remember what it read', async () => {
    const person = await aPerson(t.db, team.org.id, { name: 'Rae Racing', role: 'admin' });
    const http = await signedIn(person);
    const sessions = t.app.get(SessionService);
    const token = http.exportCookies().get('ripple_session')!;
    const raw = t.app.getHttpAdapter().getInstance().unsignCookie(decodeURIComponent(token)).value!;
    await sessions.forgetPerson(team.org.id, person.id);

    // Hold the sessions table so the lookup waits, change the role and forget meanwhile, then let it read.
    const blocker = new Client({ connectionString: t.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE');
      const lookup = sessions.resolve(raw);
      await sleep(100);
      await sessions.forgetPerson(team.org.id, person.id);
      await blocker.query('ROLLBACK');
      expect((await lookup)?.role).toBe('admin');
    } finally {
      await blocker.end();
    }
    await t.db.query(`UPDATE people SET role = 'member' WHERE id = $1`, [person.id]);
    expect((await sessions.resolve(raw))?.role).toBe('member');
  });
});

/**
 * Two API instances on one database, each remembering sessions for a minute: what one changes,
 * the other hears at once (PostgreSQL NOTIFY), and without hearing it remembers nothing.
 */
describe('sessions across instances', () => {
  let a: TestApp;
  let b: NestFastifyApplication;
  let team: Awaited<ReturnType<typeof aTeam>>;
  beforeAll(async () => {
    a = await startTestApp({ SESSION_CACHE_MS: '60000' });
    b = await createApp(a.config, a.database.url);
    await b.init();
    await b.getHttpAdapter().getInstance().ready();
    team = await aTeam(a.db);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** Signed in on instance a; the same cookie used on instance b, which now remembers the session. */
  const onBoth = async (person: TestPerson): Promise<{ onA: HttpClient; onB: HttpClient }> => {
    const onA = a.client();
    await onA.signInAs(person);
    const onB = new HttpClient(b);
    onB.importCookies(onA.exportCookies());
    expect((await onB.get('/api/auth/me')).status).toBe(200);
    return { onA, onB };
  };
  const listenerOf = (app: NestFastifyApplication) => app.get(SessionService);

  it('both instances listen once booted', async () => {
    expect(await eventually(() => listenerOf(a.app).remembering && listenerOf(b).remembering)).toBe(true);
  });

  it('a logout on one instance ends the session on the other', async () => {
    const { onA, onB } = await onBoth(team.member);
    expect((await onA.post('/api/auth/logout')).status).toBe(204);
    expect(await eventually(async () => (await onB.get('/api/auth/me')).status === 401)).toBe(true);
  });

  it('a role taken away on one instance applies on the other', async () => {
    const deputy = await aPerson(a.db, team.org.id, { name: 'Dee Deputy', role: 'admin' });
    const { onB } = await onBoth(deputy);
    expect((await onB.get('/api/outbox')).status).toBe(200);
    const hr = a.client();
    await hr.signInAs(team.admin);
    expect((await hr.patch(`/api/people/${deputy.id}`, { role: 'member' })).status).toBe(200);
    expect(await eventually(async () => (await onB.get('/api/outbox')).status === 403)).toBe(true);
  });

  it('an instance that stops hearing changes asks the database until it hears again', async () => {
    const { onB } = await onBoth(team.colleague);
    await a.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ripple-sessions' AND datname = current_database()`);
    expect(await eventually(() => !listenerOf(b).remembering)).toBe(true);
    // A change nobody announced (made straight in the database) applies at once while deaf.
    await a.db.query(`UPDATE people SET role = 'admin' WHERE id = $1`, [team.colleague.id]);
    expect((await onB.get('/api/outbox')).status).toBe(200);
    expect(await eventually(() => listenerOf(b).remembering, 5_000)).toBe(true);
    await a.db.query(`UPDATE people SET role = 'member' WHERE id = $1`, [team.colleague.id]);
    expect((await onB.get('/api/outbox')).status).toBe(403);
  });
});

describe('sessions with SESSION_CACHE_MS=0', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ SESSION_CACHE_MS: '0' })));
  afterAll(() => t.close());

  it('asks the database on every request', async () => {
    const team = await aTeam(t.db);
    const http = t.client();
    await http.signInAs(team.member);
    expect((await http.get('/api/auth/me')).status).toBe(200);
    await t.db.query(`DELETE FROM sessions WHERE person_id = $1`, [team.member.id]);
    expect((await http.get('/api/auth/me')).status).toBe(401);
  });
});

describe('sessions with a short window', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ SESSION_CACHE_MS: '300' })));
  afterAll(() => t.close());

  it('a change made elsewhere applies once the window has passed', async () => {
    const team = await aTeam(t.db);
    const http = t.client();
    await http.signInAs(team.member);
    expect((await http.get('/api/auth/me')).status).toBe(200);
    await t.db.query(`DELETE FROM sessions WHERE person_id = $1`, [team.member.id]);
    await sleep(400);
    expect((await http.get('/api/auth/me')).status).toBe(401);
  });
});
