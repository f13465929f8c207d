import { randomUUID } from 'node:crypto';
import { aTeam, TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * An error is written in its reader's language (issue 15): a signed-in person's, else what
 * Accept-Language prefers among the supported ones, else English. `code` stays English for machines.
 */
describe('errors in the reader language', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let german: HttpClient, english: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Acme');
    [german, english] = [t.client(), t.client()];
    await german.login(a.admin.email, TEST_PASSWORD);
    await english.login(a.member.email, TEST_PASSWORD);
    expect((await german.put('/api/auth/me/language', { language: 'de' })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('a German person reads validation errors in German, each field named as the form labels it', async () => {
    const response = await german.post('/api/people', { email: 'not-an-email', name: 'x'.repeat(201), shoeSize: 44 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    const messages = Object.fromEntries((response.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]));
    expect(messages).toEqual({
      email: 'E-Mail-Adresse muss eine gültige E-Mail-Adresse sein',
      name: 'Name darf höchstens 200 Zeichen lang sein',
      shoeSize: 'shoeSize ist kein bekanntes Feld',
    });
    expect(response.body.message).toContain('E-Mail-Adresse muss eine gültige E-Mail-Adresse sein');
    // Nothing but the field and its words leaves the server.
    for (const error of response.body.errors) expect(Object.keys(error).sort()).toEqual(['field', 'message']);
  });

  it('a German person reads a domain error in German; the code stays English', async () => {
    const response = await german.get(`/api/people/${randomUUID()}`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'person_not_found', message: 'Person nicht gefunden' });
    const loop = await german.patch(`/api/people/${a.manager.id}`, { managerId: a.member.id });
    expect(loop.status).toBe(422);
    expect(loop.body).toMatchObject({ code: 'manager_loop', message: 'Mit dieser Führungskraft entstünde eine Berichtsschleife' });
    expect(loop.body.errors).toEqual([{ field: 'managerId', message: 'Mit dieser Führungskraft entstünde eine Berichtsschleife' }]);
  });

  it('cycle settings name each setting as the form does, in German and in English', async () => {
    const settings = { minPeers: 3, maxPeers: 1, anonymityThreshold: 99 };
    const de = await german.post('/api/cycles', { name: 'Herbst', settings });
    expect(de.status).toBe(422);
    expect(de.body.errors).toEqual([
      { field: 'maxPeers', message: 'Höchstzahl der Peers: Geben Sie mindestens 3 ein, so viel wie „Mindestzahl der Peers“' },
      { field: 'anonymityThreshold', message: 'Anonymitätsschwelle: Geben Sie eine ganze Zahl von 3 bis 10 ein' },
    ]);
    expect(de.body.message).toBe(de.body.errors.map((e: { message: string }) => e.message).join('; '));
    expect(de.body.code).toBe('invalid_settings');
    const admin = t.client();
    await admin.login(a.admin.email, TEST_PASSWORD);
    expect((await admin.put('/api/auth/me/language', { language: 'en' })).status).toBe(200);
    const en = await admin.post('/api/cycles', { name: 'Autumn', settings });
    expect(en.body.errors).toEqual([
      { field: 'maxPeers', message: 'maximum peers must be at least minimum peers (3)' },
      { field: 'anonymityThreshold', message: 'anonymity threshold must be a whole number from 3 to 10' },
    ]);
    expect((await admin.put('/api/auth/me/language', { language: 'de' })).status).toBe(200);
  });

  it('the person wins over the browser: a German person asking in English still reads German', async () => {
    const response = await german.get(`/api/people/${randomUUID()}`, { headers: { 'accept-language': 'en' } });
    expect(response.body.message).toBe('Person nicht gefunden');
  });

  it('an English person reads English, as the code wrote it', async () => {
    const missing = await english.get(`/api/people/${randomUUID()}`, { headers: { 'accept-language': 'de' } });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'person_not_found', message: 'Person not found' });
    const invalid = await english.put('/api/auth/me/language', { language: 'fr' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([{ field: 'language', message: 'language must be one of: en, de, or null' }]);
  });

  it('an anonymous request reads the language Accept-Language prefers most', async () => {
    const wrong = await t
      .client()
      .post('/api/auth/login', { email: a.member.email, password: 'not-the-password' }, { headers: { 'accept-language': 'fr-CH, de;q=0.9, en;q=0.8' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'invalid_credentials', message: 'E-Mail-Adresse oder Passwort ist nicht korrekt' });
    const malformed = await t.client().post('/api/auth/login', { email: 'nobody', password: 'x' }, { headers: { 'accept-language': 'de-DE' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toContainEqual({ field: 'email', message: 'E-Mail-Adresse muss eine gültige E-Mail-Adresse sein' });
    const signedOut = await t.client().get('/api/auth/me', { headers: { 'accept-language': 'de' } });
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.message).toBe('Bitte melden Sie sich an');
  });

  it('an unknown language, or none, reads English', async () => {
    const cases: Record<string, string>[] = [{ 'accept-language': 'fr-FR, it;q=0.5' }, { 'accept-language': '*' }, {}];
    for (const headers of cases) {
      const wrong = await t.client().post('/api/auth/login', { email: a.member.email, password: 'not-the-password' }, { headers });
      expect({ headers, status: wrong.status, code: wrong.body.code, english: !/Passwort/.test(wrong.body.message) }).toEqual({
        headers,
        status: 401,
        code: 'invalid_credentials',
        english: true,
      });
    }
  });

  it('the external questionnaire reads the language its page asked for', async () => {
    const response = await t.client().get('/api/external/questionnaire?language=de');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'external_access_invalid', message: 'Öffnen Sie den Link aus Ihrer Einladung noch einmal' });
  });
});
