import { aTeam, TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Each person reads Ripple in their language: their own choice, else their organisation's
 * (README, "Languages"). The web app reads both from /api/auth/me.
 */
describe('languages', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let hrA: HttpClient, memberA: HttpClient, peerA: HttpClient, hrB: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Acme');
    b = await aTeam(t.db, 'Globex');
    [hrA, memberA, peerA, hrB] = [t.client(), t.client(), t.client(), t.client()];
    await hrA.login(a.admin.email, TEST_PASSWORD);
    await memberA.login(a.member.email, TEST_PASSWORD);
    await peerA.login(a.peer.email, TEST_PASSWORD);
    await hrB.login(b.admin.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it("start as the organisation's (English), chosen by nobody", async () => {
    const me = await memberA.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ language: 'en', languageChoice: null });
    expect((await memberA.get('/api/auth/session')).body.me).toMatchObject({ language: 'en', languageChoice: null });
  });

  it('a person sets their own and clears it again; nobody else changes', async () => {
    const set = await memberA.put('/api/auth/me/language', { language: 'de' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: a.member.id, language: 'de', languageChoice: 'de' });
    expect((await memberA.get('/api/auth/me')).body).toMatchObject({ language: 'de', languageChoice: 'de' });
    expect((await peerA.get('/api/auth/me')).body).toMatchObject({ language: 'en', languageChoice: null });

    const cleared = await memberA.put('/api/auth/me/language', { language: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ language: 'en', languageChoice: null });
  });

  it('refuses what is not a language, and unknown fields, with a 400 naming the field', async () => {
    for (const body of [{ language: 'fr' }, { language: 'DE' }, { language: 3 }, {}, { language: 'de', personId: a.peer.id }]) {
      const response = await memberA.put('/api/auth/me/language', body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body.message).toMatch(/language|personId/);
    }
    expect((await peerA.get('/api/auth/me')).body.languageChoice).toBeNull();
    expect((await memberA.get('/api/auth/me')).body.languageChoice).toBeNull();
  });

  it('needs a session', async () => {
    expect((await t.client().put('/api/auth/me/language', { language: 'de' })).status).toBe(401);
  });

  it("HR sets the organisation's default: everyone without a choice follows it, in that organisation only", async () => {
    await peerA.put('/api/auth/me/language', { language: 'en' });
    const saved = await hrA.patch('/api/organization', { language: 'de' });
    expect(saved.status).toBe(200);
    expect(saved.body.language).toBe('de');
    expect((await memberA.get('/api/auth/me')).body).toMatchObject({ language: 'de', languageChoice: null });
    expect((await hrA.get('/api/auth/me')).body).toMatchObject({ language: 'de', languageChoice: null });
    // An own choice wins over the organisation's.
    expect((await peerA.get('/api/auth/me')).body).toMatchObject({ language: 'en', languageChoice: 'en' });
    expect((await hrB.get('/api/auth/me')).body).toMatchObject({ language: 'en', languageChoice: null });
    expect((await hrB.get('/api/organization')).body.language).toBe('en');
  });

  it('only HR sets the default', async () => {
    expect((await memberA.patch('/api/organization', { language: 'en' })).status).toBe(403);
    expect((await hrA.get('/api/organization')).body.language).toBe('de');
  });
});
