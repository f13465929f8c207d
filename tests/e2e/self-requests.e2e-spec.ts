import { CycleNotificationsService } from '@lib/cycles';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { aPerson, aTeam, TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, reportUrl, snapshotReports, theDefaultFramework } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Feedback anyone asks for (a self-started 360), end to end over HTTP: Mo Member (reporting to Maya
 * Manager) asks colleagues about two behaviours; they answer through the normal questionnaire; Mo
 * closes it (or it closes by itself at its closing date) and reads the report alone, shares it and withdraws the share. HR sees only that it
 * happened: no HR view (cycle list and detail, progress, requests, heatmap, audit, outbox) shows
 * its content, raters, progress or report — checked with this and another organisation's ids.
 */
describe('self-started feedback', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let raters: TestPerson[];
  let outsider: TestPerson;
  let keys: string[];
  let frameworkVersionId: string;
  const as = new Map<string, HttpClient>();
  const client = (p: { email: string }): HttpClient => as.get(p.email)!;
  const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();
  const selfCycles = async (): Promise<number> => {
    const rows: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM cycles WHERE organization_id = $1 AND origin = 'self'`, [a.org.id]);
    return rows[0].n;
  };

  /** Answers every question the rater is asked, each statement with `rating`. */
  async function answer(rater: TestPerson, cycleId: string, rating: number): Promise<void> {
    const inbox = await client(rater).get('/api/feedback-requests?mine=true');
    const cycle = inbox.body.cycles.find((c: { id: string }) => c.id === cycleId);
    const requestId: string = cycle.requests[0].id;
    const q = await client(rater).get(`/api/feedback-requests/${requestId}`);
    expect(q.status).toBe(200);
    const answers = q.body.behaviours.flatMap((bh: { statements: { id: string }[] }) => bh.statements.map((s) => ({ questionId: s.id, rating })));
    const comments = q.body.openQuestions.map((o: { id: string }) => ({ questionId: o.id, text: 'They ask the quiet people first.' }));
    const submitted = await client(rater).post(`/api/feedback-requests/${requestId}/submit`, { answers, comments });
    expect([rater.name, submitted.status]).toEqual([rater.name, 200]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    const framework = await theDefaultFramework(t, a.org.id);
    await theDefaultFramework(t, b.org.id);
    keys = framework.behaviours.map((bh) => bh.key);
    frameworkVersionId = framework.id;
    raters = [];
    for (let i = 1; i <= 4; i++) raters.push(await aPerson(t.db, a.org.id, { name: `Rita Rater ${i}`, department: 'Learning' }));
    outsider = await aPerson(t.db, a.org.id, { name: 'Sam Shared', department: 'Finance' });
    for (const person of [a.admin, a.manager, a.member, a.colleague, a.peer, b.admin, b.member, outsider, ...raters]) {
      const c = t.client();
      await c.signInAs(person);
      as.set(person.email, c);
    }
  });
  afterAll(() => t.close());

  it('answers 401 without a session on every route', async () => {
    const anonymous = t.client();
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await anonymous.get('/api/self-requests')).status).toBe(401);
    expect((await anonymous.get('/api/self-requests/options')).status).toBe(401);
    expect((await anonymous.get('/api/self-requests/activity')).status).toBe(401);
    expect((await anonymous.post('/api/self-requests', {})).status).toBe(401);
    expect((await anonymous.post(`/api/self-requests/${id}/close`)).status).toBe(401);
    expect((await anonymous.get(`/api/reports/cycles/${id}/shares`)).status).toBe(401);
    expect((await anonymous.put(`/api/reports/cycles/${id}/shares/${id}`)).status).toBe(401);
    expect((await anonymous.delete(`/api/reports/cycles/${id}/shares/${id}`)).status).toBe(401);
  });

  it('tells anyone the limits and the behaviours to choose from; HR alone reads the activity', async () => {
    const options = await client(a.member).get('/api/self-requests/options');
    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({ enabled: true, minRaters: 3, maxBehaviours: 3, raterOpenRequestCap: 6, anonymityThreshold: 3, maxDays: 90 });
    expect(options.body.behaviours.map((bh: { key: string }) => bh.key)).toEqual(keys);
    expect(options.body.behaviours[0].description).toEqual(expect.any(String));
    expect((await client(a.member).get('/api/self-requests/activity')).status).toBe(403);
  });

  it("words the behaviours in the reader's language, by the same keys", async () => {
    const reader = client(a.colleague);
    const english = (await reader.get('/api/self-requests/options')).body;
    expect(english.behaviours[0]).toMatchObject({ key: 'listening', name: 'Listening' });
    expect((await reader.put('/api/auth/me/language', { language: 'de' })).status).toBe(200);
    try {
      const german = (await reader.get('/api/self-requests/options')).body;
      expect(german.behaviours.map((bh: { key: string }) => bh.key)).toEqual(keys);
      expect(german.behaviours[0]).toMatchObject({ key: 'listening', name: 'Zuhören' });
      expect(german.behaviours[0].description).not.toBe(english.behaviours[0].description);
      // Everyone else still reads the organisation's English.
      expect((await client(a.member).get('/api/self-requests/options')).body.behaviours[0].name).toBe('Listening');
    } finally {
      await reader.put('/api/auth/me/language', { language: null });
    }
  });

  it('refuses a bad request with a clear 4xx naming the problem, and writes nothing', async () => {
    const good = { behaviourKeys: keys.slice(0, 2), raterIds: raters.slice(0, 3).map((r) => r.id), responseDeadline: inDays(14) };
    const bad: [string, Record<string, unknown>, RegExp][] = [
      ['unknown field', { ...good, extra: 1 }, /extra/],
      ['no behaviours', { ...good, behaviourKeys: [] }, /at least one behaviour/],
      ['too many behaviours', { ...good, behaviourKeys: keys.slice(0, 4) }, /at most 3/],
      ['unknown behaviour', { ...good, behaviourKeys: ['no_such'] }, /does not: no_such/],
      ['too few raters', { ...good, raterIds: raters.slice(0, 2).map((r) => r.id) }, /at least 3/],
      ['themself', { ...good, raterIds: [...good.raterIds, a.member.id] }, /yourself/],
      ['a repeat', { ...good, raterIds: [raters[0].id, raters[0].id, raters[1].id] }, /repeat/],
      ["another organisation's person", { ...good, raterIds: [...good.raterIds.slice(0, 2), b.member.id] }, /not in the organisation/],
      ['not an id', { ...good, raterIds: ['x', 'y', 'z'] }, /person ids/],
      ['a past date', { ...good, responseDeadline: inDays(-1) }, /future/],
      ['too far', { ...good, responseDeadline: inDays(120) }, /within 90 days/],
      ['not a date', { ...good, responseDeadline: 'soon' }, /date/],
    ];
    for (const [what, body, message] of bad) {
      const r = await client(a.member).post('/api/self-requests', body);
      expect([what, [400, 422].includes(r.status), r.body.message]).toEqual([what, true, expect.stringMatching(message)]);
    }
    expect(await selfCycles()).toBe(0);
  });

  it('refuses with 403 while the organisation has it turned off', async () => {
    expect((await client(a.admin).patch('/api/organization', { selfRequestsEnabled: false })).status).toBe(200);
    const r = await client(a.member).post('/api/self-requests', {
      behaviourKeys: keys.slice(0, 1),
      raterIds: raters.slice(0, 3).map((x) => x.id),
      responseDeadline: inDays(14),
    });
    expect([r.status, r.body.code, r.body.message]).toEqual([403, 'self_requests_disabled', 'Your organisation has turned self-started feedback off']);
    expect((await client(a.member).get('/api/self-requests/options')).body.enabled).toBe(false);
    expect((await client(a.admin).patch('/api/organization', { selfRequestsEnabled: true })).status).toBe(200);
    expect(await selfCycles()).toBe(0);
  });

  let cycleId: string;

  it('starts one: the chosen colleagues, a self-assessment, relationships from the org chart, an audit entry that says only that', async () => {
    const r = await client(a.member).post('/api/self-requests', {
      behaviourKeys: keys.slice(0, 2),
      raterIds: [a.manager.id, a.colleague.id, ...raters.slice(0, 3).map((x) => x.id)],
      responseDeadline: inDays(14),
    });
    expect(r.status).toBe(201);
    cycleId = r.body.id;
    expect(r.body).toMatchObject({ state: 'collecting', behaviourKeys: keys.slice(0, 2), asked: 5, declined: 0, selfSubmitted: false, reportReady: false });
    const requests: { rater_id: string; relationship: string; state: string }[] = await t.db.query(
      `SELECT rater_id, relationship, state FROM feedback_requests WHERE cycle_id = $1 ORDER BY relationship`,
      [cycleId],
    );
    const byRater = new Map(requests.map((x) => [x.rater_id, x.relationship]));
    expect(byRater.get(a.member.id)).toBe('self');
    expect(byRater.get(a.manager.id)).toBe('manager');
    expect(byRater.get(a.colleague.id)).toBe('peer');
    expect(byRater.get(raters[0].id)).toBe('other');
    expect(requests.every((x) => x.state === 'open')).toBe(true);
    const audit: { action: string; details: unknown }[] = await t.db.query(`SELECT action, details FROM audit_events WHERE target_id = $1`, [cycleId]);
    expect(audit).toEqual([{ action: 'cycle.self_started', details: {} }]);
    expect((await client(a.member).get('/api/self-requests')).body.items.map((x: { id: string }) => x.id)).toEqual([cycleId]);
  });

  it("caps each colleague's open requests across every request, without saying how many they have", async () => {
    expect((await client(a.admin).patch('/api/organization', { raterOpenRequestCap: 1 })).status).toBe(200);
    const r = await client(a.peer).post('/api/self-requests', {
      behaviourKeys: keys.slice(0, 1),
      raterIds: [raters[0].id, raters[3].id, outsider.id],
      responseDeadline: inDays(7),
    });
    expect([r.status, r.body.code]).toEqual([422, 'invalid_owned_cycle']);
    expect(r.body.message).toMatch(/already have as many open requests as the organisation allows/);
    expect(r.body.message).toContain(raters[0].id);
    expect(r.body.message).not.toContain(raters[3].id);
    expect((await client(a.admin).patch('/api/organization', { raterOpenRequestCap: 6 })).status).toBe(200);
  });

  it('raters find it in their inbox as feedback Mo asked for, with only the chosen behaviours', async () => {
    const inbox = await client(raters[0]).get('/api/feedback-requests?mine=true');
    const cycle = inbox.body.cycles.find((c: { id: string }) => c.id === cycleId);
    expect(cycle).toMatchObject({ origin: 'self', name: 'Feedback Mo Member asked for' });
    expect(cycle.requests[0].subject.name).toBe('Mo Member');
    const q = await client(raters[0]).get(`/api/feedback-requests/${cycle.requests[0].id}`);
    expect(q.body.behaviours.map((bh: { key: string }) => bh.key)).toEqual(keys.slice(0, 2));
    expect(cycle.requests[0].progress.total).toBe(q.body.behaviours.reduce((n: number, bh: { statements: unknown[] }) => n + bh.statements.length, 0));
    // An HR admin asked here is told their answers count like anyone's: HR never reads this report.
    expect(q.body.answerAudience).toMatchObject({ kind: 'combined', raterMayRead: false });
  });

  it('HR sees only that it happened: no cycle view, progress, requests, heatmap or audit detail shows it', async () => {
    const hr = client(a.admin);
    expect((await hr.get('/api/cycles')).body.items.map((c: { id: string }) => c.id)).not.toContain(cycleId);
    for (const path of [
      `/api/cycles/${cycleId}`,
      `/api/cycles/${cycleId}/progress`,
      `/api/cycles/${cycleId}/reminders`,
      `/api/cycles/${cycleId}/subjects`,
      `/api/feedback-requests?cycleId=${cycleId}`,
      `/api/cycles/${cycleId}/subjects/${a.member.id}/requests`,
      `/api/reports/cycles/${cycleId}/heatmap`,
      `/api/reports/cycles/${cycleId}/team`,
      reportUrl(cycleId, a.member.id),
      `/api/reports/cycles/${cycleId}/shares`,
    ]) {
      const r = await hr.get(path);
      expect([path, r.status]).toEqual([path, 404]);
    }
    for (const [path, body] of [
      [`/api/cycles/${cycleId}/close`, undefined],
      [`/api/cycles/${cycleId}/release`, undefined],
      [`/api/cycles/${cycleId}/start-collecting`, undefined],
      [`/api/cycles/${cycleId}/reminders`, undefined],
      [`/api/cycles/${cycleId}/subjects`, { personIds: [a.peer.id] }],
      [`/api/self-requests/${cycleId}/close`, undefined],
    ] as const) {
      const r = await hr.post(path, body);
      expect([path, r.status]).toEqual([path, 404]);
    }
    expect((await hr.patch(`/api/cycles/${cycleId}`, { name: 'Mine now' })).status).toBe(404);
    const activity = await hr.get('/api/self-requests/activity');
    expect(activity.status).toBe(200);
    expect(activity.body).toMatchObject({ total: 1, running: 1, people: 1 });
    expect(activity.body.items).toEqual([
      { personId: a.member.id, name: 'Mo Member', department: 'Collections', startedAt: expect.any(String), closedAt: null },
    ]);
    expect(JSON.stringify(activity.body)).not.toMatch(new RegExp([cycleId, keys[0], raters[0].id].join('|')));
    const trail = await hr.get('/api/audit-events?limit=200');
    const mentioning = trail.body.items.filter((e: object) => JSON.stringify(e).includes(cycleId));
    expect(mentioning.map((e: { action: string }) => e.action)).toEqual(['cycle.self_started']);
    // The manager of the subject has no part in it either.
    expect((await client(a.manager).get(`/api/cycles/${cycleId}/subjects/${a.member.id}/requests`)).status).toBe(404);
    // Another organisation's HR knows nothing of it.
    expect((await client(b.admin).get('/api/self-requests/activity')).body).toMatchObject({ total: 0, items: [] });
    expect((await client(b.admin).get(`/api/cycles/${cycleId}`)).status).toBe(404);
  });

  it('the owner sees declines but never who answered', async () => {
    await answer(raters[0], cycleId, 4);
    const mine = (await client(a.member).get('/api/self-requests')).body.items[0];
    expect(mine).toMatchObject({ asked: 5, declined: 0 });
    expect(JSON.stringify(mine)).not.toMatch(/submitted"?:\s*[1-9]|answered/);
    // Their own subject view reads every asked request as just "asked".
    const list = await client(a.member).get(`/api/cycles/${cycleId}/subjects/${a.member.id}/requests`);
    expect(list.status).toBe(200);
    const states = list.body.items.filter((x: { relationship: string }) => x.relationship !== 'self').map((x: { state: string }) => x.state);
    expect(new Set(states)).toEqual(new Set(['open']));
  });

  it('only the owner closes it; then the report is theirs alone, with only the chosen behaviours', async () => {
    for (const rater of raters.slice(1, 3)) await answer(rater, cycleId, 2);
    await answer(a.colleague, cycleId, 3);
    await answer(a.member, cycleId, 5);
    for (const person of [a.manager, a.colleague, b.admin, b.member]) {
      expect([person.name, (await client(person).post(`/api/self-requests/${cycleId}/close`)).status]).toEqual([person.name, 404]);
    }
    expect((await client(a.member).post('/api/self-requests/not-a-uuid/close')).status).toBe(404);
    const closed = await client(a.member).post(`/api/self-requests/${cycleId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', reportReady: false });
    expect((await client(a.member).post(`/api/self-requests/${cycleId}/close`)).status).toBe(409);
    expect((await client(a.member).get(reportUrl(cycleId, a.member.id))).status).toBe(404);
    await snapshotReports(t, a.org.id, cycleId);
    expect((await client(a.member).get('/api/self-requests')).body.items[0]).toMatchObject({ state: 'released', reportReady: true });

    const report = await client(a.member).get(reportUrl(cycleId, a.member.id));
    expect(report.status).toBe(200);
    expect(report.body.viewer).toBe('subject');
    expect(report.body.behaviours.map((bh: { key: string }) => bh.key)).toEqual(keys.slice(0, 2));
    // Four colleagues answered (k = 3): every one counted; the manager did not answer and is pooled anyway.
    expect(report.body.behaviours[0].cells.all_others).toMatchObject({ shown: true, n: 4 });
    expect(report.body.behaviours[0].cells.self).toMatchObject({ shown: true, mean: 5 });
    expect((await client(a.member).get('/api/reports/mine')).body.items.map((x: { cycleId: string }) => x.cycleId)).toContain(cycleId);

    for (const person of [a.admin, a.manager, a.peer, b.admin]) {
      const r = await client(person).get(reportUrl(cycleId, a.member.id));
      expect([person.name, r.status]).toEqual([person.name, 404]);
      expect((await client(person).get(reportUrl(cycleId, a.member.id, '.csv'))).status).toBe(404);
    }
    // A rater counted as anonymous never reads it.
    expect((await client(raters[0]).get(reportUrl(cycleId, a.member.id))).status).toBe(404);
    expect((await client(a.admin).get('/api/self-requests/activity')).body).toMatchObject({ total: 1, running: 0 });
  });

  it('k holds: with fewer than k colleagues answering, no number of theirs is shown', async () => {
    const started = await client(a.colleague).post('/api/self-requests', {
      behaviourKeys: keys.slice(0, 1),
      raterIds: [raters[1].id, raters[2].id, raters[3].id],
      responseDeadline: inDays(10),
    });
    expect(started.status).toBe(201);
    const id: string = started.body.id;
    await answer(raters[1], id, 1);
    await answer(raters[2], id, 5);
    expect((await client(a.colleague).post(`/api/self-requests/${id}/close`)).status).toBe(200);
    await snapshotReports(t, a.org.id, id);
    const report = await client(a.colleague).get(reportUrl(id, a.colleague.id));
    expect(report.status).toBe(200);
    for (const bh of report.body.behaviours) {
      for (const [group, cell] of Object.entries(bh.cells as Record<string, { shown: boolean }>)) {
        if (group !== 'self') expect([group, cell.shown]).toEqual([group, false]);
      }
    }
    expect(report.body.comments.flatMap((c: { others: string[] }) => c.others)).toEqual([]);
  });

  it('the owner shares the report with a colleague who was not asked, and withdraws it', async () => {
    const url = (personId = ''): string => `/api/reports/cycles/${cycleId}/shares${personId ? `/${personId}` : ''}`;
    expect((await client(a.member).get(url())).body).toEqual({ items: [] });
    for (const [who, id, message] of [
      ['a rater', raters[0].id, /asked this colleague/],
      ['themself', a.member.id, /yours already/],
      ["another organisation's person", b.member.id, /not an active person/],
      ['not an id', 'nope', /person id/],
    ] as const) {
      const r = await client(a.member).put(url(id));
      expect([who, r.status, r.body.message]).toEqual([who, 422, expect.stringMatching(message)]);
    }
    // Nobody but the owner shares, lists or withdraws.
    for (const person of [a.admin, a.manager, outsider, b.admin]) {
      expect([person.name, (await client(person).put(url(a.peer.id))).status]).toEqual([person.name, 404]);
      expect((await client(person).get(url())).status).toBe(404);
      expect((await client(person).delete(url(outsider.id))).status).toBe(404);
    }
    expect((await client(outsider).get(reportUrl(cycleId, a.member.id))).status).toBe(404);

    const shared = await client(a.member).put(url(outsider.id));
    expect(shared.status).toBe(200);
    expect(shared.body.items).toEqual([expect.objectContaining({ personId: outsider.id, name: 'Sam Shared' })]);
    const read = await client(outsider).get(reportUrl(cycleId, a.member.id));
    expect([read.status, read.body.viewer]).toEqual([200, 'shared']);
    expect((await client(outsider).get('/api/reports/mine')).body.items).toEqual([expect.objectContaining({ cycleId, viewer: 'shared' })]);
    // HR's trail shows none of it.
    const trail = await client(a.admin).get('/api/audit-events?limit=200');
    expect(trail.body.items.filter((e: { action: string }) => e.action.startsWith('report.share'))).toEqual([]);

    const withdrawn = await client(a.member).delete(url(outsider.id));
    expect([withdrawn.status, withdrawn.body.items]).toEqual([200, []]);
    expect((await client(outsider).get(reportUrl(cycleId, a.member.id))).status).toBe(404);
    expect((await client(outsider).get('/api/reports/mine')).body.items).toEqual([]);
  });

  it('a share ends when the colleague leaves: brought back later, they read nothing of it', async () => {
    const url = (personId = ''): string => `/api/reports/cycles/${cycleId}/shares${personId ? `/${personId}` : ''}`;
    const sharee = await aPerson(t.db, a.org.id, { name: 'Lou Leaving', department: 'Finance' });
    const signedIn = async (): Promise<HttpClient> => {
      const c = t.client();
      await c.signInAs(sharee);
      return c;
    };
    expect((await client(a.member).put(url(sharee.id))).status).toBe(200);
    expect((await (await signedIn()).get(reportUrl(cycleId, a.member.id))).status).toBe(200);

    expect((await client(a.admin).post(`/api/people/${sharee.id}/deactivate`, {})).status).toBe(200);
    expect((await client(a.member).get(url())).body.items).toEqual([]);
    // Before: the share outlived the deactivation, and a reactivation (a rehire, SCIM's active: true) let them read it again.
    expect((await client(a.admin).post(`/api/people/${sharee.id}/reactivate`)).status).toBe(200);
    const back = await signedIn();
    expect((await back.get(reportUrl(cycleId, a.member.id))).status).toBe(404);
    expect((await back.get('/api/reports/mine')).body.items).toEqual([]);
    // The owner may share it again, on purpose.
    expect((await client(a.member).put(url(sharee.id))).status).toBe(200);
    expect((await back.get(reportUrl(cycleId, a.member.id))).status).toBe(200);
    expect((await client(a.member).delete(url(sharee.id))).status).toBe(200);
  });

  it("HR's outbox shows none of its invitations, which still reach the raters", async () => {
    const started = await client(a.manager).post('/api/self-requests', {
      behaviourKeys: keys.slice(0, 1),
      raterIds: [raters[3].id, outsider.id, a.peer.id],
      responseDeadline: inDays(10),
    });
    expect(started.status).toBe(201);
    const notifications = t.app.get(CycleNotificationsService);
    await expect(notifications.sendInvitations(a.org.id, started.body.id)).resolves.toBe(4);
    const sent: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM mail_messages WHERE dedupe_key LIKE $1`, [`invite:${started.body.id}:%`]);
    expect(sent[0].n).toBe(4);
    const outbox = await client(a.admin).get('/api/outbox');
    expect(outbox.status).toBe(200);
    expect(outbox.body.enabled).toBe(true);
    expect(JSON.stringify(outbox.body)).not.toContain('Maya Manager asked for');
    // A rater still reads their own invitation in their inbox.
    const inbox = await client(a.peer).get('/api/feedback-requests?mine=true');
    expect(inbox.body.cycles.map((c: { name: string }) => c.name)).toContain('Feedback Maya Manager asked for');
  });

  it('closes by itself at its closing date as if its owner had closed it; other organisations, closed and HR cycles are left alone', async () => {
    const jobs = t.app.get(JobsService);
    const stateOf = async (id: string): Promise<string> => {
      const [row]: { state: string }[] = await t.db.query(`SELECT state FROM cycles WHERE id = $1`, [id]);
      return row.state;
    };
    const deadline = inDays(5);
    const started = await client(a.peer).post('/api/self-requests', {
      behaviourKeys: keys.slice(0, 1),
      raterIds: raters.slice(0, 3).map((x) => x.id),
      responseDeadline: deadline,
    });
    expect(started.status).toBe(201);
    const id: string = started.body.id;
    // Queued at the start, for the closing date, in the organisation's name.
    const queued = jobs.heldJobs(JOB_NAMES.ownedCycleClose).filter((job) => (job.data as { cycleId: string }).cycleId === id);
    expect(queued).toEqual([{ name: JOB_NAMES.ownedCycleClose, data: { organizationId: a.org.id, cycleId: id }, startAfter: new Date(deadline) }]);
    for (const rater of raters.slice(0, 3)) await answer(rater, id, 4);

    // In another organisation's scope the job finds nothing.
    await jobs.runNow(JOB_NAMES.ownedCycleClose, { organizationId: b.org.id, cycleId: id });
    expect(await stateOf(id)).toBe('collecting');
    const snapshotJobs = (): number => jobs.heldJobs(JOB_NAMES.reportsSnapshot).filter((job) => (job.data as { cycleId: string }).cycleId === id).length;
    expect(snapshotJobs()).toBe(0);

    await jobs.runNow(JOB_NAMES.ownedCycleClose, { organizationId: a.org.id, cycleId: id });
    expect(await stateOf(id)).toBe('closed');
    expect(snapshotJobs()).toBe(1);
    // Run again (a retry): a closed cycle is left alone, nothing recorded or queued twice.
    await jobs.runNow(JOB_NAMES.ownedCycleClose, { organizationId: a.org.id, cycleId: id });
    expect(snapshotJobs()).toBe(1);
    const audit: { action: string; actor_id: string | null }[] = await t.db.query(
      `SELECT action, actor_id FROM audit_events WHERE target_id = $1 AND action = 'cycle.closed'`,
      [id],
    );
    expect(audit).toEqual([{ action: 'cycle.closed', actor_id: null }]);
    expect((await client(a.peer).post(`/api/self-requests/${id}/close`)).status).toBe(409);

    // The report is computed and released to the owner, as when the owner closes it.
    await jobs.runHeld(JOB_NAMES.reportsSnapshot);
    expect((await client(a.peer).get('/api/self-requests')).body.items.find((x: { id: string }) => x.id === id)).toMatchObject({
      state: 'released',
      reportReady: true,
    });
    const report = await client(a.peer).get(reportUrl(id, a.peer.id));
    expect([report.status, report.body.viewer]).toEqual([200, 'subject']);
    expect(report.body.behaviours[0].cells.all_others).toMatchObject({ shown: true, n: 3, mean: 4 });
    expect((await client(a.admin).get(reportUrl(id, a.peer.id))).status).toBe(404);

    // A released one stays as it is; an HR cycle still collecting is not the job's to close.
    await jobs.runNow(JOB_NAMES.ownedCycleClose, { organizationId: a.org.id, cycleId: id });
    expect(await stateOf(id)).toBe('released');
    const hrCycle = await aReportCycle(t.db, a.org.id, frameworkVersionId, { state: 'collecting' });
    await jobs.runNow(JOB_NAMES.ownedCycleClose, { organizationId: a.org.id, cycleId: hrCycle.id });
    expect(await stateOf(hrCycle.id)).toBe('collecting');
    await expect(jobs.runNow(JOB_NAMES.ownedCycleClose, { cycleId: id })).rejects.toThrow(/names no organisation/);
  });
  it('the hourly sweep closes one past its closing date whose close job never ran, exactly as the job would, and the job after it changes nothing', async () => {
    const jobs = t.app.get(JobsService);
    const sweep = t.app.get(CycleNotificationsService);
    const stateOf = async (id: string): Promise<string> => {
      const [row]: { state: string }[] = await t.db.query(`SELECT state FROM cycles WHERE id = $1`, [id]);
      return row.state;
    };
    const started = await client(a.colleague).post('/api/self-requests', {
      behaviourKeys: keys.slice(0, 1),
      raterIds: raters.slice(0, 3).map((x) => x.id),
      responseDeadline: inDays(5),
    });
    expect(started.status).toBe(201);
    const id: string = started.body.id;
    for (const rater of raters.slice(0, 3)) await answer(rater, id, 5);
    // An HR cycle past its closing date is HR's to close: the sweep leaves it collecting.
    const hrCycle = await aReportCycle(t.db, a.org.id, frameworkVersionId, { state: 'collecting' });
    // The closing date passes; the close job (held in tests) never runs.
    await t.db.query(`UPDATE cycles SET response_deadline = now() - interval '1 hour' WHERE id = ANY($1::uuid[])`, [[id, hrCycle.id]]);
    const snapshotJobs = (): number => jobs.heldJobs(JOB_NAMES.reportsSnapshot).filter((job) => (job.data as { cycleId: string }).cycleId === id).length;
    expect(snapshotJobs()).toBe(0);

    expect((await sweep.sweep()).ownedClosed).toBe(1);
    expect(await stateOf(id)).toBe('closed');
    expect(await stateOf(hrCycle.id)).toBe('collecting');
    expect(snapshotJobs()).toBe(1);
    const audit: { organization_id: string; action: string; actor_id: string | null }[] = await t.db.query(
      `SELECT organization_id, action, actor_id FROM audit_events WHERE target_id = $1 AND action = 'cycle.closed'`,
      [id],
    );
    expect(audit).toEqual([{ organization_id: a.org.id, action: 'cycle.closed', actor_id: null }]);

    // Sweeping again, or the job running late, closes nothing twice.
    expect((await sweep.sweep()).ownedClosed).toBe(0);
    await jobs.runNow(JOB_NAMES.ownedCycleClose, { organizationId: a.org.id, cycleId: id });
    expect(snapshotJobs()).toBe(1);
    expect(await t.db.query(`SELECT 1 FROM audit_events WHERE target_id = $1 AND action = 'cycle.closed'`, [id])).toHaveLength(1);

    // The report is computed and released to the owner alone, as after the job.
    await jobs.runHeld(JOB_NAMES.reportsSnapshot);
    expect(await stateOf(id)).toBe('released');
    const report = await client(a.colleague).get(reportUrl(id, a.colleague.id));
    expect([report.status, report.body.viewer]).toEqual([200, 'subject']);
    expect(report.body.behaviours[0].cells.all_others).toMatchObject({ shown: true, n: 3, mean: 5 });
    expect((await client(a.admin).get(reportUrl(id, a.colleague.id))).status).toBe(404);
  });

  // Last: the owner leaves.
  it("the owner's shares end when the owner leaves (nobody could withdraw them): back later, the colleague reads nothing", async () => {
    const url = (personId = ''): string => `/api/reports/cycles/${cycleId}/shares${personId ? `/${personId}` : ''}`;
    expect((await client(a.member).put(url(outsider.id))).status).toBe(200);
    expect((await client(outsider).get(reportUrl(cycleId, a.member.id))).status).toBe(200);
    const shares = async (): Promise<unknown[]> =>
      t.db.query(`SELECT person_id FROM report_shares WHERE organization_id = $1 AND subject_id = $2`, [a.org.id, a.member.id]);
    expect(await shares()).toHaveLength(1);

    expect((await client(a.admin).post(`/api/people/${a.member.id}/deactivate`, {})).status).toBe(200);
    expect(await shares()).toEqual([]);
    // Brought back (a rehire, SCIM's active: true), the owner finds nothing shared, and the colleague reads nothing.
    expect((await client(a.admin).post(`/api/people/${a.member.id}/reactivate`)).status).toBe(200);
    expect((await client(outsider).get(reportUrl(cycleId, a.member.id))).status).toBe(404);
    expect((await client(outsider).get('/api/reports/mine')).body.items).toEqual([]);
    const owner = t.client();
    await owner.signInAs(a.member);
    expect((await owner.get(url())).body).toEqual({ items: [] });
  });
});
