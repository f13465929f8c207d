import { aTeam } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('CSV import', () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient;
  const upload = (csv: string, dryRun = false) =>
    hr.post(`/api/people/import${dryRun ? '?dryRun=true' : ''}`, undefined, { raw: csv, headers: { 'content-type': 'text/csv' } });
  const count = async () => Number((await t.db.query(`SELECT count(*) FROM people WHERE organization_id = $1`, [team.org.id]))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    team = await aTeam(t.db);
    hr = t.client();
    await hr.signInAs(team.admin);
  });
  afterAll(() => t.close());

  it('previews changes in a dry run without writing', async () => {
    const before = await count();
    const res = await upload(
      `email,name,title,department,manager email,role\nann@x.org,Ann,Guide,Learning,${team.manager.email},\n${team.peer.email},Pat Peer,Educator,Learning,,\n`,
      true,
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ total: 2, withProblems: 0, created: 1, updated: 1, unchanged: 0, deactivated: 0, reactivated: 0 });
    expect(res.body.changes[1].fields).toEqual([{ field: 'title', from: null, to: 'Educator' }]);
    expect(await count()).toBe(before);
  });

  it('upserts by email in one transaction, managers included', async () => {
    const csv = `email,name,title,department,manager_email,role\nann@x.org,Ann,Guide,Learning,bob@x.org,\nbob@x.org,Bob,Lead,Learning,${team.manager.email},admin\n${team.peer.email},Pat Peer,Educator,Learning,bob@x.org,\n`;
    const res = await upload(csv);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ total: 3, withProblems: 0, created: 2, updated: 1, unchanged: 0, deactivated: 0, reactivated: 0 });
    const people = (await hr.get('/api/people?search=x.org')).body.items;
    expect(people.find((p: { email: string }) => p.email === 'ann@x.org')).toMatchObject({ managerName: 'Bob', role: 'member' });
    expect(people.find((p: { email: string }) => p.email === 'bob@x.org')).toMatchObject({ managerName: 'Maya Manager', role: 'admin' });
    expect((await hr.get(`/api/people/${team.peer.id}`)).body).toMatchObject({ title: 'Educator', managerName: 'Bob' });
    expect((await upload(csv)).body.summary).toEqual({ total: 3, withProblems: 0, created: 0, updated: 0, unchanged: 3, deactivated: 0, reactivated: 0 });
    const audit = await hr.get('/api/audit-events?action=people.imported');
    expect(audit.body.total).toBe(2);
  });

  it.each([
    ['broken quoting', 'email,name\n"a@x.org,Ann\n', /quote/],
    ['a missing column', 'email,title\na@x.org,Guide\n', /missing required column "name"/],
    ['an unknown column', 'email,name,salary\na@x.org,Ann,1\n', /unknown column "salary"/],
    ['a ragged row', 'email,name\na@x.org,Ann,extra\n', /number of columns/],
    ['duplicate emails', 'email,name\nd@x.org,D\nD@x.org,D2\n', /duplicate email/],
    ['an unknown manager', 'email,name,manager_email\ne@x.org,E,ghost@x.org\n', /unknown manager ghost@x.org/],
    ['a manager loop', 'email,name,manager_email\nf@x.org,F,g@x.org\ng@x.org,G,f@x.org\n', /manager loop/],
    ['an empty file', '', /no people|missing required column/],
  ])('refuses %s with row-level errors and writes nothing', async (_case, csv, message) => {
    const before = await count();
    const res = await upload(csv);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'import_invalid' });
    expect(res.body.errors[0]).toMatchObject({ line: expect.any(Number), message: expect.stringMatching(message) });
    expect(res.body.errors[0]).toHaveProperty('column');
    expect(await count()).toBe(before);
    const dry = await upload(csv, true);
    expect(dry.status).toBe(200);
    expect(dry.body.errors.length).toBeGreaterThan(0);
  });

  it('counts every row read, and a row with a problem as such, never as new or updated', async () => {
    const csv = `email,name,manager_email\nfine@x.org,Fine,\nghost.report@x.org,Ghosted,ghost@x.org\nbad-email,Bad,\n${team.peer.email},Pat Peer,ghost@x.org\n`;
    const dry = await upload(csv, true);
    expect(dry.status).toBe(200);
    expect(dry.body.summary).toEqual({ total: 4, withProblems: 3, created: 1, updated: 0, unchanged: 0, deactivated: 0, reactivated: 0 });
    const refused = await upload(csv);
    expect(refused.status).toBe(422);
    expect(refused.body.summary).toMatchObject({ total: 4, withProblems: 3, created: 1 });
  });

  it('refuses a manager who belongs to another organisation', async () => {
    const other = await aTeam(t.db);
    const res = await upload(`email,name,manager_email\nh@x.org,H,${other.manager.email}\n`);
    expect(res.status).toBe(422);
  });

  it('wants CSV, and caps the size', async () => {
    expect((await hr.post('/api/people/import', { csv: 'email,name' })).status).toBe(400);
    const huge = `email,name\n${'a@x.org,A\n'.repeat(1_200_000)}`;
    expect((await upload(huge)).status).toBe(413);
  });
});
