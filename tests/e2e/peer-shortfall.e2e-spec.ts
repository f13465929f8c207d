import { CycleNotificationsService } from '@lib/cycles';
import { aLaunchedCycle, runHeldJobs } from '../support/cycle-factories';
import { anOrganization, aPerson, TestPerson } from '../support/factories';
import { aRequest } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/**
 * minPeers enforced: HR's progress page lists the subjects short of peers, HR adds peers for them
 * through the one request route, and subjects still short are reminded before the nomination
 * deadline (the sweep's clock is moved forward, as the scheduler would find it).
 */
describe('subjects short of peers', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let org: { id: string };
  let admin: TestPerson, maya: TestPerson, mo: TestPerson, cora: TestPerson, pat: TestPerson, lee: TestPerson, ria: TestPerson, una: TestPerson;
  let otherAdmin: TestPerson, outsider: TestPerson;
  let hr: HttpClient;
  let notifications: CycleNotificationsService;
  const clients = new Map<string, HttpClient>();
  const as = async (person: TestPerson): Promise<HttpClient> => {
    let client = clients.get(person.id);
    if (!client) {
      client = t.client();
      await client.signInAs(person);
      clients.set(person.id, client);
    }
    return client;
  };
  const cycle = (cycle: { id: string }) => ({ id: cycle.id, organizationId: org.id });
  const shortfall = async (cycleId: string, who: HttpClient = hr) => (await who.get(`/api/cycles/${cycleId}/progress`)).body.peerShortfall;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://ripple.test' });
    org = await anOrganization(t.db);
    admin = await aPerson(t.db, org.id, { name: 'Hana Hr', role: 'admin', department: 'People' });
    maya = await aPerson(t.db, org.id, { name: 'Maya Manager', department: 'Collections' });
    mo = await aPerson(t.db, org.id, { name: 'Mo Member', department: 'Collections', managerId: maya.id });
    cora = await aPerson(t.db, org.id, { name: 'Cora Colleague', department: 'Collections', managerId: maya.id });
    pat = await aPerson(t.db, org.id, { name: 'Pat Peer', department: 'Learning' });
    lee = await aPerson(t.db, org.id, { name: 'Lee Learner', department: 'Learning' });
    ria = await aPerson(t.db, org.id, { name: 'Ria Rater', department: 'Learning' });
    una = await aPerson(t.db, org.id, { name: 'Una Unrelated', department: 'Learning' });
    const other = await anOrganization(t.db);
    otherAdmin = await aPerson(t.db, other.id, { name: 'Otto Other', role: 'admin' });
    outsider = await aPerson(t.db, other.id, { name: 'Olga Outsider' });
    hr = await as(admin);
    notifications = t.app.get(CycleNotificationsService);
  });
  beforeEach(async () => {
    // The sweep serves every running cycle: close the previous tests' cycles so each test sees its own mail only.
    await t.db.query(`UPDATE cycles SET state = 'closed' WHERE state IN ('nominating', 'collecting')`);
    await t.db.query(`UPDATE people SET active = true WHERE organization_id = $1`, [org.id]);
    smtp.clear();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  describe("HR's progress page", () => {
    it('lists the active subjects below minPeers with their peers as the nomination page counts them', async () => {
      const c = await aLaunchedCycle(hr, [mo.id, cora.id, pat.id, lee.id], { settings: { minPeers: 3, maxPeers: 5 } });
      // Mo: one submitted peer; a declined, a rejected peer and an "other" rater do not count.
      await aRequest(t.db, cycle(c), { subjectId: mo.id, raterId: pat.id, state: 'submitted' });
      await aRequest(t.db, cycle(c), { subjectId: mo.id, raterId: lee.id, state: 'declined' });
      await aRequest(t.db, cycle(c), { subjectId: mo.id, raterId: ria.id, state: 'rejected' });
      await aRequest(t.db, cycle(c), { subjectId: mo.id, raterId: una.id, relationship: 'other' });
      // Cora: three peers, proposed, open and in progress: enough.
      await aRequest(t.db, cycle(c), { subjectId: cora.id, raterId: pat.id, state: 'proposed' });
      await aRequest(t.db, cycle(c), { subjectId: cora.id, raterId: lee.id, state: 'open' });
      await aRequest(t.db, cycle(c), { subjectId: cora.id, raterId: ria.id, state: 'in_progress' });
      // Lee has left: nobody asks peers for them.
      await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [lee.id]);

      const list = await shortfall(c.id);
      expect(list).toEqual({
        minPeers: 3,
        maxPeers: 5,
        subjects: [
          { subjectId: mo.id, name: 'Mo Member', department: 'Collections', peers: 1, missing: 2 },
          { subjectId: pat.id, name: 'Pat Peer', department: 'Learning', peers: 0, missing: 3 },
        ],
      });
      // The number the subject sees on their own page is the same one.
      expect((await (await as(mo)).get(`/api/cycles/${c.id}/subjects/${mo.id}/requests`)).body.activePeers).toBe(1);
      // Whether a peer has answered never moves the list: submitted counts as open.
      await t.db.query(`UPDATE feedback_requests SET state = 'open' WHERE cycle_id = $1 AND subject_id = $2 AND rater_id = $3`, [c.id, mo.id, pat.id]);
      expect(await shortfall(c.id)).toEqual(list);
    });

    it('is empty when the cycle collects no peers, and for HR only: members 403, other organisations 404', async () => {
      const noPeers = await aLaunchedCycle(hr, [mo.id], { settings: { minPeers: 0, maxPeers: 0 } });
      expect(await shortfall(noPeers.id)).toEqual({ minPeers: 0, maxPeers: 0, subjects: [] });
      const c = await aLaunchedCycle(hr, [mo.id]);
      expect((await t.client().get(`/api/cycles/${c.id}/progress`)).status).toBe(401);
      for (const who of [mo, maya, una]) expect((await (await as(who)).get(`/api/cycles/${c.id}/progress`)).status).toBe(403);
      const foreign = await (await as(otherAdmin)).get(`/api/cycles/${c.id}/progress`);
      expect(foreign.status).toBe(404);
      expect(JSON.stringify(foreign.body)).not.toContain('Mo Member');
    });

    it('counts an HR admin who is a subject like any subject, and shows them nothing about who answered', async () => {
      const c = await aLaunchedCycle(hr, [admin.id, mo.id]);
      await aRequest(t.db, cycle(c), { subjectId: admin.id, raterId: pat.id, state: 'submitted' });
      await aRequest(t.db, cycle(c), { subjectId: admin.id, raterId: lee.id, state: 'open' });
      const mine = (await shortfall(c.id)).subjects.find((s: { subjectId: string }) => s.subjectId === admin.id);
      expect(mine).toEqual({ subjectId: admin.id, name: 'Hana Hr', department: 'People', peers: 2, missing: 1 });
      expect(Object.keys(mine).sort()).toEqual(['department', 'missing', 'name', 'peers', 'subjectId']);
    });
  });

  describe('HR adds peers for a subject short of them (the one request route)', () => {
    it('asks them at once, takes the subject off the list, records it and invites the raters', async () => {
      const c = await aLaunchedCycle(hr, [mo.id], { name: 'Autumn review', settings: { minPeers: 2 } });
      await runHeldJobs(t, 'cycle.invitations');
      smtp.clear();
      expect((await shortfall(c.id)).subjects.map((s: { subjectId: string }) => s.subjectId)).toEqual([mo.id]);

      const added = await hr.post(`/api/cycles/${c.id}/subjects/${mo.id}/requests`, { raterIds: [pat.id, ria.id] });
      expect(added.status).toBe(201);
      // HR needs no approval: the requests open at once (the subject asking would wait for Maya).
      expect(added.body.items.filter((i: { relationship: string }) => i.relationship === 'peer').map((i: { state: string }) => i.state)).toEqual([
        'open',
        'open',
      ]);
      expect((await shortfall(c.id)).subjects).toEqual([]);

      const audit = await hr.get(`/api/audit-events?targetId=${c.id}&action=feedback_requests.requested`);
      expect(audit.body.items).toEqual([
        expect.objectContaining({ actorId: admin.id, details: { subjectId: mo.id, raterIds: [pat.id, ria.id], relationship: 'peer', state: 'open' } }),
      ]);
      await runHeldJobs(t, 'cycle.invitations');
      expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([pat.email, ria.email].sort());
      expect(smtp.to(pat.email)[0].subject).toBe('Your feedback is requested: Autumn review');
      // The subject sees the new raters as asked, as for any nomination, and nothing more.
      const seen = (await (await as(mo)).get(`/api/cycles/${c.id}/subjects/${mo.id}/requests`)).body;
      expect(seen.activePeers).toBe(2);
      expect(seen.items.filter((i: { relationship: string }) => i.relationship === 'peer').map((i: { state: string }) => i.state)).toEqual(['open', 'open']);
    });

    it('follows the request rules: not the subject, nobody twice, active people of the organisation only; nothing is written', async () => {
      const c = await aLaunchedCycle(hr, [mo.id]);
      await aRequest(t.db, cycle(c), { subjectId: mo.id, raterId: pat.id });
      await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [lee.id]);
      const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM feedback_requests WHERE cycle_id = $1`, [c.id]))[0].n;
      const before = await count();
      const add = (raterIds: string[]) => hr.post(`/api/cycles/${c.id}/subjects/${mo.id}/requests`, { raterIds });
      expect((await add([mo.id])).body.code).toBe('cannot_request_self');
      expect((await add([pat.id])).body.code).toBe('duplicate_request');
      expect((await add([lee.id])).body.code).toBe('rater_not_found');
      expect((await add([outsider.id])).body.code).toBe('rater_not_found');
      expect((await add([ria.id, outsider.id])).status).toBe(404);
      expect(await count()).toBe(before);
    });

    it('is refused to anyone but the subject’s side and HR of the organisation, whatever ids they use', async () => {
      const c = await aLaunchedCycle(hr, [mo.id]);
      const foreignCycle = await aLaunchedCycle(await as(otherAdmin), [outsider.id]);
      const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM feedback_requests WHERE cycle_id = ANY($1)`, [[c.id, foreignCycle.id]]))[0].n;
      const before = await count();
      const post = async (who: TestPerson | null, cycleId: string, subjectId: string, raterIds: string[]) =>
        (who ? await as(who) : t.client()).post(`/api/cycles/${cycleId}/subjects/${subjectId}/requests`, { raterIds });
      expect((await post(null, c.id, mo.id, [pat.id])).status).toBe(401);
      // A member who is neither the subject nor their manager, and HR of another organisation: not found.
      expect((await post(una, c.id, mo.id, [pat.id])).status).toBe(404);
      expect((await post(otherAdmin, c.id, mo.id, [pat.id])).status).toBe(404);
      expect((await post(otherAdmin, c.id, mo.id, [outsider.id])).status).toBe(404);
      // HR of this organisation with another organisation's cycle or subject: not found either.
      expect((await post(admin, foreignCycle.id, outsider.id, [pat.id])).status).toBe(404);
      expect((await post(admin, c.id, outsider.id, [pat.id])).status).toBe(404);
      expect((await post(admin, c.id, una.id, [pat.id])).status).toBe(404); // not a subject of the cycle
      expect(await count()).toBe(before);
    });
  });

  describe('the reminder before the nomination deadline', () => {
    const peerMails = () => smtp.messages.filter((m) => m.subject.startsWith('Ask colleagues for feedback'));

    it('goes to each active subject still short, at 09:00 two days before and four hours before, once per slot', async () => {
      const deadline = new Date(Date.now() + 10 * DAY);
      const c = await aLaunchedCycle(hr, [mo.id, cora.id, pat.id, lee.id], {
        name: 'Spring review',
        settings: { minPeers: 2, maxPeers: 4, nominationDeadline: deadline.toISOString(), responseDeadline: new Date(Date.now() + 20 * DAY).toISOString() },
      });
      await runHeldJobs(t, 'cycle.invitations');
      // Mo has one peer (declined ones do not count); Cora has enough (one of them already answered); Lee has left.
      await aRequest(t.db, cycle(c), { subjectId: mo.id, raterId: ria.id, state: 'open' });
      await aRequest(t.db, cycle(c), { subjectId: mo.id, raterId: una.id, state: 'declined' });
      await aRequest(t.db, cycle(c), { subjectId: cora.id, raterId: ria.id, state: 'submitted' });
      await aRequest(t.db, cycle(c), { subjectId: cora.id, raterId: una.id, state: 'proposed' });
      await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [lee.id]);
      smtp.clear();

      expect((await notifications.sweep(new Date(deadline.getTime() - 3 * DAY))).peerReminders).toBe(0);
      const d2 = new Date(deadline.getTime() - 1.5 * DAY);
      expect((await notifications.sweep(d2)).peerReminders).toBe(2);
      expect((await notifications.sweep(d2)).peerReminders).toBe(0);
      expect((await notifications.sweep(new Date(d2.getTime() + HOUR))).peerReminders).toBe(0);
      expect(
        peerMails()
          .map((m) => m.to[0])
          .sort(),
      ).toEqual([mo.email, pat.email].sort());
      const [toMo] = smtp.to(mo.email);
      expect(toMo.subject).toBe('Ask colleagues for feedback: Spring review');
      expect(toMo.text).toContain('at least 2 colleagues who work with you (peers). So far you have 1.');
      expect(toMo.text).toContain('Please ask at least one more before nominations close on');
      expect(toMo.text).toContain(`Ask colleagues: https://ripple.test/cycles/${c.id}/subjects/${mo.id}/requests`);
      // It names no rater: not who was asked, and certainly not who answered.
      for (const name of ['Ria', 'Una']) expect(toMo.text).not.toContain(name);

      // Pat is given two peers by HR; Mo is still short for the last call.
      await hr.post(`/api/cycles/${c.id}/subjects/${pat.id}/requests`, { raterIds: [ria.id, una.id] });
      smtp.clear();
      const lastCall = new Date(deadline.getTime() - 3 * HOUR);
      expect((await notifications.sweep(lastCall)).peerReminders).toBe(1);
      expect(peerMails().map((m) => m.to[0])).toEqual([mo.email]);
      const keys: { dedupe_key: string }[] = await t.db.query(`SELECT dedupe_key FROM mail_messages WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`, [
        `peers:${c.id}:${mo.id}:%`,
      ]);
      expect(keys.map((k) => k.dedupe_key)).toEqual([
        `peers:${c.id}:${mo.id}:d0@${deadline.toISOString()}`,
        `peers:${c.id}:${mo.id}:d2@${deadline.toISOString()}`,
      ]);

      // Past the deadline nominations end, and nobody is reminded to nominate.
      smtp.clear();
      const after = await notifications.sweep(new Date(deadline.getTime() + HOUR));
      expect([after.nominationsEnded, after.peerReminders]).toEqual([1, 0]);
      expect(peerMails()).toEqual([]);
    });

    it('leaves a subject added after a slot opened to the next slot', async () => {
      const deadline = new Date(Date.now() + 10 * DAY);
      const c = await aLaunchedCycle(hr, [mo.id, cora.id], { settings: { nominationDeadline: deadline.toISOString() } });
      await runHeldJobs(t, 'cycle.invitations');
      // Cora joins 38.4 hours before the deadline: after the 2-day slot opened (09:00, at least 39 hours before).
      await t.db.query(`UPDATE cycle_subjects SET added_at = $3 WHERE cycle_id = $1 AND person_id = $2`, [
        c.id,
        cora.id,
        new Date(deadline.getTime() - 1.6 * DAY),
      ]);
      smtp.clear();
      expect((await notifications.sweep(new Date(deadline.getTime() - 1.5 * DAY))).peerReminders).toBe(1);
      expect(peerMails().map((m) => m.to[0])).toEqual([mo.email]);
      smtp.clear();
      expect((await notifications.sweep(new Date(deadline.getTime() - 3 * HOUR))).peerReminders).toBe(2);
      expect(
        peerMails()
          .map((m) => m.to[0])
          .sort(),
      ).toEqual([mo.email, cora.email].sort());
    });

    it('is not sent without a nomination deadline, nor once the cycle collects answers', async () => {
      const open = await aLaunchedCycle(hr, [mo.id], { settings: { nominationDeadline: null } });
      await runHeldJobs(t, 'cycle.invitations');
      smtp.clear();
      for (const days of [1, 5, 13]) expect((await notifications.sweep(new Date(Date.now() + days * DAY))).peerReminders).toBe(0);
      expect(peerMails()).toEqual([]);
      // Still listed for HR, who can add peers.
      expect((await shortfall(open.id)).subjects.map((s: { subjectId: string }) => s.subjectId)).toEqual([mo.id]);

      const deadline = new Date(Date.now() + 10 * DAY);
      const collecting = await aLaunchedCycle(hr, [cora.id], { settings: { nominationDeadline: deadline.toISOString() } });
      expect((await hr.post(`/api/cycles/${collecting.id}/start-collecting`)).status).toBe(200);
      await runHeldJobs(t, 'cycle.invitations');
      smtp.clear();
      expect((await notifications.sweep(new Date(deadline.getTime() - DAY))).peerReminders).toBe(0);
      expect(peerMails()).toEqual([]);
    });
  });
});
