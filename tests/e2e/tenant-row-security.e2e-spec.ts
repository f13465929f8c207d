import { DataSource, QueryRunner } from 'typeorm';
import { runAsSystem, runInOrganization, runUnscoped } from '@lib/database';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { aTeam, TEST_PASSWORD } from '../support/factories';
import { aReportCycle, aReportSubject, aResponse, theDefaultFramework } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Tenancy by construction (libs/database/src/tenant-scope.ts, migrations/tenant-row-security.ts):
 * the database itself keeps each organisation's rows apart. A query that forgets its
 * `organization_id = $1` sees nothing of another organisation and cannot write into one; a request
 * or a job runs in its organisation's scope; no scope sees nothing. The app here runs as in
 * production: code outside any scope (this file's) sees nothing unless it says runAsSystem.
 */

/** The tenant tables this file plants rows of in both organisations. */
const PLANTED = [
  'organizations',
  'people',
  'sessions',
  'frameworks',
  'behaviours',
  'framework_versions',
  'questions',
  'cycles',
  'cycle_subjects',
  'feedback_requests',
  'answers',
];

/** Every table with row security, from the catalog (the migration's list). */
async function rowSecuredTables(db: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await runAsSystem(() =>
    db.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relrowsecurity ORDER BY 1`,
    ),
  );
  return rows.map((row) => row.name);
}

/** The organisations whose rows an unfiltered read of `table` returns. */
async function organizationsIn(db: DataSource, table: string): Promise<string[]> {
  const column = table === 'organizations' ? 'id' : 'organization_id';
  const rows: { id: string }[] = await db.query(`SELECT DISTINCT ${column} AS id FROM "${table}" ORDER BY 1`);
  return rows.map((row) => row.id);
}

interface Seen {
  role: string;
  org: string | null;
}

/**
 * Records, on each connection the app takes, who it runs as before its first statement: the
 * scope the handler's queries run in, seen by the database itself.
 */
function recordScopes(db: DataSource): { seen: Seen[]; restore: () => void } {
  const seen: Seen[] = [];
  const create = db.createQueryRunner.bind(db);
  const spy = jest.spyOn(db, 'createQueryRunner').mockImplementation((mode?: 'master' | 'slave'): QueryRunner => {
    const runner = create(mode);
    const query = runner.query.bind(runner);
    let first = true;
    runner.query = (async (...args: Parameters<QueryRunner['query']>) => {
      if (first) {
        first = false;
        const [row]: Seen[] = await query(`SELECT current_user AS role, nullif(current_setting('ripple.organization_id', true), '') AS org`);
        seen.push(row);
      }
      return query(...args);
    }) as QueryRunner['query'];
    return runner;
  });
  return { seen, restore: () => spy.mockRestore() };
}

describe('tenant row security', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let loginUser: string;

  beforeAll(async () => {
    t = await startTestApp({}, { unscopedDenied: true });
    [a, b] = await runAsSystem(async () => {
      const teams = [await aTeam(t.db, 'Alpha'), await aTeam(t.db, 'Beta')];
      for (const team of teams) {
        const version = await theDefaultFramework(t, team.org.id);
        const cycle = await aReportCycle(t.db, team.org.id, version.id);
        await aReportSubject(t.db, cycle, team.member.id);
        await aResponse(t.db, cycle, version, {
          subjectId: team.member.id,
          raterId: team.peer.id,
          relationship: 'peer',
          ratings: version.statementIds.map(() => 4),
        });
      }
      return teams;
    });
    // A session in each organisation.
    for (const team of [a, b]) await runAsSystem(() => t.client().signInAs(team.manager));
    const [row]: { user: string }[] = await runAsSystem(() => t.db.query(`SELECT session_user AS user`));
    loginUser = row.user;
  });
  afterAll(() => t.close());

  it('puts row security on every tenant table: the ones planted here among them', async () => {
    const secured = await rowSecuredTables(t.db);
    expect(secured).toEqual(expect.arrayContaining(PLANTED));
    expect(secured).not.toContain('rate_limit_counters');
  });

  it('an unfiltered read in an organisation’s scope returns only that organisation’s rows, in every tenant table', async () => {
    // Planted for real: system scope sees both organisations in each table.
    for (const table of PLANTED) expect(await runAsSystem(() => organizationsIn(t.db, table))).toEqual([a.org.id, b.org.id].sort());
    for (const table of await rowSecuredTables(t.db)) {
      const all = await runAsSystem(() => organizationsIn(t.db, table));
      const seenByA = await runInOrganization(a.org.id, () => organizationsIn(t.db, table));
      const seenByB = await runInOrganization(b.org.id, () => organizationsIn(t.db, table));
      expect({ table, seenByA, seenByB }).toEqual({ table, seenByA: all.filter((id) => id === a.org.id), seenByB: all.filter((id) => id === b.org.id) });
    }
    const people: { organization_id: string }[] = await runInOrganization(a.org.id, () => t.db.query(`SELECT * FROM people`));
    expect(people).toHaveLength(5);
  });

  it('no scope sees nothing, whether outside any scope or in a request’s before it names its organisation', async () => {
    for (const table of PLANTED) {
      expect(await organizationsIn(t.db, table)).toEqual([]);
      expect(await runUnscoped(() => organizationsIn(t.db, table))).toEqual([]);
    }
  });

  it('refuses to write another organisation’s rows from an organisation’s scope', async () => {
    await runInOrganization(a.org.id, async () => {
      await expect(
        t.db.query(`INSERT INTO people (organization_id, email, name, role) VALUES ($1, 'mole@example.org', 'Mole', 'admin')`, [b.org.id]),
      ).rejects.toThrow(/row-level security/);
      const [updated]: { n: number }[] = await t.db.query(
        `WITH changed AS (UPDATE people SET name = 'Renamed' WHERE organization_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM changed`,
        [b.org.id],
      );
      expect(updated.n).toBe(0);
      const [deleted]: { n: number }[] = await t.db.query(
        `WITH gone AS (DELETE FROM answers WHERE organization_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        [b.org.id],
      );
      expect(deleted.n).toBe(0);
      // Moving an own row into the other organisation is refused too (WITH CHECK).
      await expect(t.db.query(`UPDATE cycles SET organization_id = $1 WHERE organization_id = $2`, [b.org.id, a.org.id])).rejects.toThrow();
    });
    const [row]: { n: number }[] = await runAsSystem(() =>
      t.db.query(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1 AND name <> 'Renamed'`, [b.org.id]),
    );
    expect(row.n).toBe(5);
    expect(await runAsSystem(() => organizationsIn(t.db, 'answers'))).toEqual([a.org.id, b.org.id].sort());
  });

  it('gives each connection the scope of whoever asked for it, even when connections pass between organisations', async () => {
    // More concurrent asks than the pool has connections (10): connections are handed from one organisation's caller to the other's.
    const asks = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? a.org.id : b.org.id));
    const seen = await Promise.all(
      asks.map((org) => {
        const read = (): Promise<{ org: string | null; people: string[] }[]> =>
          t.db.query(
            `SELECT nullif(current_setting('ripple.organization_id', true), '') AS org, ARRAY(SELECT DISTINCT organization_id::text FROM people) AS people, pg_sleep(0.01)::text`,
          );
        return org ? runInOrganization(org, read) : runAsSystem(read);
      }),
    );
    seen.forEach(([row], i) => {
      expect(row.org).toBe(asks[i]);
      expect(row.people.sort()).toEqual(asks[i] ? [asks[i]] : [a.org.id, b.org.id].sort());
    });
  });

  it('runs a signed-in request in its organisation’s scope, GET and POST alike', async () => {
    const hr = t.client();
    await runAsSystem(() => hr.signInAs(a.admin));
    const recorder = recordScopes(t.db);
    try {
      const people = await hr.get('/api/people');
      expect(people.status).toBe(200);
      expect(recorder.seen.length).toBeGreaterThan(0);
      expect(recorder.seen).toEqual(recorder.seen.map(() => ({ role: 'ripple_tenant', org: a.org.id })));

      recorder.seen.length = 0;
      const changed = await hr.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another-horse-battery' });
      expect(changed.status).toBe(204);
      expect(recorder.seen.length).toBeGreaterThan(0);
      expect(recorder.seen).toEqual(recorder.seen.map(() => ({ role: 'ripple_tenant', org: a.org.id })));
    } finally {
      recorder.restore();
    }
  });

  it('signs in across organisations in system scope for the address lookup only, then works in the person’s organisation', async () => {
    const recorder = recordScopes(t.db);
    try {
      const member = t.client();
      await member.login(b.member.email, TEST_PASSWORD);
      // The throttle's global table before anything is known, the address across organisations, then the session and the answer in B.
      const system = { role: loginUser, org: null };
      const unscoped = { role: 'ripple_tenant', org: null };
      const inB = { role: 'ripple_tenant', org: b.org.id };
      expect(recorder.seen).toContainEqual(system);
      expect(recorder.seen).toContainEqual(inB);
      expect(recorder.seen.filter((s) => ![system, unscoped, inB].some((allowed) => allowed.role === s.role && allowed.org === s.org))).toEqual([]);
      recorder.seen.length = 0;
      expect((await member.get('/api/auth/me')).body).toMatchObject({ id: b.member.id });
      expect(recorder.seen).toEqual(recorder.seen.map(() => ({ role: 'ripple_tenant', org: b.org.id })));
    } finally {
      recorder.restore();
    }
  });

  it('runs a job in the organisation its data names, and refuses one that names none', async () => {
    const jobs = t.app.get(JobsService);
    const seen: Seen[] = [];
    jobs.work<{ organizationId?: string }>('tests.scope', async () => {
      const [row]: Seen[] = await t.db.query(`SELECT current_user AS role, nullif(current_setting('ripple.organization_id', true), '') AS org`);
      seen.push(row);
    });
    await jobs.runNow('tests.scope', { organizationId: b.org.id });
    expect(seen).toEqual([{ role: 'ripple_tenant', org: b.org.id }]);
    await expect(jobs.runNow('tests.scope', {})).rejects.toThrow(/names no organisation/);
    expect(seen).toHaveLength(1);
  });

  it('runs the system jobs across organisations only to find the work: each piece of it runs in its own organisation', async () => {
    const jobs = t.app.get(JobsService);
    const system = { role: loginUser, org: null };
    const inB = { role: 'ripple_tenant', org: b.org.id };
    const allowed = [system, { role: 'ripple_tenant', org: a.org.id }, inB];
    const outside = (seen: Seen[]): Seen[] => seen.filter((s) => !allowed.some((x) => x.role === s.role && x.org === s.org));
    // A running cycle in B: the hourly sweep looks at its invitations, reminders and deadline.
    await runAsSystem(async () => {
      const version = await theDefaultFramework(t, b.org.id);
      await aReportCycle(t.db, b.org.id, version.id, { state: 'collecting' });
    });
    const recorder = recordScopes(t.db);
    try {
      await jobs.runNow(JOB_NAMES.cycleSweep, {});
      expect(recorder.seen).toContainEqual(system);
      expect(recorder.seen).toContainEqual(inB);
      expect(outside(recorder.seen)).toEqual([]);
      // A password-reset address: found across organisations, its link issued and mailed in B.
      recorder.seen.length = 0;
      await jobs.runNow(JOB_NAMES.passwordResetMail, { email: b.manager.email.toLowerCase(), ip: '127.0.0.1' });
      expect(recorder.seen).toContainEqual(system);
      expect(recorder.seen).toContainEqual(inB);
      expect(outside(recorder.seen)).toEqual([]);
    } finally {
      recorder.restore();
    }
  });
});
