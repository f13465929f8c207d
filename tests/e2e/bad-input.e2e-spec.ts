import { aTeam, TEST_PASSWORD } from '../support/factories';
import { aCycle, aFrameworkVersion, aRequest, aSubject, draftOf, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient, TestResponse } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

const NUL = '\u0000';
const HUGE = '100000000000000000000';

/**
 * Hostile and broken input on every text field and list route: each is refused with a 4xx JSON
 * error naming the problem (never a 500 from PostgreSQL), and nothing is written.
 */
describe('bad input', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let cycle: TestCycle;
  let draftCycleId: string;
  let openRequestId: string;
  let proposedRequestId: string;
  let hr: HttpClient;
  let member: HttpClient;
  let rater: HttpClient;
  const savedDraft = () => ({
    answers: [{ questionId: version.statementIds[0], rating: 4 }],
    comments: [{ questionId: version.openQuestionIds[0], text: 'Asks the quiet ones first.' }],
  });

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    version = await aFrameworkVersion(t.db, a.org.id);
    cycle = await aCycle(t.db, a.org.id, version.id, { state: 'collecting', name: 'Spring' });
    await aSubject(t.db, cycle, a.member);
    openRequestId = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: a.peer.id });
    proposedRequestId = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: a.colleague.id, state: 'proposed' });
    hr = t.client();
    await hr.signInAs(a.admin);
    member = t.client();
    await member.signInAs(a.member);
    rater = t.client();
    await rater.signInAs(a.peer);
    const draftCycle = await hr.post('/api/cycles', { name: 'Autumn' });
    expect(draftCycle.status).toBe(201);
    draftCycleId = draftCycle.body.id;
    expect((await rater.put(`/api/feedback-requests/${openRequestId}/draft`, savedDraft())).status).toBe(200);
  });
  afterAll(() => t.close());

  /** What any of the refused calls could have changed. */
  const footprint = async (): Promise<unknown> =>
    (
      await t.db.query(`
        SELECT (SELECT json_agg(json_build_object('email', email, 'name', name, 'title', title, 'department', department, 'manager', manager_id, 'role', role) ORDER BY id) FROM people) AS people,
               (SELECT json_agg(json_build_object('name', name, 'settings', settings, 'state', state) ORDER BY id) FROM cycles) AS cycles,
               (SELECT json_agg(json_build_object('state', state, 'reason', reason) ORDER BY id) FROM feedback_requests) AS requests,
               (SELECT json_agg(draft ORDER BY request_id) FROM responses) AS drafts,
               (SELECT count(*)::int FROM answers) AS answers,
               (SELECT count(*)::int FROM audit_events) AS audit_events`)
    )[0];

  /** A refusal as the API promises it: the status, and JSON `{statusCode, error, message}` (with the field when given). */
  function expectRefused(response: TestResponse, status: number, field?: string): void {
    expect({ status: response.status, body: response.body }).toEqual({
      status,
      body: expect.objectContaining({ statusCode: status, error: expect.any(String), message: expect.any(String) }),
    });
    expect(response.text).not.toMatch(/\b(SELECT|INSERT INTO|UPDATE \w+ SET)\b|invalid byte sequence|out of range for type|bigint/);
    if (field) expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  }

  const csv = (client: HttpClient, text: string, dryRun = false) =>
    client.post(`/api/people/import${dryRun ? '?dryRun=true' : ''}`, undefined, { raw: text, headers: { 'content-type': 'text/csv' } });

  describe('control characters such as NUL', () => {
    const queries: [string, () => Promise<TestResponse>, string][] = [
      ['people search', () => member.get(`/api/people?search=a%00b`), 'search'],
      ['people department', () => hr.get(`/api/people?department=%00`), 'department'],
      ['people search with a bell', () => member.get(`/api/people?search=%07`), 'search'],
      ['cycle subjects search', () => hr.get(`/api/cycles/${cycle.id}/subjects?search=Mo%00`), 'search'],
      ['rater candidates search', () => member.get(`/api/cycles/${cycle.id}/rater-candidates?search=%00`), 'search'],
      ['audit events action', () => hr.get(`/api/audit-events?action=person.created%00`), 'action'],
    ];
    it.each(queries)('in a query string (%s): 400 naming the parameter', async (_name, call, field) => {
      expectRefused(await call(), 400, field);
    });

    it('in a path: the id or token names nothing (404)', async () => {
      for (const [client, url] of [
        [hr, `/api/people/${a.peer.id}%00`],
        [rater, `/api/feedback-requests/%00${openRequestId}`],
        [hr, `/api/cycles/${cycle.id}%00/subjects`],
        [t.client(), '/api/auth/invitations/abc%00def'],
      ] as const) {
        expectRefused(await client.get(url), 404);
      }
    });

    const bodies: [string, () => Promise<TestResponse>, string][] = [
      ['new person name', () => hr.post('/api/people', { email: 'nul@a.org', name: `Nu${NUL}ll` }), 'name'],
      ['new person title', () => hr.post('/api/people', { email: 'nul@a.org', name: 'Null', title: `Guide${NUL}` }), 'title'],
      ['person department', () => hr.patch(`/api/people/${a.peer.id}`, { department: NUL }), 'department'],
      ['person name with an escape', () => hr.patch(`/api/people/${a.peer.id}`, { name: 'Pat \u001b[31mPeer' }), 'name'],
      ['new cycle name', () => hr.post('/api/cycles', { name: `Spring${NUL}` }), 'name'],
      ['cycle name', () => hr.patch(`/api/cycles/${draftCycleId}`, { name: `${NUL}Autumn` }), 'name'],
      ['cycle deadline', () => hr.patch(`/api/cycles/${draftCycleId}`, { settings: { responseDeadline: `2030-01-01${NUL}` } }), 'settings.responseDeadline'],
      ['cycle setting name', () => hr.patch(`/api/cycles/${draftCycleId}`, { settings: { [`selfReview${NUL}`]: true } }), 'settings.selfReview\\u0000'],
      [
        'draft comment',
        () => rater.put(`/api/feedback-requests/${openRequestId}/draft`, { comments: [{ questionId: version.openQuestionIds[0], text: `Kind${NUL}` }] }),
        'comments.0.text',
      ],
      [
        'submitted comment',
        () =>
          rater.post(`/api/feedback-requests/${openRequestId}/submit`, { ...savedDraft(), comments: [{ questionId: version.openQuestionIds[1], text: NUL }] }),
        'comments.0.text',
      ],
      ['decline reason', () => rater.post(`/api/feedback-requests/${openRequestId}/decline`, { reason: `Busy${NUL}` }), 'reason'],
      ['reject reason', () => hr.post(`/api/feedback-requests/${proposedRequestId}/reject`, { reason: `Not now${NUL}` }), 'reason'],
      ['invitation password', () => t.client().post('/api/auth/accept-invitation', { token: 'x'.repeat(40), password: `long-enough${NUL}` }), 'password'],
      ['login password', () => t.client().post('/api/auth/login', { email: a.peer.email, password: `${TEST_PASSWORD}${NUL}` }), 'password'],
    ];
    it.each(bodies)('in a JSON body (%s): 400 naming the field', async (_name, call, field) => {
      const before = await footprint();
      expectRefused(await call(), 400, field);
      expect(await footprint()).toEqual(before);
    });

    it('keeps tabs and line breaks, which people do type', async () => {
      expect((await member.get('/api/people?search=%09Pat')).status).toBe(200);
      const saved = await rater.put(`/api/feedback-requests/${openRequestId}/draft`, {
        ...savedDraft(),
        comments: [{ questionId: version.openQuestionIds[0], text: 'Listens.\r\n\tThen acts.' }],
      });
      expect(saved.status).toBe(200);
      expect(await draftOf(t.db, openRequestId)).toMatchObject({ comments: [{ text: 'Listens.\r\n\tThen acts.' }] });
      expect((await rater.put(`/api/feedback-requests/${openRequestId}/draft`, savedDraft())).status).toBe(200);
    });

    it('in a CSV import: 422 with the line and column, dry run or not, and nothing imported', async () => {
      const before = await footprint();
      for (const dryRun of [true, false]) {
        const response = await csv(hr, `email,name,title\nnew.one@a.org,New One,Guide\nnul@a.org,Nu${NUL}ll,\n`, dryRun);
        if (dryRun) expect(response.status).toBe(200);
        else expectRefused(response, 422);
        expect(response.body.errors).toEqual([
          { line: 3, column: 'name', code: 'control_character', values: { column: 'name' }, message: 'name must not contain control characters such as NUL' },
        ]);
      }
      expect(await footprint()).toEqual(before);
    });
  });

  describe('huge offsets', () => {
    const lists: [string, () => string, () => HttpClient][] = [
      ['people', () => '/api/people?', () => member],
      ['audit events', () => '/api/audit-events?', () => hr],
      ['cycle subjects', () => `/api/cycles/${cycle.id}/subjects?`, () => hr],
      ['feedback requests', () => `/api/feedback-requests?cycleId=${cycle.id}&`, () => hr],
    ];
    it.each(lists)('%s: 400 past 1,000,000 (bigint included), an empty page at 1,000,000', async (_name, path, client) => {
      const url = path();
      for (const offset of [HUGE, '1000001', '9223372036854775808']) {
        const response = await client().get(`${url}offset=${offset}`);
        expectRefused(response, 400, 'offset');
        expect(response.body.message).toBe('offset must be at most 1,000,000');
      }
      const last = await client().get(`${url}offset=1000000`);
      expect(last.status).toBe(200);
      expect(last.body.items).toEqual([]);
    });
  });

  describe('deadlines', () => {
    it.each([
      ['far future', { responseDeadline: '+200000-01-01T00:00:00Z' }, 'responseDeadline'],
      ['past the century', { responseDeadline: '2101-01-01T00:00:00Z' }, 'responseDeadline'],
      ['before 2000', { nominationDeadline: '1999-12-31T23:00:00Z' }, 'nominationDeadline'],
    ])('refuses a deadline that is not a plausible date (%s) with 422, on create and edit', async (_name, settings, field) => {
      const before = await footprint();
      expectRefused(await hr.post('/api/cycles', { name: 'Later', settings }), 422, field);
      const edited = await hr.patch(`/api/cycles/${draftCycleId}`, { settings });
      expectRefused(edited, 422, field);
      // The setting named as the form labels it (the web app shows the message as it is).
      const label = { responseDeadline: 'response deadline', nominationDeadline: 'nomination deadline' }[field];
      expect(edited.body.message).toBe(`${label} must be a date between the years 2000 and 2100`);
      expect(await footprint()).toEqual(before);
    });

    it('accepts one within the range', async () => {
      const edited = await hr.patch(`/api/cycles/${draftCycleId}`, { settings: { responseDeadline: '2099-06-30T12:00:00.000Z' } });
      expect(edited.status).toBe(200);
      expect(edited.body.settings.responseDeadline).toBe('2099-06-30T12:00:00.000Z');
    });
  });

  describe('bodies that are not objects', () => {
    const json = { 'content-type': 'application/json' };
    it.each([
      ['JSON null', 'null'],
      ['an array', '[]'],
      ['a string', '"answers"'],
      ['a number', '42'],
    ])('PUT draft with %s: 400, and the saved draft is kept', async (_name, raw) => {
      const response = await rater.request('PUT', `/api/feedback-requests/${openRequestId}/draft`, { raw, headers: json });
      expectRefused(response, 400, 'body');
      expect(response.body.message).toBe('body must be a JSON object');
      expect(await draftOf(t.db, openRequestId)).toEqual(savedDraft());
    });

    it('PUT draft without a body: 400, and the saved draft is kept', async () => {
      const response = await rater.request('PUT', `/api/feedback-requests/${openRequestId}/draft`);
      expectRefused(response, 400, 'body');
      expect(response.body.message).toBe('body is required');
      expect(await draftOf(t.db, openRequestId)).toEqual(savedDraft());
    });

    it('JSON null elsewhere: 400 and nothing written (submit, person edit, new cycle)', async () => {
      const before = await footprint();
      for (const [client, method, url] of [
        [rater, 'POST', `/api/feedback-requests/${openRequestId}/submit`],
        [hr, 'PATCH', `/api/people/${a.peer.id}`],
        [hr, 'POST', '/api/cycles'],
      ] as const) {
        expectRefused(await client.request(method, url, { raw: 'null', headers: json }), 400, 'body');
      }
      expect(await footprint()).toEqual(before);
    });

    it('a deeply nested body: 400, never a stack overflow', async () => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      for (const [client, method, url] of [
        [hr, 'POST', '/api/cycles'],
        [rater, 'PUT', `/api/feedback-requests/${openRequestId}/draft`],
      ] as const) {
        const raw = `{"name":"Deep","settings":{"selfReview":${deep}},"answers":${deep}}`;
        const response = await client.request(method, url, { raw, headers: json });
        expectRefused(response, 400);
        expect(response.body.message).toMatch(/is nested too deeply \(at most 32 levels\)/);
      }
    });

    it('submit keeps accepting an empty body: it submits the saved draft', async () => {
      const version2 = await aFrameworkVersion(t.db, a.org.id, { behaviours: 1, statements: 1, openQuestions: 1 });
      const other = await aCycle(t.db, a.org.id, version2.id);
      await aSubject(t.db, other, a.member);
      const id = await aRequest(t.db, other, { subjectId: a.member.id, raterId: a.peer.id });
      expect((await rater.put(`/api/feedback-requests/${id}/draft`, { answers: [{ questionId: version2.statementIds[0], rating: 3 }] })).status).toBe(200);
      const submitted = await rater.request('POST', `/api/feedback-requests/${id}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body.state).toBe('submitted');
    });
  });
});
