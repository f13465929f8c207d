import { buildOpenApiDocument } from '../../apps/api/src/bootstrap';
import { aPerson, aTeam, TestPerson } from '../support/factories';
import { runHeldJobs } from '../support/cycle-factories';
import { aFrameworkVersion, TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, moveCycle, reportUrl, snapshotReports, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

type ManagerVisibility = 'on_close' | 'on_release' | 'never';

/**
 * Who may read a report, by role and cycle state. The subject (Mo Member) reports to Maya
 * Manager, frozen at launch; Pat Peer rated Mo; Cora Colleague is unrelated; Mo's manager was
 * changed to Nell after launch (today's manager, not the frozen one); Org B's HR uses Org A ids.
 */
describe('report access', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let nell: TestPerson;
  let cycle: TestCycle;
  const as = new Map<string, HttpClient>();
  const client = (p: { email: string }): HttpClient => as.get(p.email)!;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    nell = await aPerson(t.db, a.org.id, { name: 'Nell New-Manager' });
    version = await aFrameworkVersion(t.db, a.org.id);
    const raters = [await aPerson(t.db, a.org.id, { withLogin: false }), await aPerson(t.db, a.org.id, { withLogin: false })];
    cycle = await aReportCycle(t.db, a.org.id, version.id, { state: 'collecting' });
    await aReportSubject(t.db, cycle, a.member.id, { managerId: a.manager.id });
    await uniformResponses(
      t.db,
      cycle,
      version,
      a.member.id,
      [
        { id: a.member.id, relationship: 'self' },
        { id: a.manager.id, relationship: 'manager' },
        { id: a.peer.id, relationship: 'peer' },
        ...raters.map((r) => ({ id: r.id, relationship: 'peer' as const })),
      ],
      4,
    );
    await t.db.query(`UPDATE people SET manager_id = $2 WHERE id = $1`, [a.member.id, nell.id]);
    for (const person of [a.admin, a.manager, a.member, a.colleague, a.peer, nell, b.admin]) {
      const c = t.client();
      await c.signInAs(person);
      as.set(person.email, c);
    }
  });
  afterAll(() => t.close());

  async function setState(state: 'collecting' | 'closed' | 'released', manager: ManagerVisibility = 'on_release'): Promise<void> {
    await moveCycle(t.db, cycle.id, state, { reportVisibility: { subject: 'on_release', manager } });
    if (state !== 'collecting') await snapshotReports(t, a.org.id, cycle.id);
  }

  /** Status and error code per viewer, for the report and both exports (they must agree). */
  async function outcome(viewer: { email: string }): Promise<string> {
    const results = await Promise.all(['', '.csv', '.pdf'].map((suffix) => client(viewer).get(reportUrl(cycle.id, a.member.id, suffix as ''))));
    const [json] = results;
    for (const r of results) expect(r.status).toBe(json.status);
    return json.status === 200 ? '200' : `${json.status} ${JSON.parse(json.text).code ?? ''}`.trim();
  }

  async function outcomes(): Promise<Record<string, string>> {
    const viewers = { hr: a.admin, subject: a.member, manager: a.manager, todaysManager: nell, rater: a.peer, unrelated: a.colleague, otherOrgHr: b.admin };
    const out: Record<string, string> = {};
    for (const [name, person] of Object.entries(viewers)) out[name] = await outcome(person);
    return out;
  }

  const notFound = '404 report_not_found';
  const notYet = '404 report_not_available_yet';

  it('answers 401 without a session', async () => {
    const anonymous = t.client();
    for (const suffix of ['', '.csv', '.pdf'] as const) expect((await anonymous.get(reportUrl(cycle.id, a.member.id, suffix))).status).toBe(401);
    expect((await anonymous.get('/api/reports/mine')).status).toBe(401);
  });

  it('shows nothing before the cycle closes', async () => {
    await setState('collecting');
    expect(await outcomes()).toEqual({
      hr: notYet,
      subject: notYet,
      manager: notYet,
      todaysManager: notFound,
      rater: notFound,
      unrelated: notFound,
      otherOrgHr: notFound,
    });
  });

  it('after close: HR; the manager only with on_close', async () => {
    await setState('closed', 'on_release');
    expect(await outcomes()).toEqual({
      hr: '200',
      subject: notYet,
      manager: notYet,
      todaysManager: notFound,
      rater: notFound,
      unrelated: notFound,
      otherOrgHr: notFound,
    });
    await setState('closed', 'on_close');
    expect((await outcomes()).manager).toBe('200');
    await setState('closed', 'never');
    expect((await outcomes()).manager).toBe(notFound);
  });

  it('after release: the subject, the manager as the cycle says, HR; never raters or other organisations', async () => {
    await setState('released', 'on_release');
    expect(await outcomes()).toEqual({
      hr: '200',
      subject: '200',
      manager: '200',
      todaysManager: notFound,
      rater: notFound,
      unrelated: notFound,
      otherOrgHr: notFound,
    });
    await setState('released', 'on_close');
    expect((await outcomes()).manager).toBe('200');
    await setState('released', 'never');
    expect(await outcomes()).toMatchObject({ subject: '200', manager: notFound, hr: '200' });
    const own = await client(a.member).get(reportUrl(cycle.id, a.member.id));
    expect(own.body.viewer).toBe('subject');
  });

  it('answers 404 for malformed, unknown and mismatched ids', async () => {
    await setState('released');
    const hr = client(a.admin);
    expect((await hr.get(reportUrl('not-a-uuid', a.member.id))).status).toBe(404);
    expect((await hr.get(reportUrl(cycle.id, 'nope.csv'))).status).toBe(404);
    expect((await hr.get(reportUrl(cycle.id, a.colleague.id))).status).toBe(404);
    expect((await hr.get(reportUrl('00000000-0000-4000-8000-000000000000', a.member.id, '.pdf'))).status).toBe(404);
    expect((await client(b.admin).get(`/api/reports/cycles/${cycle.id}/heatmap`)).status).toBe(404);
    expect((await client(a.member).get(`/api/reports/cycles/${cycle.id}/heatmap`)).status).toBe(403);
  });

  it('lists my reports: the subject after release, the frozen manager as allowed', async () => {
    const listed = async (viewer: { email: string }) =>
      (await client(viewer).get('/api/reports/mine')).body.items.map(
        (i: { subject: { id: string }; viewer: string }) => `${i.subject.id === a.member.id ? 'mo' : i.subject.id}:${i.viewer}`,
      );
    await setState('closed', 'on_close');
    expect(await listed(a.member)).toEqual([]);
    expect(await listed(a.manager)).toEqual(['mo:manager']);
    await setState('released', 'on_release');
    expect(await listed(a.member)).toEqual(['mo:subject']);
    expect(await listed(a.manager)).toEqual(['mo:manager']);
    for (const other of [a.peer, a.colleague, nell, b.admin]) expect(await listed(other)).toEqual([]);
    const [item] = (await client(a.member).get('/api/reports/mine')).body.items;
    expect(item).toMatchObject({ cycleId: cycle.id, cycleState: 'released', subject: { name: 'Mo Member', department: 'Collections' } });
  });

  it('audits every view and export, and HR lists them', async () => {
    await setState('released', 'on_release');
    await t.db.query(`DELETE FROM audit_events WHERE target_type = 'report'`);
    expect((await client(a.member).get(reportUrl(cycle.id, a.member.id))).status).toBe(200);
    expect((await client(a.manager).get(reportUrl(cycle.id, a.member.id, '.csv'))).status).toBe(200);
    expect((await client(a.admin).get(reportUrl(cycle.id, a.member.id, '.pdf'))).status).toBe(200);
    expect((await client(a.peer).get(reportUrl(cycle.id, a.member.id))).status).toBe(404);
    const trail = await client(a.admin).get('/api/audit-events?targetType=report');
    expect(trail.status).toBe(200);
    const events = trail.body.items.map((e: { actorName: string; action: string; targetId: string; details: { format?: string; viewer: string } }) => [
      e.actorName,
      e.action,
      e.targetId,
      e.details.format ?? null,
      e.details.viewer,
    ]);
    const target = `${cycle.id}:${a.member.id}`;
    expect(events).toEqual([
      ['Hr Admin', 'report.exported', target, 'pdf', 'admin'],
      ['Maya Manager', 'report.exported', target, 'csv', 'manager'],
      ['Mo Member', 'report.viewed', target, null, 'subject'],
    ]);
    expect((await client(a.member).get('/api/audit-events?targetType=report')).status).toBe(403);
    expect((await client(b.admin).get('/api/audit-events?targetType=report')).body.items).toEqual([]);
  });

  it('records every one of many concurrent views (written together, never dropped)', async () => {
    await setState('released', 'on_release');
    await t.db.query(`DELETE FROM audit_events WHERE target_type = 'report'`);
    const readers = [a.member, a.manager, a.admin];
    const reads = await Promise.all(Array.from({ length: 30 }, (_, i) => client(readers[i % 3]).get(reportUrl(cycle.id, a.member.id))));
    expect(reads.map((r) => r.status)).toEqual(Array(30).fill(200));
    const rows = await t.db.query(
      `SELECT actor_id, count(*)::int AS n FROM audit_events WHERE target_type = 'report' AND action = 'report.viewed' AND organization_id = $1 GROUP BY actor_id ORDER BY actor_id`,
      [a.org.id],
    );
    expect(rows).toEqual(readers.map((r) => ({ actor_id: r.id, n: 10 })).sort((x, y) => x.actor_id.localeCompare(y.actor_id)));
  });

  it('documents the report for the typed web client under names of its own', () => {
    // Two DTO classes with one name share one OpenAPI schema: the report's must not collide.
    const schemas = buildOpenApiDocument(t.app).components!.schemas as Record<
      string,
      { properties?: Record<string, { $ref?: string; items?: { $ref?: string } }> }
    >;
    expect(schemas.ReportDto.properties!.behaviours.items!.$ref).toBe('#/components/schemas/ReportBehaviourDto');
    expect(Object.keys(schemas.ReportBehaviourDto.properties!)).toEqual(['key', 'name', 'description', 'kind', 'cells', 'statements']);
    expect(Object.keys(schemas.ReportStatementDto.properties!)).toEqual(['id', 'text', 'cells']);
  });

  it('snapshots through the job the close sends, and never before', async () => {
    const second = await aReportCycle(t.db, a.org.id, version.id, { state: 'collecting' });
    await aReportSubject(t.db, second, a.colleague.id, { managerId: a.manager.id });
    await uniformResponses(t.db, second, version, a.colleague.id, [{ id: a.colleague.id, relationship: 'self' }], 5);
    await expect(snapshotReports(t, a.org.id, second.id)).rejects.toMatchObject({ code: 'cycle_not_closed' });
    const closed = await client(a.admin).post(`/api/cycles/${second.id}/close`);
    expect(closed.status).toBe(200);
    const url = reportUrl(second.id, a.colleague.id);
    const before = await client(a.admin).get(url);
    expect([before.status, before.body.code]).toEqual([404, 'report_not_available_yet']);
    expect(await runHeldJobs(t, 'reports.snapshot')).toBe(1);
    const after = await client(a.admin).get(url);
    expect(after.status).toBe(200);
    expect(after.body.indices.influence.self).toMatchObject({ shown: true, mean: 5 });
  });

  it('keeps an HR admin from their own report until release, as any subject, while other HR read it at close', async () => {
    const c = await aTeam(t.db, 'Org C');
    const otherHr = await aPerson(t.db, c.org.id, { role: 'admin' });
    const own = await aReportCycle(t.db, c.org.id, (await aFrameworkVersion(t.db, c.org.id)).id, { state: 'closed' });
    await aReportSubject(t.db, own, c.admin.id, { managerId: c.manager.id });
    await snapshotReports(t, c.org.id, own.id);
    const [self, colleague] = [t.client(), t.client()];
    await self.signInAs(c.admin);
    await colleague.signInAs(otherHr);
    for (const suffix of ['', '.csv', '.pdf'] as const) {
      const early = await self.get(reportUrl(own.id, c.admin.id, suffix));
      expect([early.status, JSON.parse(early.text).code]).toEqual([404, 'report_not_available_yet']);
      expect((await colleague.get(reportUrl(own.id, c.admin.id, suffix))).status).toBe(200);
    }
    await moveCycle(t.db, own.id, 'released');
    const released = await self.get(reportUrl(own.id, c.admin.id));
    expect(released.status).toBe(200);
    expect(released.body.subject.id).toBe(c.admin.id);
  });

  it('shows the trend only to a reader who may read the earlier report it compares with', async () => {
    // Mo's earlier cycle never showed managers reports; Cora's earlier manager was Nia, not Maya.
    const c = await aTeam(t.db, 'Org D');
    const nia = await aPerson(t.db, c.org.id, { name: 'Nia Former-Manager' });
    const v = await aFrameworkVersion(t.db, c.org.id);
    const peers = [
      await aPerson(t.db, c.org.id, { withLogin: false }),
      await aPerson(t.db, c.org.id, { withLogin: false }),
      await aPerson(t.db, c.org.id, { withLogin: false }),
    ];
    const rate = async (cycle: TestCycle, subject: TestPerson, managerId: string, rating: number): Promise<void> => {
      await aReportSubject(t.db, cycle, subject.id, { managerId });
      await uniformResponses(
        t.db,
        cycle,
        v,
        subject.id,
        [{ id: subject.id, relationship: 'self' }, ...peers.map((p) => ({ id: p.id, relationship: 'peer' as const }))],
        rating,
      );
    };
    const earlierNever = await aReportCycle(t.db, c.org.id, v.id, {
      state: 'released',
      name: 'Earlier, managers never',
      closedAt: new Date('2025-03-01T00:00:00Z'),
      settings: { reportVisibility: { subject: 'on_release', manager: 'never' } },
    });
    await rate(earlierNever, c.member, c.manager.id, 2);
    const earlierNia = await aReportCycle(t.db, c.org.id, v.id, { state: 'released', name: 'Earlier, under Nia', closedAt: new Date('2025-04-01T00:00:00Z') });
    await rate(earlierNia, c.colleague, nia.id, 2);
    const current = await aReportCycle(t.db, c.org.id, v.id, { state: 'released', name: 'Now', closedAt: new Date('2026-03-01T00:00:00Z') });
    await rate(current, c.member, c.manager.id, 4);
    await rate(current, c.colleague, c.manager.id, 4);
    for (const cycle of [earlierNever, earlierNia, current]) await snapshotReports(t, c.org.id, cycle.id);

    const readers = new Map<string, HttpClient>();
    for (const person of [c.admin, c.manager, c.member, c.colleague]) {
      const client = t.client();
      await client.signInAs(person);
      readers.set(person.email, client);
    }
    const trendOf = async (reader: TestPerson, subject: TestPerson): Promise<string | null> => {
      const response = await readers.get(reader.email)!.get(reportUrl(current.id, subject.id));
      expect(response.status).toBe(200);
      return response.body.trend && `${response.body.trend.previousCycle.name}: ${response.body.trend.influence.delta}`;
    };
    expect(await trendOf(c.admin, c.member)).toBe('Earlier, managers never: 2');
    expect(await trendOf(c.member, c.member)).toBe('Earlier, managers never: 2');
    expect(await trendOf(c.manager, c.member)).toBeNull();
    expect(await trendOf(c.admin, c.colleague)).toBe('Earlier, under Nia: 2');
    expect(await trendOf(c.colleague, c.colleague)).toBe('Earlier, under Nia: 2');
    expect(await trendOf(c.manager, c.colleague)).toBeNull();
  });

  it('keeps a cycle the subject started on themselves to them alone: HR and the manager get the plain 404, and HR no organisation view', async () => {
    await t.db.query(`UPDATE cycles SET origin = 'self', owner_id = $2 WHERE id = $1`, [cycle.id, a.member.id]);
    try {
      // Closed, its report not computed yet: the subject waits.
      await moveCycle(t.db, cycle.id, 'closed', { reportVisibility: { subject: 'on_release', manager: 'on_close' } });
      expect(await outcomes()).toEqual({
        hr: notFound,
        subject: notYet,
        manager: notFound,
        todaysManager: notFound,
        rater: notFound,
        unrelated: notFound,
        otherOrgHr: notFound,
      });
      // Computing the report releases it to its owner at once: there is no HR release to wait for.
      await snapshotReports(t, a.org.id, cycle.id);
      const [{ state }]: { state: string }[] = await t.db.query(`SELECT state FROM cycles WHERE id = $1`, [cycle.id]);
      expect(state).toBe('released');
      expect(await outcomes()).toEqual({
        hr: notFound,
        subject: '200',
        manager: notFound,
        todaysManager: notFound,
        rater: notFound,
        unrelated: notFound,
        otherOrgHr: notFound,
      });
      expect((await client(a.admin).get(`/api/reports/cycles/${cycle.id}/heatmap`)).status).toBe(404);
      expect((await client(a.manager).get(`/api/reports/cycles/${cycle.id}/team`)).status).toBe(404);
      const mine = async (viewer: { email: string }) => (await client(viewer).get('/api/reports/mine')).body.items.map((i: { cycleId: string }) => i.cycleId);
      expect(await mine(a.member)).toEqual([cycle.id]);
      expect(await mine(a.manager)).toEqual([]);
    } finally {
      await t.db.query(`UPDATE cycles SET origin = 'hr', owner_id = NULL WHERE id = $1`, [cycle.id]);
    }
  });
});
