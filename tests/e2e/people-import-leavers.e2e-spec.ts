import { aCycle, aFrameworkVersion, aRequest, aSubject, stateOf } from '../support/feedback-factories';
import { aPerson, aTeam, TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/** CSV import with leavers and returning people: the person page's leaver logic, run from a file. */
describe('CSV import: leavers and returning people', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const as = async (person: TestPerson): Promise<HttpClient> => {
    const client = t.client();
    await client.signInAs(person);
    return client;
  };
  const upload = (client: HttpClient, csv: string, query = '') =>
    client.post(`/api/people/import${query ? `?${query}` : ''}`, undefined, { raw: csv, headers: { 'content-type': 'text/csv' } });
  const row = async (id: string) =>
    (await t.db.query(`SELECT active, manager_id AS "managerId", deactivated_at AS "deactivatedAt" FROM people WHERE id = $1`, [id]))[0] as {
      active: boolean;
      managerId: string | null;
      deactivatedAt: Date | null;
    };
  const audits = async (orgId: string, action: string) =>
    Number((await t.db.query(`SELECT count(*) FROM audit_events WHERE organization_id = $1 AND action = $2`, [orgId, action]))[0].count);
  const mailsTo = async (hr: HttpClient, email: string) =>
    (await hr.get('/api/outbox')).body.items.filter((m: { recipient: string }) => m.recipient === email) as { subject: string; text: string }[];

  it('active=false deactivates as the person page does: sessions end, reports move, subjects told, audited; the dry run said so first', async () => {
    const a = await aTeam(t.db);
    const hr = await as(a.admin);
    const version = await aFrameworkVersion(t.db, a.org.id);
    const cycle = await aCycle(t.db, a.org.id, version.id, { state: 'collecting' });
    await aSubject(t.db, cycle, a.peer);
    await aSubject(t.db, cycle, a.manager);
    const owed = await aRequest(t.db, cycle, { subjectId: a.peer.id, raterId: a.manager.id });
    const boss = await aPerson(t.db, a.org.id, { name: 'Bea Boss' });
    await t.db.query(`UPDATE people SET manager_id = $2 WHERE id = $1`, [a.manager.id, boss.id]);
    const leaverSession = await as(a.manager);
    expect((await leaverSession.get('/api/auth/me')).status).toBe(200);

    const csv = `email,name,active\n${a.manager.email},Maya Manager,no\n`;
    const dry = await upload(hr, csv, 'dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.summary).toMatchObject({ deactivated: 1, reactivated: 0 });
    expect(dry.body.leavers).toEqual([
      {
        id: a.manager.id,
        email: a.manager.email,
        name: 'Maya Manager',
        line: 2,
        reason: 'file',
        directReports: 2,
        reportsMoveTo: { email: boss.email, name: 'Bea Boss' },
        requestsInRunningCycles: 1,
        subjectOfRunningCycles: 1,
      },
    ]);
    // Nothing changed yet.
    expect((await row(a.manager.id)).active).toBe(true);
    expect((await leaverSession.get('/api/auth/me')).status).toBe(200);

    const done = await upload(hr, csv);
    expect(done.status).toBe(200);
    expect(done.body.leavers).toEqual(dry.body.leavers);
    expect(await row(a.manager.id)).toMatchObject({ active: false, deactivatedAt: expect.any(Date) });
    expect((await leaverSession.get('/api/auth/me')).status).toBe(401);
    expect((await row(a.member.id)).managerId).toBe(boss.id);
    expect((await row(a.colleague.id)).managerId).toBe(boss.id);
    expect(await stateOf(t.db, owed)).toBe('open');
    const [notice] = await mailsTo(hr, a.peer.email);
    expect(notice.subject).toBe(
      `Maya Manager has left: about your feedback in ${(await t.db.query(`SELECT name FROM cycles WHERE id = $1`, [cycle.id]))[0].name}`,
    );
    expect(await audits(a.org.id, 'person.deactivated')).toBe(1);
    expect(await audits(a.org.id, 'people.imported')).toBe(1);

    // The same file again changes nothing.
    const again = await upload(hr, csv);
    expect(again.body.summary).toMatchObject({ deactivated: 0, reactivated: 0, unchanged: 1 });
    expect(await audits(a.org.id, 'person.deactivated')).toBe(1);
    expect(await mailsTo(hr, a.peer.email)).toHaveLength(1);
  });

  it('active=true brings back someone who had left; a new person marked as left is created so; an empty cell changes nothing', async () => {
    const a = await aTeam(t.db);
    const hr = await as(a.admin);
    expect((await hr.post(`/api/people/${a.peer.id}/deactivate`, {})).status).toBe(200);
    expect((await hr.post(`/api/people/${a.colleague.id}/deactivate`, {})).status).toBe(200);
    const csv = `email,name,active\n${a.peer.email},Pat Peer,TRUE\n${a.colleague.email},Cora Colleague,\npast@x.org,Pat Past,inactive\n`;
    const dry = await upload(hr, csv, 'dryRun=true');
    expect(dry.body.returners).toEqual([{ id: a.peer.id, email: a.peer.email, name: 'Pat Peer', line: 2 }]);
    expect(dry.body.leavers).toEqual([]);
    expect(dry.body.changes.map((c: { email: string; active: boolean }) => [c.email, c.active])).toEqual([
      [a.peer.email, true],
      [a.colleague.email, false],
      ['past@x.org', false],
    ]);
    const done = await upload(hr, csv);
    expect(done.status).toBe(200);
    expect(done.body.summary).toMatchObject({ created: 1, reactivated: 1, deactivated: 0 });
    expect((await row(a.peer.id)).active).toBe(true);
    expect((await row(a.colleague.id)).active).toBe(false);
    const past = (await hr.get('/api/people?status=left&search=past@x.org')).body.items;
    expect(past).toMatchObject([{ email: 'past@x.org', active: false }]);
    expect(await audits(a.org.id, 'person.reactivated')).toBe(1);
    expect((await t.client().login(a.peer.email, 'correct-horse-battery')).status).toBe(200);
    expect((await upload(hr, csv)).body.summary).toMatchObject({ created: 0, updated: 0, reactivated: 0, deactivated: 0 });
  });

  it('refuses an active value it cannot read, by line and column', async () => {
    const a = await aTeam(t.db);
    const res = await upload(await as(a.admin), `email,name,active\n${a.peer.email},Pat Peer,perhaps\n`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { line: 2, column: 'active', code: 'active_invalid', values: { value: 'perhaps' }, message: expect.stringMatching(/true or false/) },
    ]);
    expect((await row(a.peer.id)).active).toBe(true);
  });

  it('missing people have left only when asked; managers named in the file, the importer and other organisations stay', async () => {
    const a = await aTeam(t.db);
    const b = await aTeam(t.db);
    const hr = await as(a.admin);
    // The file lists the member (with the manager as manager) and the colleague, not the peer nor the importer.
    const csv = `email,name,manager_email\n${a.member.email},Mo Member,${a.manager.email}\n${a.colleague.email},Cora Colleague,${a.manager.email}\n`;
    const off = await upload(hr, csv, 'dryRun=true');
    expect(off.body.leavers).toEqual([]);
    const dry = await upload(hr, csv, 'dryRun=true&missingHaveLeft=true');
    expect(dry.body.leavers.map((l: { email: string; reason: string; line: null }) => [l.email, l.reason, l.line])).toEqual([[a.peer.email, 'missing', null]]);
    expect(dry.body).toMatchObject({ importerKept: true, activePeople: 5, confirmationRequired: false });
    const done = await upload(hr, csv, 'missingHaveLeft=true');
    expect(done.status).toBe(200);
    expect(done.body.summary.deactivated).toBe(1);
    expect((await row(a.peer.id)).active).toBe(false);
    for (const stays of [a.admin, a.manager, a.member, a.colleague]) expect((await row(stays.id)).active).toBe(true);
    for (const other of [b.admin, b.manager, b.member, b.colleague, b.peer]) expect((await row(other.id)).active).toBe(true);
    const again = await upload(hr, csv, 'missingHaveLeft=true');
    expect(again.body.summary).toMatchObject({ deactivated: 0, reactivated: 0, unchanged: 2 });
    expect(await audits(a.org.id, 'person.deactivated')).toBe(1);
  });

  it('asks for the number of leavers when more than half would leave, and refuses a stale number', async () => {
    const a = await aTeam(t.db);
    const hr = await as(a.admin);
    const csv = `email,name\n${a.member.email},Mo Member\n`;
    const dry = await upload(hr, csv, 'dryRun=true&missingHaveLeft=true');
    expect(dry.body).toMatchObject({ confirmationRequired: true, activePeople: 5 });
    expect(dry.body.leavers).toHaveLength(3);
    const unconfirmed = await upload(hr, csv, 'missingHaveLeft=true');
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body).toMatchObject({ code: 'import_confirmation_required', message: expect.stringMatching(/3 of the 5 active people/) });
    // Someone joins after the dry run: the confirmed number no longer matches what would happen.
    await aPerson(t.db, a.org.id, { name: 'Nia Newcomer' });
    expect((await upload(hr, csv, 'missingHaveLeft=true&confirmLeavers=3')).status).toBe(409);
    for (const p of [a.manager, a.colleague, a.peer]) expect((await row(p.id)).active).toBe(true);
    expect((await upload(hr, csv, 'missingHaveLeft=true&confirmLeavers=abc')).status).toBe(400);
    const confirmed = await upload(hr, csv, 'missingHaveLeft=true&confirmLeavers=4');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.summary.deactivated).toBe(4);
    expect((await row(a.member.id)).managerId).toBeNull();
  });

  it('never deactivates the importer, nor the last HR admin', async () => {
    const a = await aTeam(t.db);
    const hr = await as(a.admin);
    const own = await upload(hr, `email,name,active\n${a.admin.email},Hr Admin,false\n`);
    expect(own.status).toBe(422);
    expect(own.body.errors[0]).toMatchObject({ column: 'active', message: expect.stringMatching(/yourself/) });
    const other = await aPerson(t.db, a.org.id, { name: 'Ola Other Admin', role: 'admin' });
    const last = await upload(hr, `email,name,role,active\n${a.admin.email},Hr Admin,member,\n${other.email},Ola,,false\n`);
    expect(last.status).toBe(422);
    expect(last.body.errors[0].message).toMatch(/without an HR admin/);
    expect((await row(other.id)).active).toBe(true);
  });

  it('reports what it did when the data changed after the dry run', async () => {
    const a = await aTeam(t.db);
    const hr = await as(a.admin);
    const csv = `email,name,active\n${a.peer.email},Pat Peer,0\n${a.colleague.email},Cora Colleague,0\n`;
    expect((await upload(hr, csv, 'dryRun=true')).body.summary.deactivated).toBe(2);
    // Meanwhile someone deactivates Cora from her page.
    await hr.post(`/api/people/${a.colleague.id}/deactivate`, {});
    const done = await upload(hr, csv);
    expect(done.body.summary.deactivated).toBe(1);
    expect(done.body.leavers.map((l: { email: string }) => l.email)).toEqual([a.peer.email]);
  });

  it('is for HR admins only', async () => {
    const a = await aTeam(t.db);
    const csv = `email,name,active\n${a.peer.email},Pat Peer,false\n`;
    for (const who of [a.member, a.manager]) {
      expect((await upload(await as(who), csv, 'missingHaveLeft=true')).status).toBe(403);
    }
    expect((await upload(t.client(), csv)).status).toBe(401);
    expect((await row(a.peer.id)).active).toBe(true);
    // Another organisation's HR admin cannot reach these people: the file's emails are new people of their own organisation.
    const b = await aTeam(t.db);
    const res = await upload(await as(b.admin), `email,name,active\n${a.peer.email},Pat Peer,false\n`);
    expect(res.body.leavers).toEqual([]);
    expect((await row(a.peer.id)).active).toBe(true);
  });
});
