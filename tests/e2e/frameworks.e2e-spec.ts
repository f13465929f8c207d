import { DemoSeedService } from '@lib/demo';
import { DEFAULT_FRAMEWORK } from '@lib/frameworks';
import { aDraftCycle, aLaunchedCycle } from '../support/cycle-factories';
import { anOrganization, aPerson, aTeam } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

const definition = (name = 'Mini framework') => ({
  name,
  description: 'Two behaviours',
  behaviours: [
    { key: 'listening', name: 'Listening', kind: 'influence', statements: [{ text: 'Lets others finish.' }, { text: 'Asks before answering.' }] },
    { key: 'organising', name: 'Organising', description: 'Plans', kind: 'management', statements: [{ key: 'organising.plan', text: 'Plans ahead.' }] },
  ],
  openQuestions: [{ text: 'Keep doing?', hint: 'Be specific.' }],
});

describe('frameworks', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient;
  let member: HttpClient;
  let otherHr: HttpClient;
  let defaultId: string;
  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*) FROM frameworks)::int AS f, (SELECT count(*) FROM framework_versions)::int AS v, (SELECT count(*) FROM questions)::int AS q`,
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    hr = t.client();
    await hr.signInAs(a.admin);
    member = t.client();
    await member.signInAs(a.member);
    otherHr = t.client();
    await otherHr.signInAs(b.admin);
    defaultId = (await hr.get('/api/frameworks')).body.items[0].id;
  });
  afterAll(() => t.close());

  describe('authorisation per role', () => {
    const routes = () => [
      { name: 'list', call: (c: HttpClient) => c.get('/api/frameworks'), admin: 200 },
      { name: 'create', call: (c: HttpClient) => c.post('/api/frameworks', definition(`F ${Math.random()}`)), admin: 201 },
      { name: 'get', call: (c: HttpClient) => c.get(`/api/frameworks/${defaultId}`), admin: 200, crossOrg: 404 },
      { name: 'copy', call: (c: HttpClient) => c.post('/api/frameworks', { copyFrom: defaultId, name: 'Copy' }), admin: 201, crossOrg: 404 },
      { name: 'replace', call: (c: HttpClient) => c.put(`/api/frameworks/${defaultId}`, definition('Edited')), admin: 200, crossOrg: 404 },
    ];
    it.each(['list', 'create', 'get', 'copy', 'replace'])('%s: anonymous 401, member 403, admin, other organisation', async (name) => {
      const route = routes().find((r) => r.name === name)!;
      expect((await route.call(t.client())).status).toBe(401);
      expect((await route.call(member)).status).toBe(403);
      if (route.crossOrg) expect((await route.call(otherHr)).status).toBe(route.crossOrg);
      expect((await route.call(hr)).status).toBe(route.admin);
    });

    it('never lists frameworks of another organisation', async () => {
      const mine = (await hr.get('/api/frameworks')).body.items.map((f: { id: string }) => f.id);
      const theirs = (await otherHr.get('/api/frameworks')).body.items.map((f: { id: string }) => f.id);
      expect(theirs.some((id: string) => mine.includes(id))).toBe(false);
    });

    it('answers 404 for a malformed or unknown id', async () => {
      expect((await hr.get('/api/frameworks/not-a-uuid')).status).toBe(404);
      expect((await hr.get('/api/frameworks/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });

  describe('the default framework', () => {
    it('is seeded once, lazily, even when HR opens the list several times at once', async () => {
      const org = await anOrganization(t.db);
      const admin = await aPerson(t.db, org.id, { role: 'admin' });
      const c = t.client();
      await c.signInAs(admin);
      const lists = await Promise.all([c.get('/api/frameworks'), c.get('/api/frameworks'), c.get('/api/frameworks')]);
      for (const list of lists) expect(list.status).toBe(200);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM frameworks WHERE organization_id = $1`, [org.id]);
      expect(n).toBe(1);
      expect(lists[0].body.items).toEqual([
        expect.objectContaining({ name: DEFAULT_FRAMEWORK.name, latestVersion: 1, behaviourCount: 12, statementCount: 29, cycleCount: 0 }),
      ]);
      expect(lists[0].body.scale.points.map((p: { label: string }) => p.label)).toEqual(['Rarely', 'Sometimes', 'Often', 'Very often', 'Almost always']);
    });

    it('is part of the demo organisation from the start', async () => {
      const demo = await t.app.get(DemoSeedService).seed();
      const rows = await t.db.query(
        `SELECT f.name, v.version, (SELECT count(*)::int FROM questions q WHERE q.framework_version_id = v.id) AS questions
           FROM frameworks f JOIN framework_versions v ON v.framework_id = f.id WHERE f.organization_id = $1`,
        [demo.organizationId],
      );
      expect(rows).toEqual([{ name: DEFAULT_FRAMEWORK.name, version: 1, questions: 29 + DEFAULT_FRAMEWORK.openQuestions.length }]);
    });

    it('shows behaviours, statements and open questions in order, with the scale', async () => {
      const org = await anOrganization(t.db);
      const admin = await aPerson(t.db, org.id, { role: 'admin' });
      const c = t.client();
      await c.signInAs(admin);
      const id = (await c.get('/api/frameworks')).body.items[0].id;
      const detail = (await c.get(`/api/frameworks/${id}`)).body;
      expect(detail.latestVersion.behaviours.map((x: { key: string }) => x.key)).toEqual(DEFAULT_FRAMEWORK.behaviours.map((x) => x.key));
      expect(detail.latestVersion.behaviours[0].statements.map((s: { text: string }) => s.text)).toEqual(
        DEFAULT_FRAMEWORK.behaviours[0].statements.map((s) => s.text),
      );
      expect(detail.latestVersion.openQuestions.map((q: { key: string; hint: string }) => [q.key, q.hint])).toEqual(
        DEFAULT_FRAMEWORK.openQuestions.map((q) => [q.key, q.hint]),
      );
      const positions = [
        ...detail.latestVersion.behaviours.flatMap((x: { statements: { position: number }[] }) => x.statements.map((s) => s.position)),
        ...detail.latestVersion.openQuestions.map((q: { position: number }) => q.position),
      ];
      expect(positions).toEqual(positions.map((_: number, i: number) => i + 1));
      expect(detail).toMatchObject({ latestVersionInUse: false, versions: [expect.objectContaining({ version: 1, cycleCount: 0 })], cycles: [] });
      expect(detail.scale).toEqual({
        kind: 'frequency',
        points: DEFAULT_FRAMEWORK.scale.points.map((p) => ({ ...p })),
        notObservedLabel: 'Not observed',
      });
    });
  });

  describe('create and copy', () => {
    it('creates a framework from a definition, filling in keys', async () => {
      const res = await hr.post('/api/frameworks', definition());
      expect(res.status).toBe(201);
      expect(res.body.latestVersion.behaviours).toEqual([
        expect.objectContaining({
          key: 'listening',
          kind: 'influence',
          statements: [expect.objectContaining({ key: 'listening.1' }), expect.objectContaining({ key: 'listening.2' })],
        }),
        expect.objectContaining({
          key: 'organising',
          description: 'Plans',
          statements: [expect.objectContaining({ key: 'organising.plan', text: 'Plans ahead.' })],
        }),
      ]);
      expect(res.body.latestVersion.openQuestions).toEqual([expect.objectContaining({ key: 'open_1', text: 'Keep doing?', hint: 'Be specific.' })]);
      const audit = await hr.get(`/api/audit-events?targetId=${res.body.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['framework.created']);
    });

    it('copies the latest version of another framework under a new name', async () => {
      const source = (await hr.post('/api/frameworks', definition('Source'))).body;
      const copy = await hr.post('/api/frameworks', { copyFrom: source.id, name: 'Copy of source' });
      expect(copy.status).toBe(201);
      expect(copy.body.id).not.toBe(source.id);
      expect(copy.body).toMatchObject({ name: 'Copy of source', description: 'Two behaviours' });
      const shape = (v: any) => v.behaviours.map((x: any) => [x.key, x.kind, x.statements.map((s: any) => [s.key, s.text])]);
      expect(shape(copy.body.latestVersion)).toEqual(shape(source.latestVersion));
      expect(copy.body.latestVersion.behaviours[0].id).not.toBe(source.latestVersion.behaviours[0].id);
    });

    it.each([
      ['copyFrom with behaviours', () => ({ ...definition(), copyFrom: defaultId }), 422],
      ['neither copyFrom nor behaviours', () => ({ name: 'Empty' }), 422],
      ['an unknown field', () => ({ ...definition(), colour: 'red' }), 400],
      ['an unknown field in a behaviour', () => ({ ...definition(), behaviours: [{ ...definition().behaviours[0], weight: 2 }] }), 400],
      ['a bad kind', () => ({ ...definition(), behaviours: [{ ...definition().behaviours[0], kind: 'charisma' }] }), 400],
      ['21 behaviours', () => ({ ...definition(), behaviours: Array.from({ length: 21 }, (_, i) => ({ ...definition().behaviours[0], key: `b${i}` })) }), 400],
      ['6 statements', () => ({ ...definition(), behaviours: [{ ...definition().behaviours[0], statements: Array(6).fill({ text: 'S' }) }] }), 400],
      [
        '41 statements in all',
        () => ({
          ...definition(),
          behaviours: Array.from({ length: 9 }, (_, i) => ({ ...definition().behaviours[0], key: `b${i}`, statements: Array(5).fill({ text: 'S' }) })),
        }),
        422,
      ],
      ['duplicate behaviour keys', () => ({ ...definition(), behaviours: [definition().behaviours[0], definition().behaviours[0]] }), 422],
      ['a malformed key', () => ({ ...definition(), behaviours: [{ ...definition().behaviours[0], key: 'Listening!' }] }), 422],
      ['an oversize statement', () => ({ ...definition(), behaviours: [{ ...definition().behaviours[0], statements: [{ text: 'x'.repeat(301) }] }] }), 400],
      ['a blank name', () => ({ ...definition(), name: '   ' }), 422],
    ])('refuses %s and writes nothing', async (_name, body, status) => {
      const before = await counts();
      const res = await hr.post('/api/frameworks', body());
      expect(res.status).toBe(status);
      expect(res.body.message).toEqual(expect.any(String));
      expect(await counts()).toEqual(before);
    });

    it('refuses to copy a framework of another organisation (404)', async () => {
      expect((await otherHr.post('/api/frameworks', { copyFrom: defaultId, name: 'Stolen' })).status).toBe(404);
    });
  });

  describe('editing', () => {
    it('edits in place while no launched cycle uses the latest version; a draft cycle follows it', async () => {
      const created = (await hr.post('/api/frameworks', definition('In place'))).body;
      const draft = await aDraftCycle(hr, { frameworkId: created.id });
      const edited = await hr.put(`/api/frameworks/${created.id}`, { ...definition('In place, renamed'), openQuestions: [] });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        name: 'In place, renamed',
        latestVersionInUse: false,
        versions: [expect.objectContaining({ version: 1, cycleCount: 1 })],
      });
      expect(edited.body.latestVersion.id).toBe(created.latestVersion.id);
      expect(edited.body.latestVersion.openQuestions).toEqual([]);
      expect(edited.body.cycles).toEqual([expect.objectContaining({ id: draft.id, state: 'draft', version: 1 })]);
    });

    it('creates version N+1 when a launched cycle uses the latest, leaving that cycle’s questionnaire as it was', async () => {
      const created = (await hr.post('/api/frameworks', definition('Versioned'))).body;
      const cycle = await aLaunchedCycle(hr, [a.member.id], { frameworkId: created.id });
      const v1 = created.latestVersion;
      expect(cycle.frameworkVersionId).toBe(v1.id);
      const changed = definition('Versioned');
      changed.behaviours[0].statements = [{ text: 'Lets others finish, always.' }];
      const edited = await hr.put(`/api/frameworks/${created.id}`, changed);
      expect(edited.status).toBe(200);
      expect(edited.body.latestVersion).toMatchObject({ version: 2 });
      expect(edited.body.latestVersion.id).not.toBe(v1.id);
      expect(edited.body.latestVersion.behaviours[0].statements.map((s: { text: string }) => s.text)).toEqual(['Lets others finish, always.']);
      expect(edited.body.latestVersionInUse).toBe(false);
      expect(edited.body.versions.map((v: { version: number; cycleCount: number }) => [v.version, v.cycleCount])).toEqual([
        [2, 0],
        [1, 1],
      ]);
      // The running cycle still points at version 1, whose questions are untouched.
      expect((await hr.get(`/api/cycles/${cycle.id}`)).body).toMatchObject({ frameworkVersionId: v1.id, frameworkVersion: 1 });
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM questions WHERE framework_version_id = $1`, [v1.id]);
      expect(n).toBe(4);
      // Editing again changes version 2 in place: no cycle uses it.
      const again = await hr.put(`/api/frameworks/${created.id}`, definition('Versioned'));
      expect(again.body.latestVersion).toMatchObject({ id: edited.body.latestVersion.id, version: 2 });
      const audit = await hr.get(`/api/audit-events?targetId=${created.id}&action=framework.updated`);
      expect(audit.body.items.map((e: { details: unknown }) => e.details)).toEqual([
        { version: 2, newVersion: false },
        { version: 2, newVersion: true },
      ]);
    });

    it('a draft cycle launched after an edit freezes the newest version', async () => {
      const created = (await hr.post('/api/frameworks', definition('Freeze at launch'))).body;
      await aLaunchedCycle(hr, [a.member.id], { frameworkId: created.id });
      const draft = await aDraftCycle(hr, { frameworkId: created.id });
      const v2 = (await hr.put(`/api/frameworks/${created.id}`, definition('Freeze at launch'))).body.latestVersion;
      await hr.post(`/api/cycles/${draft.id}/subjects`, { personIds: [a.colleague.id] });
      const launched = await hr.post(`/api/cycles/${draft.id}/launch`);
      expect(launched.body).toMatchObject({ frameworkVersionId: v2.id, frameworkVersion: 2 });
    });

    it('refuses invalid definitions with 4xx and changes nothing', async () => {
      const created = (await hr.post('/api/frameworks', definition('Guarded'))).body;
      const before = await counts();
      expect((await hr.put(`/api/frameworks/${created.id}`, { ...definition(), behaviours: [] })).status).toBe(400);
      expect((await hr.put(`/api/frameworks/${created.id}`, { ...definition(), openQuestions: Array(6).fill({ text: 'Q' }) })).status).toBe(400);
      const dup = await hr.put(`/api/frameworks/${created.id}`, { ...definition(), openQuestions: [{ key: 'listening.1', text: 'Q' }] });
      expect(dup.status).toBe(422);
      expect(dup.body.errors).toEqual([{ field: 'openQuestions.0.key', message: expect.stringContaining('used twice') }]);
      expect(await counts()).toEqual(before);
      expect((await hr.get(`/api/frameworks/${created.id}`)).body.name).toBe('Guarded');
    });
  });

  describe('translations', () => {
    type Detail = {
      latestVersion: {
        behaviours: { key: string; translations: object; statements: { key: string; text: string; translations: { de?: { text: string } } }[] }[];
        openQuestions: { key: string; translations: object }[];
      };
    };
    /** Every translation of a version by key: behaviours, statements and open questions. */
    const translationsOf = (detail: Detail) => ({
      behaviours: detail.latestVersion.behaviours.map((b) => [b.key, b.translations]),
      statements: detail.latestVersion.behaviours.flatMap((b) => b.statements.map((s) => [s.key, s.translations])),
      openQuestions: detail.latestVersion.openQuestions.map((q) => [q.key, q.translations]),
    });
    const german = () => ({
      ...definition('Zweisprachig'),
      behaviours: [
        {
          key: 'listening',
          name: 'Listening',
          kind: 'influence',
          translations: { de: { name: 'Zuhören', description: 'Lässt andere ausreden' } },
          statements: [
            { key: 'listening.1', text: 'Lets others finish.', translations: { de: { text: 'Lässt andere ausreden.' } } },
            { key: 'listening.2', text: 'Asks before answering.', translations: { de: { text: '  ' } } },
          ],
        },
      ],
      openQuestions: [{ key: 'open_1', text: 'Keep doing?', hint: 'Be specific.', translations: { de: { text: 'Weiter so?', hint: 'Seien Sie konkret.' } } }],
    });

    it('a copy of the default framework keeps every translation of every behaviour, statement and open question', async () => {
      const org = await anOrganization(t.db);
      const c = t.client();
      await c.signInAs(await aPerson(t.db, org.id, { role: 'admin' }));
      const sourceId = (await c.get('/api/frameworks')).body.items[0].id;
      const source = (await c.get(`/api/frameworks/${sourceId}`)).body as Detail;
      const copy = await c.post('/api/frameworks', { copyFrom: sourceId, name: 'Unsere Kopie' });
      expect(copy.status).toBe(201);
      const copied = (await c.get(`/api/frameworks/${copy.body.id}`)).body as Detail;
      expect(translationsOf(copied)).toEqual(translationsOf(source));
      const statements = copied.latestVersion.behaviours.flatMap((b) => b.statements);
      expect(statements).toHaveLength(29);
      for (const s of statements) expect(s.translations.de?.text).toMatch(/\S/);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM questions q JOIN framework_versions v ON v.id = q.framework_version_id
          WHERE v.framework_id = $1 AND q.translations ? 'de'`,
        [copy.body.id],
      );
      expect(n).toBe(29 + DEFAULT_FRAMEWORK.openQuestions.length);
    });

    it('stores the German HR writes beside the English, and an empty German falls back to the English text', async () => {
      const created = await hr.post('/api/frameworks', german());
      expect(created.status).toBe(201);
      const detail = (await hr.get(`/api/frameworks/${created.body.id}`)).body as Detail;
      expect(translationsOf(detail)).toEqual({
        behaviours: [['listening', { de: { name: 'Zuhören', description: 'Lässt andere ausreden' } }]],
        statements: [
          ['listening.1', { de: { text: 'Lässt andere ausreden.' } }],
          ['listening.2', {}],
        ],
        openQuestions: [['open_1', { de: { text: 'Weiter so?', hint: 'Seien Sie konkret.' } }]],
      });

      const edited = german();
      edited.behaviours[0].statements[1].translations = { de: { text: 'Fragt nach, bevor er oder sie antwortet.' } };
      const put = await hr.put(`/api/frameworks/${created.body.id}`, edited);
      expect(put.status).toBe(200);
      expect(put.body.latestVersion.behaviours[0].statements[1].translations).toEqual({ de: { text: 'Fragt nach, bevor er oder sie antwortet.' } });
      // Editing without translations removes them: the definition is replaced as a whole.
      const plain = await hr.put(`/api/frameworks/${created.body.id}`, definition('Zweisprachig'));
      expect(translationsOf(plain.body as Detail).statements.every(([, tr]) => JSON.stringify(tr) === '{}')).toBe(true);
    });

    it('refuses a language Ripple does not speak, unknown fields and over-long text, and changes nothing', async () => {
      const created = (await hr.post('/api/frameworks', german())).body;
      const before = await counts();
      const withStatement = (translations: unknown) => {
        const body = german() as { behaviours: { statements: { translations?: unknown }[] }[] };
        body.behaviours[0].statements[0].translations = translations;
        return body;
      };
      for (const bad of [
        { fr: { text: 'Laisse les autres finir.' } },
        { de: { text: 'Lässt andere ausreden.', extra: true } },
        { de: { text: 'x'.repeat(301) } },
        { de: { text: 42 } },
        { de: 'Lässt andere ausreden.' },
      ]) {
        const res = await hr.put(`/api/frameworks/${created.id}`, withStatement(bad));
        expect([res.status, JSON.stringify(bad)]).toEqual([400, JSON.stringify(bad)]);
      }
      const behaviour = german();
      (behaviour.behaviours[0].translations as unknown) = { de: { name: 'x'.repeat(101), description: '' } };
      expect((await hr.put(`/api/frameworks/${created.id}`, behaviour)).status).toBe(400);
      const question = german();
      (question.openQuestions[0].translations as unknown) = { de: { text: 'Weiter so?', hint: 'x'.repeat(301) } };
      expect((await hr.put(`/api/frameworks/${created.id}`, question)).status).toBe(400);
      expect(await counts()).toEqual(before);
      const detail = (await hr.get(`/api/frameworks/${created.id}`)).body as Detail;
      expect(detail.latestVersion.behaviours[0].statements[0].translations).toEqual({ de: { text: 'Lässt andere ausreden.' } });
    });
  });
});
