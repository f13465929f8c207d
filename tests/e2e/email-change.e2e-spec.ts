import { JOB_NAMES, JobsService } from '@lib/jobs';
import { MailService } from '@lib/notifications';
import { aPerson, aTeam, TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

const tokenIn = (mail: ReceivedMail): string => /\/confirm-email\?token=([\w-]+)/.exec(mail.text)![1];
let nextIp = 1;
const anotherNetwork = (): Record<string, string> => ({ 'x-forwarded-for': `203.0.113.${nextIp++}` });

/**
 * The sign-in address is the account (whoever reads it can reset the password), so HR may change
 * it only for people without a login, and a person changes their own only from the new address.
 * Links are read from real mail (a test SMTP server), never from HR's outbox.
 */
describe('changing a sign-in address', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let team: Awaited<ReturnType<typeof aTeam>>;
  let other: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, TRUST_PROXY: 'true', PUBLIC_URL: 'https://ripple.example' });
    team = await aTeam(t.db);
    other = await aTeam(t.db, 'Other org');
    hr = await signedIn(team.admin.email);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => smtp.clear());

  async function signedIn(email: string, password = TEST_PASSWORD): Promise<HttpClient> {
    const http = t.client();
    expect((await http.login(email, password)).status).toBe(200);
    return http;
  }
  const emailOf = async (personId: string): Promise<string> =>
    (await t.db.query<{ email: string }[]>(`SELECT email FROM people WHERE id = $1`, [personId]))[0].email;
  const auditOf = async (organizationId: string, personId: string): Promise<string[]> =>
    (
      await t.db.query<
        {
          action: string;
        }[]
      >(`SELECT action FROM audit_events WHERE organization_id = $1 AND target_id = $2 ORDER BY id`, [organizationId, personId])
    ).map((r) => r.action);

  describe('by HR', () => {
    it('is refused with 409 for a person with a login, so HR cannot steer a reset link to an address it controls', async () => {
      const victim = await aPerson(t.db, team.org.id, { name: 'Vera Victim' });
      const res = await hr.patch(`/api/people/${victim.id}`, { email: 'hr-controlled@attacker.example' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        message: 'Vera Victim signs in with this address; they can change it themselves on their Account page',
      });
      expect(await emailOf(victim.id)).toBe(victim.email);
      // The rest of the takeover path goes nowhere: a reset for HR's address mails nothing.
      expect((await t.client().post('/api/auth/password-reset', { email: 'hr-controlled@attacker.example' }, { headers: anotherNetwork() })).status).toBe(202);
      await t.app.get(JobsService).runHeld(JOB_NAMES.passwordResetMail);
      expect(smtp.messages).toEqual([]);
      expect((await t.client().post('/api/auth/login', { email: 'hr-controlled@attacker.example', password: TEST_PASSWORD })).status).toBe(401);
    });

    it('refuses the change within a request that also changes other fields, and changes none of them', async () => {
      const victim = await aPerson(t.db, team.org.id, { name: 'Wes Worker', title: 'Guide' });
      const res = await hr.patch(`/api/people/${victim.id}`, { email: 'elsewhere@attacker.example', title: 'Curator' });
      expect(res.status).toBe(409);
      const [row] = await t.db.query<{ email: string; title: string }[]>(`SELECT email, title FROM people WHERE id = $1`, [victim.id]);
      expect(row).toEqual({ email: victim.email, title: 'Guide' });
    });

    it('still changes the email of a person without a login, and other fields of anyone', async () => {
      const newcomer = await aPerson(t.db, team.org.id, { name: 'Nina Newcomer', withLogin: false });
      const res = await hr.patch(`/api/people/${newcomer.id}`, { email: 'nina.new@example.org' });
      expect(res.status).toBe(200);
      expect(res.body.email).toBe('nina.new@example.org');
      const holder = await aPerson(t.db, team.org.id, { name: 'Hal Holder' });
      expect((await hr.patch(`/api/people/${holder.id}`, { email: holder.email, title: 'Registrar' })).status).toBe(200);
    });

    it('keeps a clear 409 for an address someone in the organisation already has (HR reads every address anyway)', async () => {
      const newcomer = await aPerson(t.db, team.org.id, { name: 'Tia Twin', withLogin: false });
      const res = await hr.patch(`/api/people/${newcomer.id}`, { email: team.peer.email });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'email_taken', message: `Someone with the email ${team.peer.email} already exists` });
      expect(await emailOf(newcomer.id)).toBe(newcomer.email);
    });

    it('from another organisation is 404, and a member may not at all', async () => {
      const holder = await aPerson(t.db, team.org.id, { name: 'Ola Other', withLogin: false });
      const otherHr = await signedIn(other.admin.email);
      expect((await otherHr.patch(`/api/people/${holder.id}`, { email: 'x@attacker.example' })).status).toBe(404);
      const member = await signedIn(team.member.email);
      expect((await member.patch(`/api/people/${holder.id}`, { email: 'x@attacker.example' })).status).toBe(403);
      expect(await emailOf(holder.id)).toBe(holder.email);
    });

    it('CSV import cannot move a login-holder to another address: rows match by email, a new address is a new person without a login', async () => {
      const holder = await aPerson(t.db, team.org.id, { name: 'Ian Importee' });
      const csv = `email,name\nian.hijacked@attacker.example,Ian Importee\n`;
      const dry = await hr.post('/api/people/import?dryRun=true', undefined, { raw: csv, headers: { 'content-type': 'text/csv' } });
      expect(dry.status).toBe(200);
      expect(dry.body.changes).toEqual([expect.objectContaining({ email: 'ian.hijacked@attacker.example', action: 'create' })]);
      expect((await hr.post('/api/people/import', undefined, { raw: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
      expect(await emailOf(holder.id)).toBe(holder.email);
      const [created] = await t.db.query<{ password_hash: string | null }[]>(`SELECT password_hash FROM people WHERE organization_id = $1 AND email = $2`, [
        team.org.id,
        'ian.hijacked@attacker.example',
      ]);
      expect(created.password_hash).toBeNull();
    });
  });

  describe('by the person themself', () => {
    const request = (http: HttpClient, body: Record<string, unknown>) => http.post('/api/auth/email', body, { headers: anotherNetwork() });

    it('needs a session, the right current password, a valid and free address', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Cal Careful' });
      const http = await signedIn(person.email);
      expect((await t.client().post('/api/auth/email', { currentPassword: TEST_PASSWORD, newEmail: 'cal@new.example' })).status).toBe(401);
      const wrong = await request(http, { currentPassword: 'not-my-password', newEmail: 'cal@new.example' });
      expect(wrong.status).toBe(422);
      expect(wrong.body).toMatchObject({ code: 'current_password_incorrect', errors: [{ field: 'currentPassword' }] });
      // A colleague's address is answered like a free one (below): never a 409 that would confirm it.
      expect((await request(http, { currentPassword: TEST_PASSWORD, newEmail: team.peer.email.toUpperCase() })).status).toBe(202);
      expect((await request(http, { currentPassword: TEST_PASSWORD, newEmail: person.email })).status).toBe(422);
      for (const body of [
        { currentPassword: TEST_PASSWORD, newEmail: 'not-an-address' },
        { currentPassword: TEST_PASSWORD },
        { currentPassword: TEST_PASSWORD, newEmail: 'cal@new.example', personId: team.admin.id },
        { currentPassword: TEST_PASSWORD, newEmail: `${'x'.repeat(250)}@new.example` },
      ]) {
        expect((await request(http, body)).status).toBe(400);
      }
      // An address used in another organisation is free here.
      expect((await request(http, { currentPassword: TEST_PASSWORD, newEmail: other.peer.email })).status).toBe(202);
      expect(await emailOf(person.id)).toBe(person.email);
      expect(await auditOf(team.org.id, person.id)).toEqual(['email.change_requested', 'email.change_requested']);
    });

    it('answers a colleague’s address exactly as a free one; its owner gets a notice and no link that could work goes anywhere', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Gus Guesser' });
      const owner = await aPerson(t.db, team.org.id, { name: 'Olga Owner' });
      const http = await signedIn(person.email);
      const sends = jest.spyOn(t.app.get(MailService), 'send');
      try {
        const free = await request(http, { currentPassword: TEST_PASSWORD, newEmail: 'gus.free@new.example' });
        const freeSends = sends.mock.calls.length;
        const freeLink = tokenIn(smtp.to('gus.free@new.example')[0]);
        const freeNotice = smtp.to(person.email)[0];
        smtp.clear();
        sends.mockClear();
        const taken = await request(http, { currentPassword: TEST_PASSWORD, newEmail: owner.email });

        // Status, body, the work done (mails sent) and the actor's own mail tell nothing.
        expect(taken.status).toBe(202);
        expect(free.status).toBe(202);
        expect(taken.body).toEqual({ message: free.body.message.replace('gus.free@new.example', owner.email) });
        expect(sends.mock.calls.length).toBe(freeSends);
        const takenNotice = smtp.to(person.email)[0];
        expect({ subject: takenNotice.subject, text: takenNotice.text }).toEqual({
          subject: freeNotice.subject,
          text: freeNotice.text.replace('gus.free@new.example', owner.email),
        });
        // Each request came from its own network: the rest of the record is the same.
        const audit = await t.db.query<{ action: string; details: unknown }[]>(
          `SELECT action, actor_id, target_type, details - 'ip' AS details FROM audit_events WHERE organization_id = $1 AND target_id = $2 ORDER BY id`,
          [team.org.id, person.id],
        );
        expect(audit).toHaveLength(2);
        expect(audit[1]).toEqual(audit[0]);

        // The owner learns someone tried their address; the mail carries no link.
        const [ownerMail] = smtp.to(owner.email);
        expect(smtp.to(owner.email)).toHaveLength(1);
        expect(ownerMail.text).toMatch(/asked to sign in to Ripple at .* with this address/);
        expect(ownerMail.text).toMatch(/Nothing changed/);
        expect(`${ownerMail.text}${ownerMail.html}`).not.toMatch(/token=|confirm-email/);
        expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([owner.email, person.email].sort());

        // Like any new request, it ends the earlier link (else that link would tell the two apart), and nothing moved.
        expect((await t.client().post('/api/auth/email/confirm', { token: freeLink })).status).toBe(404);
        expect(await emailOf(person.id)).toBe(person.email);
        expect(await emailOf(owner.id)).toBe(owner.email);
      } finally {
        sends.mockRestore();
      }
    });

    it('mails a link to the new address and a notice to the old; the address changes only when the link is opened', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Max Mover' });
      const here = await signedIn(person.email);
      const there = await signedIn(person.email);
      const bystander = await signedIn(team.peer.email);
      // A reset link mailed to the old address before the change.
      await t.db.query(
        `INSERT INTO password_reset_tokens (organization_id, person_id, token_hash, expires_at) VALUES ($1, $2, '\\x01', now() + interval '30 minutes')`,
        [team.org.id, person.id],
      );

      const res = await request(here, { currentPassword: TEST_PASSWORD, newEmail: 'Max.Moved@New.Example' });
      expect(res.status).toBe(202);
      const [link] = smtp.to('max.moved@new.example');
      expect(link.text).toContain('https://ripple.example/confirm-email?token=');
      const [notice] = smtp.to(person.email);
      expect(notice.text).toMatch(/asked to sign in to Ripple at .* with max\.moved@new\.example from now on/);
      expect(notice.text).toMatch(/If this wasn't you/);
      expect(notice.text).not.toContain('token=');
      // The outbox keeps no live link.
      const stored = await t.db.query<{ text_body: string; html_body: string }[]>(
        `SELECT text_body, html_body FROM mail_messages WHERE organization_id = $1 AND recipient = $2`,
        [team.org.id, 'max.moved@new.example'],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].text_body).toContain('/confirm-email?token=[redacted]');
      expect(stored[0].html_body).not.toContain(tokenIn(link));

      // Nothing changed yet.
      expect(await emailOf(person.id)).toBe(person.email);
      expect((await there.get('/api/auth/me')).status).toBe(200);
      const [{ expires_in_hours }] = await t.db.query<{ expires_in_hours: number }[]>(
        `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS expires_in_hours FROM email_change_tokens WHERE person_id = $1`,
        [person.id],
      );
      expect(expires_in_hours).toBe(24);

      const confirmed = await t.client().post('/api/auth/email/confirm', { token: tokenIn(link) });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ email: 'max.moved@new.example' });
      expect(await emailOf(person.id)).toBe('max.moved@new.example');
      // The session that asked stays; every other one of the person ends; nobody else's does.
      expect((await here.get('/api/auth/me')).status).toBe(200);
      expect((await there.get('/api/auth/me')).status).toBe(401);
      expect((await bystander.get('/api/auth/me')).status).toBe(200);
      // Sign-in is with the new address only; the reset link of the old address no longer works.
      expect((await t.client().post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(401);
      expect((await t.client().post('/api/auth/login', { email: 'max.moved@new.example', password: TEST_PASSWORD })).status).toBe(200);
      const [{ live }] = await t.db.query<{ live: number }[]>(
        `SELECT count(*)::int AS live FROM password_reset_tokens WHERE person_id = $1 AND expires_at > now()`,
        [person.id],
      );
      expect(live).toBe(0);
      expect(await auditOf(team.org.id, person.id)).toEqual(['email.change_requested', 'email.changed']);

      // Single use.
      const again = await t.client().post('/api/auth/email/confirm', { token: tokenIn(link) });
      expect(again.status).toBe(404);
      expect(again.body.message).toMatch(/invalid, already used or expired/);
    });

    it('a link expires after 24 hours, and a newer request cancels the older link', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Eve Expiring' });
      const http = await signedIn(person.email);
      expect((await request(http, { currentPassword: TEST_PASSWORD, newEmail: 'eve.first@new.example' })).status).toBe(202);
      const first = tokenIn(smtp.to('eve.first@new.example')[0]);
      expect((await request(http, { currentPassword: TEST_PASSWORD, newEmail: 'eve.second@new.example' })).status).toBe(202);
      const second = tokenIn(smtp.to('eve.second@new.example')[0]);
      expect((await t.client().post('/api/auth/email/confirm', { token: first })).status).toBe(404);
      // A day passes.
      await t.db.query(`UPDATE email_change_tokens SET expires_at = now() - interval '1 second' WHERE person_id = $1 AND used_at IS NULL`, [person.id]);
      expect((await t.client().post('/api/auth/email/confirm', { token: second })).status).toBe(404);
      expect(await emailOf(person.id)).toBe(person.email);
      expect((await t.client().post('/api/auth/email/confirm', { token: 'x'.repeat(43) })).status).toBe(404);
      expect((await t.client().post('/api/auth/email/confirm', { token: 'short' })).status).toBe(400);
    });

    it('refuses at confirmation an address someone took in the meantime, changing nothing', async () => {
      const person = await aPerson(t.db, team.org.id, { name: 'Rae Racer' });
      const http = await signedIn(person.email);
      expect((await request(http, { currentPassword: TEST_PASSWORD, newEmail: 'contested@new.example' })).status).toBe(202);
      const token = tokenIn(smtp.to('contested@new.example')[0]);
      expect((await hr.post('/api/people', { email: 'contested@new.example', name: 'Quick Quentin' })).status).toBe(201);
      const res = await t.client().post('/api/auth/email/confirm', { token });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'email_taken', message: expect.stringMatching(/started using contested@new\.example after this link was sent/) });
      expect(await emailOf(person.id)).toBe(person.email);
      expect(await auditOf(team.org.id, person.id)).toEqual(['email.change_requested']);
    });
  });
});
