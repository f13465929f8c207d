import { JobsService } from '@lib/jobs';
import { aDraftCycle, aLaunchedCycle, inDays } from '../support/cycle-factories';
import { aTeam } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

const NIL = '00000000-0000-4000-8000-000000000000';

describe('cycles', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient;
  let member: HttpClient;
  let peer: HttpClient;
  let otherHr: HttpClient;
  let launched: { id: string };
  let draft: { id: string };
  const stateOf = async (id: string): Promise<string> => (await t.db.query(`SELECT state FROM cycles WHERE id = $1`, [id]))[0].state;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    hr = t.client();
    await hr.signInAs(a.admin);
    member = t.client();
    await member.signInAs(a.member);
    peer = t.client();
    await peer.signInAs(a.peer);
    otherHr = t.client();
    await otherHr.signInAs(b.admin);
    // member is a subject (and rates themself); peer takes no part.
    launched = await aLaunchedCycle(hr, [a.member.id], { name: 'Launched' });
    draft = await aDraftCycle(hr, { name: 'Draft' });
    await hr.post(`/api/cycles/${draft.id}/subjects`, { personIds: [a.member.id] });
  });
  afterAll(() => t.close());

  describe('authorisation per role', () => {
    // Each route: what a member who takes part in `launched` gets, and HR's success status.
    const routes = () => [
      { name: 'list', call: (c: HttpClient) => c.get('/api/cycles'), member: 200, admin: 200 },
      { name: 'create', call: (c: HttpClient) => c.post('/api/cycles', { name: 'X' }), member: 403, admin: 201 },
      { name: 'get', call: (c: HttpClient) => c.get(`/api/cycles/${launched.id}`), member: 200, admin: 200, crossOrg: 404 },
      { name: 'update', call: (c: HttpClient) => c.patch(`/api/cycles/${draft.id}`, { name: 'Draft' }), member: 403, admin: 200, crossOrg: 404 },
      {
        name: 'add subjects',
        call: (c: HttpClient) => c.post(`/api/cycles/${draft.id}/subjects`, { personIds: [a.colleague.id] }),
        member: 403,
        admin: 200,
        crossOrg: 404,
      },
      { name: 'list subjects', call: (c: HttpClient) => c.get(`/api/cycles/${launched.id}/subjects`), member: 403, admin: 200, crossOrg: 404 },
      {
        name: 'remove subject',
        call: (c: HttpClient) => c.delete(`/api/cycles/${draft.id}/subjects/${a.colleague.id}`),
        member: 403,
        admin: 204,
        crossOrg: 404,
      },
      { name: 'progress', call: (c: HttpClient) => c.get(`/api/cycles/${launched.id}/progress`), member: 403, admin: 200, crossOrg: 404 },
      { name: 'reminders', call: (c: HttpClient) => c.post(`/api/cycles/${draft.id}/reminders`), member: 403, admin: 409, crossOrg: 404 },
      { name: 'reminder preview', call: (c: HttpClient) => c.get(`/api/cycles/${launched.id}/reminders`), member: 403, admin: 200, crossOrg: 404 },
      { name: 'launch', call: (c: HttpClient) => c.post(`/api/cycles/${launched.id}/launch`), member: 403, admin: 409, crossOrg: 404 },
      { name: 'start-collecting', call: (c: HttpClient) => c.post(`/api/cycles/${draft.id}/start-collecting`), member: 403, admin: 409, crossOrg: 404 },
      { name: 'close', call: (c: HttpClient) => c.post(`/api/cycles/${draft.id}/close`), member: 403, admin: 409, crossOrg: 404 },
      { name: 'release', call: (c: HttpClient) => c.post(`/api/cycles/${draft.id}/release`), member: 403, admin: 409, crossOrg: 404 },
    ];
    it.each(routes().map((r) => r.name))('%s: anonymous 401, member, other organisation 404, admin', async (name) => {
      const route = routes().find((r) => r.name === name)!;
      expect((await route.call(t.client())).status).toBe(401);
      expect((await route.call(member)).status).toBe(route.member);
      if (route.crossOrg) expect((await route.call(otherHr)).status).toBe(route.crossOrg);
      expect((await route.call(hr)).status).toBe(route.admin);
    });

    it('shows members only the launched cycles they take part in, with minimal fields', async () => {
      const mine = (await member.get('/api/cycles')).body.items;
      expect(mine).toEqual([
        expect.objectContaining({ id: launched.id, state: 'nominating', myRoles: ['subject', 'rater'], subjectCount: null, frameworkName: null }),
      ]);
      expect((await peer.get('/api/cycles')).body.items).toEqual([]);
      expect((await otherHr.get('/api/cycles')).body.items.map((c: { id: string }) => c.id)).not.toContain(launched.id);
      const all = (await hr.get('/api/cycles')).body.items.map((c: { id: string }) => c.id);
      expect(all).toEqual(expect.arrayContaining([launched.id, draft.id]));
    });

    it('answers 404 to a member for a draft or a cycle they take no part in', async () => {
      expect((await member.get(`/api/cycles/${draft.id}`)).status).toBe(404);
      expect((await peer.get(`/api/cycles/${launched.id}`)).status).toBe(404);
      const got = await member.get(`/api/cycles/${launched.id}`);
      expect(got.body).toMatchObject({ myRoles: ['subject', 'rater'], allowedActions: [], editableSettings: [] });
    });

    it('answers 404 for malformed and unknown ids', async () => {
      expect((await hr.get('/api/cycles/nope')).status).toBe(404);
      expect((await hr.get(`/api/cycles/${NIL}`)).status).toBe(404);
      expect((await hr.post(`/api/cycles/${NIL}/launch`)).status).toBe(404);
      expect((await hr.delete(`/api/cycles/${draft.id}/subjects/nope`)).status).toBe(404);
    });
  });

  describe('create and read', () => {
    it('creates a draft on the default framework with default settings', async () => {
      const res = await hr.post('/api/cycles', { name: '  Spring 2026 ' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'Spring 2026',
        state: 'draft',
        frameworkName: 'Leadership at every level',
        frameworkVersion: 1,
        subjectCount: 0,
        launchedAt: null,
        allowedActions: ['launch'],
        myRoles: ['admin'],
        settings: {
          anonymityThreshold: 3,
          selfReview: true,
          minPeers: 3,
          maxPeers: 8,
          heatmapMinCellSize: 5,
          reminderDaysBeforeDeadline: [7, 2],
          responseDeadline: null,
        },
      });
      expect(res.body.editableSettings).toContain('anonymityThreshold');
      const audit = await hr.get(`/api/audit-events?targetId=${res.body.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['cycle.created']);
    });

    it('keeps given settings and deadlines', async () => {
      const res = await hr.post('/api/cycles', {
        name: 'Custom',
        settings: {
          anonymityThreshold: 5,
          maxPeers: 0,
          minPeers: 0,
          reportVisibility: { manager: 'on_close' },
          nominationDeadline: '2030-01-01T00:00:00.000Z',
          responseDeadline: '2030-02-01T00:00:00.000Z',
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        nominationDeadline: '2030-01-01T00:00:00.000Z',
        responseDeadline: '2030-02-01T00:00:00.000Z',
        settings: { anonymityThreshold: 5, maxPeers: 0, reportVisibility: { subject: 'on_release', manager: 'on_close' } },
      });
      expect((await hr.get(`/api/cycles/${res.body.id}`)).body).toEqual(res.body);
    });

    it.each([
      ['k below 3', { name: 'X', settings: { anonymityThreshold: 2 } }, 422, 'anonymityThreshold'],
      ['a heatmap minimum below k', { name: 'X', settings: { anonymityThreshold: 6, heatmapMinCellSize: 5 } }, 422, 'heatmapMinCellSize'],
      ['an unknown setting', { name: 'X', settings: { anonymity: 5 } }, 422, 'anonymity'],
      [
        'a response deadline before nominations end',
        { name: 'X', settings: { nominationDeadline: inDays(5), responseDeadline: inDays(4) } },
        422,
        'responseDeadline',
      ],
      ['a bad date', { name: 'X', settings: { responseDeadline: 'next week' } }, 422, 'responseDeadline'],
      ['settings that are not an object', { name: 'X', settings: [1] }, 400, 'settings'],
      ['no name', { settings: {} }, 400, 'name'],
      ['an oversize name', { name: 'x'.repeat(201) }, 400, 'name'],
      ['an unknown field', { name: 'X', colour: 'red' }, 400, 'colour'],
      ['a framework of another organisation', { name: 'X', frameworkId: NIL }, 422, 'frameworkId'],
    ])('refuses %s and writes nothing', async (_name, body, status, field) => {
      const [{ before }] = await t.db.query(`SELECT count(*)::int AS before FROM cycles`);
      const res = await hr.post('/api/cycles', body);
      expect(res.status).toBe(status);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      const [{ after }] = await t.db.query(`SELECT count(*)::int AS after FROM cycles`);
      expect(after).toBe(before);
    });
  });

  describe('settings', () => {
    it('changes anything in draft, merging with the current settings', async () => {
      const cycle = await aDraftCycle(hr);
      const res = await hr.patch(`/api/cycles/${cycle.id}`, { name: 'Renamed', settings: { anonymityThreshold: 4, reportVisibility: { manager: 'never' } } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Renamed',
        settings: { anonymityThreshold: 4, selfReview: true, reportVisibility: { subject: 'on_release', manager: 'never' } },
      });
      expect(res.body.responseDeadline).toBe(cycle.responseDeadline);
    });

    it('refuses locked settings with 409 once launched, and writes nothing', async () => {
      const cycle = await aLaunchedCycle(hr, [a.colleague.id]);
      const res = await hr.patch(`/api/cycles/${cycle.id}`, {
        name: 'Sneaky',
        settings: { anonymityThreshold: 3, selfReview: false, maxPeers: 2, minPeers: 1 },
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'setting_locked', fields: ['selfReview', 'minPeers', 'maxPeers'] });
      const after = (await hr.get(`/api/cycles/${cycle.id}`)).body;
      expect(after).toMatchObject({ name: cycle.name, settings: { selfReview: true, maxPeers: 8 } });
      // Unchanged values of locked settings and the schedule may still be sent.
      const deadline = inDays(20);
      const ok = await hr.patch(`/api/cycles/${cycle.id}`, {
        settings: { anonymityThreshold: 3, responseDeadline: deadline, reminderDaysBeforeDeadline: [3] },
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ responseDeadline: deadline, settings: { reminderDaysBeforeDeadline: [3] } });
      expect((await hr.patch(`/api/cycles/${cycle.id}`, { frameworkId: NIL })).status).toBe(409);
      expect(ok.body.editableSettings).toEqual([
        'maxOpenRequestsPerRater',
        'reminderDaysBeforeDeadline',
        'nominationDeadline',
        'responseDeadline',
        'heatmapMinCellSize',
      ]);
    });

    it('takes the heatmap minimum until close, never below k, and audits the change', async () => {
      const cycle = await aLaunchedCycle(hr, [a.colleague.id], { settings: { anonymityThreshold: 4 } });
      expect(cycle.settings.heatmapMinCellSize).toBe(5);
      const below = await hr.patch(`/api/cycles/${cycle.id}`, { settings: { heatmapMinCellSize: 3 } });
      expect(below.status).toBe(422);
      expect(below.body).toMatchObject({
        code: 'invalid_settings',
        errors: [{ field: 'heatmapMinCellSize', message: 'minimum people per cell must be at least anonymity threshold (4)' }],
      });
      const ok = await hr.patch(`/api/cycles/${cycle.id}`, { settings: { heatmapMinCellSize: 8 } });
      expect(ok.status).toBe(200);
      expect(ok.body.settings).toMatchObject({ anonymityThreshold: 4, heatmapMinCellSize: 8 });
      const audit = (await hr.get(`/api/audit-events?targetId=${cycle.id}&action=cycle.updated`)).body.items;
      expect(audit).toHaveLength(1);
      expect(audit[0].details).toMatchObject({ settings: ['heatmapMinCellSize'] });
      expect((await hr.post(`/api/cycles/${cycle.id}/close`)).status).toBe(200);
      const locked = await hr.patch(`/api/cycles/${cycle.id}`, { settings: { heatmapMinCellSize: 5 } });
      expect(locked.status).toBe(409);
      expect(locked.body).toMatchObject({ code: 'setting_locked', fields: ['heatmapMinCellSize'] });
      expect((await hr.get(`/api/cycles/${cycle.id}`)).body.settings.heatmapMinCellSize).toBe(8);
    });

    it('asks for the heatmap minimum to follow k up, rather than raising it quietly', async () => {
      const cycle = await aDraftCycle(hr);
      const raised = await hr.patch(`/api/cycles/${cycle.id}`, { settings: { anonymityThreshold: 6 } });
      expect(raised.status).toBe(422);
      expect(raised.body.errors).toEqual([{ field: 'heatmapMinCellSize', message: 'minimum people per cell must be at least anonymity threshold (6)' }]);
      const both = await hr.patch(`/api/cycles/${cycle.id}`, { settings: { anonymityThreshold: 6, heatmapMinCellSize: 6 } });
      expect(both.status).toBe(200);
      expect(both.body.settings).toMatchObject({ anonymityThreshold: 6, heatmapMinCellSize: 6 });
    });

    it('locks everything once closed', async () => {
      const cycle = await aLaunchedCycle(hr, [a.colleague.id]);
      expect((await hr.post(`/api/cycles/${cycle.id}/close`)).status).toBe(200);
      const res = await hr.patch(`/api/cycles/${cycle.id}`, { settings: { responseDeadline: inDays(30), heatmapMinCellSize: 6 } });
      expect(res.status).toBe(409);
      expect(res.body.fields).toEqual(['responseDeadline', 'heatmapMinCellSize']);
    });

    it('refuses invalid patches with 422 and writes nothing', async () => {
      const cycle = await aDraftCycle(hr);
      expect((await hr.patch(`/api/cycles/${cycle.id}`, { settings: { minPeers: 9 } })).status).toBe(422);
      expect((await hr.patch(`/api/cycles/${cycle.id}`, { settings: { reminderDaysBeforeDeadline: [2, 2] } })).status).toBe(422);
      expect((await hr.patch(`/api/cycles/${cycle.id}`, { name: '' })).status).toBe(400);
      expect((await hr.get(`/api/cycles/${cycle.id}`)).body).toEqual(cycle);
    });
  });

  describe('transitions', () => {
    it('walks draft → nominating → collecting → closed → released, refusing every wrong step with 409', async () => {
      const cycle = await aDraftCycle(hr);
      await hr.post(`/api/cycles/${cycle.id}/subjects`, { personIds: [a.member.id] });
      const refused = async (action: string, state: string) => {
        const res = await hr.post(`/api/cycles/${cycle.id}/${action}`);
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'invalid_transition', state });
        expect(await stateOf(cycle.id)).toBe(state);
      };
      await refused('close', 'draft');
      await refused('release', 'draft');
      await refused('start-collecting', 'draft');
      expect((await hr.post(`/api/cycles/${cycle.id}/launch`)).body).toMatchObject({ state: 'nominating', allowedActions: ['start-collecting', 'close'] });
      await refused('launch', 'nominating');
      await refused('release', 'nominating');
      expect((await hr.post(`/api/cycles/${cycle.id}/start-collecting`)).body.state).toBe('collecting');
      await refused('launch', 'collecting');
      await refused('start-collecting', 'collecting');
      const jobs = t.app.get(JobsService);
      const closed = await hr.post(`/api/cycles/${cycle.id}/close`);
      expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
      expect(jobs.heldJobs('reports.snapshot')).toContainEqual({ name: 'reports.snapshot', data: { organizationId: a.org.id, cycleId: cycle.id } });
      await refused('close', 'closed');
      // The reports are computed by the queued job: until every subject has one, release waits.
      const early = await hr.post(`/api/cycles/${cycle.id}/release`);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        code: 'reports_pending',
        message: 'Reports are still being computed — try again in a minute',
        subjectsWithoutReport: 1,
      });
      expect(await stateOf(cycle.id)).toBe('closed');
      await jobs.runHeld('reports.snapshot');
      expect((await hr.post(`/api/cycles/${cycle.id}/release`)).body).toMatchObject({ state: 'released', releasedAt: expect.any(String), allowedActions: [] });
      await refused('release', 'released');
      await refused('close', 'released');
      const audit = await hr.get(`/api/audit-events?targetId=${cycle.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action).reverse()).toEqual([
        'cycle.created',
        'cycle.subjects_added',
        'cycle.launched',
        'cycle.collecting',
        'cycle.closed',
        'cycle.released',
      ]);
    });

    it('closes a cycle only together with its report job: when the job cannot be queued, the cycle stays open', async () => {
      const cycle = await aLaunchedCycle(hr, [a.member.id]);
      const jobs = t.app.get(JobsService);
      await jobs.runHeld();
      const send = jest.spyOn(jobs, 'send').mockRejectedValueOnce(new Error('the job queue is unreachable'));
      try {
        expect((await hr.post(`/api/cycles/${cycle.id}/close`)).status).toBe(500);
      } finally {
        send.mockRestore();
      }
      expect(await stateOf(cycle.id)).toBe('nominating');
      expect(jobs.heldJobs('reports.snapshot')).toEqual([]);
      expect((await hr.post(`/api/cycles/${cycle.id}/close`)).body.state).toBe('closed');
      expect(jobs.heldJobs('reports.snapshot')).toEqual([{ name: 'reports.snapshot', data: { organizationId: a.org.id, cycleId: cycle.id } }]);
      await jobs.runHeld();
      expect((await hr.post(`/api/cycles/${cycle.id}/release`)).body.state).toBe('released');
    });

    it('launches a cycle without peers straight into collecting', async () => {
      const cycle = await aLaunchedCycle(hr, [a.member.id], { settings: { minPeers: 0, maxPeers: 0 } });
      expect(cycle).toMatchObject({ state: 'collecting', launchedAt: expect.any(String) });
    });

    it('refuses to launch without subjects or a future response deadline (422), changing nothing', async () => {
      const empty = await aDraftCycle(hr);
      const noSubjects = await hr.post(`/api/cycles/${empty.id}/launch`);
      expect(noSubjects.status).toBe(422);
      expect(noSubjects.body).toMatchObject({ code: 'launch_incomplete', errors: [{ field: 'subjects', message: expect.any(String) }] });
      const noDeadline = await aDraftCycle(hr, { settings: { responseDeadline: null } });
      await hr.post(`/api/cycles/${noDeadline.id}/subjects`, { personIds: [a.member.id] });
      expect((await hr.post(`/api/cycles/${noDeadline.id}/launch`)).body.errors).toEqual([{ field: 'responseDeadline', message: expect.any(String) }]);
      const past = await aDraftCycle(hr, { settings: { responseDeadline: inDays(-1) } });
      await hr.post(`/api/cycles/${past.id}/subjects`, { personIds: [a.member.id] });
      expect((await hr.post(`/api/cycles/${past.id}/launch`)).status).toBe(422);
      for (const id of [empty.id, noDeadline.id, past.id]) expect(await stateOf(id)).toBe('draft');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM feedback_requests WHERE cycle_id = ANY($1)`, [[noDeadline.id, past.id]]);
      expect(n).toBe(0);
    });

    it('launches exactly once under 10 concurrent launches, with no 5xx', async () => {
      const cycle = await aDraftCycle(hr);
      await hr.post(`/api/cycles/${cycle.id}/subjects`, { everyone: true });
      const results = await Promise.all(Array.from({ length: 10 }, () => hr.post(`/api/cycles/${cycle.id}/launch`)));
      expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
      const [{ n, distinct }] = await t.db.query(
        `SELECT count(*)::int AS n, count(DISTINCT (subject_id, rater_id))::int AS distinct FROM feedback_requests WHERE cycle_id = $1`,
        [cycle.id],
      );
      expect(n).toBe(distinct);
      const [{ launches }] = await t.db.query(`SELECT count(*)::int AS launches FROM audit_events WHERE target_id = $1 AND action = 'cycle.launched'`, [
        cycle.id,
      ]);
      expect(launches).toBe(1);
    });
  });
});
