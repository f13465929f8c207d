import { anOrganization, aPerson, aTeam, TestPerson } from '../support/factories';
import type { HttpClient, TestResponse } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HR edits of the org chart race each other (two HR admins, two tabs, an import): the checks that
 * look at the whole chart — no reporting loop, at least one HR admin — must hold whatever the timing.
 */
describe('people: concurrent org chart edits', () => {
  const ROUNDS = 15;
  let t: TestApp;
  let team: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient;
  let secondHr: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    team = await aTeam(t.db, 'Org A');
    const second = await aPerson(t.db, team.org.id, { name: 'Second Admin', role: 'admin' });
    hr = t.client();
    await hr.signInAs(team.admin);
    secondHr = t.client();
    await secondHr.signInAs(second);
  });
  afterAll(() => t.close());

  const people = (n: number): Promise<TestPerson[]> => Promise.all(Array.from({ length: n }, () => aPerson(t.db, team.org.id, { withLogin: false })));

  /** The people of `ids` whose chain of managers comes back to them. */
  async function inLoops(ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await t.db.query(
      `WITH RECURSIVE chain(start, id, depth) AS (
         SELECT p.id, p.manager_id, 1 FROM people p WHERE p.id = ANY($1::uuid[])
         UNION ALL
         SELECT c.start, p.manager_id, c.depth + 1 FROM chain c JOIN people p ON p.id = c.id WHERE c.id <> c.start AND c.depth < 50
       )
       SELECT DISTINCT start AS id FROM chain WHERE id = start`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Every answer is a success or a clear refusal: JSON with a code, never a 5xx. */
  function expectHandled(responses: TestResponse[], refusal: { status: number; code: string }): void {
    for (const response of responses) {
      if (response.status === 200) continue;
      expect(response.body).toMatchObject({ statusCode: refusal.status, error: expect.any(String), code: refusal.code, message: expect.any(String) });
    }
  }

  it('two managers swapped at once (A→B, B→A): one wins, the other is refused as a loop, never a deadlock', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [a, b] = await people(2);
      const responses = await Promise.all([hr.patch(`/api/people/${a.id}`, { managerId: b.id }), secondHr.patch(`/api/people/${b.id}`, { managerId: a.id })]);
      expectHandled(responses, { status: 422, code: 'manager_loop' });
      expect(responses.map((r) => r.status).sort()).toEqual([200, 422]);
      expect(await inLoops([a.id, b.id])).toEqual([]);
    }
  });

  it('a three-way loop built by parallel edits (A→B, B→C, C→A) is never created', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [a, b, c] = await people(3);
      const responses = await Promise.all([
        hr.patch(`/api/people/${a.id}`, { managerId: b.id }),
        secondHr.patch(`/api/people/${b.id}`, { managerId: c.id }),
        hr.patch(`/api/people/${c.id}`, { managerId: a.id }),
      ]);
      expectHandled(responses, { status: 422, code: 'manager_loop' });
      expect(responses.filter((r) => r.status === 200)).toHaveLength(2);
      expect(await inLoops([a.id, b.id, c.id])).toEqual([]);
    }
  });

  it('an edit racing a CSV import cannot close a loop with it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [a, b] = await people(2);
      const csv = `email,name,manager_email\n${a.email},${a.name},${b.email}\n`;
      const responses = await Promise.all([
        hr.post('/api/people/import', undefined, { raw: csv, headers: { 'content-type': 'text/csv' } }),
        secondHr.patch(`/api/people/${b.id}`, { managerId: a.id }),
      ]);
      for (const response of responses) expect(response.status).toBeLessThan(500);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 422]);
      expect(await inLoops([a.id, b.id])).toEqual([]);
    }
  });

  it('two HR admins demoting each other at once leave the organisation with one', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await anOrganization(t.db);
      const [x, y] = await Promise.all([aPerson(t.db, org.id, { role: 'admin' }), aPerson(t.db, org.id, { role: 'admin' })]);
      const asX = t.client();
      const asY = t.client();
      await asX.signInAs(x);
      await asY.signInAs(y);
      const responses = await Promise.all([asX.patch(`/api/people/${y.id}`, { role: 'member' }), asY.patch(`/api/people/${x.id}`, { role: 'member' })]);
      for (const response of responses) expect(response.status).toBeLessThan(500);
      // The loser is refused as the last admin, or (when it arrives after the winner committed) as no longer an admin.
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      for (const refused of responses.filter((r) => r.status !== 200)) expect([403, 409]).toContain(refused.status);
      const [{ admins }]: { admins: number }[] = await t.db.query(`SELECT count(*)::int AS admins FROM people WHERE organization_id = $1 AND role = 'admin'`, [
        org.id,
      ]);
      expect(admins).toBe(1);
    }
  });
});
