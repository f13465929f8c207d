import { aPerson, aTeam, type TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('people', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient;
  let member: HttpClient;
  let otherHr: HttpClient;
  /** People without a login yet: the only ones an invitation is for. */
  let aNewcomer: TestPerson;
  let bNewcomer: TestPerson;
  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    aNewcomer = await aPerson(t.db, a.org.id, { name: 'Nell Newcomer', withLogin: false });
    bNewcomer = await aPerson(t.db, b.org.id, { name: 'Ned Newcomer', withLogin: false });
    hr = t.client();
    await hr.signInAs(a.admin);
    member = t.client();
    await member.signInAs(a.member);
    otherHr = t.client();
    await otherHr.signInAs(b.admin);
  });
  afterAll(() => t.close());

  describe('authorisation per role', () => {
    const routes = () => [
      { name: 'list', call: (c: HttpClient) => c.get('/api/people'), member: 200 },
      { name: 'departments', call: (c: HttpClient) => c.get('/api/people/departments'), member: 200 },
      { name: 'get', call: (c: HttpClient) => c.get(`/api/people/${a.peer.id}`), member: 200, crossOrg: 404 },
      { name: 'create', call: (c: HttpClient) => c.post('/api/people', { email: `x${Math.random()}@a.org`, name: 'X' }), member: 403, admin: 201 },
      { name: 'update', call: (c: HttpClient) => c.patch(`/api/people/${a.peer.id}`, { title: 'Guide' }), member: 403, crossOrg: 404 },
      { name: 'invite', call: (c: HttpClient) => c.post(`/api/people/${aNewcomer.id}/invite`), member: 403, admin: 202, crossOrg: 404 },
      {
        name: 'import',
        call: (c: HttpClient) =>
          c.post('/api/people/import?dryRun=true', undefined, { raw: 'email,name\nq@a.org,Q\n', headers: { 'content-type': 'text/csv' } }),
        member: 403,
      },
      { name: 'outbox', call: (c: HttpClient) => c.get('/api/outbox'), member: 403 },
      { name: 'audit', call: (c: HttpClient) => c.get('/api/audit-events'), member: 403 },
    ];

    it.each(['list', 'departments', 'get', 'create', 'update', 'invite', 'import', 'outbox', 'audit'])(
      '%s: anonymous 401, member, admin, other organisation',
      async (name) => {
        const route = routes().find((r) => r.name === name)!;
        expect((await route.call(t.client())).status).toBe(401);
        expect((await route.call(member)).status).toBe(route.member);
        expect((await route.call(hr)).status).toBe(route.admin ?? 200);
        if (route.crossOrg) expect((await route.call(otherHr)).status).toBe(route.crossOrg);
      },
    );

    it('never lists people of another organisation', async () => {
      const list = await otherHr.get('/api/people?limit=500');
      const ids = list.body.items.map((p: { id: string }) => p.id);
      expect(ids).not.toContain(a.member.id);
      expect(ids).toContain(b.member.id);
    });
  });

  it('searches by name, title or department, with paging', async () => {
    const res = await member.get('/api/people?search=colleague&limit=1');
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toEqual({ id: a.colleague.id, name: 'Cora Colleague', title: null, department: 'Collections' });
    expect((await hr.get('/api/people?search=colleague&limit=1')).body.items[0]).toMatchObject({
      name: 'Cora Colleague',
      managerName: 'Maya Manager',
      directReportCount: 0,
    });
    expect((await member.get('/api/people?limit=0')).status).toBe(400);
    expect((await member.get('/api/people?limit=9999')).status).toBe(400);
    expect((await member.get('/api/people?search=%25')).body.total).toBe(0);
  });

  it('HR adds a person and edits manager, department, title and role', async () => {
    const created = await hr.post('/api/people', { email: ' New.Hire@A.org ', name: ' New Hire ', department: 'Learning', managerId: a.manager.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.hire@a.org', name: 'New Hire', managerName: 'Maya Manager', role: 'member', hasLogin: false });
    const edited = await hr.patch(`/api/people/${created.body.id}`, { title: 'Educator', managerId: a.peer.id, role: 'admin', department: '' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Educator', managerId: a.peer.id, role: 'admin', department: null });
    const audit = await hr.get(`/api/audit-events?targetId=${created.body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['person.updated', 'person.created']);
  });

  it("HR sets a person's language, or null for the organisation's; the person reads Ripple in it; anything else is refused", async () => {
    const created = await hr.post('/api/people', { email: 'lang@a.org', name: 'Lena Lang', language: 'de' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ languageChoice: 'de' });
    expect((await hr.post('/api/people', { email: 'plain@a.org', name: 'Paul Plain' })).body).toMatchObject({ languageChoice: null });
    expect((await hr.get(`/api/people/${created.body.id}`)).body).toMatchObject({ languageChoice: 'de' });
    // A member sees no one's language: it is in HR's view only.
    expect((await member.get(`/api/people/${created.body.id}`)).body).not.toHaveProperty('languageChoice');

    const cleared = await hr.patch(`/api/people/${a.peer.id}`, { language: 'de' });
    expect(cleared.body).toMatchObject({ languageChoice: 'de' });
    const peer = t.client();
    await peer.signInAs(a.peer);
    expect((await peer.get('/api/auth/me')).body).toMatchObject({ language: 'de', languageChoice: 'de' });
    expect((await hr.patch(`/api/people/${a.peer.id}`, { language: null })).body).toMatchObject({ languageChoice: null });
    expect((await peer.get('/api/auth/me')).body).toMatchObject({ language: 'en', languageChoice: null });

    for (const language of ['fr', 'DE', 42, '']) {
      const refused = await hr.patch(`/api/people/${a.peer.id}`, { language });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('language must be one of: en, de, or null');
    }
    expect((await member.patch(`/api/people/${a.peer.id}`, { language: 'de' })).status).toBe(403);
    expect((await otherHr.patch(`/api/people/${a.peer.id}`, { language: 'de' })).status).toBe(404);
    expect((await hr.get(`/api/people/${a.peer.id}`)).body).toMatchObject({ languageChoice: null });
  });

  it('refuses duplicate emails, unknown or foreign managers and manager loops', async () => {
    expect((await hr.post('/api/people', { email: a.peer.email, name: 'Dup' })).status).toBe(409);
    expect((await hr.post('/api/people', { email: 'z@a.org', name: 'Z', managerId: b.manager.id })).status).toBe(422);
    expect((await hr.patch(`/api/people/${a.manager.id}`, { managerId: a.member.id })).body).toMatchObject({ statusCode: 422, code: 'manager_loop' });
    expect((await hr.patch(`/api/people/${a.manager.id}`, { managerId: a.manager.id })).status).toBe(422);
  });

  it('rejects bad input with field-level 4xx and writes nothing', async () => {
    const before = (await hr.get('/api/people?limit=500')).body.total;
    const cases = [
      hr.post('/api/people', { email: 'ok@a.org', name: 'Ok', shoeSize: 44 }),
      hr.post('/api/people', { email: 'ok@a.org', name: 42 }),
      hr.post('/api/people', { email: 'ok@a.org', name: 'x'.repeat(201) }),
      hr.post('/api/people', { email: 'ok@a.org', name: 'Ok', role: 'owner' }),
      hr.post('/api/people', { email: 'ok@a.org', name: 'Ok', managerId: 'not-a-uuid' }),
      hr.post('/api/people', '{"email": "ok@a.org",', { headers: { 'content-type': 'application/json' } }),
      hr.post('/api/people', { email: 'ok@a.org', name: 'x'.repeat(2_000_000) }),
    ];
    const statuses = (await Promise.all(cases)).map((r) => r.status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 413]);
    expect((await hr.get('/api/people?limit=500')).body.total).toBe(before);
    expect((await hr.patch(`/api/people/${a.peer.id}`, { password: 'x' })).status).toBe(400);
  });

  it("keeps each organisation's outbox to itself", async () => {
    expect((await hr.post(`/api/people/${aNewcomer.id}/invite`)).status).toBe(202);
    expect((await otherHr.post(`/api/people/${bNewcomer.id}/invite`)).status).toBe(202);
    const mine = (await hr.get('/api/outbox')).body.items as { id: string; recipient: string }[];
    const theirs = (await otherHr.get('/api/outbox')).body.items as { id: string; recipient: string }[];
    expect(mine.map((m) => m.recipient)).toContain(aNewcomer.email);
    expect(theirs.map((m) => m.recipient)).toContain(bNewcomer.email);
    const emailsOf = (team: typeof a) =>
      [team.admin, team.manager, team.member, team.colleague, team.peer, team === a ? aNewcomer : bNewcomer].map((p) => p.email);
    expect(theirs.filter((m) => emailsOf(a).includes(m.recipient))).toEqual([]);
    expect(mine.filter((m) => emailsOf(b).includes(m.recipient))).toEqual([]);
    expect(theirs.map((m) => m.id)).not.toEqual(expect.arrayContaining([mine[0].id]));
    // No message is reachable by its id from another organisation (nor, today, at all).
    const foreign = await otherHr.get(`/api/outbox/${mine[0].id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('refuses to demote the last HR admin', async () => {
    expect((await otherHr.patch(`/api/people/${b.admin.id}`, { role: 'member' })).status).toBe(409);
  });
});
