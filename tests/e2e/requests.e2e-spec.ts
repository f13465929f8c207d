import { aRequest, aRequestsWorld, aSubject, RequestsWorld, stateOf, TestCycle } from '../support/feedback-factories';
import { aPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/** Requesting feedback: who sees a subject's raters, asking peers, the limits that refuse a request. */
describe('feedback requests: asking for feedback', () => {
  let t: TestApp;
  let a: RequestsWorld['a'];
  let b: RequestsWorld['b'];
  let p: RequestsWorld['p'];
  let as: RequestsWorld['as'];
  let ask: RequestsWorld['ask'];
  let listUrl: RequestsWorld['listUrl'];
  let itemFor: RequestsWorld['itemFor'];
  let requestCount: RequestsWorld['requestCount'];
  let aNominatingCycle: RequestsWorld['aNominatingCycle'];

  beforeAll(async () => {
    t = await startTestApp();
    ({ a, b, p, as, ask, listUrl, itemFor, requestCount, aNominatingCycle } = await aRequestsWorld(t));
  });
  afterAll(() => t.close());

  describe('authorisation per role', () => {
    let cycle: TestCycle;
    let proposal: string;
    let open: string;
    beforeAll(async () => {
      cycle = await aNominatingCycle();
      proposal = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(0).id, state: 'proposed' });
      open = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(1).id, state: 'open' });
    });

    it('the subject list: anonymous 401; subject, manager, HR 200; a rater, an unrelated member and foreign HR 404', async () => {
      const url = listUrl(cycle.id, a.member.id);
      expect((await t.client().get(url)).status).toBe(401);
      for (const who of [a.member, a.manager, a.admin]) expect((await as(who).get(url)).status).toBe(200);
      for (const who of [p(1), a.colleague, a.peer, b.admin]) {
        const response = await as(who).get(url);
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('subject_not_found');
      }
      expect((await as(a.member).get(listUrl(cycle.id, 'nope'))).status).toBe(404);
      expect((await as(a.member).get(listUrl('00000000-0000-4000-8000-000000000000', a.member.id))).status).toBe(404);
      expect((await as(a.member).get(listUrl(cycle.id, a.colleague.id))).status).toBe(404);
    });

    it('asking peers: anonymous 401; an unrelated member, a rater and foreign HR 404, and nothing is written', async () => {
      const before = await requestCount(cycle.id);
      expect((await ask(t.client(), cycle.id, a.member.id, [p(2).id])).status).toBe(401);
      for (const who of [a.colleague, p(1), b.admin]) expect((await ask(as(who), cycle.id, a.member.id, [p(2).id])).status).toBe(404);
      expect(await requestCount(cycle.id)).toBe(before);
    });

    it('rater candidates: anonymous 401; subject, manager and HR 200; others 404', async () => {
      const url = (subjectId?: string) => `/api/cycles/${cycle.id}/rater-candidates${subjectId ? `?subjectId=${subjectId}` : ''}`;
      expect((await t.client().get(url())).status).toBe(401);
      expect((await as(a.member).get(url())).status).toBe(200);
      expect((await as(a.manager).get(url(a.member.id))).status).toBe(200);
      expect((await as(a.admin).get(url(a.member.id))).status).toBe(200);
      expect((await as(p(1)).get(url())).status).toBe(404); // not a subject of the cycle
      expect((await as(a.colleague).get(url(a.member.id))).status).toBe(404);
      expect((await as(b.admin).get(url(a.member.id))).status).toBe(404);
    });

    it('the request lists: anonymous 401; mine for everyone; a cycle for HR only; foreign HR 404', async () => {
      expect((await t.client().get('/api/feedback-requests?mine=true')).status).toBe(401);
      expect((await as(a.member).get('/api/feedback-requests?mine=true')).status).toBe(200);
      expect((await as(a.member).get('/api/feedback-requests?mine=approvals')).status).toBe(200);
      expect((await as(a.member).get(`/api/feedback-requests?cycleId=${cycle.id}`)).status).toBe(403);
      expect((await as(a.admin).get(`/api/feedback-requests?cycleId=${cycle.id}`)).status).toBe(200);
      expect((await as(b.admin).get(`/api/feedback-requests?cycleId=${cycle.id}`)).status).toBe(404);
      expect((await as(a.admin).get('/api/feedback-requests')).status).toBe(400);
      expect((await as(a.admin).get('/api/feedback-requests?mine=everything')).status).toBe(400);
    });

    it.each([
      ['approve', (c: HttpClient, id: string) => c.post(`/api/feedback-requests/${id}/approve`)],
      ['reject', (c: HttpClient, id: string) => c.post(`/api/feedback-requests/${id}/reject`, { reason: 'no' })],
      ['decline', (c: HttpClient, id: string) => c.post(`/api/feedback-requests/${id}/decline`, { reason: 'no' })],
      ['delete', (c: HttpClient, id: string) => c.delete(`/api/feedback-requests/${id}`)],
    ])('%s: anonymous 401; an unrelated member and foreign HR 404; nothing changes', async (_name, call) => {
      for (const id of [proposal, open]) {
        expect((await call(t.client(), id)).status).toBe(401);
        for (const who of [a.colleague, a.peer, b.admin]) expect((await call(as(who), id)).status).toBe(404);
        expect((await call(as(a.member), 'not-a-uuid')).status).toBe(404);
      }
      expect(await stateOf(t.db, proposal)).toBe('proposed');
      expect(await stateOf(t.db, open)).toBe('open');
    });

    it('a rater cannot see a proposal about them before it is approved', async () => {
      expect((await as(p(0)).post(`/api/feedback-requests/${proposal}/decline`, { reason: 'no' })).status).toBe(404);
      const tasks = await as(p(0)).get('/api/feedback-requests?mine=true');
      expect(JSON.stringify(tasks.body)).not.toContain(proposal);
    });

    it('those who see a request but may not act get 403: the subject approving, the manager declining, a rater removing', async () => {
      expect((await as(a.member).post(`/api/feedback-requests/${proposal}/approve`)).status).toBe(403);
      expect((await as(a.manager).post(`/api/feedback-requests/${open}/decline`, { reason: 'x' })).status).toBe(403);
      expect((await as(p(1)).delete(`/api/feedback-requests/${open}`)).status).toBe(403);
      expect((await as(a.manager).delete(`/api/feedback-requests/${open}`)).status).toBe(403);
      expect(await stateOf(t.db, proposal)).toBe('proposed');
      expect(await stateOf(t.db, open)).toBe('open');
    });
  });

  describe('a subject asks peers', () => {
    let cycle: TestCycle;
    beforeAll(async () => {
      cycle = await aNominatingCycle();
    });

    it('creates proposals for the manager to approve, and shows the limits', async () => {
      const response = await ask(as(a.member), cycle.id, a.member.id, [p(0).id, p(1).id]);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        cycleId: cycle.id,
        cycleState: 'nominating',
        subject: { id: a.member.id, name: 'Mo Member' },
        viewer: 'subject',
        minPeers: 2,
        maxPeers: 4,
        activePeers: 2,
        managerApprovesPeers: true,
        maxOpenRequestsPerRater: 3,
        canRequest: true,
      });
      expect(response.body.items.map((x: { relationship: string; rater: { name: string }; state: string }) => [x.relationship, x.rater.name, x.state])).toEqual(
        [
          ['self', 'Mo Member', 'open'],
          ['manager', 'Maya Manager', 'open'],
          ['peer', 'Ada Archivist', 'proposed'],
          ['peer', 'Ben Builder', 'proposed'],
        ],
      );
      expect(itemFor(response, p(0).id)).toMatchObject({
        reason: null,
        canRemove: true,
        canDecide: false,
        rater: { title: 'Specialist', department: 'Learning' },
      });
      const audit = await as(a.admin).get(`/api/audit-events?targetId=${cycle.id}`);
      expect(audit.body.items[0]).toMatchObject({ action: 'feedback_requests.requested', details: { subjectId: a.member.id, state: 'proposed' } });
    });

    it('refuses, by rater, with a clear reason: self, duplicate, another organisation, unknown person; nothing is written', async () => {
      const before = await requestCount(cycle.id);
      const self = await ask(as(a.member), cycle.id, a.member.id, [a.member.id]);
      expect(self.status).toBe(422);
      expect(self.body).toMatchObject({ code: 'cannot_request_self', errors: [{ field: 'raterIds.0', code: 'cannot_request_self', raterId: a.member.id }] });

      const duplicate = await ask(as(a.member), cycle.id, a.member.id, [p(0).id]);
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ code: 'duplicate_request', message: expect.stringMatching(/already been asked/) });
      // The manager rates them already: asking them as a peer too would count one person twice.
      expect((await ask(as(a.member), cycle.id, a.member.id, [a.manager.id])).body.code).toBe('duplicate_request');

      for (const outsider of [b.member.id, '00000000-0000-4000-8000-00000000abcd']) {
        const response = await ask(as(a.member), cycle.id, a.member.id, [outsider]);
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ code: 'rater_not_found', message: 'Rater not found' });
        expect(response.text).not.toContain(b.member.email);
      }

      const mixed = await ask(as(a.member), cycle.id, a.member.id, [p(2).id, a.member.id, b.member.id]);
      expect(mixed.status).toBe(409);
      expect(mixed.body).toMatchObject({ code: 'raters_refused', message: '2 of these people cannot be asked; nobody was asked' });
      expect(mixed.body.errors).toEqual([
        { field: 'raterIds.1', code: 'cannot_request_self', raterId: a.member.id, message: expect.any(String) },
        { field: 'raterIds.2', code: 'rater_not_found', raterId: b.member.id, message: 'Rater not found' },
      ]);
      expect(await requestCount(cycle.id)).toBe(before);
    });

    it('validates the body: 1 to 20 distinct person ids', async () => {
      const tooMany = Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      for (const body of [
        { raterIds: [] },
        { raterIds: tooMany },
        { raterIds: ['x'] },
        { raterIds: [p(3).id, p(3).id] },
        {},
        { raterIds: [p(3).id], note: 'hi' },
      ]) {
        const response = await as(a.member).post(listUrl(cycle.id, a.member.id), body);
        expect(response.status).toBe(400);
        expect(response.body.errors.length).toBeGreaterThan(0);
      }
      const other = await ask(as(a.member), cycle.id, a.member.id, [p(3).id], { relationship: 'other' });
      expect(other.status).toBe(403);
      expect((await ask(as(a.admin), cycle.id, a.member.id, [p(3).id], { relationship: 'manager' })).status).toBe(400);
    });

    it('stops at maxPeers, all or nothing, naming the rater over the limit', async () => {
      const before = await requestCount(cycle.id);
      const over = await ask(as(a.member), cycle.id, a.member.id, [p(2).id, p(3).id, p(4).id]);
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ code: 'peer_limit_reached', message: 'This cycle allows at most 4 peers per person' });
      expect(over.body.errors.map((e: { field: string }) => e.field)).toEqual(['raterIds.2']);
      expect(await requestCount(cycle.id)).toBe(before);
      const fits = await ask(as(a.member), cycle.id, a.member.id, [p(2).id, p(3).id]);
      expect(fits.status).toBe(201);
      expect(fits.body).toMatchObject({ activePeers: 4, canRequest: false });
    });

    it('lets the manager and HR ask on the subject\'s behalf without approval; HR may add "other" raters beyond the peer count', async () => {
      const byManager = await ask(as(a.manager), cycle.id, a.colleague.id, [p(0).id]);
      expect(byManager.status).toBe(201);
      expect(byManager.body.viewer).toBe('manager');
      expect(itemFor(byManager, p(0).id)).toMatchObject({ state: 'open', relationship: 'peer' });

      const byHr = await ask(as(a.admin), cycle.id, a.member.id, [p(4).id], { relationship: 'other' });
      expect(byHr.status).toBe(201);
      expect(byHr.body).toMatchObject({ viewer: 'admin', activePeers: 4 });
      expect(itemFor(byHr, p(4).id)).toMatchObject({ state: 'open', relationship: 'other' });
    });

    it('opens at once for a subject without a manager, and when the cycle does not ask for approval', async () => {
      const noManager = await ask(as(a.peer), cycle.id, a.peer.id, [p(5).id]);
      expect(noManager.status).toBe(201);
      expect(itemFor(noManager, p(5).id).state).toBe('open');
      const free = await aNominatingCycle({ managerApprovesPeers: false });
      const response = await ask(as(a.member), free.id, a.member.id, [p(5).id]);
      expect(itemFor(response, p(5).id).state).toBe('open');
    });
  });

  describe('the per-rater cap and the candidates', () => {
    it('refuses a rater at capacity and shows the load of each candidate', async () => {
      const cycle = await aNominatingCycle({ maxOpenRequestsPerRater: 2 });
      await aRequest(t.db, cycle, { subjectId: a.colleague.id, raterId: p(6).id, state: 'open' });
      await aRequest(t.db, cycle, { subjectId: a.peer.id, raterId: p(6).id, state: 'proposed' });
      await aRequest(t.db, cycle, { subjectId: a.colleague.id, raterId: p(5).id, state: 'submitted' });

      const refused = await ask(as(a.member), cycle.id, a.member.id, [p(5).id, p(6).id]);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'rater_at_capacity', errors: [{ field: 'raterIds.1', raterId: p(6).id }] });
      expect(await requestCount(cycle.id)).toBe(5);

      await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(4).id, state: 'declined' });
      const candidates = await as(a.member).get(`/api/cycles/${cycle.id}/rater-candidates?limit=50`);
      expect(candidates.status).toBe(200);
      expect(candidates.body).toMatchObject({ subjectId: a.member.id, maxOpenRequestsPerRater: 2 });
      const byName = Object.fromEntries(candidates.body.items.map((c: { name: string }) => [c.name, c]));
      expect(byName['Gus Guide']).toEqual({
        id: p(6).id,
        name: 'Gus Guide',
        title: 'Specialist',
        department: 'Learning',
        openRequests: 2,
        status: 'at_capacity',
        suggestion: null,
      });
      // Fay's submitted request about the colleague reads as asked: outside HR, only its rater knows it was answered.
      expect(byName['Fay Fundraiser']).toMatchObject({ openRequests: 1, status: 'available' });
      expect(byName['Eli Educator']).toMatchObject({ status: 'declined' });
      // Already asked: no load shown, as it would drop when they submit.
      expect(byName['Maya Manager']).toMatchObject({ openRequests: null, status: 'already_asked' });
      expect(byName['Mo Member']).toBeUndefined();
      expect(Object.keys(byName['Gus Guide'])).not.toContain('email');

      const search = await as(a.member).get(`/api/cycles/${cycle.id}/rater-candidates?search=fund`);
      expect(search.body.items.map((c: { name: string }) => c.name)).toEqual(['Fay Fundraiser']);
      expect((await as(a.member).get(`/api/cycles/${cycle.id}/rater-candidates?search=%25`)).body.items).toEqual([]);
      expect((await as(a.member).get(`/api/cycles/${cycle.id}/rater-candidates?limit=51`)).status).toBe(400);
      const foreign = await as(b.admin).get(`/api/cycles/${cycle.id}/rater-candidates?subjectId=${a.member.id}`);
      expect(foreign.status).toBe(404);
    });

    it("suggests the subject's team and the people they asked before first, says how many match, and leaks no answer", async () => {
      // A subject of their own, so that other tests' nominations are not theirs: Sol reports to Maya, with Mo and Cora.
      const sol = await aPerson(t.db, a.org.id, { name: 'Sol Subject', department: 'Collections', managerId: a.manager.id });
      const asSol = t.client();
      await asSol.signInAs(sol);
      const cycle = await aNominatingCycle({ maxOpenRequestsPerRater: 5 });
      await aSubject(t.db, cycle, sol);
      // An earlier cycle: Sol asked Ben (who answered) and Cy (who never did); HR asked Dee about Sol; Sol rated Eli.
      const earlier = await aNominatingCycle({}, 'closed');
      await aSubject(t.db, earlier, sol);
      await aSubject(t.db, earlier, p(4));
      const asked = async (raterId: string, state: 'submitted' | 'open', requestedBy: string) => {
        const id = await aRequest(t.db, earlier, { subjectId: sol.id, raterId, state });
        await t.db.query(`UPDATE feedback_requests SET requested_by = $2 WHERE id = $1`, [id, requestedBy]);
      };
      await asked(p(1).id, 'submitted', sol.id);
      await asked(p(2).id, 'open', sol.id);
      await asked(p(3).id, 'submitted', a.admin.id);
      await aRequest(t.db, earlier, { subjectId: p(4).id, raterId: sol.id, state: 'submitted' });
      // Leavers are never suggested.
      const gone = await aPerson(t.db, a.org.id, { name: 'Al Leaver', managerId: a.manager.id });
      await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [gone.id]);

      const url = (query: string) => `/api/cycles/${cycle.id}/rater-candidates?subjectId=${sol.id}&${query}`;
      const first = (await asSol.get(url('limit=5'))).body;
      const everyone = (await asSol.get(url('limit=50'))).body;
      expect(first.total).toBe(everyone.items.length);
      expect(first.total).toBeGreaterThan(5);
      // The team first (Maya the manager, Mo and Cora under her), then Ben and Cy whom Sol asked before, answered or not.
      expect(first.items.map((c: { name: string; suggestion: string | null }) => [c.name, c.suggestion])).toEqual([
        ['Cora Colleague', 'same_team'],
        ['Maya Manager', 'same_team'],
        ['Mo Member', 'same_team'],
        ['Ben Builder', 'asked_before'],
        ['Cy Curator', 'asked_before'],
      ]);
      const suggested = (body: { items: { name: string; suggestion: string | null }[] }) => body.items.filter((c) => c.suggestion).map((c) => c.name);
      expect(suggested(everyone)).toEqual(['Cora Colleague', 'Maya Manager', 'Mo Member', 'Ben Builder', 'Cy Curator']);
      expect(everyone.items.map((c: { name: string }) => c.name)).not.toContain('Al Leaver');
      // The manager, who may be new to the team, gets the org chart's suggestions only; HR gets both.
      const forManager = (await as(a.manager).get(url('limit=50'))).body;
      expect(suggested(forManager)).toEqual(['Cora Colleague', 'Maya Manager', 'Mo Member']);
      const forHr = (await as(a.admin).get(url('limit=50'))).body;
      expect(suggested(forHr)).toEqual(suggested(everyone));
      // Searching narrows the count too.
      expect((await asSol.get(url('search=cur&limit=1'))).body).toMatchObject({ total: 1, items: [{ name: 'Cy Curator', suggestion: 'asked_before' }] });
    });

    it('holds the cap under concurrent nominations of one rater', async () => {
      const cycle = await aNominatingCycle({ maxOpenRequestsPerRater: 1, managerApprovesPeers: false });
      const responses = await Promise.all([
        ask(as(a.member), cycle.id, a.member.id, [p(6).id]),
        ask(as(a.colleague), cycle.id, a.colleague.id, [p(6).id]),
        ask(as(a.peer), cycle.id, a.peer.id, [p(6).id]),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM feedback_requests WHERE cycle_id = $1 AND rater_id = $2`, [cycle.id, p(6).id]);
      expect(n).toBe(1);
    });
  });

  describe('when nominations are closed', () => {
    it.each([
      ['the cycle is closed', { state: 'closed' as const, settings: {} }, /cycle is closed/],
      [
        'the nomination deadline has passed',
        { state: 'nominating' as const, settings: { nominationDeadline: new Date(Date.now() - 60_000) } },
        /nominations closed on/,
      ],
      ['the cycle collects no peers', { state: 'collecting' as const, settings: { minPeers: 0, maxPeers: 0 } }, /does not collect feedback from peers/],
    ])('refuses a request when %s', async (_name, { state, settings }, message) => {
      const cycle = await aNominatingCycle(settings, state);
      const before = await requestCount(cycle.id);
      const response = await ask(as(a.member), cycle.id, a.member.id, [p(0).id]);
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(message);
      expect(await requestCount(cycle.id)).toBe(before);
      expect((await as(a.member).get(listUrl(cycle.id, a.member.id))).body.canRequest).toBe(false);
    });

    it('allows replacing a decline during collection', async () => {
      const cycle = await aNominatingCycle({}, 'collecting');
      const response = await ask(as(a.member), cycle.id, a.member.id, [p(0).id]);
      expect(response.status).toBe(201);
    });
  });

  describe('after the nomination deadline', () => {
    /** A collecting cycle whose nomination deadline passed an hour ago, the member with two peers asked before it. */
    async function pastDeadline(settings: Partial<Parameters<typeof aNominatingCycle>[0]> = {}) {
      const cycle = await aNominatingCycle({
        minPeers: 2,
        maxPeers: 3,
        maxOpenRequestsPerRater: 5,
        nominationDeadline: new Date(Date.now() + 86_400_000),
        ...settings,
      });
      const first = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(0).id, state: 'open' });
      const second = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(1).id, state: 'open' });
      await t.db.query(`UPDATE feedback_requests SET created_at = now() - interval '1 day' WHERE cycle_id = $1`, [cycle.id]);
      await t.db.query(`UPDATE cycles SET state = 'collecting', nomination_deadline = now() - interval '1 hour' WHERE id = $1`, [cycle.id]);
      return { cycle, first, second };
    }

    it('lets the subject replace a peer who declined or was not approved, one for one, up to maxPeers', async () => {
      const { cycle, second } = await pastDeadline();
      const view = async (who = a.member) => (await as(who).get(listUrl(cycle.id, a.member.id))).body;
      expect(await view()).toMatchObject({ peerRoom: 0, canRequest: false, canAddRaters: false });
      const closed = await ask(as(a.member), cycle.id, a.member.id, [p(2).id]);
      expect(closed.status).toBe(409);
      expect(closed.body).toMatchObject({ code: 'nominations_closed', message: expect.stringMatching(/nominations closed on .*in place of one who declined/) });

      expect((await as(p(1)).post(`/api/feedback-requests/${second}/decline`, { reason: 'On leave' })).status).toBe(200);
      expect(await view()).toMatchObject({ activePeers: 1, peerRoom: 1, canRequest: true });
      expect(await view(a.manager)).toMatchObject({ viewer: 'manager', peerRoom: 1, canRequest: true, canAddRaters: false });
      const before = await requestCount(cycle.id);
      const tooMany = await ask(as(a.member), cycle.id, a.member.id, [p(2).id, p(3).id]);
      expect(tooMany).toMatchObject({ status: 409, body: { code: 'nominations_closed' } });
      expect(await requestCount(cycle.id)).toBe(before);
      const replaced = await ask(as(a.member), cycle.id, a.member.id, [p(2).id]);
      expect(replaced.status).toBe(201);
      expect(itemFor(replaced, p(2).id)).toMatchObject({ state: 'proposed' }); // the manager still approves
      expect(replaced.body).toMatchObject({ peerRoom: 0, canRequest: false });

      // The manager does not approve the replacement: the subject may ask someone else again.
      const rejected = await as(a.manager).post(`/api/feedback-requests/${itemFor(replaced, p(2).id).id}/reject`, { reason: 'Not in our team' });
      expect(rejected.status).toBe(200);
      expect(await view()).toMatchObject({ peerRoom: 1, canRequest: true });
      expect((await ask(as(a.member), cycle.id, a.member.id, [p(3).id])).status).toBe(201);
      expect(await view()).toMatchObject({ activePeers: 2, peerRoom: 0, canRequest: false });
    });

    it('lets HR add raters whenever the cycle collects: peers up to maxPeers, then other colleagues', async () => {
      const { cycle } = await pastDeadline();
      const view = (await as(a.admin).get(listUrl(cycle.id, a.member.id))).body;
      expect(view).toMatchObject({ viewer: 'admin', peerRoom: 1, canRequest: true, canAddRaters: true });
      const peer = await ask(as(a.admin), cycle.id, a.member.id, [p(2).id]);
      expect(peer.status).toBe(201);
      expect(itemFor(peer, p(2).id)).toMatchObject({ relationship: 'peer', state: 'open' });
      expect(peer.body).toMatchObject({ activePeers: 3, canRequest: false, canAddRaters: true });
      expect((await ask(as(a.admin), cycle.id, a.member.id, [p(3).id])).body.code).toBe('peer_limit_reached');
      const other = await ask(as(a.admin), cycle.id, a.member.id, [p(3).id], { relationship: 'other' });
      expect(other.status).toBe(201);
      expect(itemFor(other, p(3).id)).toMatchObject({ relationship: 'other', state: 'open' });
      // Closed: nobody adds anyone.
      await t.db.query(`UPDATE cycles SET state = 'closed' WHERE id = $1`, [cycle.id]);
      expect((await as(a.admin).get(listUrl(cycle.id, a.member.id))).body).toMatchObject({ canRequest: false, canAddRaters: false });
      expect((await ask(as(a.admin), cycle.id, a.member.id, [p(4).id], { relationship: 'other' })).body).toMatchObject({
        code: 'nominations_closed',
        message: 'Raters can no longer be added: the cycle is closed',
      });
    });
  });

  describe('raters outside the peer group', () => {
    it('HR adds other colleagues in a cycle that collects no peers', async () => {
      const cycle = await aNominatingCycle({ minPeers: 0, maxPeers: 0 }, 'collecting');
      expect((await as(a.admin).get(listUrl(cycle.id, a.member.id))).body).toMatchObject({ maxPeers: 0, peerRoom: 0, canRequest: false, canAddRaters: true });
      expect((await as(a.member).get(listUrl(cycle.id, a.member.id))).body).toMatchObject({ canRequest: false, canAddRaters: false });
      expect((await ask(as(a.admin), cycle.id, a.member.id, [p(0).id])).body.code).toBe('peers_not_collected');
      const other = await ask(as(a.admin), cycle.id, a.member.id, [p(0).id], { relationship: 'other' });
      expect(other.status).toBe(201);
      expect(itemFor(other, p(0).id)).toMatchObject({ relationship: 'other', state: 'open' });
    });

    it('an HR admin who is the subject chooses raters as a subject: peers only, and no HR controls', async () => {
      const cycle = await aNominatingCycle({}, 'collecting');
      const own = await as(a.admin).get(listUrl(cycle.id, a.admin.id));
      expect(own.body).toMatchObject({ viewer: 'subject', canRequest: true, canAddRaters: false });
      const other = await ask(as(a.admin), cycle.id, a.admin.id, [p(0).id], { relationship: 'other' });
      expect(other.status).toBe(403);
      expect(itemFor(await ask(as(a.admin), cycle.id, a.admin.id, [p(0).id]), p(0).id)).toMatchObject({ relationship: 'peer', state: 'open' });
    });
  });

  describe('their own answers', () => {
    it('shows the subject their self-review, and the manager their own review, as they are; never the others', async () => {
      const cycle = await aNominatingCycle({}, 'collecting');
      await t.db.query(
        `UPDATE feedback_requests SET state = 'submitted', submitted_at = now() WHERE cycle_id = $1 AND subject_id = $2 AND relationship = 'self'`,
        [cycle.id, a.member.id],
      );
      await t.db.query(`UPDATE feedback_requests SET state = 'in_progress' WHERE cycle_id = $1 AND subject_id = $2 AND relationship = 'manager'`, [
        cycle.id,
        a.member.id,
      ]);
      await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: p(0).id, state: 'submitted' });
      const states = async (who: { email: string }) =>
        Object.fromEntries(
          (await as(who).get(listUrl(cycle.id, a.member.id))).body.items.map((x: { relationship: string; state: string }) => [x.relationship, x.state]),
        );
      expect(await states(a.member)).toEqual({ self: 'submitted', manager: 'open', peer: 'open' });
      expect(await states(a.manager)).toEqual({ self: 'open', manager: 'in_progress', peer: 'open' });
      expect(await states(a.admin)).toEqual({ self: 'submitted', manager: 'in_progress', peer: 'submitted' });
    });
  });
});
