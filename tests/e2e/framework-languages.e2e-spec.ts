import { aPerson, aTeam, TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, snapshotReports, theDefaultFramework, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Framework words outside the questionnaire and the report, in the reader's language: the
 * organisation view's and the team view's columns, the behaviours to choose on the ask page, the
 * plan page, a shared plan and its pulse. The default framework ships German; Empathy's German is
 * taken out here, so it must fall back to the framework's own words. Keys never change.
 */
describe("framework words in the reader's language", () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let cycleId: string;
  let frameworkId: string;
  let peers: TestPerson[];
  const as = new Map<string, HttpClient>();
  const client = (p: { email: string }): HttpClient => as.get(p.email)!;
  const speak = async (p: { email: string }, language: 'de' | 'en'): Promise<void> => {
    expect((await client(p).put('/api/auth/me/language', { language })).status).toBe(200);
  };
  const named = (items: { key?: string; behaviourKey?: string; name: string }[]): Record<string, string> =>
    Object.fromEntries(items.map((i) => [(i.key ?? i.behaviourKey)!.replace(/^behaviour:/, ''), i.name]));

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Kunsthalle');
    const framework = await theDefaultFramework(t, a.org.id);
    frameworkId = framework.frameworkId;
    await t.db.query(`UPDATE behaviours SET translations = translations - 'de' WHERE organization_id = $1 AND key = 'empathy'`, [a.org.id]);
    const cycle = await aReportCycle(t.db, a.org.id, framework.id, { state: 'released', name: 'Herbst 2026' });
    cycleId = cycle.id;
    await aReportSubject(t.db, cycle, a.member.id, { managerId: a.manager.id, department: 'Collections' });
    peers = [];
    for (let i = 1; i <= 4; i++) peers.push(await aPerson(t.db, a.org.id, { name: `Peer ${i}`, department: 'Collections' }));
    await uniformResponses(t.db, cycle, framework, a.member.id, [{ id: a.member.id, relationship: 'self' }], 5);
    await uniformResponses(t.db, cycle, framework, a.member.id, [{ id: a.manager.id, relationship: 'manager' }], 3);
    await uniformResponses(
      t.db,
      cycle,
      framework,
      a.member.id,
      peers.map((p) => ({ id: p.id, relationship: 'peer' as const })),
      2,
    );
    await snapshotReports(t, a.org.id, cycle.id);
    for (const person of [a.admin, a.manager, a.member]) {
      const c = t.client();
      await c.signInAs(person);
      as.set(person.email, c);
    }
  });
  afterAll(() => t.close());

  it("names the organisation view's columns in HR's language, falling back where the framework has no German", async () => {
    const url = `/api/reports/cycles/${cycleId}/heatmap`;
    const english = await client(a.admin).get(url);
    expect(english.status).toBe(200);
    expect(named(english.body.measures)).toMatchObject({ listening: 'Listening', empathy: 'Empathy', trust: 'Building trust' });
    await speak(a.admin, 'de');
    const german = await client(a.admin).get(url);
    expect(named(german.body.measures)).toMatchObject({ listening: 'Zuhören', empathy: 'Empathy', trust: 'Vertrauen aufbauen' });
    const indexNames = (measures: { key: string; name: string }[]) => measures.filter((m) => m.key.startsWith('index:')).map((m) => m.name);
    expect(indexNames(english.body.measures)).toEqual(['Influence index', 'Management index']);
    expect(indexNames(german.body.measures)).toEqual(['Einflussindex', 'Managementindex']);
    // Only the words change: the same columns, keys and cells.
    expect(german.body.measures.map((m: { key: string }) => m.key)).toEqual(english.body.measures.map((m: { key: string }) => m.key));
    expect(german.body.organisation).toEqual(english.body.organisation);
    const csv = await client(a.admin).get(`/api/reports/cycles/${cycleId}/heatmap.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Zuhören');
    // HR reads the CSV: its words are German too, its header and kinds stay codes.
    expect(csv.text.split('\n')[0]).toBe('department,level,measure,kind,mean,n,previous_mean,change,note');
    expect(csv.text).toContain('Gesamte Organisation,Alle,Einflussindex,index,');
    expect(csv.text).not.toMatch(/Whole organisation|Everyone|Influence index|no data|hidden:/);
    await speak(a.admin, 'en');
    const englishCsv = await client(a.admin).get(`/api/reports/cycles/${cycleId}/heatmap.csv`);
    expect(englishCsv.text).toContain('Whole organisation,Everyone,Influence index,index,');
  });

  it("shows the framework page in the reader's language, and the editor its own words", async () => {
    type Detail = {
      scale: { points: { label: string }[]; notObservedLabel: string };
      latestVersion: {
        behaviours: { key: string; name: string; description: string; statements: { key: string; text: string }[] }[];
        openQuestions: { text: string; hint: string | null }[];
        scale: { points: { label: string }[] };
      };
    };
    const listening = (d: Detail) => d.latestVersion.behaviours.find((b) => b.key === 'listening')!;
    const url = `/api/frameworks/${frameworkId}`;
    const englishReader = await client(a.admin).get(`${url}?language=reader`);
    expect(englishReader.status).toBe(200);
    const english = englishReader.body as Detail;
    expect(listening(english)).toMatchObject({ name: 'Listening', description: 'Listens actively and seeks to understand before responding.' });
    expect(listening(english).statements[0].text).toBe('Lets others finish what they are saying before replying.');
    expect(english.scale.points[0].label).toBe('Rarely');

    await speak(a.admin, 'de');
    const german = (await client(a.admin).get(`${url}?language=reader`)).body as Detail;
    expect(listening(german)).toMatchObject({ name: 'Zuhören', description: 'Hört aktiv zu und versucht zu verstehen, bevor geantwortet wird.' });
    expect(listening(german).statements[0].text).toBe('Lässt andere ausreden, bevor selbst geantwortet wird.');
    // Empathy has no German here: the framework's own words.
    expect(german.latestVersion.behaviours.find((b) => b.key === 'empathy')!.name).toBe('Empathy');
    expect(german.latestVersion.openQuestions.map((q) => q.text)).not.toEqual(english.latestVersion.openQuestions.map((q) => q.text));
    expect(german.scale.points[0].label).toBe('Selten');
    expect(german.scale.notObservedLabel).toBe('Nicht beobachtet');
    expect(german.latestVersion.scale.points[0].label).toBe('Selten');
    // The list page shows the scale too: in the reader's words.
    const list = await client(a.admin).get('/api/frameworks');
    expect(list.body.scale.points[0].label).toBe('Selten');
    // Only the words change: the same behaviours and statements, by key.
    const keys = (d: Detail) => d.latestVersion.behaviours.map((b) => [b.key, b.statements.map((st) => st.key)]);
    expect(keys(german)).toEqual(keys(english));

    // The editor loads the source text, whatever the reader's language.
    const source = await client(a.admin).get(url);
    expect(source.status).toBe(200);
    expect(listening(source.body as Detail)).toMatchObject({ name: 'Listening' });
    expect((source.body as Detail).scale.points[0].label).toBe('Rarely');
    expect(source.body).toEqual(englishReader.body);

    for (const query of ['language=de', 'language=', 'words=reader', 'language=reader&language=reader']) {
      const refused = await client(a.admin).get(`${url}?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
    }
    await speak(a.admin, 'en');
  });

  it('keeps the framework, in any words, from members and other organisations', async () => {
    expect((await client(a.member).get(`/api/frameworks/${frameworkId}?language=reader`)).status).toBe(403);
    const other = await aTeam(t.db, 'Elsewhere');
    const outsider = t.client();
    await outsider.signInAs(other.admin);
    expect((await outsider.get(`/api/frameworks/${frameworkId}?language=reader`)).status).toBe(404);
  });

  it("names the team view's columns in the manager's language", async () => {
    const url = `/api/reports/cycles/${cycleId}/team`;
    const english = await client(a.manager).get(url);
    expect(english.status).toBe(200);
    expect(named(english.body.measures)).toMatchObject({ listening: 'Listening', empathy: 'Empathy' });
    await speak(a.manager, 'de');
    const german = await client(a.manager).get(url);
    expect(named(german.body.measures)).toMatchObject({ listening: 'Zuhören', empathy: 'Empathy', vision: 'Vision und Sinn' });
    await speak(a.manager, 'en');
  });

  it('offers the behaviours to ask about in the asker’s language', async () => {
    const english = await client(a.member).get('/api/self-requests/options');
    expect(english.status).toBe(200);
    expect(english.body.behaviours[0]).toMatchObject({ key: 'listening', name: 'Listening' });
    expect(english.body.behaviours[0].description).toMatch(/^[A-Z][a-z]/);
    await speak(a.member, 'de');
    const german = await client(a.member).get('/api/self-requests/options');
    expect(german.body.behaviours[0]).toEqual({
      key: 'listening',
      name: 'Zuhören',
      description: 'Hört aktiv zu und versucht zu verstehen, bevor geantwortet wird.',
      kind: english.body.behaviours[0].kind,
    });
    expect(german.body.behaviours.find((b: { key: string }) => b.key === 'empathy')).toMatchObject({ name: 'Empathy' });
    expect(german.body.behaviours.map((b: { key: string }) => b.key)).toEqual(english.body.behaviours.map((b: { key: string }) => b.key));
    await speak(a.member, 'en');
  });

  it('shows the plan page, a shared plan and its pulse in each reader’s language', async () => {
    const url = `/api/plans/cycles/${cycleId}`;
    await speak(a.member, 'de');
    const saved = await client(a.member).put(url, {
      items: [
        { behaviourKey: 'listening', action: 'Die Leisen zuerst fragen', evidence: 'Mehr Stimmen in der Retro' },
        { behaviourKey: 'empathy', action: 'Nach Zielen fragen', evidence: 'Ich kenne die Ziele meines Teams' },
      ],
    });
    expect(saved.status).toBe(200);
    expect(named(saved.body.plan.items)).toEqual({ listening: 'Zuhören', empathy: 'Empathy' });
    expect(named(saved.body.behaviours)).toMatchObject({ listening: 'Zuhören', empathy: 'Empathy', trust: 'Vertrauen aufbauen' });
    expect(saved.body.suggestions.length).toBeGreaterThan(0);
    const german = named(saved.body.behaviours);
    for (const s of saved.body.suggestions) expect(s.name).toBe(german[s.behaviourKey]);

    // The plan keeps its behaviours by key: the same plan reads in English for an English reader.
    await speak(a.member, 'en');
    const english = await client(a.member).get(url);
    expect(named(english.body.plan.items)).toEqual({ listening: 'Listening', empathy: 'Empathy' });
    expect(named(english.body.behaviours)).toMatchObject({ listening: 'Listening', trust: 'Building trust' });

    expect((await client(a.member).post(`${url}/pulse`, { addRaterIds: [] })).status).toBe(201);
    expect((await client(a.member).put(`${url}/share`)).status).toBe(200);
    const pulse = await client(a.member).get(`${url}/pulse`);
    expect(named(pulse.body.pulse.behaviours)).toEqual({ listening: 'Listening', empathy: 'Empathy' });

    const sharedEnglish = await client(a.manager).get('/api/plans/shared');
    expect(sharedEnglish.status).toBe(200);
    expect(named(sharedEnglish.body.items[0].items)).toEqual({ listening: 'Listening', empathy: 'Empathy' });
    await speak(a.manager, 'de');
    const shared = (await client(a.manager).get('/api/plans/shared')).body.items[0];
    expect(named(shared.items)).toEqual({ listening: 'Zuhören', empathy: 'Empathy' });
    expect(shared.guide.map((g: { title: string }) => g.title)).toEqual(expect.arrayContaining(['Zuhören', 'Empathy']));
    expect(named(shared.pulse.behaviours)).toEqual({ listening: 'Zuhören', empathy: 'Empathy' });
    await speak(a.member, 'de');
    expect(named((await client(a.member).get(`${url}/pulse`)).body.pulse.behaviours)).toEqual({ listening: 'Zuhören', empathy: 'Empathy' });
  });
});
