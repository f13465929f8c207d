import { aLaunchedCycle, runHeldJobs } from '../support/cycle-factories';
import { aPerson, aTeam, TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { ReceivedMail, startSmtpServer, TestSmtpServer } from '../support/smtp';
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

/** Mail follows its recipient's language, whoever caused it: checked as received over real SMTP. */
describe("mail in the recipient's language", () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let team: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient, member: HttpClient, manager: HttpClient;
  const only = (address: string, count = 1): ReceivedMail => {
    const mails = smtp.to(address);
    expect(mails).toHaveLength(count);
    return mails[count - 1];
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://ripple.example.org' });
    team = await aTeam(t.db, 'Kunsthalle');
    [hr, member, manager] = [t.client(), t.client(), t.client()];
    await hr.login(team.admin.email, TEST_PASSWORD);
    await member.login(team.member.email, TEST_PASSWORD);
    await manager.login(team.manager.email, TEST_PASSWORD);
    // The member reads German; the manager and everyone else keep the organisation's English.
    expect((await member.put('/api/auth/me/language', { language: 'de' })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('a cycle invitation: German to the German reader, English to the English one, from the same launch', async () => {
    smtp.clear();
    const cycle = await aLaunchedCycle(hr, [team.member.id], { name: 'Herbstrunde', settings: { minPeers: 0, maxPeers: 0 } });
    await runHeldJobs(t, 'cycle.invitations');
    const german = only(team.member.email);
    expect(german.subject).toBe('Ihr Feedback ist gefragt: Herbstrunde');
    expect(german.text).toContain(`Guten Tag ${team.member.name},`);
    expect(german.text).toContain('Sie selbst (Selbsteinschätzung)');
    expect(german.text).toContain('Wer Ihre Antworten sieht:');
    expect(german.text).toContain('Ihre Feedback-Anfragen öffnen: https://ripple.example.org/feedback');
    expect(german.html).toContain('Ihre Feedback-Anfragen öffnen</a>');
    expect(german.text).not.toMatch(/Hello|feedback on|Who sees/);
    const english = only(team.manager.email);
    expect(english.subject).toBe('Your feedback is requested: Herbstrunde');
    expect(english.text).toContain(`Hello ${team.manager.name},`);

    // Each rater reads the questionnaire in their language: the same statements, by the same ids.
    const requestOf = async (raterId: string): Promise<string> =>
      (await t.db.query<{ id: string }[]>(`SELECT id FROM feedback_requests WHERE cycle_id = $1 AND rater_id = $2`, [cycle.id, raterId]))[0].id;
    const inGerman = (await member.get(`/api/feedback-requests/${await requestOf(team.member.id)}`)).body;
    const inEnglish = (await manager.get(`/api/feedback-requests/${await requestOf(team.manager.id)}`)).body;
    type Questionnaire = {
      behaviours: { id: string; name: string; statements: { id: string; key: string; text: string }[] }[];
      openQuestions: { id: string; text: string }[];
    };
    const ids = (q: Questionnaire) => [...q.behaviours.flatMap((b) => b.statements.map((st) => st.id)), ...q.openQuestions.map((o) => o.id)];
    expect(ids(inGerman)).toEqual(ids(inEnglish));
    expect(ids(inGerman).length).toBeGreaterThan(25);
    const statement = (q: Questionnaire, key: string) => q.behaviours.flatMap((b) => b.statements).find((st) => st.key === key)!.text;
    expect(statement(inGerman, 'listening.1')).toBe('Lässt andere ausreden, bevor selbst geantwortet wird.');
    expect(statement(inEnglish, 'listening.1')).toBe('Lets others finish what they are saying before replying.');
    expect(inGerman.behaviours[0]).toMatchObject({ key: 'listening', name: 'Zuhören' });
    expect(inGerman.behaviours[0]).not.toHaveProperty('translations');
    expect(inGerman.openQuestions[0].text).toBe('Was sollte diese Person beibehalten?');
    expect(inGerman.scale.points.map((p: { label: string }) => p.label)).toEqual(['Selten', 'Manchmal', 'Oft', 'Sehr oft', 'Fast immer']);
    expect(inEnglish.scale.notObservedLabel).toBe('Not observed');
    // Who sees the answers, in the rater's words: the same catalogue sentence as in their mail.
    expect(inGerman.answerAudience.explanation).toMatch(/^Ihre Selbsteinschätzung erscheint im Bericht als Ihre eigene Sicht/);
    expect(inEnglish.answerAudience.explanation).toContain(team.member.name);
    expect(inEnglish.answerAudience.explanation).toMatch(/^(As the manager of|Your answers about) /);
    // Every German statement differs from its English one: none was left untranslated.
    const englishTexts = new Set(inEnglish.behaviours.flatMap((b: Questionnaire['behaviours'][number]) => b.statements.map((st) => st.text)));
    for (const b of (inGerman as Questionnaire).behaviours) for (const st of b.statements) expect(englishTexts.has(st.text)).toBe(false);

    // The subject hears in German that their manager cannot rate them.
    const requests = [{ id: await requestOf(team.manager.id) }];
    expect((await manager.post(`/api/feedback-requests/${requests[0].id}/decline`, { reason: 'Ich bin bis Juni in Elternzeit' })).status).toBe(200);
    const declined = only(team.member.email, 2);
    expect(declined.subject).toBe(`${team.manager.name} kann Ihnen in Herbstrunde kein Feedback geben`);
    expect(declined.text).toContain('Begründung: Ich bin bis Juni in Elternzeit');
  });

  it('a password reset link, in German for the German reader and in English for the others', async () => {
    smtp.clear();
    await t.client().post('/api/auth/password-reset', { email: team.member.email });
    await t.client().post('/api/auth/password-reset', { email: team.peer.email });
    await runHeldJobs(t, 'identity.password-reset-mail');
    const german = only(team.member.email);
    expect(german.subject).toBe('Ihr Ripple-Passwort zurücksetzen');
    expect(german.text).toContain('Der Link funktioniert nur einmal und läuft in 30 Minuten ab.');
    expect(german.html).toContain('Neues Passwort wählen</a>');
    expect(only(team.peer.email).subject).toBe('Reset your Ripple password');
  });

  it("a change of sign-in address: both mails in the German reader's language", async () => {
    smtp.clear();
    const changed = await member.post('/api/auth/email', { currentPassword: TEST_PASSWORD, newEmail: 'mo.neu@kunsthalle.example' });
    expect(changed.status).toBe(202);
    expect(only('mo.neu@kunsthalle.example').subject).toBe('Bestätigen Sie Ihre neue Anmeldeadresse bei Ripple');
    const notice = only(team.member.email);
    expect(notice.subject).toBe('Änderung Ihrer Anmeldeadresse bei Ripple');
    expect(notice.text).toContain('künftig mit mo.neu@kunsthalle.example anzumelden');
  });

  it("follows the organisation's language for everyone who has not chosen: an invitation to a newcomer", async () => {
    smtp.clear();
    expect((await hr.patch('/api/organization', { language: 'de' })).status).toBe(200);
    const newcomer = await aPerson(t.db, team.org.id, { name: 'Nora Neu', withLogin: false });
    expect((await hr.post(`/api/people/${newcomer.id}/invite`)).status).toBe(202);
    const invitation = only(newcomer.email);
    expect(invitation.subject).toBe('Einladung zu Ripple bei Kunsthalle');
    expect(invitation.text).toContain('Kunsthalle nutzt Ripple für 360°-Feedback. Wählen Sie ein Passwort, um sich anzumelden:');
    expect(invitation.text).toMatch(/läuft in \d+ Tagen ab\./);
    // An own English choice still wins over the organisation's German.
    await manager.put('/api/auth/me/language', { language: 'en' });
    await t.client().post('/api/auth/password-reset', { email: team.manager.email });
    await runHeldJobs(t, 'identity.password-reset-mail');
    expect(only(team.manager.email).subject).toBe('Reset your Ripple password');
  });
});
