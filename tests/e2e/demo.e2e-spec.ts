import { DEMO_PASSWORD, DemoSeedService, demoEmail } from '@lib/demo';
import { startTestApp, TestApp } from '../support/test-app';

describe('demo organisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeedService).seed();
  });
  afterAll(() => t.close());

  it('has the museum, its HR admin and a realistic org chart', async () => {
    const hr = t.client();
    const me = (await hr.login(demoEmail('hana'), DEMO_PASSWORD)).body;
    expect(me).toMatchObject({ role: 'admin', organizationName: 'Harbour Museum' });
    const people = (await hr.get('/api/people?limit=100')).body;
    expect(people.total).toBe(40);
    const withoutReports = people.items.filter((p: { directReportCount: number }) => p.directReportCount === 0);
    expect(withoutReports.length).toBeGreaterThan(20);
    expect((await hr.get('/api/people/departments')).body.length).toBeGreaterThanOrEqual(8);
    // Its settings name its one framework as the default for new cycles; set-up is gone.
    const [framework] = (await hr.get('/api/frameworks')).body.items;
    expect((await hr.get('/api/organization')).body).toMatchObject({
      name: 'Harbour Museum',
      anonymityThreshold: 3,
      defaultFrameworkId: framework.id,
      timeZone: 'UTC',
    });
    expect(await t.client().get('/api/setup')).toMatchObject({ status: 200, body: { pending: false } });
  });

  it('has two released cycles and one collecting, with work waiting for demo users', async () => {
    const hr = t.client();
    await hr.login(demoEmail('hana'), DEMO_PASSWORD);
    const cycles = (await hr.get('/api/cycles')).body.items;
    expect(cycles.map((c: { state: string }) => c.state).sort()).toEqual(['collecting', 'released', 'released']);
    const running = cycles.find((c: { state: string }) => c.state === 'collecting');
    const progress = (await hr.get(`/api/cycles/${running.id}/progress`)).body;
    expect(progress.overall.responseRate).toBeGreaterThan(0.2);
    expect(progress.overall.responseRate).toBeLessThan(0.8);

    const priya = t.client();
    await priya.login(demoEmail('priya'), DEMO_PASSWORD);
    const tasks = (await priya.get('/api/feedback-requests?mine=true')).body;
    const open = tasks.cycles.flatMap((c: { requests: { state: string }[] }) => c.requests).filter((r: { state: string }) => r.state === 'open');
    expect(open.length).toBeGreaterThan(2);
    const questionnaire = await priya.get(`/api/feedback-requests/${open[0].id}`);
    expect(questionnaire.status).toBe(200);
    expect(questionnaire.body.behaviours).toHaveLength(12);
  });

  it('is deterministic: answers in finished cycles include not-observed and comments', async () => {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS answers, count(*) FILTER (WHERE a.rating IS NULL AND q.type = 'rating')::int AS not_observed,
              count(*) FILTER (WHERE a.comment IS NOT NULL)::int AS comments
         FROM answers a JOIN questions q ON q.id = a.question_id`,
    );
    expect(row.answers).toBeGreaterThan(10_000);
    expect(row.not_observed).toBeGreaterThan(100);
    expect(row.comments).toBeGreaterThan(300);
  });

  it("shows complete reports of the released cycles: own, a direct report's, with comments and a trend", async () => {
    const priya = t.client();
    await priya.login(demoEmail('priya'), DEMO_PASSWORD);
    const mine = (await priya.get('/api/reports/mine')).body;
    type Mine = { cycleId: string; cycleName: string; releasedAt: string; subject: { id: string }; viewer: string };
    // Her two HR cycles; the feedback she asked for herself and the pulse that followed her plan have their own tests below.
    const own: Mine[] = mine.items.filter((r: Mine) => r.viewer === 'subject' && !r.cycleName.endsWith('asked for') && !r.cycleName.startsWith('Pulse · '));
    expect(own).toHaveLength(2);
    expect(mine.items.filter((r: Mine) => r.viewer === 'subject')).toHaveLength(4);
    const team: Mine[] = mine.items.filter((r: Mine) => r.viewer === 'manager');
    expect(team.length).toBeGreaterThan(0);

    const latest = own.sort((a, b) => b.releasedAt.localeCompare(a.releasedAt))[0];
    const report = (await priya.get(`/api/reports/cycles/${latest.cycleId}/subjects/${latest.subject.id}`)).body;
    const allOthers = report.behaviours.filter((b: { cells: { all_others: { shown: boolean } } }) => b.cells.all_others.shown);
    expect(allOthers).toHaveLength(report.behaviours.length);
    // The demo's showcase people were rated by everyone asked. Priya's 2 direct reports are too
    // few to stand alone; rather than hide her 5 peers beside them, the report pools the two
    // groups, and shows the sideways and downwards direction of influence together.
    const column = (key: string) => report.columns.find((c: { key: string }) => c.key === key);
    expect(column('others')).toMatchObject({ shown: true, groups: ['peer', 'direct_report'], respondents: 7 });
    expect(column('peer')).toMatchObject({ shown: false, reason: 'pooled' });
    expect(column('all_others').respondents).toBe(8);
    expect(report.directionOfInfluence.upwards.shown).toBe(true);
    expect(report.directionOfInfluence.pooled).toMatchObject({ directions: ['sideways', 'downwards'], cell: { shown: true } });
    expect(report.comments.flatMap((q: { others: string[] }) => q.others).length).toBeGreaterThan(0);
    expect(report.trend).not.toBeNull();
    expect((await priya.get(`/api/reports/cycles/${latest.cycleId}/subjects/${latest.subject.id}.pdf`)).status).toBe(200);

    const member = team[0];
    expect((await priya.get(`/api/reports/cycles/${member.cycleId}/subjects/${member.subject.id}`)).status).toBe(200);
  });

  it('shows a self-started request: Priya asked five colleagues, closed it, and reads its report alone', async () => {
    const priya = t.client();
    await priya.login(demoEmail('priya'), DEMO_PASSWORD);
    const [request, ...others] = (await priya.get('/api/self-requests')).body.items;
    expect(others).toEqual([]);
    expect(request).toMatchObject({ state: 'released', asked: 5, declined: 0, selfSubmitted: true, reportReady: true });
    expect(request.behaviourKeys).toHaveLength(2);
    const me = (await priya.get('/api/auth/me')).body;
    const report = await priya.get(`/api/reports/cycles/${request.id}/subjects/${me.id}`);
    expect(report.status).toBe(200);
    expect(report.body.cycle.origin).toBe('self');
    expect(report.body.behaviours.map((b: { key: string }) => b.key)).toEqual(request.behaviourKeys);
    expect(report.body.behaviours[0].cells.all_others).toMatchObject({ shown: true, n: 5 });
    const hr = t.client();
    await hr.login(demoEmail('hana'), DEMO_PASSWORD);
    expect((await hr.get(`/api/reports/cycles/${request.id}/subjects/${me.id}`)).status).toBe(404);
    expect((await hr.get('/api/self-requests/activity')).body).toMatchObject({ total: 1, running: 0, items: [{ name: 'Priya Raman' }] });
  });

  it('gives HR the organisation view of a released cycle', async () => {
    const hr = t.client();
    await hr.login(demoEmail('hana'), DEMO_PASSWORD);
    const released = (await hr.get('/api/cycles')).body.items.find((c: { state: string }) => c.state === 'released');
    const heatmap = await hr.get(`/api/reports/cycles/${released.id}/heatmap`);
    expect(heatmap.status).toBe(200);
  });

  it("shows Priya's completed pulse on her plan: then vs now for both behaviours of the plan", async () => {
    const priya = t.client();
    await priya.login(demoEmail('priya'), DEMO_PASSWORD);
    const [{ cycle_id: cycleId }]: { cycle_id: string }[] = await t.db.query(
      `SELECT dp.cycle_id FROM development_plans dp JOIN people p ON p.id = dp.subject_id WHERE p.email = $1`,
      [demoEmail('priya')],
    );
    const page = await priya.get(`/api/plans/cycles/${cycleId}/pulse`);
    expect(page.status).toBe(200);
    expect(page.body.pulse).toMatchObject({ progress: 'ready', weeks: 8 });
    const changes = page.body.pulse.comparison.behaviours as { key: string; change: { shown: boolean; delta?: number } }[];
    expect(changes.map((c) => c.key)).toEqual(['conversations', 'developing']);
    for (const c of changes) {
      expect(c.change.shown).toBe(true);
      expect(c.change.delta).toBeGreaterThan(0);
    }
  });
});
