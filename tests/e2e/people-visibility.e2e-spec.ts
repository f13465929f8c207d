import { aRequestsWorld, RequestsWorld, TestCycle } from '../support/feedback-factories';
import type { TestPerson } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/** What HR alone may learn about a colleague: who is HR, who can sign in, emails, the org chart. */
const HR_ONLY_KEYS = ['role', 'hasLogin', 'email', 'managerId', 'managerName', 'directReportCount', 'languageChoice'];
const SUMMARY_KEYS = ['department', 'id', 'name', 'title'];

/** Every HR-only key anywhere in a response body, with where it was found. */
function hrOnlyKeysIn(body: unknown, path = '$'): string[] {
  if (Array.isArray(body)) return body.flatMap((item, i) => hrOnlyKeysIn(item, `${path}[${i}]`));
  if (typeof body !== 'object' || body === null) return [];
  return Object.entries(body).flatMap(([key, value]) => [...(HR_ONLY_KEYS.includes(key) ? [`${path}.${key}`] : []), ...hrOnlyKeysIn(value, `${path}.${key}`)]);
}

/**
 * Members (managers included) see of colleagues only what picking raters needs, on every route
 * that returns people; HR admins keep the full view; other organisations' people are never found.
 */
describe('people: what each role sees of others', () => {
  let t: TestApp;
  let w: RequestsWorld;
  let cycle: TestCycle;
  let member: TestPerson;
  let manager: TestPerson;
  let admin: TestPerson;
  let foreigner: TestPerson;

  beforeAll(async () => {
    t = await startTestApp();
    w = await aRequestsWorld(t);
    ({ member, manager, admin } = w.a);
    foreigner = w.b.member;
    cycle = await w.aNominatingCycle();
    // A peer request, so the request lists name a rater besides the subject.
    expect((await w.ask(w.as(member), cycle.id, member.id, [w.p(0).id])).status).toBe(201);
  });
  afterAll(() => t.close());

  describe.each([
    ['member', () => member],
    ['manager', () => manager],
  ])('a %s', (_role, who) => {
    it('lists the directory with id, name, title and department only', async () => {
      const list = await w.as(who()).get('/api/people?limit=500');
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThan(5);
      for (const person of list.body.items) expect(Object.keys(person).sort()).toEqual(SUMMARY_KEYS);
      expect(hrOnlyKeysIn(list.body)).toEqual([]);
      expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(foreigner.id);
    });

    it('reads one colleague (HR included) as a summary, and nobody of another organisation', async () => {
      for (const id of [admin.id, member.id, manager.id, w.p(0).id]) {
        const one = await w.as(who()).get(`/api/people/${id}`);
        expect(one.status).toBe(200);
        expect(Object.keys(one.body).sort()).toEqual(SUMMARY_KEYS);
      }
      const foreign = await w.as(who()).get(`/api/people/${foreigner.id}`);
      expect(foreign.status).toBe(404);
      expect(hrOnlyKeysIn(foreign.body)).toEqual([]);
    });

    it('gets rater candidates and request lists without HR-only fields', async () => {
      const candidates = await w.as(who()).get(`/api/cycles/${cycle.id}/rater-candidates?subjectId=${member.id}&limit=50`);
      expect(candidates.status).toBe(200);
      expect(candidates.body.items.length).toBeGreaterThan(0);
      expect(hrOnlyKeysIn(candidates.body)).toEqual([]);
      const requests = await w.as(who()).get(w.listUrl(cycle.id, member.id));
      expect(requests.status).toBe(200);
      expect(Object.keys(requests.body.subject).sort()).toEqual(SUMMARY_KEYS);
      expect(hrOnlyKeysIn(requests.body)).toEqual([]);
      for (const path of ['/api/feedback-requests?mine=true', '/api/feedback-requests?mine=approvals']) {
        const mine = await w.as(who()).get(path);
        expect(mine.status).toBe(200);
        expect(hrOnlyKeysIn(mine.body)).toEqual([]);
      }
    });
  });

  it("a member's search matches no HR-only field (no probing of emails); HR's does", async () => {
    const search = `/api/people?search=${encodeURIComponent(w.p(0).email)}`;
    const byMember = await w.as(member).get(search);
    expect({ status: byMember.status, total: byMember.body.total }).toEqual({ status: 200, total: 0 });
    expect((await w.as(member).get(`/api/people?search=${encodeURIComponent(w.p(0).name)}`)).body.total).toBe(1);
    expect((await w.as(admin).get(search)).body.items.map((p: { id: string }) => p.id)).toEqual([w.p(0).id]);
  });

  it('an HR admin keeps the full view of the directory and of one person', async () => {
    const list = await w.as(admin).get('/api/people?limit=500');
    expect(list.status).toBe(200);
    const hr = list.body.items.find((p: { id: string }) => p.id === admin.id);
    expect(hr).toMatchObject({ role: 'admin', hasLogin: true, email: admin.email, directReportCount: 0 });
    for (const person of list.body.items) expect(Object.keys(person)).toEqual(expect.arrayContaining([...SUMMARY_KEYS, ...HR_ONLY_KEYS]));
    const one = await w.as(admin).get(`/api/people/${member.id}`);
    expect(one.body).toMatchObject({ id: member.id, role: 'member', hasLogin: true, managerId: manager.id, email: member.email });
  });

  it("an HR admin of another organisation finds none of this organisation's people", async () => {
    const otherHr = w.as(w.b.admin);
    for (const id of [admin.id, member.id]) expect((await otherHr.get(`/api/people/${id}`)).status).toBe(404);
    const list = await otherHr.get('/api/people?limit=500');
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toEqual(expect.arrayContaining([admin.id]));
    expect((await otherHr.get(`/api/cycles/${cycle.id}/rater-candidates?subjectId=${member.id}`)).status).toBe(404);
    expect((await otherHr.get(w.listUrl(cycle.id, member.id))).status).toBe(404);
  });

  it('everyone still reads their own full record at /api/auth/me', async () => {
    const me = await w.as(member).get('/api/auth/me');
    expect(me.body).toMatchObject({ id: member.id, role: 'member', email: member.email });
  });
});
