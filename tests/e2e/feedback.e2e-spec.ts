import { Client } from 'pg';
import { aPerson, aTeam, TestPerson } from '../support/factories';
import {
  aCycle,
  aFrameworkVersion,
  answerCount,
  aRequest,
  aSubject,
  completeAnswers,
  draftOf,
  setCycleState,
  stateOf,
  TestCycle,
  TestFrameworkVersion,
} from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/** Rating colleagues: the questionnaire, drafts, the one submission. */
describe('feedback: rating colleagues', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let v1: TestFrameworkVersion;
  let v2: TestFrameworkVersion;
  let cycle: TestCycle;
  let otherCycle: TestCycle;
  const clients: Record<string, HttpClient> = {};
  const raters: TestPerson[] = [];
  const as = (name: string): HttpClient => clients[name];

  async function signIn(name: string, person: TestPerson): Promise<void> {
    clients[name] = t.client();
    await clients[name].signInAs(person);
  }

  /** A fresh rater with an open peer request about the member. */
  async function aRaterRequest(
    state: 'open' | 'in_progress' | 'proposed' | 'declined' = 'open',
    onCycle = cycle,
  ): Promise<{ id: string; rater: HttpClient; person: TestPerson }> {
    const person = await aPerson(t.db, a.org.id, { department: 'Learning' });
    raters.push(person);
    const id = await aRequest(t.db, onCycle, { subjectId: a.member.id, raterId: person.id, state });
    const rater = t.client();
    await rater.signInAs(person);
    return { id, rater, person };
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    v1 = await aFrameworkVersion(t.db, a.org.id, { behaviours: 3, statements: 2, openQuestions: 2 });
    v2 = await aFrameworkVersion(t.db, a.org.id, { behaviours: 1, statements: 2, openQuestions: 1 });
    cycle = await aCycle(t.db, a.org.id, v1.id, { state: 'collecting', name: 'Spring 2026' });
    otherCycle = await aCycle(t.db, a.org.id, v2.id, { state: 'collecting', name: 'Other cycle' });
    await aSubject(t.db, cycle, a.member);
    await aSubject(t.db, otherCycle, a.member);
    for (const [name, person] of Object.entries({
      hr: a.admin,
      manager: a.manager,
      subject: a.member,
      colleague: a.colleague,
      peer: a.peer,
      otherHr: b.admin,
    })) {
      await signIn(name, person);
    }
  });
  afterAll(() => t.close());

  describe('authorisation: only the rater reaches a request', () => {
    let requestId: string;
    beforeAll(async () => {
      requestId = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: a.peer.id });
      await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: a.manager.id, relationship: 'manager' });
    });

    const routes = (id: string) => [
      { name: 'GET questionnaire', call: (c: HttpClient) => c.get(`/api/feedback-requests/${id}`), ok: 200 },
      {
        name: 'PUT draft',
        call: (c: HttpClient) => c.put(`/api/feedback-requests/${id}/draft`, { answers: [{ questionId: v1.statementIds[0], rating: 4 }] }),
        ok: 200,
      },
      { name: 'POST submit', call: (c: HttpClient) => c.post(`/api/feedback-requests/${id}/submit`, {}), ok: 422 },
    ];

    it.each([0, 1, 2])('route %#: anonymous 401; subject, manager, unrelated member, HR and foreign HR 404; the rater gets through', async (i) => {
      const route = routes(requestId)[i];
      expect((await route.call(t.client())).status).toBe(401);
      for (const who of ['subject', 'manager', 'colleague', 'hr', 'otherHr']) {
        const response = await route.call(as(who));
        expect({ who, status: response.status, code: response.body.code }).toEqual({ who, status: 404, code: 'request_not_found' });
      }
      expect((await route.call(as('peer'))).status).toBe(route.ok);
    });

    it('answers 404 for a malformed or unknown id, like a foreign one', async () => {
      expect((await as('peer').get('/api/feedback-requests/not-a-uuid')).status).toBe(404);
      expect((await as('peer').get('/api/feedback-requests/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await as('peer').put('/api/feedback-requests/xyz/draft', {})).status).toBe(404);
    });

    it('nothing was written by the refused calls', async () => {
      // Only the rater's own draft (one answer) exists; nobody else's writes landed.
      expect(await draftOf(t.db, requestId)).toEqual({ answers: [{ questionId: v1.statementIds[0], rating: 4 }], comments: [] });
      expect(await answerCount(t.db, requestId)).toBe(0);
    });

    it('hides proposals, and requests of a cycle that has not been launched, from the rater', async () => {
      const proposed = await aRaterRequest('proposed');
      expect((await proposed.rater.get(`/api/feedback-requests/${proposed.id}`)).status).toBe(404);
      const draftCycle = await aCycle(t.db, a.org.id, v1.id, { state: 'draft' });
      await aSubject(t.db, draftCycle, a.member);
      const early = await aRaterRequest('open', draftCycle);
      expect((await early.rater.get(`/api/feedback-requests/${early.id}`)).status).toBe(404);
      expect((await early.rater.put(`/api/feedback-requests/${early.id}/draft`, {})).status).toBe(404);
    });
  });

  it('shows the questionnaire: behaviours with their statements, open questions with hints, the scale with "not observed"', async () => {
    const { id, rater } = await aRaterRequest();
    const response = await rater.get(`/api/feedback-requests/${id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id,
      state: 'open',
      relationship: 'peer',
      canEdit: true,
      cycle: { id: cycle.id, name: 'Spring 2026', state: 'collecting' },
      subject: { id: a.member.id, name: 'Mo Member', department: 'Collections' },
      scale: {
        points: [
          { value: 1, label: 'Rarely' },
          { value: 2, label: 'Sometimes' },
          { value: 3, label: 'Often' },
          { value: 4, label: 'Very often' },
          { value: 5, label: 'Almost always' },
        ],
        notObservedLabel: 'Not observed',
      },
      draft: { answers: [], comments: [] },
      progress: { answered: 0, total: 6 },
      savedAt: null,
      submittedAt: null,
    });
    expect(response.body.behaviours.map((x: { key: string; statements: { id: string }[] }) => [x.key, x.statements.map((s) => s.id)])).toEqual(
      v1.behaviours.map((x) => [x.key, x.statements.map((s) => s.id)]),
    );
    expect(response.body.openQuestions).toEqual([
      { id: v1.openQuestionIds[0], key: 'open_1', text: 'Open question 1?', hint: 'Hint 1: describe what you saw.' },
      { id: v1.openQuestionIds[1], key: 'open_2', text: 'Open question 2?', hint: 'Hint 2: describe what you saw.' },
    ]);
  });

  it('saves a draft that survives a reload, tells "not observed" from unanswered, and replaces it on each save', async () => {
    const { id, rater } = await aRaterRequest();
    const draft = {
      answers: [
        { questionId: v1.statementIds[0], rating: 5 },
        { questionId: v1.statementIds[1], rating: null },
      ],
      comments: [{ questionId: v1.openQuestionIds[0], text: '  Asked the quiet people first in planning.  ' }],
    };
    const saved = await rater.put(`/api/feedback-requests/${id}/draft`, draft);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id, state: 'in_progress', progress: { answered: 2, total: 6 } });
    expect(await stateOf(t.db, id)).toBe('in_progress');

    const reloaded = await rater.get(`/api/feedback-requests/${id}`);
    expect(reloaded.body.draft).toEqual({
      answers: draft.answers,
      comments: [{ questionId: v1.openQuestionIds[0], text: 'Asked the quiet people first in planning.' }],
    });
    expect(reloaded.body).toMatchObject({ state: 'in_progress', progress: { answered: 2, total: 6 }, savedAt: saved.body.savedAt });

    const replaced = await rater.put(`/api/feedback-requests/${id}/draft`, { answers: [{ questionId: v1.statementIds[2], rating: 3 }] });
    expect(replaced.body.progress).toEqual({ answered: 1, total: 6 });
    expect((await rater.get(`/api/feedback-requests/${id}`)).body.draft).toEqual({ answers: [{ questionId: v1.statementIds[2], rating: 3 }], comments: [] });
    expect(await answerCount(t.db, id)).toBe(0);
  });

  describe('bad input: clear 4xx naming the field, nothing written', () => {
    let id: string;
    let rater: HttpClient;
    const before = { answers: [{ questionId: '', rating: 2 }], comments: [] as unknown[] };
    beforeAll(async () => {
      ({ id, rater } = await aRaterRequest());
      before.answers[0].questionId = v1.statementIds[0];
      expect((await rater.put(`/api/feedback-requests/${id}/draft`, before)).status).toBe(200);
    });

    const q = () => v1.statementIds[1];
    const cases: [string, number, string, () => unknown][] = [
      ['a rating above the scale', 400, 'answers.0.rating', () => ({ answers: [{ questionId: q(), rating: 6 }] })],
      ['a rating below the scale', 400, 'answers.0.rating', () => ({ answers: [{ questionId: q(), rating: 0 }] })],
      ['a fractional rating', 400, 'answers.0.rating', () => ({ answers: [{ questionId: q(), rating: 2.5 }] })],
      ['a rating as text', 400, 'answers.0.rating', () => ({ answers: [{ questionId: q(), rating: '3' }] })],
      ['a missing rating (not observed must be an explicit null)', 400, 'answers.0.rating', () => ({ answers: [{ questionId: q() }] })],
      ['a malformed question id', 400, 'answers.0.questionId', () => ({ answers: [{ questionId: 'q1', rating: 3 }] })],
      ['an unknown question id', 422, 'answers.0.questionId', () => ({ answers: [{ questionId: '00000000-0000-4000-8000-000000000001', rating: 3 }] })],
      [
        "another cycle's question",
        422,
        'answers.1.questionId',
        () => ({
          answers: [
            { questionId: q(), rating: 3 },
            { questionId: v2.statementIds[0], rating: 3 },
          ],
        }),
      ],
      ["another cycle's open question", 422, 'comments.0.questionId', () => ({ comments: [{ questionId: v2.openQuestionIds[0], text: 'x' }] })],
      ['an open question rated', 422, 'answers.0.questionId', () => ({ answers: [{ questionId: v1.openQuestionIds[0], rating: 3 }] })],
      ['a statement commented as an open question', 422, 'comments.0.questionId', () => ({ comments: [{ questionId: q(), text: 'x' }] })],
      [
        'a statement answered twice',
        422,
        'answers.1.questionId',
        () => ({
          answers: [
            { questionId: q(), rating: 3 },
            { questionId: q(), rating: 4 },
          ],
        }),
      ],
      ['an oversize comment', 400, 'comments.0.text', () => ({ comments: [{ questionId: v1.openQuestionIds[0], text: 'x'.repeat(5001) }] })],
      ['more than 100 answers', 400, 'answers', () => ({ answers: Array.from({ length: 101 }, () => ({ questionId: q(), rating: 3 })) })],
      ['an unknown field', 400, 'score', () => ({ answers: [], score: 5 })],
      ['an unknown field in an answer', 400, 'answers.0.weight', () => ({ answers: [{ questionId: q(), rating: 3, weight: 2 }] })],
      ['answers that are not a list', 400, 'answers', () => ({ answers: { questionId: q(), rating: 3 } })],
    ];

    it.each(cases)('draft with %s → %i on %s', async (_name, status, field, body) => {
      const response = await rater.put(`/api/feedback-requests/${id}/draft`, body());
      expect(response.status).toBe(status);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await draftOf(t.db, id)).toEqual(before);
    });

    it.each(cases)('submit with %s → %i on %s', async (_name, status, field, body) => {
      const response = await rater.post(`/api/feedback-requests/${id}/submit`, body());
      expect(response.status).toBe(status);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await answerCount(t.db, id)).toBe(0);
      expect(await stateOf(t.db, id)).toBe('in_progress');
      expect(await draftOf(t.db, id)).toEqual(before);
    });

    it('refuses a submit with unanswered statements, naming each, and writes nothing', async () => {
      const fromDraft = await rater.post(`/api/feedback-requests/${id}/submit`);
      expect(fromDraft.status).toBe(422);
      expect(fromDraft.body).toMatchObject({ code: 'incomplete_submission', message: expect.stringMatching(/5 statements are not answered/) });
      expect(fromDraft.body.errors.map((e: { questionId: string }) => e.questionId)).toEqual(v1.statementIds.slice(1));

      const partial = completeAnswers(v1);
      partial.answers.pop();
      const fromBody = await rater.post(`/api/feedback-requests/${id}/submit`, partial);
      expect(fromBody.status).toBe(422);
      expect(fromBody.body.errors).toEqual([{ field: 'answers', message: '"behaviour_3.2" is not answered', questionId: v1.statementIds[5] }]);
      expect(await answerCount(t.db, id)).toBe(0);
      expect(await draftOf(t.db, id)).toEqual(before);
    });

    it('refuses a malformed Idempotency-Key', async () => {
      const tooLong = await rater.post(`/api/feedback-requests/${id}/submit`, completeAnswers(v1), { headers: { 'idempotency-key': 'k'.repeat(101) } });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.code).toBe('invalid_idempotency_key');
      expect(await answerCount(t.db, id)).toBe(0);
    });
  });

  it('submits once: answers stored with "not observed" as null, final, and a repeat returns the same result', async () => {
    const { id, rater } = await aRaterRequest();
    const body = completeAnswers(v1);
    const first = await rater.post(`/api/feedback-requests/${id}/submit`, body);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id, state: 'submitted', submittedAt: expect.any(String), progress: { answered: 6, total: 6 } });

    const rows: { question_id: string; rating: number | null; comment: string | null }[] = await t.db.query(
      `SELECT question_id, rating, comment FROM answers WHERE request_id = $1`,
      [id],
    );
    expect(rows).toHaveLength(8);
    expect(
      rows
        .filter((r) => r.rating === null && r.comment === null)
        .map((r) => r.question_id)
        .sort(),
    ).toEqual([v1.statementIds[3]].sort());
    expect(rows.filter((r) => r.comment !== null)).toHaveLength(2);
    const [response]: { submitted_at: Date | null }[] = await t.db.query(`SELECT submitted_at FROM responses WHERE request_id = $1`, [id]);
    expect(response.submitted_at).not.toBeNull();

    const again = await rater.post(`/api/feedback-requests/${id}/submit`, { answers: [{ questionId: v1.statementIds[0], rating: 1 }] });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await answerCount(t.db, id)).toBe(8);

    const view = await rater.get(`/api/feedback-requests/${id}`);
    expect(view.body).toMatchObject({ state: 'submitted', canEdit: false, submittedAt: first.body.submittedAt, progress: { answered: 6, total: 6 } });
    expect(view.body.draft.answers).toEqual(body.answers);
    const late = await rater.put(`/api/feedback-requests/${id}/draft`, { answers: [] });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invalid_transition');
    expect((await rater.post(`/api/feedback-requests/${id}/decline`, { reason: 'changed my mind' })).status).toBe(409);
  });

  it('submits the saved draft when the body is empty', async () => {
    const { id, rater } = await aRaterRequest();
    const body = completeAnswers(v1);
    expect((await rater.put(`/api/feedback-requests/${id}/draft`, body)).status).toBe(200);
    const submitted = await rater.post(`/api/feedback-requests/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    expect(await answerCount(t.db, id)).toBe(8);
  });

  describe('Idempotency-Key', () => {
    it('replays the stored result for the same key and body, and refuses the key with another body', async () => {
      const { id, rater } = await aRaterRequest();
      const body = completeAnswers(v1);
      const headers = { 'idempotency-key': 'submit-7f3a' };
      const first = await rater.post(`/api/feedback-requests/${id}/submit`, body, { headers });
      expect(first.status).toBe(200);
      // The same body with its properties in another order is the same body.
      const reordered = { comments: body.comments, answers: body.answers.map((x) => ({ rating: x.rating, questionId: x.questionId })) };
      const replay = await rater.post(`/api/feedback-requests/${id}/submit`, reordered, { headers });
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(first.body);

      const changed = { ...body, answers: body.answers.map((x, i) => (i === 0 ? { ...x, rating: 5 } : x)) };
      const refused = await rater.post(`/api/feedback-requests/${id}/submit`, changed, { headers });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'idempotency_key_reused', errors: [{ field: 'Idempotency-Key' }] });
      const [{ rating }]: { rating: number }[] = await t.db.query(`SELECT rating FROM answers WHERE request_id = $1 AND question_id = $2`, [
        id,
        v1.statementIds[0],
      ]);
      expect(rating).toBe(body.answers[0].rating);
    });

    it('refuses a key already used for another request', async () => {
      const one = await aRaterRequest();
      const two = await aRequest(t.db, otherCycle, { subjectId: a.member.id, raterId: one.person.id });
      const headers = { 'idempotency-key': 'same-key-twice' };
      expect((await one.rater.post(`/api/feedback-requests/${one.id}/submit`, completeAnswers(v1), { headers })).status).toBe(200);
      const reused = await one.rater.post(`/api/feedback-requests/${two}/submit`, completeAnswers(v2), { headers });
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('idempotency_key_reused');
      expect(await stateOf(t.db, two)).toBe('open');
      expect(await answerCount(t.db, two)).toBe(0);
    });
  });

  describe('concurrency', () => {
    it('20 parallel submits of one request: exactly one submission, every answer 200 with the same result', async () => {
      const { id, rater } = await aRaterRequest();
      const body = completeAnswers(v1);
      const responses = await Promise.all(Array.from({ length: 20 }, () => rater.post(`/api/feedback-requests/${id}/submit`, body)));
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(new Set(responses.map((r) => r.body.submittedAt)).size).toBe(1);
      expect(await answerCount(t.db, id)).toBe(8);
      const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM responses WHERE request_id = $1 AND submitted_at IS NOT NULL`, [id]);
      expect(n).toBe(1);
    });

    it('20 parallel submits sharing one Idempotency-Key, some with a different body: one submission, no 5xx', async () => {
      const { id, rater } = await aRaterRequest();
      const body = completeAnswers(v1);
      const other = { ...body, comments: [] };
      const headers = { 'idempotency-key': 'double-click' };
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => rater.post(`/api/feedback-requests/${id}/submit`, i % 5 === 4 ? other : body, { headers })),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.every((s) => s === 200 || s === 422)).toBe(true);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
      expect(new Set(responses.filter((r) => r.status === 200).map((r) => r.body.submittedAt)).size).toBe(1);
      expect(await stateOf(t.db, id)).toBe('submitted');
      const count = await answerCount(t.db, id);
      expect([6, 8]).toContain(count);
    });
  });

  describe('after the cycle closes', () => {
    it.each(['closed', 'released'] as const)('refuses drafts and submits with 409 once %s, and keeps the draft', async (state) => {
      const closing = await aCycle(t.db, a.org.id, v1.id, { state: 'collecting' });
      await aSubject(t.db, closing, a.member);
      const { id, rater } = await aRaterRequest('open', closing);
      const draft = { answers: [{ questionId: v1.statementIds[0], rating: 4 }], comments: [] };
      expect((await rater.put(`/api/feedback-requests/${id}/draft`, draft)).status).toBe(200);
      await setCycleState(t.db, closing.id, state);

      const save = await rater.put(`/api/feedback-requests/${id}/draft`, completeAnswers(v1));
      expect(save.status).toBe(409);
      expect(save.body).toMatchObject({ code: 'cycle_not_open', message: expect.stringMatching(new RegExp(`${state}.*draft is kept`)) });
      const submit = await rater.post(`/api/feedback-requests/${id}/submit`, completeAnswers(v1), { headers: { 'idempotency-key': `late-${state}` } });
      expect(submit.status).toBe(409);
      expect(await draftOf(t.db, id)).toEqual(draft);
      expect(await answerCount(t.db, id)).toBe(0);
      const view = await rater.get(`/api/feedback-requests/${id}`);
      expect(view.body).toMatchObject({ state: 'in_progress', canEdit: false, draft });
    });
  });

  describe('a close racing submits and autosaves', () => {
    /** Submitted requests of the cycle, and all its answers, as of now. */
    const written = async (cycleId: string): Promise<{ submitted: number; answers: number; drafts: string }> => {
      const [row]: { submitted: number; answers: number; drafts: string }[] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM feedback_requests WHERE cycle_id = $1 AND state = 'submitted') AS submitted,
                (SELECT count(*)::int FROM answers WHERE cycle_id = $1) AS answers,
                (SELECT coalesce(string_agg(md5(draft::text) || updated_at, ',' ORDER BY request_id), '') FROM responses WHERE cycle_id = $1) AS drafts`,
        [cycleId],
      );
      return row;
    };

    it.each([1])('round %i: what the close returns is final: every write either landed before it (200) or was refused (409), none after', async () => {
      const racing = await aCycle(t.db, a.org.id, v1.id, { state: 'collecting' });
      await aSubject(t.db, racing, a.member);
      const requests = await Promise.all(Array.from({ length: 16 }, () => aRaterRequest('open', racing)));
      const body = completeAnswers(v1);
      let afterClose: Awaited<ReturnType<typeof written>> | undefined;
      const writes = requests.map(({ id, rater }, i) =>
        i % 4 === 3 ? rater.put(`/api/feedback-requests/${id}/draft`, body) : rater.post(`/api/feedback-requests/${id}/submit`, body),
      );
      // The close goes out among the writes; what is stored the moment it answers must never change afterwards.
      const close = as('hr')
        .post(`/api/cycles/${racing.id}/close`)
        .then(async (response) => {
          afterClose = await written(racing.id);
          return response;
        });
      const [closed, ...responses] = await Promise.all([close, ...writes]);
      expect(closed.status).toBe(200);
      expect(responses.map((r) => r.status).every((s) => s === 200 || s === 409)).toBe(true);
      const final = await written(racing.id);
      expect(final).toEqual(afterClose);
      const submitted = responses.filter((r, i) => i % 4 !== 3 && r.status === 200).length;
      expect(final.submitted).toBe(submitted);
      expect(final.answers).toBe(submitted * 8);
    });
  });

  it('a submit that took its snapshot before a close commits lands before the close returns, never after it', async () => {
    const racing = await aCycle(t.db, a.org.id, v1.id, { state: 'collecting' });
    await aSubject(t.db, racing, a.member);
    const { id, rater, person } = await aRaterRequest('open', racing);
    const submitted = async (): Promise<number> => {
      const [row] = await t.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM feedback_requests WHERE cycle_id = $1 AND state = 'submitted'`, [
        racing.id,
      ]);
      return row.n;
    };
    const waiting = async (what: string): Promise<boolean> => {
      const [row] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1`,
        [what],
      );
      return row.n > 0;
    };
    const until = async (condition: () => Promise<boolean>): Promise<void> => {
      while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    // Another transaction holds the submit's Idempotency-Key, uncommitted: the submit's writing
    // statement, its snapshot taken (the cycle collecting), waits on it.
    const blocker = new Client({ connectionString: t.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(
        `INSERT INTO idempotency_keys (organization_id, person_id, key, request_hash, status_code, response) VALUES ($1, $2, 'held', 'x', 200, '{}')`,
        [a.org.id, person.id],
      );
      const submit = rater.post(`/api/feedback-requests/${id}/submit`, completeAnswers(v1), { headers: { 'idempotency-key': 'held' } });
      await until(() => waiting('transactionid'));
      let atClose: number | undefined;
      const close = as('hr')
        .post(`/api/cycles/${racing.id}/close`)
        .then(async (response) => {
          atClose = await submitted();
          return response;
        });
      // The close either waits for the submit in flight (the answers gate) or has already returned.
      await until(async () => atClose !== undefined || (await waiting('advisory')));
      await blocker.query('ROLLBACK');
      const [submitResponse, closeResponse] = await Promise.all([submit, close]);
      expect(closeResponse.status).toBe(200);
      expect(submitResponse.status).toBe(200);
      expect(atClose).toBe(1);
      expect(await submitted()).toBe(1);
    } finally {
      await blocker.end();
    }
  });

  it('refuses drafts and submits on a declined request', async () => {
    const { id, rater } = await aRaterRequest();
    expect((await rater.post(`/api/feedback-requests/${id}/decline`, { reason: 'I have not worked with them' })).status).toBe(200);
    expect((await rater.put(`/api/feedback-requests/${id}/draft`, { answers: [] })).status).toBe(409);
    expect((await rater.post(`/api/feedback-requests/${id}/submit`, completeAnswers(v1))).status).toBe(409);
    expect(await answerCount(t.db, id)).toBe(0);
  });

  it('the subject never learns who has submitted: open, in progress and submitted all read "open"', async () => {
    const open = await aRaterRequest();
    const started = await aRaterRequest();
    const done = await aRaterRequest();
    await started.rater.put(`/api/feedback-requests/${started.id}/draft`, { answers: [{ questionId: v1.statementIds[0], rating: 2 }] });
    await done.rater.post(`/api/feedback-requests/${done.id}/submit`, completeAnswers(v1));
    const ids = [open.id, started.id, done.id];

    for (const who of ['subject', 'manager']) {
      const list = await as(who).get(`/api/cycles/${cycle.id}/subjects/${a.member.id}/requests`);
      expect(list.status).toBe(200);
      const items = list.body.items.filter((x: { id: string }) => ids.includes(x.id));
      expect(items.map((x: { state: string }) => x.state)).toEqual(['open', 'open', 'open']);
      expect(JSON.stringify(list.body)).not.toMatch(/submitted|in_progress|submittedAt|updatedAt/);
    }
    const hr = await as('hr').get(`/api/cycles/${cycle.id}/subjects/${a.member.id}/requests`);
    expect(hr.body.items.filter((x: { id: string }) => ids.includes(x.id)).map((x: { id: string; state: string }) => [x.id, x.state])).toEqual(
      expect.arrayContaining([
        [open.id, 'open'],
        [started.id, 'in_progress'],
        [done.id, 'submitted'],
      ]),
    );
    // The rater's own view of their tasks does show their progress.
    const tasks = await started.rater.get('/api/feedback-requests?mine=true');
    expect(tasks.body.cycles[0].requests[0]).toMatchObject({ id: started.id, state: 'in_progress', progress: { answered: 1, total: 6 }, canAnswer: true });
  });
});
