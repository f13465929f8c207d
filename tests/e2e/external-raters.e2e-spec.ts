import { buildOpenApiDocument } from '../../apps/api/src/bootstrap';
import { LINK_FAILURES_PER_NETWORK, LINK_FAILURES_PER_ORGANIZATION } from '../../libs/feedback/src/external/external-rules';
import { aPerson, aTeam } from '../support/factories';
import { aCycle, aSubject, type TestCycle, type TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient, TestResponse } from '../support/http-client';
import { reportUrl, snapshotReports, theDefaultFramework } from '../support/report-factories';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

const tokenIn = (mail: ReceivedMail): string => /\/external\?token=([\w-]+)/.exec(mail.text)![1];
let nextIp = 1;
/** Each client comes from its own network (TRUST_PROXY is on), so the per-IP limit of one test does not spill into another. */
const network = (): Record<string, string> => ({ 'x-forwarded-for': `203.0.113.${nextIp++}` });

/**
 * Raters from outside the organisation: who may invite them, the single-use link and the
 * credential it becomes, which opens one questionnaire and nothing else, the erasure of their
 * address at close, and their answers in the subject's report under the same k.
 */
describe('external raters', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let team: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let hr: HttpClient;
  let subject: HttpClient;
  let manager: HttpClient;
  let colleague: HttpClient;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, TRUST_PROXY: 'true', PUBLIC_URL: 'https://ripple.example' });
    team = await aTeam(t.db);
    version = await theDefaultFramework(t, team.org.id);
    hr = t.client();
    await hr.signInAs(team.admin);
    subject = t.client();
    await subject.signInAs(team.member);
    manager = t.client();
    await manager.signInAs(team.manager);
    colleague = t.client();
    await colleague.signInAs(team.colleague);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => smtp.clear());

  /** A collecting cycle with the member (manager: Maya) as subject. */
  const aCycleWithExternals = async (settings: Record<string, unknown> = {}): Promise<TestCycle> => {
    const cycle = await aCycle(t.db, team.org.id, version.id, {
      settings: { externalRatersAllowed: true, managerApprovesExternalRaters: true, ...settings },
    });
    await aSubject(t.db, cycle, team.member);
    return cycle;
  };
  const invite = (client: HttpClient, cycle: { id: string }, body: unknown, subjectId = team.member.id) =>
    client.post(`/api/cycles/${cycle.id}/subjects/${subjectId}/external-raters`, body);
  let n = 0;
  const someone = () => ({ name: `Kim Customer ${++n}`, email: `kim.${n}.${Math.random().toString(36).slice(2, 7)}@customer.example` });
  /** HR invites; the link arrives by mail. */
  const invited = async (cycle: { id: string }, who = someone()): Promise<{ id: string; token: string; email: string }> => {
    const res = await invite(hr, cycle, who);
    expect(res.status).toBe(201);
    const mail = await smtp.waitFor(1);
    const mine = mail.filter((m) => m.to.includes(who.email));
    expect(mine).toHaveLength(1);
    return { id: res.body.id, token: tokenIn(mine[0]), email: who.email };
  };
  const counter = async (scope: string, key: string): Promise<{ hits: number } | undefined> =>
    (await t.db.query(`SELECT hits FROM rate_limit_counters WHERE scope = $1 AND key = $2`, [scope, key]))[0];
  const endWindow = (scope: string, key: string) =>
    t.db.query(`UPDATE rate_limit_counters SET window_ends_at = now() - interval '1 second' WHERE scope = $1 AND key = $2`, [scope, key]);
  const expectTooMany = (response: TestResponse): void => {
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status: 429, type: expect.stringContaining('application/json') });
    expect(response.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'too_many_link_attempts',
      message: 'Too many attempts to open a link. Try again later.',
    });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(LINK_FAILURES_PER_NETWORK.windowSeconds);
  };
  /** A browser of its own that opens the link. */
  const opened = async (token: string): Promise<HttpClient> => {
    const browser = t.client();
    const headers = network();
    const res = await browser.post('/api/external/open', { token }, { headers });
    expect(res.status).toBe(200);
    return browser;
  };
  const answers = () => ({
    answers: version.statementIds.map((questionId: string, i: number) => ({ questionId, rating: i % 5 === 4 ? null : (i % 5) + 1 })),
    comments: [{ questionId: version.openQuestionIds[0], text: 'Listens to customers before answering.' }],
  });

  describe('who may invite', () => {
    it('the subject proposes for the manager to approve; HR invites directly; nobody else', async () => {
      const cycle = await aCycleWithExternals();
      const proposed = await invite(subject, cycle, someone());
      expect(proposed.status).toBe(201);
      expect(proposed.body).toMatchObject({ state: 'proposed', linkExpiresAt: null });
      expect(smtp.messages).toHaveLength(0);

      for (const outsider of [colleague, manager]) expect((await invite(outsider, cycle, someone())).status).toBe(404);
      const direct = await invite(hr, cycle, someone());
      expect(direct.status).toBe(201);
      expect(direct.body.state).toBe('invited');
      await smtp.waitFor(1);

      // Approving: the frozen manager or HR; not the subject, not a colleague.
      for (const outsider of [subject, colleague]) expect((await outsider.post(`/api/external-raters/${proposed.body.id}/approve`)).status).toBe(404);
      const approved = await manager.post(`/api/external-raters/${proposed.body.id}/approve`);
      expect(approved.status).toBe(200);
      expect(approved.body.state).toBe('invited');
      await smtp.waitFor(2);
      expect((await manager.post(`/api/external-raters/${proposed.body.id}/approve`)).status).toBe(409);

      // The manager sees the list (to approve); a colleague does not.
      expect((await manager.get(`/api/cycles/${cycle.id}/subjects/${team.member.id}/external-raters`)).body.items).toHaveLength(2);
      expect((await colleague.get(`/api/cycles/${cycle.id}/subjects/${team.member.id}/external-raters`)).status).toBe(404);
    });

    it('tells each viewer of the list what they may do, and who approves', async () => {
      const cycle = await aCycleWithExternals();
      const view = async (client: HttpClient, subjectId = team.member.id) =>
        (await client.get(`/api/cycles/${cycle.id}/subjects/${subjectId}/external-raters`)).body as Record<string, unknown>;
      expect(await view(subject)).toMatchObject({ canInvite: true, invitationWaitsForApproval: true, canManage: true, canDecide: false, approver: 'manager' });
      expect(await view(manager)).toMatchObject({
        canInvite: false,
        invitationWaitsForApproval: false,
        canManage: false,
        canDecide: true,
        approver: 'manager',
      });
      expect(await view(hr)).toMatchObject({ canInvite: true, invitationWaitsForApproval: false, canManage: true, canDecide: true });
      const alone = await aPerson(t.db, team.org.id, { name: 'Ike Independent' });
      await aSubject(t.db, cycle, alone);
      expect(await view(hr, alone.id)).toMatchObject({ approver: 'hr' });
      // Without approval in the cycle, the subject's invitation goes straight out.
      const direct = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const directView = (await subject.get(`/api/cycles/${direct.id}/subjects/${team.member.id}/external-raters`)).body;
      expect(directView).toMatchObject({ canInvite: true, invitationWaitsForApproval: false });
      // A closed cycle: nothing more to do.
      const closed = await aCycle(t.db, team.org.id, version.id, { state: 'closed', settings: { externalRatersAllowed: true } });
      await aSubject(t.db, closed, team.member);
      const closedView = (await hr.get(`/api/cycles/${closed.id}/subjects/${team.member.id}/external-raters`)).body;
      expect(closedView).toMatchObject({ canInvite: false, canManage: false, canDecide: false });
    });

    it("lists the proposals waiting for me: the subject's frozen manager, HR for a subject without one, nobody else", async () => {
      const cycle = await aCycleWithExternals();
      const proposed = await invite(subject, cycle, someone());
      expect(proposed.status).toBe(201);
      // A subject without a manager: only HR can decide their proposals.
      const alone = await aPerson(t.db, team.org.id, { name: 'Ada Alone' });
      await aSubject(t.db, cycle, alone);
      const aloneClient = t.client();
      await aloneClient.signInAs(alone);
      const lonely = await invite(aloneClient, cycle, someone(), alone.id);
      expect(lonely.body.state).toBe('proposed');
      // HR's own direct invitation waits for nobody.
      expect((await invite(hr, cycle, someone())).body.state).toBe('invited');

      const waiting = async (client: HttpClient): Promise<string[]> => {
        const res = await client.get('/api/external-raters/awaiting-approval');
        expect(res.status).toBe(200);
        return res.body.items.filter((i: { cycleId: string }) => i.cycleId === cycle.id).map((i: { id: string }) => i.id);
      };
      expect(await waiting(manager)).toEqual([proposed.body.id]);
      const [item] = (await manager.get('/api/external-raters/awaiting-approval')).body.items.filter((i: { id: string }) => i.id === proposed.body.id);
      expect(item).toMatchObject({ subjectId: team.member.id, subjectName: 'Mo Member', cycleName: expect.any(String) });
      expect(await waiting(hr)).toEqual([lonely.body.id]);
      for (const nobody of [subject, colleague, aloneClient]) expect(await waiting(nobody)).toEqual([]);
      const otherHr = t.client();
      await otherHr.signInAs((await aTeam(t.db, 'Elsewhere')).admin);
      expect(await waiting(otherHr)).toEqual([]);

      // Decided, it waits no more.
      expect((await manager.post(`/api/external-raters/${proposed.body.id}/reject`)).status).toBe(200);
      expect((await hr.post(`/api/external-raters/${lonely.body.id}/approve`)).status).toBe(200);
      expect(await waiting(manager)).toEqual([]);
      expect(await waiting(hr)).toEqual([]);
      await smtp.waitFor(2);
    });

    it('refuses a cycle that does not take external raters, and a closed one', async () => {
      const closedToThem = await aCycleWithExternals({ externalRatersAllowed: false });
      expect((await invite(hr, closedToThem, someone())).status).toBe(403);
      expect((await invite(subject, closedToThem, someone())).status).toBe(403);
      const closed = await aCycle(t.db, team.org.id, version.id, { state: 'closed', settings: { externalRatersAllowed: true } });
      await aSubject(t.db, closed, team.member);
      expect((await invite(hr, closed, someone())).status).toBe(409);
    });

    it('validates: a name, a real address, no unknown fields, the same address once per subject, at most 10', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      for (const bad of [
        { name: '', email: 'a@b.example' },
        { name: 'Kim', email: 'not-an-address' },
        { name: 'x'.repeat(201), email: 'a@b.example' },
        { name: 'Kim\u0007', email: 'a@b.example' },
        { name: 'Kim', email: `${'a'.repeat(250)}@b.example` },
        { name: 'Kim', email: 'a@b.example', role: 'admin' },
      ]) {
        const res = await invite(hr, cycle, bad);
        expect({ bad, status: res.status, json: typeof res.body.message }).toEqual({ bad, status: 400, json: 'string' });
      }
      expect((await hr.post(`/api/cycles/${cycle.id}/subjects/${team.member.id}/external-raters`)).status).toBe(400);

      const first = await invite(subject, cycle, { name: 'Kim', email: 'Kim@Customer.example' });
      expect(first.status).toBe(201);
      const again = await invite(hr, cycle, { name: 'Kim again', email: 'kim@customer.example' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('external_rater_duplicate');
      for (let i = 1; i < 10; i++) expect((await invite(subject, cycle, someone())).status).toBe(201);
      const over = await invite(subject, cycle, someone());
      expect(over.status).toBe(409);
      expect(over.body.code).toBe('too_many_external_raters');
    });

    it("refuses another organisation's HR and another subject's ids", async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const mine = await invited(cycle);
      const other = await aTeam(t.db, 'Elsewhere');
      const otherHr = t.client();
      await otherHr.signInAs(other.admin);
      expect((await invite(otherHr, cycle, someone())).status).toBe(404);
      expect((await otherHr.get(`/api/cycles/${cycle.id}/subjects/${team.member.id}/external-raters`)).status).toBe(404);
      for (const action of ['resend', 'revoke', 'approve', 'reject']) {
        expect((await otherHr.post(`/api/external-raters/${mine.id}/${action}`)).status).toBe(404);
        expect((await colleague.post(`/api/external-raters/${mine.id}/${action}`)).status).toBe(404);
      }
      // The colleague is no subject of this cycle: nothing to invite for.
      expect((await invite(colleague, cycle, someone(), team.colleague.id)).status).toBe(404);
    });
  });

  describe('the link', () => {
    it('works once: it becomes access to one questionnaire, and opened again it opens nothing', async () => {
      const cycle = await aCycleWithExternals();
      const { token } = await invited(cycle);
      const browser = await opened(token);
      const questionnaire = await browser.get('/api/external/questionnaire');
      expect(questionnaire.status).toBe(200);
      expect(questionnaire.body).toMatchObject({ subjectName: team.member.name, organizationName: team.org.name });
      expect(questionnaire.body.behaviours.length).toBeGreaterThan(0);
      // The same link again, in this browser or another: spent.
      expect((await browser.post('/api/external/open', { token }, { headers: network() })).status).toBe(404);
      const other = t.client();
      expect((await other.post('/api/external/open', { token }, { headers: network() })).status).toBe(404);
      expect((await other.get('/api/external/questionnaire')).status).toBe(401);
    });

    it('saves a draft, submits once, and then nothing opens', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const { id, token } = await invited(cycle);
      const browser = await opened(token);
      const half = { answers: answers().answers.slice(0, 3), comments: [] };
      const saved = await browser.put('/api/external/questionnaire/draft', half);
      expect(saved.status).toBe(200);
      expect(saved.body.progress).toEqual({ answered: 3, total: version.statementIds.length });
      expect((await browser.get('/api/external/questionnaire')).body.draft.answers).toHaveLength(3);
      expect((await browser.put('/api/external/questionnaire/draft', { answers: [{ questionId: team.member.id, rating: 3 }] })).status).toBe(422);
      expect((await browser.post('/api/external/questionnaire/submit', {})).status).toBe(422); // incomplete
      const submitted = await browser.post('/api/external/questionnaire/submit', answers());
      expect(submitted.status).toBe(200);
      expect((await browser.get('/api/external/questionnaire')).status).toBe(401);
      expect((await browser.post('/api/external/questionnaire/submit', answers())).status).toBe(401);
      const [row] = await t.db.query(`SELECT state, access_hash, draft FROM external_raters WHERE id = $1`, [id]);
      expect(row).toEqual({ state: 'submitted', access_hash: null, draft: null });
      // The inviter is not told whether they answered.
      const list = await subject.get(`/api/cycles/${cycle.id}/subjects/${team.member.id}/external-raters`);
      expect(list.body.items.find((r: { id: string }) => r.id === id).state).toBe('invited');
    });

    it('expires, and cannot be guessed: unknown, malformed and forged tokens open nothing', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const { id, token } = await invited(cycle);
      await t.db.query(`UPDATE external_raters SET link_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      const browser = t.client();
      expect((await browser.post('/api/external/open', { token }, { headers: network() })).status).toBe(404);
      // Same organisation prefix, other random bytes; a malformed one; an empty one.
      const guessed = token.slice(0, 22) + (token[22] === 'A' ? 'B' : 'A') + token.slice(23);
      expect((await browser.post('/api/external/open', { token: guessed }, { headers: network() })).status).toBe(404);
      expect((await browser.post('/api/external/open', { token: 'x'.repeat(64) }, { headers: network() })).status).toBe(404);
      expect((await browser.post('/api/external/open', { token: '' }, { headers: network() })).status).toBe(400);
      expect((await browser.post('/api/external/open', { token: 'x'.repeat(201) }, { headers: network() })).status).toBe(400);
      expect((await browser.post('/api/external/open', { token, extra: 1 }, { headers: network() })).status).toBe(400);
      // A forged cookie (unsigned, or another rater's access token unsigned) opens nothing.
      const forged = t.client();
      forged.importCookies(new Map([['ripple_external', token]]));
      expect((await forged.get('/api/external/questionnaire')).status).toBe(401);
    });

    it('is rate-limited by network: 20 refused links, then 429 with Retry-After until the window ends', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const { token } = await invited(cycle);
      const headers = network();
      const ip = headers['x-forwarded-for'];
      const browser = t.client();
      for (let i = 0; i < LINK_FAILURES_PER_NETWORK.limit; i++)
        expect((await browser.post('/api/external/open', { token: `${token.slice(0, 40)}${'A'.repeat(24)}` }, { headers })).status).toBe(404);
      expect(await counter(LINK_FAILURES_PER_NETWORK.scope, ip)).toEqual({ hits: LINK_FAILURES_PER_NETWORK.limit });
      const refused = await browser.post('/api/external/open', { token }, { headers });
      expectTooMany(refused);
      // A refused request is not counted (nothing was tried).
      expect(await counter(LINK_FAILURES_PER_NETWORK.scope, ip)).toEqual({ hits: LINK_FAILURES_PER_NETWORK.limit });
      // From another network the real link still works (and is spent by it).
      smtp.clear();
      const again = await invited(cycle);
      expect((await t.client().post('/api/external/open', { token: again.token }, { headers: network() })).status).toBe(200);

      // The window ends (moved into the past rather than waited for): this network may try again.
      await endWindow(LINK_FAILURES_PER_NETWORK.scope, ip);
      smtp.clear();
      const third = await invited(cycle);
      expect((await browser.post('/api/external/open', { token: third.token }, { headers })).status).toBe(200);
    });

    it('is rate-limited by the organisation the token names, whatever the network, and cleans up ended windows', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const { token } = await invited(cycle);
      const prefix = token.slice(0, 22);
      // Spend what is left of the organisation's budget as if from many networks.
      const bad = `${prefix}${'B'.repeat(42)}`;
      expect((await t.client().post('/api/external/open', { token: bad }, { headers: network() })).status).toBe(404);
      await t.db.query(`UPDATE rate_limit_counters SET hits = $3 WHERE scope = $1 AND key = $2`, [
        LINK_FAILURES_PER_ORGANIZATION.scope,
        prefix,
        LINK_FAILURES_PER_ORGANIZATION.limit - 1,
      ]);
      expect((await t.client().post('/api/external/open', { token: bad }, { headers: network() })).status).toBe(404);
      expectTooMany(await t.client().post('/api/external/open', { token }, { headers: network() }));
      expectTooMany(await t.client().post('/api/external/open', { token: bad }, { headers: network() }));
      // Another organisation's links are not affected.
      const other = `${'C'.repeat(22)}${'D'.repeat(42)}`;
      expect((await t.client().post('/api/external/open', { token: other }, { headers: network() })).status).toBe(404);

      await endWindow(LINK_FAILURES_PER_ORGANIZATION.scope, prefix);
      expect((await t.client().post('/api/external/open', { token }, { headers: network() })).status).toBe(200);
      // Ended windows are deleted by the next failure counted in the same budget: the table holds live windows only.
      expect(await counter(LINK_FAILURES_PER_ORGANIZATION.scope, prefix)).toBeDefined();
      expect((await t.client().post('/api/external/open', { token: other }, { headers: network() })).status).toBe(404);
      expect(await counter(LINK_FAILURES_PER_ORGANIZATION.scope, prefix)).toBeUndefined();
      expect(await counter(LINK_FAILURES_PER_ORGANIZATION.scope, other.slice(0, 22))).toEqual({ hits: 2 });
    });

    it('a new link ends the old one and the browser it opened; revoking ends everything', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const { id, token, email } = await invited(cycle);
      const browser = await opened(token);
      smtp.clear();
      expect((await hr.post(`/api/external-raters/${id}/resend`)).status).toBe(200);
      const [mail] = (await smtp.waitFor(1)).filter((m) => m.to.includes(email));
      expect((await browser.get('/api/external/questionnaire')).status).toBe(401);
      const fresh = tokenIn(mail);
      expect(fresh).not.toBe(token);
      const second = await opened(fresh);
      expect((await second.get('/api/external/questionnaire')).status).toBe(200);
      expect((await hr.post(`/api/external-raters/${id}/revoke`)).status).toBe(200);
      expect((await second.get('/api/external/questionnaire')).status).toBe(401);
      expect((await hr.post(`/api/external-raters/${id}/resend`)).status).toBe(403);
    });

    it("the subject sends new links to and revokes only whom they invited themselves, never HR's invitations", async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const byHr = await invited(cycle);
      // Before: the subject could drop the answers of a rater HR chose, or mail them new links.
      expect((await subject.post(`/api/external-raters/${byHr.id}/resend`)).status).toBe(404);
      expect((await subject.post(`/api/external-raters/${byHr.id}/revoke`)).status).toBe(404);
      const [row] = await t.db.query(`SELECT state FROM external_raters WHERE id = $1`, [byHr.id]);
      expect(row.state).toBe('invited');
      const list = (await subject.get(`/api/cycles/${cycle.id}/subjects/${team.member.id}/external-raters`)).body;
      expect(list.items.find((r: { id: string }) => r.id === byHr.id)).toMatchObject({ state: 'invited' });
      // Their own invitation stays theirs to manage; HR manages both.
      const own = await invite(subject, cycle, someone());
      expect(own.status).toBe(201);
      await smtp.waitFor(2);
      expect((await subject.post(`/api/external-raters/${own.body.id}/resend`)).status).toBe(200);
      expect((await subject.post(`/api/external-raters/${own.body.id}/revoke`)).status).toBe(200);
      expect((await hr.post(`/api/external-raters/${byHr.id}/resend`)).status).toBe(200);
      expect((await hr.post(`/api/external-raters/${byHr.id}/revoke`)).status).toBe(200);
    });

    it('a new link is answered alike whether or not the rater has answered: resend tells nobody who answered', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const invitedBySubject = async (): Promise<{ id: string; token: string; email: string }> => {
        const who = someone();
        const res = await invite(subject, cycle, who);
        expect(res.status).toBe(201);
        const mine = (await smtp.waitFor(1)).filter((m) => m.to.includes(who.email));
        smtp.clear();
        return { id: res.body.id, token: tokenIn(mine[0]), email: who.email };
      };
      const answered = await invitedBySubject();
      const silent = await invitedBySubject();
      const browser = await opened(answered.token);
      expect((await browser.post('/api/external/questionnaire/submit', answers())).status).toBe(200);
      // Before: 200 for the silent one, 403 for the one who had answered.
      const shape = (body: Record<string, unknown>) => ({ ...body, id: undefined, name: undefined, email: undefined, createdAt: undefined });
      const toSilent = await subject.post(`/api/external-raters/${silent.id}/resend`);
      const toAnswered = await subject.post(`/api/external-raters/${answered.id}/resend`);
      expect(toAnswered.status).toBe(toSilent.status);
      expect(toAnswered.status).toBe(200);
      expect(Object.keys(toAnswered.body).sort()).toEqual(Object.keys(toSilent.body).sort());
      expect(shape(toAnswered.body)).toMatchObject({ ...shape(toSilent.body), linkExpiresAt: expect.any(String) });
      // The list afterwards: the same state and a fresh expiry for both.
      const items = (await subject.get(`/api/cycles/${cycle.id}/subjects/${team.member.id}/external-raters`)).body.items as {
        id: string;
        state: string;
        linkExpiresAt: string;
      }[];
      const [a, s] = [answered.id, silent.id].map((id) => items.find((r) => r.id === id)!);
      expect(a.state).toBe(s.state);
      expect(Math.abs(Date.parse(a.linkExpiresAt) - Date.parse(s.linkExpiresAt))).toBeLessThan(60_000);
      // Both are mailed a new link alike (a mail only to the silent one would tell the outbox's reader who answered).
      const mailed = await smtp.waitFor(2);
      expect([answered.email, silent.email].map((email) => mailed.filter((m) => m.to.includes(email)).length)).toEqual([1, 1]);
      // The answer stays, and nothing opens for the one who answered.
      const [row] = await t.db.query(`SELECT state FROM external_raters WHERE id = $1`, [answered.id]);
      expect(row.state).toBe('submitted');
      const again = await t.client().post('/api/external/open', { token: tokenIn(mailed.find((m) => m.to.includes(answered.email))!) }, { headers: network() });
      expect(again.status).toBe(404);
    });

    it('the credential is refused by every other route of the API', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const { token } = await invited(cycle);
      const browser = await opened(token);
      const document = buildOpenApiDocument(t.app);
      const routes = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })));
      const own = new Set([
        'POST /api/external/open',
        'GET /api/external/questionnaire',
        'PUT /api/external/questionnaire/draft',
        'POST /api/external/questionnaire/submit',
      ]);
      // What anyone may call without a session answers the same with the credential as without it.
      const open = new Set([
        'GET /health/live',
        'GET /health/ready',
        'GET /api/auth/csrf',
        'GET /api/setup',
        'GET /api/auth/session',
        // Single sign-on's public steps: which provider, and the provider's redirect back (a redirect to the sign-in page).
        'GET /api/auth/sso/provider',
        'GET /api/auth/sso/callback',
      ]);
      const failures: string[] = [];
      let walked = 0;
      for (const { method, path } of routes) {
        const key = `${method} ${path}`;
        if (own.has(key) || open.has(key)) continue;
        const url = path.replace(/\{[^}]+\}/g, (name) => (/cycle/i.test(name) ? cycle.id : /subject/i.test(name) ? team.member.id : token));
        const res = await browser.request(method, url, method === 'GET' ? {} : { body: {} });
        walked++;
        if (res.status < 400 || res.status >= 500) failures.push(`${key} -> ${res.status}`);
        if (res.text.includes(team.member.id) || res.text.includes(team.org.id)) failures.push(`${key} -> shows an id`);
      }
      expect(walked).toBeGreaterThan(40);
      expect(failures).toEqual([]);
      // The session endpoint knows nobody: the credential is no session.
      expect((await browser.get('/api/auth/session')).body).toMatchObject({ me: null });
      // ...and the credential still works where it belongs.
      expect((await browser.get('/api/external/questionnaire')).status).toBe(200);
    });
  });

  describe("in the rater's language", () => {
    type Read = {
      language: string;
      behaviours: { key: string; name: string; statements: { id: string; key: string; text: string }[] }[];
      openQuestions: { id: string; text: string }[];
      scale: { points: { label: string }[]; notObservedLabel: string };
    };
    const ids = (q: Read) => [...q.behaviours.flatMap((b) => b.statements.map((st) => st.id)), ...q.openQuestions.map((o) => o.id)];
    const statement = (q: Read, key: string) => q.behaviours.flatMap((b) => b.statements).find((st) => st.key === key)!.text;

    it('the inviter chooses it: the mail and the questionnaire are German, the answers keyed as everyone else’s', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const who = { ...someone(), language: 'de' };
      const res = await invite(hr, cycle, who);
      expect(res.status).toBe(201);
      expect(res.body.language).toBe('de');
      const [mail] = (await smtp.waitFor(1)).filter((m) => m.to.includes(who.email));
      expect(mail.subject).toBe(`${team.member.name} bittet Sie um Feedback`);
      expect(mail.text).toContain(`${team.member.name} (${team.org.name}) würde sich über Ihr Feedback zur Zusammenarbeit freuen.`);
      expect(mail.text).not.toMatch(/asks for your feedback|Open the questionnaire/);

      const browser = await opened(tokenIn(mail));
      const german = (await browser.get('/api/external/questionnaire')).body as Read;
      expect(german.language).toBe('de');
      expect(statement(german, 'listening.1')).toBe('Lässt andere ausreden, bevor selbst geantwortet wird.');
      expect(german.behaviours[0]).toMatchObject({ key: 'listening', name: 'Zuhören' });
      expect(german.behaviours[0]).not.toHaveProperty('translations');
      expect(german.openQuestions[0].text).toBe('Was sollte diese Person beibehalten?');
      expect(german.scale.points.map((p) => p.label)).toEqual(['Selten', 'Manchmal', 'Oft', 'Sehr oft', 'Fast immer']);
      expect(german.scale.notObservedLabel).toBe('Nicht beobachtet');

      // The page's language switch reads the same questions, by the same ids, in English.
      const english = (await browser.get('/api/external/questionnaire?language=en')).body as Read;
      expect(english.language).toBe('en');
      expect(statement(english, 'listening.1')).toBe('Lets others finish what they are saying before replying.');
      expect(ids(english)).toEqual(ids(german));
      expect(ids(german)).toEqual([...version.statementIds, ...version.openQuestionIds]);
      for (const query of ['language=fr', 'language=', 'other=1']) {
        const refused = await browser.get(`/api/external/questionnaire?${query}`);
        expect({ query, status: refused.status, message: typeof refused.body.message }).toEqual({ query, status: 400, message: 'string' });
      }

      // Answered in German, stored by question id: the report reads them like any other.
      expect((await browser.post('/api/external/questionnaire/submit', answers())).status).toBe(200);
      const [row] = await t.db.query(`SELECT state, language FROM external_raters WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ state: 'submitted', language: 'de' });
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM external_raters er, jsonb_array_elements(er.answers->'answers') a WHERE er.id = $1 AND (a->>'questionId')::uuid = ANY($2::uuid[])`,
        [res.body.id, version.statementIds],
      );
      expect(n).toBe(version.statementIds.length);
    });

    it("by default the organisation's language, also for a proposal approved later; anything else is refused", async () => {
      const cycle = await aCycleWithExternals();
      const who = someone();
      const proposed = await invite(subject, cycle, who);
      expect(proposed.status).toBe(201);
      expect(proposed.body).toMatchObject({ state: 'proposed', language: 'en' });
      expect((await manager.post(`/api/external-raters/${proposed.body.id}/approve`)).status).toBe(200);
      const [mail] = (await smtp.waitFor(1)).filter((m) => m.to.includes(who.email));
      expect(mail.subject).toBe(`${team.member.name} asks for your feedback`);
      const browser = await opened(tokenIn(mail));
      const read = (await browser.get('/api/external/questionnaire')).body as Read;
      expect(read.language).toBe('en');
      expect(read.scale.notObservedLabel).toBe('Not observed');

      for (const language of ['fr', 'DE', '', 3]) {
        const refused = await invite(subject, cycle, { ...someone(), language });
        expect({ language, status: refused.status, message: refused.body.message }).toEqual({
          language,
          status: 400,
          message: expect.stringContaining('language'),
        });
      }
    });
  });

  describe('in the organisation', () => {
    it('an external rater never appears as a person', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const who = { name: 'Quentin Outsider', email: 'quentin@partner.example' };
      await invited(cycle, who);
      const people = await hr.get('/api/people?limit=200');
      expect(people.status).toBe(200);
      expect(people.text).not.toContain('Quentin');
      expect(people.text).not.toContain('partner.example');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM people WHERE email = $1 OR name = $2`, [who.email, who.name]);
      expect(n).toBe(0);
    });

    it('erases the addresses when the cycle closes, with an audit entry that does not hold them', async () => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      const { id, token, email } = await invited(cycle);
      const browser = await opened(token);
      expect((await hr.post(`/api/cycles/${cycle.id}/close`)).status).toBe(200);
      const [row] = await t.db.query(`SELECT email, email_erased_at, link_hash, access_hash FROM external_raters WHERE id = $1`, [id]);
      expect(row).toMatchObject({ email: null, link_hash: null, access_hash: null });
      expect(row.email_erased_at).not.toBeNull();
      const audit = await t.db.query(`SELECT action, details::text AS details FROM audit_events WHERE organization_id = $1 AND target_id = $2`, [
        team.org.id,
        cycle.id,
      ]);
      const erased = audit.filter((a: { action: string }) => a.action === 'cycle.external_emails_erased');
      expect(erased).toHaveLength(1);
      expect(erased[0].details).not.toContain(email);
      expect(JSON.parse(erased[0].details)).toMatchObject({ count: 1 });
      expect((await browser.get('/api/external/questionnaire')).status).toBe(401);
      const list = await hr.get(`/api/cycles/${cycle.id}/subjects/${team.member.id}/external-raters`);
      expect(list.body.items[0].email).toBeNull();
    });
  });

  describe('when the subject leaves the cycle', () => {
    it('removing them revokes every external rater: links and access end, answers are dropped, in the same transaction', async () => {
      const leaver = await aPerson(t.db, team.org.id, { name: 'Lou Leaving', managerId: team.manager.id });
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: false });
      await aSubject(t.db, cycle, leaver);
      const leaverClient = t.client();
      await leaverClient.signInAs(leaver);
      const inviteFor = async (who = someone()) => {
        const res = await invite(hr, cycle, who, leaver.id);
        expect(res.status).toBe(201);
        const mail = (await smtp.waitFor(1)).filter((m) => m.to.includes(who.email));
        smtp.clear();
        return { id: res.body.id as string, token: tokenIn(mail[0]) };
      };
      const answered = await inviteFor();
      const answering = await opened(answered.token);
      expect((await answering.post('/api/external/questionnaire/submit', answers())).status).toBe(200);
      const drafting = await inviteFor();
      const draftBrowser = await opened(drafting.token);
      expect((await draftBrowser.put('/api/external/questionnaire/draft', answers())).status).toBe(200);
      const unopened = await inviteFor();
      // Someone else's external rater in the same cycle is untouched.
      const othersRater = await invited(cycle);

      expect((await hr.post(`/api/people/${leaver.id}/deactivate`, { subjectHandling: 'remove' })).status).toBe(200);

      const rows: { id: string; state: string; answers: unknown; draft: unknown; link_hash: unknown; access_hash: unknown }[] = await t.db.query(
        `SELECT id, state, answers, draft, link_hash, access_hash FROM external_raters WHERE cycle_id = $1 AND subject_id = $2`,
        [cycle.id, leaver.id],
      );
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row).toMatchObject({ state: 'revoked', answers: null, draft: null, link_hash: null, access_hash: null });
      expect((await draftBrowser.get('/api/external/questionnaire')).status).toBe(401);
      const late = t.client();
      expect((await late.post('/api/external/open', { token: unopened.token }, { headers: network() })).status).toBe(404);
      const [other] = await t.db.query(`SELECT state, link_hash IS NOT NULL AS live FROM external_raters WHERE id = $1`, [othersRater.id]);
      expect(other).toMatchObject({ state: 'invited', live: true });
      await opened(othersRater.token);
    });
  });

  describe('in the report', () => {
    /**
     * How an external rater came in: the subject proposed and the manager approved (the only way
     * that counts toward k: nobody who reads the report chose the address alone), HR invited
     * (HR reads every report of its cycles: the address may be HR's own), or the subject invited
     * without approval (the address may be the subject's own).
     */
    type Inviter = 'subject-approved' | 'hr' | 'subject-alone';
    /** The link of one external rater brought in `how`. */
    const linkFor = async (cycle: { id: string }, how: Inviter): Promise<string> => {
      if (how === 'hr') return (await invited(cycle)).token;
      const who = someone();
      const res = await invite(subject, cycle, who);
      expect(res.status).toBe(201);
      if (how === 'subject-approved') {
        expect(res.body.state).toBe('proposed');
        expect((await manager.post(`/api/external-raters/${res.body.id}/approve`)).status).toBe(200);
      } else expect(res.body.state).toBe('invited');
      const mail = (await smtp.waitFor(1)).filter((m) => m.to.includes(who.email));
      expect(mail).toHaveLength(1);
      return tokenIn(mail[0]);
    };
    /** A cycle where the member gets `externals` external answers beside 3 peers, closed, snapshotted and released. */
    const reportWith = async (externals: number, how: Inviter = 'subject-approved') => {
      const cycle = await aCycleWithExternals({ managerApprovesExternalRaters: how === 'subject-approved', showManagerSeparately: true });
      for (let i = 0; i < 3; i++) {
        const peer = await aPerson(t.db, team.org.id);
        const [request] = await t.db.query(
          `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state) VALUES ($1, $2, $3, $4, 'peer', 'open') RETURNING id`,
          [team.org.id, cycle.id, team.member.id, peer.id],
        );
        const rater = t.client();
        await rater.signInAs(peer);
        expect((await rater.post(`/api/feedback-requests/${request.id}/submit`, answers())).status).toBe(200);
      }
      for (let i = 0; i < externals; i++) {
        const token = await linkFor(cycle, how);
        smtp.clear();
        const browser = await opened(token);
        expect((await browser.post('/api/external/questionnaire/submit', answers())).status).toBe(200);
      }
      expect((await hr.post(`/api/cycles/${cycle.id}/close`)).status).toBe(200);
      await snapshotReports(t, team.org.id, cycle.id);
      expect((await hr.post(`/api/cycles/${cycle.id}/release`)).status).toBe(200);
      const report = await subject.get(reportUrl(cycle.id, team.member.id));
      expect(report.status).toBe(200);
      return report.body;
    };

    it.each<Inviter>(['hr', 'subject-alone'])(
      'never counts toward k external raters whose address one reader chose alone (%s): no column of their own',
      async (how) => {
        const report = await reportWith(3, how);
        const external = report.columns.find((c: { key: string }) => c.key === 'external');
        expect(external.shown).toBe(false);
        for (const b of report.behaviours) for (const s of b.statements) expect(s.cells.external.shown).toBe(false);
        // Their answers stay in the pooled numbers, which stand on the 3 peers alone.
        expect(report.columns.find((c: { key: string }) => c.key === 'all_others')).toMatchObject({ shown: true, respondents: 6 });
      },
    );

    it('shows the external group once k external raters answered, never a name or an address', async () => {
      const report = await reportWith(3);
      expect(report.columns.find((c: { key: string }) => c.key === 'external')).toMatchObject({ shown: true, respondents: 3, groups: ['external'] });
      expect(report.columns.find((c: { key: string }) => c.key === 'all_others')).toMatchObject({ shown: true, respondents: 6 });
      expect(JSON.stringify(report)).not.toMatch(/Kim Customer|customer\.example/);
      expect(report.comments[0].others).toContain('Listens to customers before answering.');
    });

    it('pools fewer than k external raters with the rest, or hides them: never a column of their own', async () => {
      const report = await reportWith(2);
      const external = report.columns.find((c: { key: string }) => c.key === 'external');
      expect(external.shown).toBe(false);
      expect(['pooled', 'below_threshold']).toContain(external.reason);
      for (const b of report.behaviours) for (const s of b.statements) expect(s.cells.external.shown).toBe(false);
      expect(report.columns.find((c: { key: string }) => c.key === 'all_others')).toMatchObject({ shown: true, respondents: 5 });
    });
  });
});
