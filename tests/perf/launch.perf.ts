import { JobsService } from '@lib/jobs';
import { anOrganization, aPerson, TEST_PASSWORD } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { Measurement, expectTargetsMet, timed, writeResults } from './support/results';

const PEOPLE = Number(process.env.PERF_LAUNCH_PEOPLE ?? 10_000);
const DEPARTMENTS = ['Collections', 'Conservation', 'Learning', 'Visitor Experience', 'Exhibitions', 'Digital', 'Operations'];

/**
 * Launching a cycle for every person of a 10,000-person organisation: one HTTP request that
 * freezes the org chart and creates self, manager and direct-report requests in one transaction.
 * Target (issue 3): under 15 s.
 */
describe(`cycle launch benchmark (${PEOPLE} people)`, () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('launches a cycle for every person of the organisation', async () => {
    t = await startTestApp();
    const org = await anOrganization(t.db, { name: 'Perf Org' });
    const admin = await aPerson(t.db, org.id, { role: 'admin', department: 'People' });
    // The rest of the org chart in one statement: person g reports to person (g - 1) / 6.
    const generated = await timed(() =>
      t.db.query(
        `WITH ids AS (SELECT g, gen_random_uuid() AS id FROM generate_series(0, $2 - 1) g)
         INSERT INTO people (id, organization_id, email, name, title, department, manager_id)
         SELECT i.id, $1, 'p' || i.g || '@perf.example', 'Person ' || i.g, 'Title ' || (i.g % 40), ($3::text[])[1 + i.g % $4], m.id
           FROM ids i LEFT JOIN ids m ON i.g > 0 AND m.g = (i.g - 1) / 6`,
        [org.id, PEOPLE - 1, DEPARTMENTS, DEPARTMENTS.length],
      ),
    );
    await t.db.query('ANALYZE people');
    const hr = t.client();
    await hr.login(admin.email, TEST_PASSWORD);

    const created = await hr.post('/api/cycles', { name: 'Everyone', settings: { responseDeadline: new Date(Date.now() + 14 * 864e5).toISOString() } });
    const add = await timed(() => hr.post(`/api/cycles/${created.body.id}/subjects`, { everyone: true }));
    expect(add.result.body).toMatchObject({ added: PEOPLE, total: PEOPLE });
    const launch = await timed(() => hr.post(`/api/cycles/${created.body.id}/launch`));
    expect(launch.result.status).toBe(200);
    const [{ requests, raters }] = await t.db.query(
      `SELECT count(*)::int AS requests, count(DISTINCT rater_id)::int AS raters FROM feedback_requests WHERE cycle_id = $1`,
      [created.body.id],
    );
    // Self for everyone, a manager for everyone but the two roots, a direct-report request per reporting line.
    expect(requests).toBe(PEOPLE + 2 * (PEOPLE - 2));
    const progress = await timed(() => hr.get(`/api/cycles/${created.body.id}/progress`));
    expect(progress.result.body.bySubject).toHaveLength(PEOPLE);
    const invitations = await timed(() => t.app.get(JobsService).runHeld('cycle.invitations'));
    const [{ mails }] = await t.db.query(`SELECT count(*)::int AS mails FROM mail_messages WHERE dedupe_key LIKE $1`, [`invite:${created.body.id}:%`]);
    expect(mails).toBe(raters);

    // The same work as plain SQL, for scale: a second cycle with the same subjects.
    const second = await hr.post('/api/cycles', { name: 'Plain SQL', settings: { responseDeadline: new Date(Date.now() + 14 * 864e5).toISOString() } });
    await hr.post(`/api/cycles/${second.body.id}/subjects`, { everyone: true });
    const freeze = await timed(() =>
      t.db.query(
        `UPDATE cycle_subjects cs SET manager_id = m.id, department = p.department,
                has_reports = EXISTS (SELECT 1 FROM people r WHERE r.organization_id = $1 AND r.manager_id = p.id AND r.active)
           FROM people p LEFT JOIN people m ON m.organization_id = p.organization_id AND m.id = p.manager_id AND m.active
          WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND p.organization_id = $1 AND p.id = cs.person_id`,
        [org.id, second.body.id],
      ),
    );
    const insert = await timed(() =>
      t.db.query(
        `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state)
         SELECT $1, $2, x.subject_id, x.rater_id, x.relationship, 'open' FROM (
           SELECT cs.person_id AS subject_id, cs.person_id AS rater_id, 'self' AS relationship FROM cycle_subjects cs WHERE cs.organization_id = $1 AND cs.cycle_id = $2
           UNION ALL
           SELECT cs.person_id, cs.manager_id, 'manager' FROM cycle_subjects cs WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.manager_id IS NOT NULL
           UNION ALL
           SELECT cs.person_id, r.id, 'direct_report' FROM cycle_subjects cs
             JOIN people r ON r.organization_id = $1 AND r.manager_id = cs.person_id AND r.active
            WHERE cs.organization_id = $1 AND cs.cycle_id = $2
         ) x
         ON CONFLICT DO NOTHING`,
        [org.id, second.body.id],
      ),
    );

    const results: Measurement[] = [
      { what: `generate the org chart: ${PEOPLE - 1} people, one INSERT … SELECT`, value: `${generated.ms} ms` },
      { what: `POST /subjects {everyone: true}: ${PEOPLE} subjects`, value: `${add.ms} ms` },
      {
        what: `POST /launch: ${PEOPLE} subjects → ${requests} requests, one transaction`,
        value: `${launch.ms} ms`,
        target: '< 15 s',
        check: { ms: launch.ms, limitMs: 15_000 },
      },
      { what: `GET /progress on ${PEOPLE} subjects`, value: `${progress.ms} ms` },
      {
        what: `cycle.invitations job: ${raters} raters, one mail each (outbox)`,
        value: `${invitations.ms} ms`,
        note: 'background job, the mails of 500 raters in one INSERT',
      },
      { what: 'plain SQL: freeze the org chart (UPDATE … FROM)', value: `${freeze.ms} ms` },
      { what: `plain SQL: the same INSERT … SELECT of ${requests} requests`, value: `${insert.ms} ms` },
    ];
    writeResults('launch', 'Cycle launch', results, [
      'The launch is one HTTP request through the real app: lock the cycle, freeze the framework version, drop inactive subjects,',
      'freeze manager/department/has_reports (one UPDATE … FROM), create every org-chart request (one INSERT … SELECT … ON CONFLICT DO NOTHING),',
      'change state and audit, all in one transaction; the invitations go out afterwards as a job.',
    ]);
    expectTargetsMet(results);
  });
});
