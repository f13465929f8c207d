import { aFrameworkVersion, aCycle, aRequest, aSubject, stateOf, TestFrameworkVersion } from '../support/feedback-factories';
import { MailService } from '@lib/notifications';
import { aPerson, aTeam, TEST_PASSWORD, TestPerson } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/** Leavers: HR deactivates (and reactivates) a person, and what happens to their work. */
describe('leavers', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let version: TestFrameworkVersion;
  let hr: ReturnType<TestApp['client']>;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    version = await aFrameworkVersion(t.db, a.org.id);
    hr = t.client();
    await hr.login(a.admin.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const signedIn = async (person: TestPerson) => {
    const client = t.client();
    await client.login(person.email, TEST_PASSWORD);
    return client;
  };
  const mailsTo = async (email: string) => (await hr.get('/api/outbox')).body.items.filter((m: { recipient: string }) => m.recipient === email);
  const managerOf = async (id: string) => (await t.db.query(`SELECT manager_id FROM people WHERE id = $1`, [id]))[0].manager_id as string | null;

  it('ends the leaver’s sessions at once and refuses their sign-in with the generic failure; reactivation restores it', async () => {
    const leaver = await aPerson(t.db, a.org.id, { name: 'Lee Leaver' });
    const session = await signedIn(leaver);
    expect((await session.get('/api/auth/me')).status).toBe(200);
    const wrong = await t.client().post('/api/auth/login', { email: leaver.email, password: 'not-the-password' });

    const done = await hr.post(`/api/people/${leaver.id}/deactivate`, {});
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: leaver.id, active: false });
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const refused = await t.client().post('/api/auth/login', { email: leaver.email, password: TEST_PASSWORD });
    expect(refused.status).toBe(wrong.status);
    expect(refused.body.message).toBe(wrong.body.message);

    const listed = await hr.get('/api/people?status=left');
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(leaver.id);
    expect((await hr.get('/api/people')).body.items.map((p: { id: string }) => p.id)).not.toContain(leaver.id);
    expect((await hr.get(`/api/people/${leaver.id}`)).body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });

    expect((await hr.post(`/api/people/${leaver.id}/reactivate`)).body).toMatchObject({ active: true });
    expect((await t.client().post('/api/auth/login', { email: leaver.email, password: TEST_PASSWORD })).status).toBe(200);
    expect((await hr.get(`/api/people/${leaver.id}`)).body).toMatchObject({ active: true, deactivatedAt: null });
  });

  it('sends a leaver no mail (password reset included)', async () => {
    const leaver = await aPerson(t.db, a.org.id, { name: 'Nell Nomail' });
    await hr.post(`/api/people/${leaver.id}/deactivate`, {});
    await t.client().post('/api/auth/password-reset', { email: leaver.email });
    const invite = await hr.post(`/api/people/${leaver.id}/invite`);
    expect(invite.status).not.toBe(202);
    // The one place: whatever sender tries, the mail to a leaver is not recorded nor sent.
    const mail = t.app.get(MailService);
    expect(await mail.send({ organizationId: a.org.id, to: leaver.email, subject: 'Reminder', text: 'Please answer' })).toBe(false);
    expect(await mail.send({ organizationId: a.org.id, to: a.peer.email, subject: 'Reminder', text: 'Please answer' })).toBe(true);
    expect(await mailsTo(leaver.email)).toEqual([]);
  });

  it('tells every subject the same whether or not the leaver had answered about them, and keeps submitted answers', async () => {
    const leaver = await aPerson(t.db, a.org.id, { name: 'Rita Rater' });
    const cycle = await aCycle(t.db, a.org.id, version.id, { state: 'collecting', settings: { minPeers: 1, maxPeers: 4 } });
    await aSubject(t.db, cycle, a.member);
    await aSubject(t.db, cycle, a.colleague);
    const owed = await aRequest(t.db, cycle, { subjectId: a.member.id, raterId: leaver.id });
    const answered = await aRequest(t.db, cycle, { subjectId: a.colleague.id, raterId: leaver.id, state: 'submitted' });

    const done = await hr.post(`/api/people/${leaver.id}/deactivate`, {});
    expect(done.body.withdrawnRequests).toBe(2);
    // Declining only the unanswered request (or freeing its peer slot) would tell its subject that
    // the leaver had not answered: both stay as they were, and reports count submitted answers only.
    expect(await stateOf(t.db, owed)).toBe('open');
    expect(await stateOf(t.db, answered)).toBe('submitted');
    const [toOwed] = await mailsTo(a.member.email);
    const [toAnswered] = await mailsTo(a.colleague.email);
    expect(toOwed.subject).toContain('Rita Rater');
    const general = (text: string, subject: { name: string }, id: string) => text.replace(subject.name, 'NAME').replace(id, 'ID');
    expect(general(toOwed.text, a.member, a.member.id)).toBe(general(toAnswered.text, a.colleague, a.colleague.id));
    expect(toOwed.subject).toBe(toAnswered.subject);
    // What the subject sees of their raters is the same for both.
    const member = await signedIn(a.member);
    const colleague = await signedIn(a.colleague);
    const seen = async (client: typeof member, subjectId: string) => {
      const response = await client.get(`/api/cycles/${cycle.id}/subjects/${subjectId}/requests`);
      expect(response.status).toBe(200);
      const body = response.body as { peerRoom: number; items: { rater: { id: string }; state: string; reason: string | null }[] };
      return { peerRoom: body.peerRoom, leaver: body.items.filter((r) => r.rater.id === leaver.id).map((r) => ({ state: r.state, reason: r.reason })) };
    };
    // Same state, same reason, same peer room: nothing tells one subject apart from the other.
    expect(await seen(member, a.member.id)).toEqual({ peerRoom: 3, leaver: [{ state: 'open', reason: null }] });
    expect(await seen(colleague, a.colleague.id)).toEqual({ peerRoom: 3, leaver: [{ state: 'open', reason: null }] });
  });

  it('as a subject: keep leaves requests about them open; remove withdraws them', async () => {
    const kept = await aPerson(t.db, a.org.id, { name: 'Kim Kept' });
    const removed = await aPerson(t.db, a.org.id, { name: 'Ray Removed' });
    const cycle = await aCycle(t.db, a.org.id, version.id, { state: 'collecting' });
    await aSubject(t.db, cycle, kept);
    await aSubject(t.db, cycle, removed);
    const aboutKept = await aRequest(t.db, cycle, { subjectId: kept.id, raterId: a.peer.id });
    const aboutRemoved = await aRequest(t.db, cycle, { subjectId: removed.id, raterId: a.peer.id });
    await hr.post(`/api/people/${kept.id}/deactivate`, {});
    await hr.post(`/api/people/${removed.id}/deactivate`, { subjectHandling: 'remove' });
    expect(await stateOf(t.db, aboutKept)).toBe('open');
    expect(await stateOf(t.db, aboutRemoved)).toBe('declined');
    expect((await hr.post(`/api/people/${kept.id}/deactivate`, { subjectHandling: 'drop' })).status).toBe(400);
  });

  it('moves direct reports to the leaver’s manager by default, or to the one HR names; never into a loop; frozen managers intact', async () => {
    const boss = await aPerson(t.db, a.org.id, { name: 'Bo Boss' });
    const lead = await aPerson(t.db, a.org.id, { name: 'Lu Lead', managerId: boss.id });
    const report = await aPerson(t.db, a.org.id, { name: 'Re Report', managerId: lead.id });
    const cycle = await aCycle(t.db, a.org.id, version.id, { state: 'collecting' });
    await aSubject(t.db, cycle, report);
    await hr.post(`/api/people/${lead.id}/deactivate`, {});
    expect(await managerOf(report.id)).toBe(boss.id);
    const frozen = await t.db.query(`SELECT manager_id FROM cycle_subjects WHERE cycle_id = $1 AND person_id = $2`, [cycle.id, report.id]);
    expect(frozen[0].manager_id).toBe(lead.id);

    const lead2 = await aPerson(t.db, a.org.id, { name: 'La Lead', managerId: boss.id });
    const underling = await aPerson(t.db, a.org.id, { name: 'Un Underling', managerId: lead2.id });
    const loop = await hr.post(`/api/people/${lead2.id}/deactivate`, { reassignReportsTo: underling.id });
    expect(loop.status).toBe(422);
    expect(await managerOf(underling.id)).toBe(lead2.id);
    expect((await hr.get(`/api/people/${lead2.id}`)).body.active).toBe(true);
    const named = await hr.post(`/api/people/${lead2.id}/deactivate`, { reassignReportsTo: a.manager.id });
    expect(named.body.reassignedReports).toBe(1);
    expect(await managerOf(underling.id)).toBe(a.manager.id);
  });

  it('refuses the last HR admin', async () => {
    const lone = await aTeam(t.db, 'Org C');
    const client = await signedIn(lone.admin);
    expect((await client.post(`/api/people/${lone.admin.id}/deactivate`, {})).status).toBe(409);
  });

  it('is HR’s only, and other organisations’ ids are 404', async () => {
    const target = await aPerson(t.db, a.org.id, { name: 'Tia Target' });
    for (const who of [a.member, a.manager]) {
      const client = await signedIn(who);
      expect((await client.post(`/api/people/${target.id}/deactivate`, {})).status).toBe(403);
      expect((await client.post(`/api/people/${target.id}/reactivate`)).status).toBe(403);
    }
    expect((await t.client().post(`/api/people/${target.id}/deactivate`, {})).status).toBe(401);
    const other = await signedIn(b.admin);
    expect((await other.post(`/api/people/${target.id}/deactivate`, {})).status).toBe(404);
    expect((await other.post(`/api/people/${target.id}/reactivate`)).status).toBe(404);
    expect((await hr.post(`/api/people/${b.member.id}/deactivate`, {})).status).toBe(404);
    expect((await hr.post(`/api/people/not-a-uuid/deactivate`, {})).status).toBe(404);
    expect((await hr.post(`/api/people/${target.id}/deactivate`, { surprise: 1 })).status).toBe(400);
    expect((await hr.get(`/api/people/${target.id}`)).body.active).toBe(true);
  });
});
