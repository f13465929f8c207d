import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { aPerson, aTeam } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The audit trail as HR reads it: names instead of ids (resolved within the organisation only),
 * filters by who, what and when (validated: unknown parameters and malformed days are 400s), and
 * a CSV export of the same selection that no spreadsheet can run.
 */
describe('audit trail', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient;
  let member: HttpClient;
  let otherHr: HttpClient;
  let mallory: { id: string };
  let foreigner: { id: string };

  /** An event as a service writes it, at a given time. */
  const anEvent = async (
    organizationId: string,
    values: { actorId: string | null; action: string; targetType: string; targetId: string; details?: object; at: string },
  ) =>
    t.db.query(
      `INSERT INTO audit_events (organization_id, actor_id, action, target_type, target_id, details, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [organizationId, values.actorId, values.action, values.targetType, values.targetId, JSON.stringify(values.details ?? {}), values.at],
    );

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    await t.db.query(`UPDATE organizations SET time_zone = 'Europe/Paris' WHERE id = $1`, [a.org.id]);
    hr = t.client();
    await hr.signInAs(a.admin);
    member = t.client();
    await member.signInAs(a.member);
    otherHr = t.client();
    await otherHr.signInAs(b.admin);
    // A name made to run in a spreadsheet, and a person of another organisation named in an event of ours.
    mallory = await aPerson(t.db, a.org.id, { name: '=HYPERLINK("http://evil.example","Click")' });
    foreigner = b.member;
    // 1 March 2026, 00:30 in Paris is still 28 February in UTC: days are the organisation's.
    await anEvent(a.org.id, {
      actorId: a.admin.id,
      action: 'person.updated',
      targetType: 'person',
      targetId: mallory.id,
      details: { fields: ['title'] },
      at: '2026-02-28T23:30:00Z',
    });
    await anEvent(a.org.id, {
      actorId: a.manager.id,
      action: 'report.viewed',
      targetType: 'report',
      targetId: `${randomUUID()}:${a.member.id}`,
      details: { subjectId: a.member.id, viewer: 'manager', stranger: foreigner.id },
      at: '2026-03-02T10:00:00Z',
    });
    await anEvent(a.org.id, { actorId: null, action: 'cycle.collecting', targetType: 'cycle', targetId: a.org.id, at: '2026-03-05T10:00:00Z' });
    await anEvent(b.org.id, { actorId: b.admin.id, action: 'person.updated', targetType: 'person', targetId: b.member.id, at: '2026-03-02T10:00:00Z' });
  });
  afterAll(() => t.close());

  const list = async (client: HttpClient, query = '') => client.get(`/api/audit-events?${query}`);

  it.each([
    ['list', '/api/audit-events'],
    ['list with filters', `/api/audit-events?action=person.updated&from=2026-03-01`],
    ['csv', '/api/audit-events.csv'],
    ['actions', '/api/audit-events/actions'],
  ])('%s: anonymous 401, member 403, HR 200', async (_name, url) => {
    expect((await t.client().get(url)).status).toBe(401);
    expect((await member.get(url)).status).toBe(403);
    expect((await hr.get(url)).status).toBe(200);
  });

  it('names people, reports and ids in the details within the organisation, never across it', async () => {
    const items = (await list(hr, 'from=2026-02-01&to=2026-03-31')).body.items;
    const viewed = items.find((e: { action: string }) => e.action === 'report.viewed');
    expect(viewed).toMatchObject({ actorName: 'Maya Manager', targetName: 'Mo Member' });
    expect(viewed.names).toEqual({ [a.member.id]: 'Mo Member' });
    expect(JSON.stringify(viewed.names)).not.toContain(b.member.id);
    const updated = items.find((e: { action: string }) => e.action === 'person.updated');
    expect(updated).toMatchObject({ actorName: 'Hr Admin', targetName: '=HYPERLINK("http://evil.example","Click")' });
    // Org B's HR sees none of it, and its own event names its own person.
    const theirs = (await list(otherHr)).body.items;
    expect(theirs.map((e: { targetId: string }) => e.targetId)).not.toContain(mallory.id);
    expect(theirs.find((e: { targetId: string }) => e.targetId === b.member.id)).toMatchObject({ targetName: 'Mo Member' });
  });

  it('filters by who, what and when (days on the organisation clock)', async () => {
    const ids = async (query: string) => (await list(hr, query)).body.items.map((e: { action: string }) => e.action);
    expect(await ids(`actorId=${a.manager.id}`)).toEqual(['report.viewed']);
    expect(await ids('action=cycle.collecting')).toEqual(['cycle.collecting']);
    expect(await ids('from=2026-03-01&to=2026-03-01')).toEqual(['person.updated']);
    expect(await ids('from=2026-03-02&to=2026-03-05')).toEqual(['cycle.collecting', 'report.viewed']);
    expect(await ids('to=2026-02-28')).toEqual([]);
    expect((await list(hr, `actorId=${b.admin.id}`)).body).toEqual({ items: [], total: 0 });
    expect((await hr.get('/api/audit-events/actions')).body.actions).toEqual(expect.arrayContaining(['cycle.collecting', 'person.updated', 'report.viewed']));
  });

  it.each([
    ['an unknown parameter', 'who=Maya'],
    ['a malformed actor', 'actorId=maya'],
    ['a malformed day', 'from=1 March'],
    ['an impossible day', 'to=2026-02-30'],
    ['a date-time instead of a day', 'from=2026-03-01T00:00:00Z'],
    ['an overlong action', `action=${'x'.repeat(101)}`],
  ])('refuses %s with a clear 400, list and export alike', async (_name, query) => {
    for (const url of [`/api/audit-events?${query}`, `/api/audit-events.csv?${query}`]) {
      const response = await hr.get(url);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
    // The export has no pages: it takes the filters only.
    expect((await hr.get('/api/audit-events.csv?limit=5')).status).toBe(400);
  });

  it('exports the same selection as CSV, names beside ids, no cell runnable as a formula', async () => {
    const response = await hr.get('/api/audit-events.csv?from=2026-02-01&to=2026-03-31');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="ripple-audit-trail.csv"/);
    const rows: string[][] = parse(response.text);
    expect(rows[0]).toEqual(['time_utc', 'who', 'who_id', 'action', 'target_type', 'target', 'target_id', 'details']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['cycle.collecting', 'report.viewed', 'person.updated']);
    const [collecting, viewed, updated] = rows.slice(1);
    expect(collecting[1]).toBe('System');
    expect(viewed.slice(1, 6)).toEqual(['Maya Manager', a.manager.id, 'report.viewed', 'report', 'Mo Member']);
    // Another organisation's id stays an id: names resolve within the organisation only.
    expect(viewed[7].split('; ').sort()).toEqual(['subjectId: Mo Member', 'viewer: manager', `stranger: ${foreigner.id}`].sort());
    expect(updated[5]).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+@\t\r]/);
    const filtered: string[][] = parse((await hr.get(`/api/audit-events.csv?actorId=${a.manager.id}`)).text);
    expect(filtered.slice(1).map((r) => r[3])).toEqual(['report.viewed']);
  });
});
