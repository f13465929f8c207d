import { aPerson, aTeam } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HR configures single sign-on, so HR chooses who vouches for an address: an account already in use
 * (a password, or a link to another provider identity) is linked to a provider identity only with
 * the person's own proof, a single-use link mailed to them (security review: an issuer HR controls
 * must not sign HR in as a member). The link confirms only in the browser that started the sign-in
 * (a nonce in an httpOnly cookie): a member who opens a link somebody else's sign-in asked for
 * links nothing, and can cancel it. A never-used account links on its first sign-in, as a roll-out
 * needs. Every link is audited and told to the person.
 */
describe('linking an account to single sign-on takes proof from the person', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let idp: TestOidcProvider;
  let evil: TestOidcProvider;
  let team: Awaited<ReturnType<typeof aTeam>>;
  let other: Awaited<ReturnType<typeof aTeam>>;
  let slug: string;
  let hr: HttpClient;
  /** The Set-Cookie headers of the last callback. */
  let callbackCookies: string[] = [];

  const settingsFor = (provider: TestOidcProvider): Record<string, unknown> => ({
    displayName: provider === evil ? 'HR Login' : 'Acme Login',
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    allowedDomains: ['acme.test'],
    jitEnabled: false,
    ssoOnly: false,
    breakGlassPersonId: null,
  });
  const useProvider = async (provider: TestOidcProvider): Promise<void> => {
    expect((await hr.put('/api/organization/sso', settingsFor(provider))).status).toBe(200);
  };

  async function signIn(client: HttpClient, provider: TestOidcProvider, subject: string): Promise<string> {
    const start = await client.post('/api/auth/sso/start', { organization: slug });
    expect(start.status).toBe(200);
    provider.signInAs(subject);
    const back = await provider.authorize(start.body.authorizationUrl);
    const done = await client.get(back.pathname + back.search);
    expect(done.status).toBe(303);
    const set = done.headers['set-cookie'];
    callbackCookies = set === undefined ? [] : Array.isArray(set) ? set : [String(set)];
    return String(done.headers.location);
  }
  const me = async (client: HttpClient): Promise<string | null> => ((await client.get('/api/auth/session')).body.me?.id as string | undefined) ?? null;
  const linkOf = async (personId: string): Promise<{ issuer: string; subject: string } | undefined> =>
    (await t.db.query(`SELECT issuer, subject FROM sso_identities WHERE organization_id = $1 AND person_id = $2`, [team.org.id, personId]))[0];
  const audit = async (personId: string): Promise<{ action: string; actor_id: string | null; details: Record<string, unknown> }[]> =>
    t.db.query(
      `SELECT action, actor_id, details FROM audit_events WHERE organization_id = $1 AND target_id = $2 AND action LIKE 'sso.%' ORDER BY created_at, id`,
      [team.org.id, personId],
    );
  const mailsTo = (email: string) => smtp.to(email);
  const tokenIn = (text: string): string => /\/sso-link\?token=([\w-]+)/.exec(text)![1];
  const confirm = (client: HttpClient, token: string) => client.post('/api/auth/sso/link', { token });
  const cancel = (client: HttpClient, token: string) => client.post('/api/auth/sso/link/cancel', { token });
  const linkCookie = (): string | undefined => callbackCookies.find((c) => c.startsWith('ripple_sso_link='));
  const pending = async (personId: string): Promise<number> =>
    Number(
      (
        await t.db.query(`SELECT count(*)::int AS n FROM sso_link_confirmations WHERE organization_id = $1 AND person_id = $2 AND used_at IS NULL`, [
          team.org.id,
          personId,
        ])
      )[0].n,
    );

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ RIPPLE_SECRET_KEY: '6f'.repeat(32), SMTP_URL: smtp.url });
    const redirect = new URL('/api/auth/sso/callback', t.config.publicUrl).href;
    idp = await startOidcProvider(redirect);
    evil = await startOidcProvider(redirect);
    team = await aTeam(t.db, 'Acme');
    other = await aTeam(t.db, 'Globex');
    [{ slug }] = await t.db.query(`SELECT slug FROM organizations WHERE id = $1`, [team.org.id]);
    hr = t.client();
    await hr.signInAs(team.admin);
  });
  afterAll(async () => {
    await idp?.stop().catch(() => undefined);
    await evil?.stop().catch(() => undefined);
    await t?.close();
    await smtp?.close();
  });

  it('HR switching to an issuer they control signs nobody in as a member with a password: a link goes to the member, and HR cannot use it', async () => {
    const victim = await aPerson(t.db, team.org.id, { name: 'Vera Victim', email: 'vera@acme.test' });
    await useProvider(evil);
    evil.accounts.set('sub-forged-vera', { email: victim.email });

    const attacker = t.client();
    expect(await signIn(attacker, evil, 'sub-forged-vera')).toBe('/sso-link');
    expect(await me(attacker)).toBeNull();
    expect(await linkOf(victim.id)).toBeUndefined();
    const [mail] = mailsTo(victim.email);
    expect(mail.subject).toBe('Confirm signing in to Ripple with HR Login');
    expect(mail.text).toContain('as vera@acme.test');
    const token = tokenIn(mail.text);
    // What HR can read of the mail (the outbox table and its view) holds no link.
    const [stored] = await t.db.query(`SELECT text_body, html_body FROM mail_messages WHERE recipient = $1`, [victim.email]);
    expect(`${stored.text_body}${stored.html_body}`).not.toContain(token);
    expect(stored.text_body).toContain('/sso-link?token=[redacted]');
    const [row] = await t.db.query(`SELECT token_hash FROM sso_link_confirmations WHERE person_id = $1`, [victim.id]);
    expect(Buffer.from(row.token_hash).toString('base64url')).not.toBe(token);

    // Without the mailed link, nothing links: a made-up token, the redacted one, an unknown field, nothing.
    for (const body of [{ token: 'x'.repeat(64) }, { token: '[redacted]'.padEnd(30, 'x') }, { token, extra: 1 }, {}]) {
      const refused = await attacker.post('/api/auth/sso/link', body);
      expect({ body, refused: [400, 404].includes(refused.status) }).toEqual({ body, refused: true });
    }
    // Signing in again only sends another link to the member (the earlier one stops working).
    expect(await signIn(attacker, evil, 'sub-forged-vera')).toBe('/sso-link');
    expect(await me(attacker)).toBeNull();
    expect(mailsTo(victim.email)).toHaveLength(2);
    expect((await confirm(t.client(), token)).status).toBe(404);
    expect(await linkOf(victim.id)).toBeUndefined();
    expect((await audit(victim.id)).map((e) => e.action)).toEqual(['sso.link_requested', 'sso.link_requested']);
  });

  it('the member opening the link links their account to that sign-in and signs in; the link works once; they are told, and it is audited', async () => {
    const member = await aPerson(t.db, team.org.id, { name: 'Mia Member', email: 'mia@acme.test' });
    await useProvider(idp);
    idp.accounts.set('sub-mia', { email: member.email });
    const browser = t.client();
    expect(await signIn(browser, idp, 'sub-mia')).toBe('/sso-link');
    const mail = mailsTo(member.email).at(-1)!;
    expect(mail.text).toContain('If you did not just try to sign in with single sign-on (Acme Login) yourself, do not open the link');
    expect(mail.text).toContain('in the same browser where you started signing in');
    const token = tokenIn(mail.text);
    // The browser that started the sign-in holds a nonce: httpOnly, SameSite=Lax, Secure as the session is, sent to the link's routes only.
    const cookie = linkCookie()!;
    expect(cookie).toMatch(/^ripple_sso_link=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/api/auth/sso/link');
    expect(cookie).toContain('Max-Age=1800');
    expect(cookie.includes('Secure')).toBe(t.config.cookieSecure);
    const [row] = await t.db.query(`SELECT browser_hash FROM sso_link_confirmations WHERE person_id = $1 AND used_at IS NULL`, [member.id]);
    expect(Buffer.from(row.browser_hash).toString('base64url')).not.toBe(/^ripple_sso_link=([\w-]+)/.exec(cookie)![1]);

    // Another browser, or one holding another sign-in's nonce (or a made-up one), is refused, and the link stays as it was.
    const elsewhere = t.client();
    const refused = await confirm(elsewhere, token);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('sso_link_other_browser');
    expect(await me(elsewhere)).toBeNull();
    const otherMember = await aPerson(t.db, team.org.id, { name: 'Omar Other', email: 'omar@acme.test' });
    idp.accounts.set('sub-omar', { email: otherMember.email });
    const omarsBrowser = t.client();
    expect(await signIn(omarsBrowser, idp, 'sub-omar')).toBe('/sso-link');
    expect((await confirm(omarsBrowser, token)).status).toBe(403);
    const forgedNonce = t.client();
    forgedNonce.importCookies(new Map([['ripple_sso_link', 'A'.repeat(43)]]));
    expect((await confirm(forgedNonce, token)).status).toBe(403);
    expect(await me(omarsBrowser)).toBeNull();
    expect(await linkOf(member.id)).toBeUndefined();
    expect(await pending(member.id)).toBe(1);

    const done = await confirm(browser, token);
    expect(done.status).toBe(204);
    expect(await me(browser)).toBe(member.id);
    expect(await linkOf(member.id)).toEqual({ issuer: idp.issuer, subject: 'sub-mia' });
    expect((await confirm(t.client(), token)).status).toBe(404);

    const notice = mailsTo(member.email).at(-1)!;
    expect(notice.subject).toBe('Your Ripple account now signs in through Acme Login');
    expect(notice.text).toContain("If this wasn't you");
    const linked = (await audit(member.id)).filter((e) => e.action === 'sso.linked');
    expect(linked).toEqual([{ action: 'sso.linked', actor_id: member.id, details: { issuer: idp.issuer, via: 'mailed_link' } }]);
    expect(JSON.stringify(await audit(member.id))).not.toContain(token);

    // From now on the subject signs her in directly.
    const later = t.client();
    expect(await signIn(later, idp, 'sub-mia')).toBe('/');
    expect(await me(later)).toBe(member.id);
    // Another subject with her address is another identity: it needs its own link.
    idp.accounts.set('sub-mia-2', { email: member.email });
    const second = t.client();
    expect(await signIn(second, idp, 'sub-mia-2')).toBe('/sso-link');
    expect(await me(second)).toBeNull();
    expect(await linkOf(member.id)).toEqual({ issuer: idp.issuer, subject: 'sub-mia' });
  });

  it('a link expires, and is bound to the issuer it was made for', async () => {
    const member = await aPerson(t.db, team.org.id, { name: 'Eli Expired', email: 'eli@acme.test' });
    await useProvider(idp);
    idp.accounts.set('sub-eli', { email: member.email });
    const browser = t.client();
    expect(await signIn(browser, idp, 'sub-eli')).toBe('/sso-link');
    const expired = tokenIn(mailsTo(member.email).at(-1)!.text);
    // Refused in another browser, the link is not used up, and still expires on time.
    expect((await confirm(t.client(), expired)).status).toBe(403);
    const [{ minutes }] = await t.db.query(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes FROM sso_link_confirmations WHERE person_id = $1`,
      [member.id],
    );
    expect(minutes).toBe(30);
    await t.db.query(`UPDATE sso_link_confirmations SET expires_at = now() - interval '1 second' WHERE person_id = $1`, [member.id]);
    expect((await confirm(browser, expired)).status).toBe(404);
    expect((await confirm(t.client(), expired)).status).toBe(404);
    expect((await cancel(t.client(), expired)).status).toBe(404);

    expect(await signIn(browser, idp, 'sub-eli')).toBe('/sso-link');
    const stale = tokenIn(mailsTo(member.email).at(-1)!.text);
    // HR changes the issuer before the member opens the link: it no longer links anything.
    await useProvider(evil);
    const refused = await confirm(browser, stale);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('sso_link_invalid');
    expect(await linkOf(member.id)).toBeUndefined();
  });

  it('a never-used account links on its first sign-in, and the person is told; after an issuer change it is in use and needs the link', async () => {
    const newcomer = await aPerson(t.db, team.org.id, { name: 'Nia Newcomer', email: 'nia@acme.test', withLogin: false });
    await t.db.query(`UPDATE people SET language = 'de' WHERE organization_id = $1 AND id = $2`, [team.org.id, newcomer.id]);
    await useProvider(idp);
    idp.accounts.set('sub-nia', { email: newcomer.email });
    const browser = t.client();
    expect(await signIn(browser, idp, 'sub-nia')).toBe('/');
    expect(await me(browser)).toBe(newcomer.id);
    expect(await linkOf(newcomer.id)).toEqual({ issuer: idp.issuer, subject: 'sub-nia' });
    expect((await audit(newcomer.id)).map((e) => [e.action, e.details.via])).toEqual([['sso.linked', 'first_sign_in']]);
    expect(mailsTo(newcomer.email).map((m) => m.subject)).toEqual(['Ihr Ripple-Konto meldet sich jetzt über Acme Login an']);

    // The issuer changes (or the provider is removed and added again): her link stays as proof that the account is in use.
    await useProvider(evil);
    expect((await hr.delete('/api/organization/sso')).status).toBe(204);
    await useProvider(evil);
    evil.accounts.set('sub-forged-nia', { email: newcomer.email });
    const attacker = t.client();
    expect(await signIn(attacker, evil, 'sub-forged-nia')).toBe('/sso-link');
    expect(await me(attacker)).toBeNull();
    const mail = mailsTo(newcomer.email).at(-1)!;
    expect(mail.subject).toBe('Bestätigen Sie die Anmeldung bei Ripple mit HR Login');
    expect(await linkOf(newcomer.id)).toEqual({ issuer: idp.issuer, subject: 'sub-nia' });
  });

  it("a link names its organisation: another organisation's provider or people are never reached", async () => {
    const member = await aPerson(t.db, team.org.id, { name: 'Ola Org', email: 'ola@acme.test' });
    await useProvider(idp);
    idp.accounts.set('sub-ola', { email: member.email });
    const browser = t.client();
    expect(await signIn(browser, idp, 'sub-ola')).toBe('/sso-link');
    const token = tokenIn(mailsTo(member.email).at(-1)!.text);
    // The same secret under the other organisation's id finds nothing.
    const otherId = Buffer.from(other.org.id.replace(/-/g, ''), 'hex');
    const forged = Buffer.concat([otherId, Buffer.from(token, 'base64url').subarray(16)]).toString('base64url');
    expect((await confirm(browser, forged)).status).toBe(404);
    expect((await cancel(t.client(), forged)).status).toBe(404);
    expect((await confirm(browser, token)).status).toBe(204);
  });

  it('the member who did not try to sign in cancels the link from their own browser: nothing is linked, ever, and it is audited', async () => {
    const victim = await aPerson(t.db, team.org.id, { name: 'Cora Cancel', email: 'cora@acme.test' });
    await useProvider(evil);
    evil.accounts.set('sub-forged-cora', { email: victim.email });
    const attacker = t.client();
    expect(await signIn(attacker, evil, 'sub-forged-cora')).toBe('/sso-link');
    const token = tokenIn(mailsTo(victim.email).at(-1)!.text);

    // Cora opens the link in her own browser: it does not link, and she says it was not her.
    const cora = t.client();
    expect((await confirm(cora, token)).status).toBe(403);
    for (const body of [{ token, extra: 1 }, {}, { token: 'x'.repeat(101) }]) expect((await cora.post('/api/auth/sso/link/cancel', body)).status).toBe(400);
    expect((await cancel(cora, 'y'.repeat(64))).status).toBe(404);
    expect((await cancel(cora, token)).status).toBe(204);
    expect(await me(cora)).toBeNull();
    expect(await pending(victim.id)).toBe(0);

    // Ended for good: not even the browser that started the sign-in can use it now, and it cannot be cancelled twice.
    expect((await confirm(attacker, token)).status).toBe(404);
    expect((await cancel(cora, token)).status).toBe(404);
    expect(await me(attacker)).toBeNull();
    expect(await linkOf(victim.id)).toBeUndefined();
    const events = await audit(victim.id);
    expect(events.map((e) => e.action)).toEqual(['sso.link_requested', 'sso.link_cancelled']);
    expect(events[1]).toEqual({ action: 'sso.link_cancelled', actor_id: victim.id, details: { issuer: evil.issuer } });
  });

  it('a confirmation mail the mail server refuses sends the browser back to sign-in with a reason, never a 5xx, and leaves no link', async () => {
    const member = await aPerson(t.db, team.org.id, { name: 'Sam Smtp', email: 'sam@acme.test' });
    await useProvider(idp);
    idp.accounts.set('sub-sam', { email: member.email });
    const browser = t.client();
    smtp.refuseNextRecipients(1);
    expect(await signIn(browser, idp, 'sub-sam')).toBe('/login?sso_error=confirmation_mail_failed');
    expect(linkCookie()).toBeUndefined();
    expect(mailsTo(member.email)).toHaveLength(0);
    expect(await pending(member.id)).toBe(0);
    expect(await me(browser)).toBeNull();
    // Once the server takes mail again, signing in again sends the link.
    expect(await signIn(browser, idp, 'sub-sam')).toBe('/sso-link');
    expect(mailsTo(member.email)).toHaveLength(1);
    expect((await confirm(browser, tokenIn(mailsTo(member.email)[0].text))).status).toBe(204);
    expect(await me(browser)).toBe(member.id);
  });
});
