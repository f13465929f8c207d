import { answerProgressHiddenSql, REQUEST_STATES, seesAnswerProgress, stateAsSeen, stateAsSeenSql } from '@lib/cycles';
import { buildOpenApiDocument } from '../../apps/api/src/bootstrap';
import { aLaunchedCycle, runHeldJobs } from '../support/cycle-factories';
import { anOrganization, aPerson, TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A subject never learns which of their raters answered (libs/cycles/src/domain/rater-privacy.ts),
 * and neither do their managers. Every route a person can reach, read before and after raters
 * start and submit, must answer the same: every GET of the OpenAPI document with every id of the
 * cycle, and the refusals (approve, reject, remove) that could name a request's state.
 *
 * The org chart: Dana ← Maya ← Sam, Sue; Dana ← Hedda (an HR admin); Hana (HR); Pat, Cora, Rob (peers).
 * Sam, Sue and Hedda are the subjects; Pat and Cora are asked about Sam and Hedda, Rob about Sue
 * (so that Rob's load, which Sam and Maya see when they look for raters for Sam, moves when he answers about Sue).
 */
describe('rater privacy: nobody but the rater and HR learns who has answered', () => {
  let t: TestApp;
  let hr: HttpClient;
  let hana: TestPerson,
    hedda: TestPerson,
    dana: TestPerson,
    maya: TestPerson,
    sam: TestPerson,
    sue: TestPerson,
    pat: TestPerson,
    cora: TestPerson,
    rob: TestPerson;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await anOrganization(t.db, { name: 'Privacy Org' });
    hana = await aPerson(t.db, org.id, { name: 'Hana Hr', role: 'admin', department: 'People' });
    dana = await aPerson(t.db, org.id, { name: 'Dana Director', department: 'Board' });
    hedda = await aPerson(t.db, org.id, { name: 'Hedda Hr', role: 'admin', department: 'People', managerId: dana.id });
    maya = await aPerson(t.db, org.id, { name: 'Maya Manager', department: 'Collections', managerId: dana.id });
    sam = await aPerson(t.db, org.id, { name: 'Sam Subject', department: 'Collections', managerId: maya.id });
    sue = await aPerson(t.db, org.id, { name: 'Sue Subject', department: 'Collections', managerId: maya.id });
    rob = await aPerson(t.db, org.id, { name: 'Rob Rater', department: 'Learning' });
    pat = await aPerson(t.db, org.id, { name: 'Pat Peer', department: 'Learning' });
    cora = await aPerson(t.db, org.id, { name: 'Cora Colleague', department: 'Learning' });
    hr = t.client();
    await hr.signInAs(hana);
  });
  afterAll(() => t.close());

  it('the SQL form of the rule decides exactly as the rule itself, for every state, withdrawal and viewer', async () => {
    const [v, other] = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    const rows = REQUEST_STATES.flatMap((state) =>
      [false, true].flatMap((withdrawn) => [v, other].flatMap((subject) => [v, other].map((rater) => ({ state, withdrawn, subject, rater })))),
    );
    for (const isAdmin of [true, false]) {
      const seen: { state: string }[] = await t.db.query(
        `SELECT ${stateAsSeenSql('fr', answerProgressHiddenSql('fr', '$1::uuid', isAdmin))} AS state
           FROM jsonb_to_recordset($2::jsonb) AS fr(state text, withdrawn_at timestamptz, subject_id uuid, rater_id uuid, n int) ORDER BY fr.n`,
        [
          v,
          JSON.stringify(
            rows.map((r, n) => ({ state: r.state, withdrawn_at: r.withdrawn ? '2026-01-01T00:00:00Z' : null, subject_id: r.subject, rater_id: r.rater, n })),
          ),
        ],
      );
      const expected = rows.map((r) => stateAsSeen(r.state, seesAnswerProgress({ isAdmin, isSubject: r.subject === v, isRater: r.rater === v }), r.withdrawn));
      expect(seen.map((r) => r.state)).toEqual(expected);
    }
  });

  it('reads the same through every route before and after raters start and submit', async () => {
    const cycle = await aLaunchedCycle(hr, [sam.id, sue.id, hedda.id], {
      settings: { selfReview: true, minPeers: 0, maxPeers: 4, maxOpenRequestsPerRater: 3 },
    });
    expect(cycle.state).toBe('nominating');
    for (const subject of [sam, hedda]) {
      expect((await hr.post(`/api/cycles/${cycle.id}/subjects/${subject.id}/requests`, { raterIds: [pat.id, cora.id] })).status).toBe(201);
    }
    expect((await hr.post(`/api/cycles/${cycle.id}/subjects/${sue.id}/requests`, { raterIds: [rob.id] })).status).toBe(201);
    await runHeldJobs(t);
    const requests: { id: string; subject_id: string; rater_id: string; state: string }[] = await t.db.query(
      `SELECT id, subject_id, rater_id, state FROM feedback_requests WHERE cycle_id = $1 ORDER BY id`,
      [cycle.id],
    );
    expect(requests.every((r) => r.state === 'open')).toBe(true);

    const document = buildOpenApiDocument(t.app);
    const gets = Object.entries(document.paths)
      // SCIM answers a provisioning bearer token only, never a session (tests/e2e/scim.e2e-spec.ts).
      .filter(
        ([path, item]) =>
          'get' in item &&
          path.startsWith('/api/') &&
          !path.startsWith('/api/scim/') &&
          !['/api/auth/csrf', '/api/auth/invitations/{token}', '/api/setup'].includes(path),
      )
      .map(([path]) => path);
    expect(gets.length).toBeGreaterThan(20);
    const people = [hana, hedda, dana, maya, sam, sue, pat, cora, rob].map((p) => p.id);
    const zero = '00000000-0000-4000-8000-000000000000';
    const idsFor = (path: string, name: string): string[] => {
      if (name === 'cycleId' || (name === 'id' && path.startsWith('/api/cycles/'))) return [cycle.id];
      if (name === 'id' && path.startsWith('/api/feedback-requests/')) return requests.map((r) => r.id);
      if (name === 'subjectId' || name === 'personId' || (name === 'id' && path.startsWith('/api/people/'))) return people;
      return [zero];
    };
    const queriesFor = (path: string): string[] => {
      if (path === '/api/feedback-requests') {
        return [
          'mine=true',
          'mine=approvals',
          `cycleId=${cycle.id}`,
          ...people.map((id) => `cycleId=${cycle.id}&subjectId=${id}`),
          ...REQUEST_STATES.map((s) => `cycleId=${cycle.id}&state=${s}`),
        ];
      }
      if (path.endsWith('/rater-candidates')) return [sam, hedda].map((s) => `subjectId=${s.id}&limit=50`);
      return [''];
    };
    const urls = gets.flatMap((path) => {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      let filled = [path];
      for (const name of names) filled = filled.flatMap((url) => idsFor(path, name).map((id) => url.replace(`{${name}}`, id)));
      return filled.flatMap((url) => queriesFor(path).map((q) => (q ? `${url}?${q}` : url)));
    });

    const clients = new Map<TestPerson, HttpClient>();
    for (const person of [hedda, dana, maya, sam]) {
      const client = t.client();
      await client.signInAs(person);
      clients.set(person, client);
    }
    /** Everything `person` can read, and the refusals they get. None of these calls changes anything for them. */
    const everything = async (person: TestPerson): Promise<Record<string, unknown>> => {
      const client = clients.get(person)!;
      const seen: Record<string, unknown> = {};
      // An error's correlation id (requestId) differs per call by design; nothing else may differ.
      const keep = (key: string, r: { status: number; body: unknown; text: string }) =>
        (seen[key] = { status: r.status, body: typeof r.body === 'object' && r.body !== null ? { ...r.body, requestId: undefined } : r.text });
      for (const url of urls) keep(`GET ${url}`, await client.get(url));
      for (const r of requests) {
        // Only HR may decide or remove, and HR about others sees progress anyway: those would change things.
        if (person.role === 'admin' && r.subject_id !== person.id) continue;
        keep(`approve ${r.id}`, await client.post(`/api/feedback-requests/${r.id}/approve`, {}));
        keep(`reject ${r.id}`, await client.post(`/api/feedback-requests/${r.id}/reject`, { reason: 'Not this one' }));
        keep(`remove ${r.id}`, await client.delete(`/api/feedback-requests/${r.id}`));
      }
      return seen;
    };

    /** Raters answer through the API, as they do: Pat (and Rob) submit, Cora saves a draft. */
    const answer = async (subject: TestPerson, raters = [pat, cora]) => {
      for (const rater of raters) {
        const client = t.client();
        await client.signInAs(rater);
        const request = requests.find((r) => r.subject_id === subject.id && r.rater_id === rater.id)!;
        const questionnaire = (await client.get(`/api/feedback-requests/${request.id}`)).body;
        const answers = questionnaire.behaviours.flatMap((b: { statements: { id: string }[] }) => b.statements.map((s) => ({ questionId: s.id, rating: 4 })));
        const res =
          rater !== cora
            ? await client.post(`/api/feedback-requests/${request.id}/submit`, { answers, comments: [] })
            : await client.put(`/api/feedback-requests/${request.id}/draft`, { answers: answers.slice(0, 2) });
        expect(res.status).toBe(200);
      }
    };
    const members = [sam, maya, dana];

    const before = new Map<TestPerson, Record<string, unknown>>();
    for (const person of members) before.set(person, await everything(person));
    expect(Object.keys(before.get(sam)!).length).toBeGreaterThan(90);
    // What is compared is what they really see: their list of raters, and their loads when asking.
    for (const person of [sam, maya]) {
      expect(before.get(person)![`GET /api/cycles/${cycle.id}/subjects/${sam.id}/requests`]).toMatchObject({ status: 200, body: { items: expect.any(Array) } });
      expect(before.get(person)![`GET /api/cycles/${cycle.id}/rater-candidates?subjectId=${sam.id}&limit=50`]).toMatchObject({ status: 200 });
    }
    // The refusals are refusals: nothing above changed a request.
    expect(
      (await t.db.query(`SELECT state FROM feedback_requests WHERE cycle_id = $1 ORDER BY id`, [cycle.id])).map((r: { state: string }) => r.state),
    ).toEqual(requests.map(() => 'open'));

    // Sam's raters answer: Sam, his manager Maya and her manager Dana read exactly what they read before.
    await answer(sam);
    for (const person of members) expect(await everything(person)).toEqual(before.get(person));

    // Hedda's raters answer: Hedda, an HR admin, reads exactly what she read before, as do Dana (her manager) and the others.
    const heddaBefore = await everything(hedda);
    await answer(hedda);
    expect(await everything(hedda)).toEqual(heddaBefore);
    for (const person of members) expect(await everything(person)).toEqual(before.get(person));

    // Rob answers about Sue: Maya (her manager) looking for raters for Sam must not see his load drop, nor Sam.
    await answer(sue, [rob]);
    for (const person of members) expect(await everything(person)).toEqual(before.get(person));

    // The check can see a difference: HR (not a subject) follows progress, and reads the submissions.
    const progress = (await hr.get(`/api/cycles/${cycle.id}/progress`)).body;
    expect(progress.overall).toMatchObject({ submitted: 3, inProgress: 2 });
  }, 120_000); // a walk over every route at four moments: 42 s on a loaded 2-core machine
});
