import { sealSecret } from '@lib/common';
import { SessionService } from '@lib/identity';
import { aPerson, aTeam, TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startTestApp, TestApp } from '../support/test-app';

const SECRET_KEY = '5e'.repeat(32);

/**
 * Single sign-on end to end against a real OpenID Connect provider (oidc-provider on loopback):
 * HR's settings, sign-in, every refusal the issue names, HR's test sign-in and SSO-only mode.
 */
describe('single sign-on with OpenID Connect', () => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let slugA: string;
  let hrA: HttpClient, hrB: HttpClient, memberA: HttpClient;
  let alice: Awaited<ReturnType<typeof aPerson>>;

  const settingsFor = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    displayName: 'Acme Login',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: ['acme.test'],
    jitEnabled: false,
    ssoOnly: false,
    breakGlassPersonId: null,
    ...overrides,
  });

  /** The browser's whole trip: start at Ripple, through the provider, back to Ripple's callback. */
  async function signIn(client: HttpClient, subject: string, tamper?: (callback: URL) => URL): Promise<{ status: number; location: string }> {
    const start = await client.post('/api/auth/sso/start', { organization: slugA });
    expect(start.status).toBe(200);
    idp.signInAs(subject);
    const back = await idp.authorize(start.body.authorizationUrl);
    const callback = tamper ? tamper(back) : back;
    expect(callback.pathname).toBe('/api/auth/sso/callback');
    const done = await client.get(callback.pathname + callback.search);
    return { status: done.status, location: String(done.headers.location) };
  }

  const sessionOf = async (client: HttpClient): Promise<{ id: string; role: string } | null> => (await client.get('/api/auth/session')).body.me;
  const auditActions = async (organizationId: string): Promise<{ action: string; details: Record<string, unknown> }[]> =>
    t.db.query(
      `SELECT action, details FROM audit_events WHERE organization_id = $1 AND (action LIKE 'sso.%' OR action LIKE 'auth.%') ORDER BY created_at, id`,
      [organizationId],
    );

  beforeAll(async () => {
    t = await startTestApp({ RIPPLE_SECRET_KEY: SECRET_KEY });
    idp = await startOidcProvider(new URL('/api/auth/sso/callback', t.config.publicUrl).href);
    a = await aTeam(t.db, 'Acme');
    b = await aTeam(t.db, 'Globex');
    [{ slug: slugA }] = await t.db.query(`SELECT slug FROM organizations WHERE id = $1`, [a.org.id]);
    // Never used before (no password): her first sign-in links her (sso-link.e2e-spec has accounts in use).
    alice = await aPerson(t.db, a.org.id, { name: 'Alice Acme', email: 'alice@acme.test', withLogin: false });
    idp.accounts.set('sub-alice', { email: 'alice@acme.test' });
    idp.accounts.set('sub-stranger', { email: 'stranger@acme.test', name: 'Sam Stranger' });
    idp.accounts.set('sub-unverified', { email: 'alice@acme.test', emailVerified: false });
    idp.accounts.set('sub-newcomer', { email: 'newcomer@acme.test' });
    idp.accounts.set('sub-outsider', { email: 'outsider@elsewhere.test' });
    idp.accounts.set('sub-hr', { email: a.admin.email });
    hrA = t.client();
    await hrA.signInAs(a.admin);
    hrB = t.client();
    await hrB.signInAs(b.admin);
    memberA = t.client();
    await memberA.signInAs(a.member);
  });
  afterAll(async () => {
    await idp?.stop().catch(() => undefined);
    await t?.close();
  });

  describe('settings', () => {
    it('are HR-only: signed out 401, a member 403 for every route', async () => {
      const anonymous = t.client();
      expect((await anonymous.get('/api/organization/sso')).status).toBe(401);
      expect((await anonymous.put('/api/organization/sso', settingsFor())).status).toBe(401);
      expect((await anonymous.post('/api/organization/sso/test')).status).toBe(401);
      expect((await memberA.get('/api/organization/sso')).status).toBe(403);
      expect((await memberA.put('/api/organization/sso', settingsFor())).status).toBe(403);
      expect((await memberA.delete('/api/organization/sso')).status).toBe(403);
      expect((await memberA.post('/api/organization/sso/test')).status).toBe(403);
    });

    it('start empty, with the redirect URI and the sign-in address HR gives the provider', async () => {
      const settings = await hrA.get('/api/organization/sso');
      expect(settings.status).toBe(200);
      expect(settings.body).toMatchObject({
        configured: false,
        redirectUri: 'http://localhost:3000/api/auth/sso/callback',
        signInUrl: `http://localhost:3000/login?organization=${slugA}`,
        clientSecretSet: false,
        lastTest: null,
      });
    });

    it('refuse bad values, each named, and save nothing', async () => {
      const cases: [Record<string, unknown>, number, string][] = [
        [settingsFor({ issuer: 'http://login.example.com' }), 422, 'issuer must use https'],
        [settingsFor({ issuer: 'not a url' }), 422, 'issuer must be a URL'],
        [settingsFor({ allowedDomains: [] }), 422, 'allowedDomains'],
        [settingsFor({ allowedDomains: ['not a domain'] }), 400, 'allowedDomains'],
        [settingsFor({ allowedDomains: Array.from({ length: 21 }, (_, i) => `d${i}.test`) }), 400, 'allowedDomains'],
        [settingsFor({ clientSecret: undefined }), 422, 'clientSecret is required'],
        [settingsFor({ ssoOnly: true }), 422, 'break-glass'],
        [settingsFor({ breakGlassPersonId: a.member.id }), 422, 'breakGlassPersonId must be an active HR admin'],
        [settingsFor({ breakGlassPersonId: b.admin.id }), 422, 'breakGlassPersonId must be an active HR admin'],
        [settingsFor({ displayName: 'x'.repeat(61) }), 400, 'displayName'],
        [settingsFor({ clientId: 'a\nb' }), 400, 'clientId'],
        [settingsFor({ extra: true }), 400, 'extra'],
      ];
      for (const [body, status, words] of cases) {
        const response = await hrA.put('/api/organization/sso', body);
        expect({ status: response.status, words, message: response.body.message }).toEqual({ status, words, message: expect.stringContaining(words) });
      }
      expect((await hrA.get('/api/organization/sso')).body.configured).toBe(false);
    });

    it('keep the client secret sealed at rest, never show it, and audit every change', async () => {
      const saved = await hrA.put('/api/organization/sso', settingsFor({ allowedDomains: ['ACME.test', 'acme.test'] }));
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        configured: true,
        displayName: 'Acme Login',
        issuer: idp.issuer,
        clientSecretSet: true,
        allowedDomains: ['acme.test'],
      });
      expect(JSON.stringify(saved.body)).not.toContain(idp.clientSecret);
      const [row] = await t.db.query(`SELECT client_secret_sealed FROM sso_providers WHERE organization_id = $1`, [a.org.id]);
      expect(row.client_secret_sealed).toMatch(/^v1\./);
      expect(row.client_secret_sealed).not.toContain(idp.clientSecret);
      // Left out, the stored secret is kept.
      const renamed = await hrA.put('/api/organization/sso', settingsFor({ displayName: 'Acme SSO', clientSecret: undefined }));
      expect(renamed.status).toBe(200);
      const [again] = await t.db.query(`SELECT client_secret_sealed FROM sso_providers WHERE organization_id = $1`, [a.org.id]);
      expect(again.client_secret_sealed).toBe(row.client_secret_sealed);
      const audit = await auditActions(a.org.id);
      expect(audit.map((e) => e.action)).toEqual(['sso.configured', 'sso.updated']);
      expect(audit[1].details).toMatchObject({ fields: ['displayName'], clientSecretChanged: false });
      expect(JSON.stringify(audit)).not.toContain(idp.clientSecret);
    });

    it("are the organisation's own: another HR sees none and cannot change them", async () => {
      expect((await hrB.get('/api/organization/sso')).body.configured).toBe(false);
      expect((await hrB.delete('/api/organization/sso')).status).toBe(404);
      expect((await hrA.get('/api/organization/sso')).body.configured).toBe(true);
    });
  });

  describe('the sign-in page', () => {
    it('offers the provider for an email of an allowed domain or the organisation sign-in address, and nothing otherwise', async () => {
      const anonymous = t.client();
      expect((await anonymous.get('/api/auth/sso/provider?email=someone@acme.test')).body).toEqual({ organization: slugA, displayName: 'Acme SSO' });
      expect((await anonymous.get(`/api/auth/sso/provider?organization=${slugA}`)).body).toEqual({ organization: slugA, displayName: 'Acme SSO' });
      expect((await anonymous.get('/api/auth/sso/provider?email=someone@globex.test')).body).toEqual({ organization: null, displayName: null });
      expect((await anonymous.get('/api/auth/sso/provider?organization=no-such-org')).body).toEqual({ organization: null, displayName: null });
      expect((await anonymous.get('/api/auth/sso/provider?email=not-an-email')).status).toBe(400);
      expect((await anonymous.get('/api/auth/sso/provider?organization=../x')).status).toBe(400);
      expect((await anonymous.post('/api/auth/sso/start', { organization: 'no-such-org' })).status).toBe(404);
    });
  });

  describe('signing in', () => {
    it('signs a known person in with a verified email, in a usual session, then by their subject', async () => {
      const browser = t.client();
      const start = await browser.post('/api/auth/sso/start', { organization: slugA });
      const url = new URL(start.body.authorizationUrl);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('state')).toBeTruthy();
      expect(url.searchParams.get('nonce')).toBeTruthy();
      const cookie = String(start.headers['set-cookie']);
      expect(cookie).toMatch(/ripple_sso=[^;]+;/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Path=\/api\/auth\/sso/);

      expect(await signIn(browser, 'sub-alice')).toEqual({ status: 303, location: '/' });
      expect(await sessionOf(browser)).toMatchObject({ id: alice.id, role: 'member' });
      const [link] = await t.db.query(`SELECT subject FROM sso_identities WHERE organization_id = $1 AND person_id = $2`, [a.org.id, alice.id]);
      expect(link.subject).toBe('sub-alice');
      // A usual session: logout ends it.
      expect((await browser.post('/api/auth/logout')).status).toBe(204);
      expect(await sessionOf(browser)).toBeNull();

      // Linked, the subject finds Alice even after her address changed at the provider.
      idp.accounts.set('sub-alice', { email: 'alice.renamed@acme.test' });
      const again = t.client();
      expect(await signIn(again, 'sub-alice')).toEqual({ status: 303, location: '/' });
      expect((await sessionOf(again))?.id).toBe(alice.id);
      idp.accounts.set('sub-alice', { email: 'alice@acme.test' });
    });

    it("gives Ripple's usual session: kept in the sessions table, CSRF required for changes, ended at once when revoked", async () => {
      const carol = await aPerson(t.db, a.org.id, { name: 'Carol Acme', email: 'carol@acme.test', withLogin: false });
      idp.accounts.set('sub-carol', { email: carol.email });
      const browser = t.client();
      expect(await signIn(browser, 'sub-carol')).toEqual({ status: 303, location: '/' });
      expect(await t.db.query(`SELECT 1 FROM sessions WHERE organization_id = $1 AND person_id = $2`, [a.org.id, carol.id])).toHaveLength(1);
      const withoutCsrf = await browser.post('/api/auth/logout', undefined, { noCsrf: true });
      expect(withoutCsrf.status).toBe(403);
      expect(await sessionOf(browser)).toMatchObject({ id: carol.id });
      // What a password set, a leaver or a role change does (announced to every instance over LISTEN/NOTIFY).
      await t.app.get(SessionService).revokeAllFor(a.org.id, carol.id);
      expect(await sessionOf(browser)).toBeNull();
    });

    it('refuses an unknown email with a clear code, and creates nobody', async () => {
      const browser = t.client();
      expect(await signIn(browser, 'sub-stranger')).toEqual({ status: 303, location: '/login?sso_error=unknown_person' });
      expect(await sessionOf(browser)).toBeNull();
      expect(await t.db.query(`SELECT 1 FROM people WHERE email = 'stranger@acme.test'`)).toHaveLength(0);
    });

    it('refuses an unverified email and an address outside the allowed domains', async () => {
      idp.accounts.set('sub-unverified', { email: 'bob@acme.test', emailVerified: false });
      await aPerson(t.db, a.org.id, { name: 'Bob Acme', email: 'bob@acme.test' });
      const unverified = t.client();
      expect(await signIn(unverified, 'sub-unverified')).toEqual({ status: 303, location: '/login?sso_error=email_unverified' });
      expect(await sessionOf(unverified)).toBeNull();
      const outsider = t.client();
      expect(await signIn(outsider, 'sub-outsider')).toEqual({ status: 303, location: '/login?sso_error=domain_not_allowed' });
      expect(await sessionOf(outsider)).toBeNull();
    });

    it('refuses a tampered state, a replayed callback and a callback in another browser', async () => {
      const tampered = t.client();
      const result = await signIn(tampered, 'sub-alice', (back) => {
        const changed = new URL(back);
        changed.searchParams.set('state', `${back.searchParams.get('state')}x`);
        return changed;
      });
      expect(result).toEqual({ status: 303, location: '/login?sso_error=login_expired' });
      expect(await sessionOf(tampered)).toBeNull();

      const browser = t.client();
      const start = await browser.post('/api/auth/sso/start', { organization: slugA });
      idp.signInAs('sub-alice');
      const back = await idp.authorize(start.body.authorizationUrl);
      // The callback in a browser that did not start the sign-in (no login cookie).
      const other = t.client();
      const stolen = await other.get(back.pathname + back.search);
      expect({ status: stolen.status, location: stolen.headers.location }).toEqual({ status: 303, location: '/login?sso_error=login_expired' });
      expect(await sessionOf(other)).toBeNull();
      // The right browser, once; the same callback again is refused.
      const jar = browser.exportCookies();
      expect((await browser.get(back.pathname + back.search)).headers.location).toBe('/');
      const replay = t.client();
      replay.importCookies(jar);
      const replayed = await replay.get(back.pathname + back.search);
      expect({ status: replayed.status, location: replayed.headers.location }).toEqual({ status: 303, location: '/login?sso_error=login_expired' });
      expect(await sessionOf(replay)).toBeNull();
    });

    it('refuses an expired code', async () => {
      idp.faults.expireCodes = true;
      try {
        const browser = t.client();
        expect(await signIn(browser, 'sub-alice')).toEqual({ status: 303, location: '/login?sso_error=code_rejected' });
        expect(await sessionOf(browser)).toBeNull();
      } finally {
        idp.faults.expireCodes = false;
      }
    });

    it('refuses an ID token issued for another audience, though signed by the provider', async () => {
      idp.faults.wrongAudience = true;
      try {
        const browser = t.client();
        expect(await signIn(browser, 'sub-alice')).toEqual({ status: 303, location: '/login?sso_error=token_rejected' });
        expect(await sessionOf(browser)).toBeNull();
      } finally {
        idp.faults.wrongAudience = false;
      }
    });

    it("refuses an ID token with another sign-in's nonce, one that has expired, and one not signed by the provider", async () => {
      const cases: [keyof typeof idp.faults, RegExp][] = [
        ['wrongNonce', /it belongs to another sign-in/],
        ['expiredIdToken', /expired|"exp"/],
        ['foreignSignature', /not signed with the provider's keys/],
      ];
      for (const [fault, words] of cases) {
        idp.faults[fault] = true;
        try {
          const browser = t.client();
          expect({ fault, ...(await signIn(browser, 'sub-alice')) }).toEqual({ fault, status: 303, location: '/login?sso_error=token_rejected' });
          expect(await sessionOf(browser)).toBeNull();
        } finally {
          idp.faults[fault] = false;
        }
        // The same refusal, in plain words, on HR's test sign-in.
        idp.faults[fault] = true;
        try {
          const test = await hrA.post('/api/organization/sso/test');
          idp.signInAs('sub-alice');
          const back = await idp.authorize(test.body.authorizationUrl);
          await hrA.get(back.pathname + back.search);
          expect({ fault, lastTest: (await hrA.get('/api/organization/sso')).body.lastTest }).toEqual({
            fault,
            lastTest: expect.objectContaining({ ok: false, code: 'token_rejected', message: expect.stringMatching(words) }),
          });
        } finally {
          idp.faults[fault] = false;
        }
      }
    });

    it('says so clearly when the provider is down, during and then before a sign-in, never with a 5xx', async () => {
      const browser = t.client();
      const start = await browser.post('/api/auth/sso/start', { organization: slugA });
      idp.signInAs('sub-alice');
      const back = await idp.authorize(start.body.authorizationUrl);
      await idp.stop();
      try {
        const midway = await browser.get(back.pathname + back.search);
        expect({ status: midway.status, location: midway.headers.location }).toEqual({ status: 303, location: '/login?sso_error=provider_unreachable' });
        // That failure dropped the cached discovery document (sso-start.e2e-spec.ts): the next start asks the provider, and says it is down.
        const refused = await t.client().post('/api/auth/sso/start', { organization: slugA });
        expect(refused.status).toBe(409);
        expect(refused.body.message).toMatch(
          /Ripple could not read the identity provider's OpenID configuration at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/,
        );
      } finally {
        await idp.start();
      }
    });

    it('says so, without a 5xx, when the stored client secret cannot be read (the server key changed)', async () => {
      const [saved] = await t.db.query(`SELECT client_secret_sealed FROM sso_providers WHERE organization_id = $1`, [a.org.id]);
      await t.db.query(`UPDATE sso_providers SET client_secret_sealed = $2 WHERE organization_id = $1`, [
        a.org.id,
        sealSecret(Buffer.alloc(32, 9), idp.clientSecret, a.org.id),
      ]);
      try {
        const refused = await t.client().post('/api/auth/sso/start', { organization: slugA });
        expect(refused.status).toBe(409);
        expect(refused.body.message).toContain("cannot be read with this server's RIPPLE_SECRET_KEY");
      } finally {
        await t.db.query(`UPDATE sso_providers SET client_secret_sealed = $2 WHERE organization_id = $1`, [a.org.id, saved.client_secret_sealed]);
      }
    });

    it('creates an unknown person of an allowed domain at their first sign-in when HR enabled it', async () => {
      expect((await hrA.put('/api/organization/sso', settingsFor({ displayName: 'Acme SSO', clientSecret: undefined, jitEnabled: true }))).status).toBe(200);
      const browser = t.client();
      expect(await signIn(browser, 'sub-stranger')).toEqual({ status: 303, location: '/' });
      const me = await sessionOf(browser);
      expect(me).toMatchObject({ role: 'member' });
      const [created] = await t.db.query(`SELECT id, name, organization_id, password_hash FROM people WHERE email = 'stranger@acme.test'`);
      expect(created).toMatchObject({ id: me!.id, name: 'Sam Stranger', organization_id: a.org.id, password_hash: null });
      const [audit] = await t.db.query(
        `SELECT actor_id, details FROM audit_events WHERE organization_id = $1 AND action = 'person.created' AND target_id = $2`,
        [a.org.id, created.id],
      );
      expect(audit.details).toMatchObject({ source: 'single sign-on' });
      expect((await hrA.put('/api/organization/sso', settingsFor({ displayName: 'Acme SSO', clientSecret: undefined, jitEnabled: false }))).status).toBe(200);
    });
  });

  describe("HR's test sign-in", () => {
    async function testSignIn(subject: string): Promise<Record<string, unknown>> {
      const start = await hrA.post('/api/organization/sso/test');
      expect(start.status).toBe(200);
      idp.signInAs(subject);
      const back = await idp.authorize(start.body.authorizationUrl);
      const done = await hrA.get(back.pathname + back.search);
      expect({ status: done.status, location: done.headers.location }).toEqual({ status: 303, location: '/admin/single-sign-on?tested=1' });
      return (await hrA.get('/api/organization/sso')).body.lastTest;
    }

    it('runs the real flow and reports it on the settings page, signing nobody in', async () => {
      const before = await sessionOf(hrA);
      const testsBefore = (await auditActions(a.org.id)).filter((e) => e.action === 'sso.tested').length;
      expect(await testSignIn('sub-alice')).toMatchObject({ ok: true, code: 'signed_in', email: 'alice@acme.test' });
      expect(await sessionOf(hrA)).toEqual(before);
      expect(await testSignIn('sub-newcomer')).toMatchObject({ ok: false, code: 'unknown_person', message: expect.stringContaining('newcomer@acme.test') });
      expect(await testSignIn('sub-outsider')).toMatchObject({ ok: false, code: 'domain_not_allowed', message: expect.stringContaining('acme.test') });
      idp.accounts.set('sub-unverified', { email: 'newcomer@acme.test', emailVerified: false });
      expect(await testSignIn('sub-unverified')).toMatchObject({
        ok: false,
        code: 'email_unverified',
        message: 'The provider has not verified the email address newcomer@acme.test.',
      });
      // Nothing was linked or created by a test.
      expect(await t.db.query(`SELECT 1 FROM people WHERE email IN ('outsider@elsewhere.test', 'newcomer@acme.test')`)).toHaveLength(0);
      expect(await t.db.query(`SELECT 1 FROM sso_identities WHERE subject IN ('sub-newcomer', 'sub-outsider', 'sub-unverified')`)).toHaveLength(0);
      expect((await auditActions(a.org.id)).filter((e) => e.action === 'sso.tested')).toHaveLength(testsBefore + 4);
    });

    it('reports a wrong client secret, a wrong issuer and a provider that is down in plain words', async () => {
      expect((await hrA.put('/api/organization/sso', settingsFor({ displayName: 'Acme SSO', clientSecret: 'not-the-secret' }))).status).toBe(200);
      expect(await testSignIn('sub-alice')).toMatchObject({
        ok: false,
        code: 'client_rejected',
        message: expect.stringContaining('client id or client secret'),
      });

      const port = new URL(idp.issuer).port;
      expect((await hrA.put('/api/organization/sso', settingsFor({ displayName: 'Acme SSO', issuer: `http://localhost:${port}` }))).status).toBe(200);
      const wrongIssuer = await hrA.post('/api/organization/sso/test');
      expect(wrongIssuer.status).toBe(409);
      expect(wrongIssuer.body.message).toContain(`calls itself "${idp.issuer}"`);
      expect((await hrA.get('/api/organization/sso')).body.lastTest).toMatchObject({ ok: false, code: 'issuer_mismatch' });

      expect((await hrA.put('/api/organization/sso', settingsFor({ displayName: 'Acme SSO' }))).status).toBe(200);
      await idp.stop();
      try {
        const down = await hrA.post('/api/organization/sso/test');
        expect(down.status).toBe(409);
        expect((await hrA.get('/api/organization/sso')).body.lastTest).toMatchObject({ ok: false, code: 'provider_unreachable' });
      } finally {
        await idp.start();
      }
      expect(await testSignIn('sub-alice')).toMatchObject({ ok: true });
    });
  });

  describe('SSO-only mode', () => {
    it('turns passwords off for everyone but the break-glass admin, whose sign-in is audited', async () => {
      const on = await hrA.put(
        '/api/organization/sso',
        settingsFor({ displayName: 'Acme SSO', clientSecret: undefined, ssoOnly: true, breakGlassPersonId: a.admin.id }),
      );
      expect(on.status).toBe(200);
      const refused = await t.client().post('/api/auth/login', { email: a.member.email, password: TEST_PASSWORD });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'sso_required', message: 'Your organisation signs in with Acme SSO: use "Continue with Acme SSO".' });
      // A wrong password still gets the usual answer.
      expect((await t.client().post('/api/auth/login', { email: a.member.email, password: 'wrong-password-1' })).status).toBe(401);
      // Another organisation keeps its passwords.
      expect((await t.client().post('/api/auth/login', { email: b.member.email, password: TEST_PASSWORD })).status).toBe(200);

      const breakGlass = t.client();
      expect((await breakGlass.post('/api/auth/login', { email: a.admin.email, password: TEST_PASSWORD })).status).toBe(200);
      const audit = (await auditActions(a.org.id)).filter((e) => e.action === 'auth.break_glass_sign_in');
      expect(audit).toHaveLength(1);
      // Signing in through the provider still works for everyone.
      expect(await signIn(t.client(), 'sub-alice')).toEqual({ status: 303, location: '/' });
    });

    it('ends with the provider removed: passwords work again, and linked subjects stay as proof that those accounts are in use', async () => {
      expect((await hrA.delete('/api/organization/sso')).status).toBe(204);
      expect((await t.client().post('/api/auth/login', { email: a.member.email, password: TEST_PASSWORD })).status).toBe(200);
      expect(await t.db.query(`SELECT 1 FROM sso_identities WHERE organization_id = $1 AND person_id = $2`, [a.org.id, alice.id])).toHaveLength(1);
      expect((await t.client().post('/api/auth/sso/start', { organization: slugA })).status).toBe(404);
      expect((await auditActions(a.org.id)).map((e) => e.action)).toContain('sso.removed');
    });
  });
});
