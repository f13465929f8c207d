import { SSO_START_PER_NETWORK, SSO_START_PER_ORGANIZATION } from '../../libs/identity/src/sso/sso.service';
import { aTeam } from '../support/factories';
import type { TestResponse } from '../support/http-client';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The public start of a single sign-on: rate-limited per network and per organisation (it stores a
 * pending login per call), its leftovers cleaned up, and the provider's discovery document cached
 * per issuer (refreshed after a failure, always fresh for HR's test sign-in), counted at a real
 * OpenID Connect provider on loopback.
 */
describe('starting a single sign-on', () => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let slugA: string, slugB: string;

  const start = (slug: string, network: string): Promise<TestResponse> =>
    t.client().post('/api/auth/sso/start', { organization: slug }, { headers: { 'x-forwarded-for': network } });
  const counter = async (scope: string, key: string): Promise<{ hits: number } | undefined> =>
    (await t.db.query(`SELECT hits FROM rate_limit_counters WHERE scope = $1 AND key = $2`, [scope, key]))[0];
  const expectTooMany = (response: TestResponse, words: string): void => {
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status: 429, type: expect.stringContaining('application/json') });
    expect(response.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'too_many_attempts', message: expect.stringContaining(words) });
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SSO_START_PER_NETWORK.windowSeconds);
  };

  beforeAll(async () => {
    t = await startTestApp({ RIPPLE_SECRET_KEY: '7c'.repeat(32), TRUST_PROXY: 'true' });
    idp = await startOidcProvider(new URL('/api/auth/sso/callback', t.config.publicUrl).href);
    idp.accounts.set('sub-ada', { email: 'ada@acme.test' });
    a = await aTeam(t.db, 'Acme');
    b = await aTeam(t.db, 'Globex');
    [{ slug: slugA }] = await t.db.query(`SELECT slug FROM organizations WHERE id = $1`, [a.org.id]);
    [{ slug: slugB }] = await t.db.query(`SELECT slug FROM organizations WHERE id = $1`, [b.org.id]);
    for (const [team, domain] of [
      [a, 'acme.test'],
      [b, 'globex.test'],
    ] as const) {
      const hr = t.client();
      await hr.signInAs(team.admin);
      const saved = await hr.put('/api/organization/sso', {
        displayName: 'Company Login',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        allowedDomains: [domain],
        jitEnabled: false,
        ssoOnly: false,
        breakGlassPersonId: null,
      });
      expect(saved.status).toBe(200);
    }
  });
  afterAll(async () => {
    await idp?.stop().catch(() => undefined);
    await t?.close();
  });

  describe('rate limits', () => {
    it('let a whole office behind one address start its sign-ins, then refuse that network with 429 and Retry-After; other networks carry on', async () => {
      const office = '203.0.113.10';
      for (let i = 0; i < SSO_START_PER_NETWORK.limit; i++) {
        const response = await start(slugA, office);
        if (response.status !== 200) throw new Error(`start ${i + 1} of ${SSO_START_PER_NETWORK.limit} from one network: ${response.status} ${response.text}`);
      }
      const refused = await start(slugA, office);
      expectTooMany(refused, 'Too many sign-ins were started from your network. Try again in 10 minutes.');
      // Unknown sign-in addresses are counted too: the network is refused before any lookup.
      expectTooMany(await start('no-such-organisation', office), 'from your network');
      expect((await start(slugA, '203.0.113.11')).status).toBe(200);
      expect((await start(slugB, '203.0.113.12')).status).toBe(200);
    });

    it("refuse an organisation whose budget many networks together spent, and no other organisation's", async () => {
      const before = (await counter(SSO_START_PER_ORGANIZATION.scope, a.org.id))!.hits;
      expect(before).toBe(SSO_START_PER_NETWORK.limit + 1);
      // Spend what is left of Acme's budget as if from many networks (the count is the one real starts make).
      await t.db.query(`UPDATE rate_limit_counters SET hits = $3 WHERE scope = $1 AND key = $2`, [
        SSO_START_PER_ORGANIZATION.scope,
        a.org.id,
        SSO_START_PER_ORGANIZATION.limit - 2,
      ]);
      expect((await start(slugA, '198.51.100.1')).status).toBe(200);
      expect((await start(slugA, '198.51.100.2')).status).toBe(200);
      expectTooMany(await start(slugA, '198.51.100.3'), 'Too many sign-ins were started for your organisation.');
      expect(await counter(SSO_START_PER_ORGANIZATION.scope, a.org.id)).toEqual({ hits: SSO_START_PER_ORGANIZATION.limit + 1 });
      expect((await start(slugB, '198.51.100.3')).status).toBe(200);
      expect(await counter(SSO_START_PER_NETWORK.scope, '198.51.100.3')).toEqual({ hits: 2 });
    });

    it('start again once the window has ended, and clean up ended windows and used or expired pending logins', async () => {
      // The windows end (moved into the past rather than waited for).
      await t.db.query(`UPDATE rate_limit_counters SET window_ends_at = now() - interval '1 second' WHERE key IN ($1, $2)`, [a.org.id, '203.0.113.10']);
      await t.db.query(`UPDATE sso_logins SET expires_at = now() - interval '1 second' WHERE organization_id = $1`, [a.org.id]);
      const [{ n: pendingBefore }] = await t.db.query(`SELECT count(*)::int AS n FROM sso_logins WHERE organization_id = $1`, [a.org.id]);
      expect(pendingBefore).toBeGreaterThan(SSO_START_PER_NETWORK.limit);

      expect((await start(slugA, '203.0.113.10')).status).toBe(200);
      expect(await counter(SSO_START_PER_NETWORK.scope, '203.0.113.10')).toEqual({ hits: 1 });
      expect(await counter(SSO_START_PER_ORGANIZATION.scope, a.org.id)).toEqual({ hits: 1 });
      const [{ n: pendingAfter }] = await t.db.query(`SELECT count(*)::int AS n FROM sso_logins WHERE organization_id = $1`, [a.org.id]);
      expect(pendingAfter).toBe(1);

      // Another network's ended window is deleted by the next hit of the same budget.
      await t.db.query(`UPDATE rate_limit_counters SET window_ends_at = now() - interval '1 second' WHERE key = '203.0.113.11'`);
      expect((await start(slugA, '203.0.113.13')).status).toBe(200);
      expect(await counter(SSO_START_PER_NETWORK.scope, '203.0.113.11')).toBeUndefined();
    });
  });

  describe("the provider's discovery document", () => {
    let hr: ReturnType<TestApp['client']>;
    beforeAll(async () => {
      hr = t.client();
      await hr.signInAs(a.admin);
    });

    it("is read afresh by every test sign-in, then reused by sign-ins (start and callback) for the provider's issuer", async () => {
      const before = idp.discoveryRequests();
      expect((await hr.post('/api/organization/sso/test')).status).toBe(200);
      expect((await hr.post('/api/organization/sso/test')).status).toBe(200);
      expect(idp.discoveryRequests()).toBe(before + 2);

      const browser = t.client();
      const started = await browser.post('/api/auth/sso/start', { organization: slugA }, { headers: { 'x-forwarded-for': '192.0.2.1' } });
      expect(started.status).toBe(200);
      expect((await start(slugB, '192.0.2.2')).status).toBe(200);
      idp.signInAs('sub-ada');
      const back = await idp.authorize(started.body.authorizationUrl);
      const done = await browser.get(back.pathname + back.search);
      // Ada has no account: the provider's answer was redeemed and verified, and she is refused by Ripple's rules.
      expect(done.headers.location).toBe('/login?sso_error=unknown_person');
      expect(idp.discoveryRequests()).toBe(before + 2);
    });

    it('is read again after a sign-in failed at the provider, so a provider that went down is reported as such at the next start', async () => {
      const browser = t.client();
      const started = await browser.post('/api/auth/sso/start', { organization: slugA }, { headers: { 'x-forwarded-for': '192.0.2.3' } });
      idp.signInAs('sub-ada');
      const back = await idp.authorize(started.body.authorizationUrl);
      const before = idp.discoveryRequests();
      await idp.stop();
      try {
        // The cached document still starts a sign-in: no request reaches the provider.
        expect((await start(slugA, '192.0.2.4')).status).toBe(200);
        const midway = await browser.get(back.pathname + back.search);
        expect(midway.headers.location).toBe('/login?sso_error=provider_unreachable');
        const refused = await start(slugA, '192.0.2.5');
        expect(refused.status).toBe(409);
        expect(refused.body.message).toMatch(/could not read the identity provider's OpenID configuration .* \(connection refused\)/);
      } finally {
        await idp.start();
      }
      expect((await start(slugA, '192.0.2.6')).status).toBe(200);
      expect((await start(slugA, '192.0.2.7')).status).toBe(200);
      expect(idp.discoveryRequests()).toBe(before + 1);
    });
  });
});
