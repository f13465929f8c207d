import { HideOutboxSecrets1795400320000 } from '../../migrations/1795400320000-HideOutboxSecrets';
import { aLaunchedCycle, runHeldJobs } from '../support/cycle-factories';
import { anOrganization, aPerson, TEST_PASSWORD, TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

interface Mail {
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
}

/**
 * What the outbox and the audit trail show an HR admin: no secret, and nothing about their own
 * raters that the rest of the product hides from them (DESIGN.md, "Who may see what"). And what
 * the mails and the questionnaire tell each rater about who sees their answers.
 *
 *   Dana (director) ← Hedda (HR admin, reviewed in the cycle), Maya (manager) ← Mo
 *   Hana (HR admin, not reviewed), Pat and Cora (peers)
 */
describe('the outbox and the audit trail', () => {
  let t: TestApp;
  let org: { id: string };
  let hana: TestPerson, hedda: TestPerson, dana: TestPerson, maya: TestPerson, mo: TestPerson, pat: TestPerson, cora: TestPerson;
  let asHana: HttpClient, asHedda: HttpClient;

  const signIn = async (person: TestPerson): Promise<HttpClient> => {
    const client = t.client();
    await client.login(person.email, TEST_PASSWORD);
    return client;
  };
  const outboxOf = async (client: HttpClient): Promise<Mail[]> => {
    const res = await client.get('/api/outbox');
    expect(res.status).toBe(200);
    return res.body.items as Mail[];
  };
  const recipients = (mails: Mail[], subject: RegExp): string[] => [...new Set(mails.filter((m) => subject.test(m.subject)).map((m) => m.recipient))].sort();

  beforeAll(async () => {
    t = await startTestApp();
    org = await anOrganization(t.db, { name: 'Outbox Org' });
    hana = await aPerson(t.db, org.id, { name: 'Hana Hr', role: 'admin', department: 'People' });
    dana = await aPerson(t.db, org.id, { name: 'Dana Director', department: 'Board' });
    hedda = await aPerson(t.db, org.id, { name: 'Hedda Hr', role: 'admin', department: 'People', managerId: dana.id });
    maya = await aPerson(t.db, org.id, { name: 'Maya Manager', department: 'Collections', managerId: dana.id });
    mo = await aPerson(t.db, org.id, { name: 'Mo Member', department: 'Collections', managerId: maya.id });
    pat = await aPerson(t.db, org.id, { name: 'Pat Peer', department: 'Learning' });
    cora = await aPerson(t.db, org.id, { name: 'Cora Colleague', department: 'Learning' });
    asHana = await signIn(hana);
    asHedda = await signIn(hedda);
  });
  afterAll(() => t.close());

  it('never shows an HR admin who is a subject the mails to their own raters, before or after they answer', async () => {
    const cycle = await aLaunchedCycle(asHana, [hedda.id, mo.id]);
    const name = new RegExp(cycle.name as string);
    // Hedda's raters: Dana (her manager), Pat and Cora (peers HR adds); Pat is asked about Mo too.
    expect((await asHana.post(`/api/cycles/${cycle.id}/subjects/${hedda.id}/requests`, { raterIds: [pat.id, cora.id] })).status).toBe(201);
    expect((await asHana.post(`/api/cycles/${cycle.id}/subjects/${mo.id}/requests`, { raterIds: [pat.id] })).status).toBe(201);
    await runHeldJobs(t);

    // Hana, not reviewed, reads every invitation; Hedda reads her own and those to people who do not rate her.
    expect(recipients(await outboxOf(asHana), name)).toEqual([cora, dana, hedda, maya, mo, pat].map((p) => p.email).sort());
    expect(recipients(await outboxOf(asHedda), name)).toEqual([hedda, maya, mo].map((p) => p.email).sort());

    // Pat answers about Hedda (still owing Mo), Cora does not; Dana answers; then reminders go out.
    for (const rater of [pat, dana]) {
      const client = await signIn(rater);
      const tasks = (await client.get(`/api/feedback-requests?mine=true&cycleId=${cycle.id}`)).body.cycles[0].requests as {
        id: string;
        subject: { id: string };
      }[];
      const id = tasks.find((r) => r.subject.id === hedda.id)!.id;
      const questionnaire = (await client.get(`/api/feedback-requests/${id}`)).body;
      const answers = questionnaire.behaviours.flatMap((b: { statements: { id: string }[] }) => b.statements.map((s) => ({ questionId: s.id, rating: 4 })));
      expect((await client.post(`/api/feedback-requests/${id}/submit`, { answers, comments: [] })).status).toBe(200);
    }
    expect((await asHana.post(`/api/cycles/${cycle.id}/reminders`)).status).toBe(202);
    await runHeldJobs(t, 'cycle.reminders');

    const reminder = /^Reminder/;
    // Cora still owes Hedda, Pat owes Mo only, Dana owes nothing: Hana sees the reminders to Cora and Pat.
    expect(recipients(await outboxOf(asHana), reminder)).toEqual([cora, hedda, maya, mo, pat].map((p) => p.email).sort());
    // Hedda sees no reminder to any of her raters — neither Cora's (who has not answered her) nor
    // Pat's (which would tell her, by no longer naming her, that Pat has).
    const heddaSees = await outboxOf(asHedda);
    expect(recipients(heddaSees, reminder)).toEqual([hedda, maya, mo].map((p) => p.email).sort());
    expect(heddaSees.filter((m) => [pat, cora, dana].some((p) => p.email === m.recipient))).toEqual([]);

    // The audit trail keeps the reminder, and no count of who still owed answers.
    const audit = (await asHedda.get(`/api/audit-events?targetId=${cycle.id}&action=cycle.reminders_sent`)).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toEqual({ slot: expect.stringMatching(/^manual:/) });
    // Hedda's own mails stay hers to read: her self-review invitation, and her reminder.
    expect(heddaSees.filter((m) => m.recipient === hedda.email).map((m) => m.subject)).toEqual([
      `Reminder: feedback for ${cycle.name}`,
      `Your feedback is requested: ${cycle.name}`,
    ]);
  });

  it('keeps no invitation link in the outbox or its table, only the redacted text', async () => {
    const newcomer = await aPerson(t.db, org.id, { name: 'Nina Newcomer', withLogin: false });
    expect((await asHana.post(`/api/people/${newcomer.id}/invite`)).status).toBe(202);
    const mail = (await outboxOf(asHana)).find((m) => m.recipient === newcomer.email)!;
    expect(mail.text).toContain(`${t.config.publicUrl}/accept-invitation?token=[redacted]`);
    expect(mail.html).toContain('/accept-invitation?token=[redacted]"');
    const stored: { text_body: string; html_body: string }[] = await t.db.query(`SELECT text_body, html_body FROM mail_messages WHERE recipient = $1`, [
      newcomer.email,
    ]);
    expect(stored).toHaveLength(1);
    expect(`${stored[0].text_body} ${stored[0].html_body}`).not.toMatch(/token=(?!\[redacted\])/);
    // The invitation itself is live: only the mail lost its secret.
    const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM invitations WHERE person_id = $1 AND used_at IS NULL AND expires_at > now()`, [
      newcomer.id,
    ]);
    expect(pending).toBe(1);
  });

  it('migrates mail stored before: old cycle mails hidden as the sender now hides them, tokens and audit counts gone', async () => {
    const cycle = await aLaunchedCycle(asHana, [hedda.id]);
    expect((await asHana.post(`/api/cycles/${cycle.id}/subjects/${hedda.id}/requests`, { raterIds: [cora.id] })).status).toBe(201);
    await runHeldJobs(t);
    const before = await outboxOf(asHedda);
    const hiddenBefore: { id: string; hidden_from: string[] }[] = await t.db.query(`SELECT id, hidden_from FROM mail_messages ORDER BY id`);
    expect(hiddenBefore.some((m) => m.hidden_from.includes(hedda.id))).toBe(true);

    // Back to the schema before the migration, with what it held: a readable link and a rater count.
    const migration = new HideOutboxSecrets1795400320000();
    const runner = t.db.createQueryRunner();
    try {
      await migration.down(runner);
      const secret = 'q3Zb8V1yXj0pL7cT2mN9sD4fG6hK5wE-rA_uI8oP0aS';
      await runner.query(
        `INSERT INTO mail_messages (organization_id, recipient, subject, text_body, html_body, transport)
         VALUES ($1, 'old@example.org', 'You are invited to Ripple', $2, $3, 'outbox')`,
        [
          org.id,
          `Choose a password:\n\n${t.config.publicUrl}/accept-invitation?token=${secret}\n`,
          `<a href="${t.config.publicUrl}/accept-invitation?token=${secret}">Choose</a>`,
        ],
      );
      await runner.query(
        `INSERT INTO audit_events (organization_id, actor_id, action, target_type, target_id, details) VALUES ($1, $2, 'cycle.reminders_sent', 'cycle', $3, $4)`,
        [org.id, hana.id, cycle.id, JSON.stringify({ slot: 'manual:2026-01-01T00:00', raters: 3 })],
      );
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    expect(await t.db.query(`SELECT id, hidden_from FROM mail_messages WHERE recipient <> 'old@example.org' ORDER BY id`)).toEqual(hiddenBefore);
    const after = await outboxOf(asHedda);
    expect(after.filter((m) => m.recipient !== 'old@example.org')).toEqual(before);
    const old = after.find((m) => m.recipient === 'old@example.org')!;
    expect(old.text).toBe(`Choose a password:\n\n${t.config.publicUrl}/accept-invitation?token=[redacted]\n`);
    expect(old.html).toBe(`<a href="${t.config.publicUrl}/accept-invitation?token=[redacted]">Choose</a>`);
    const audit = (await asHana.get(`/api/audit-events?targetId=${cycle.id}&action=cycle.reminders_sent`)).body.items;
    expect(audit.map((e: { details: unknown }) => e.details)).toEqual([{ slot: 'manual:2026-01-01T00:00' }]);
  });

  it('tells a manager shown on their own and a peer, in their mail and questionnaire, what becomes of their answers', async () => {
    const cycle = await aLaunchedCycle(asHana, [mo.id], { settings: { showManagerSeparately: true, anonymityThreshold: 4 } });
    expect((await asHana.post(`/api/cycles/${cycle.id}/subjects/${mo.id}/requests`, { raterIds: [pat.id] })).status).toBe(201);
    await runHeldJobs(t);
    const mails = (await outboxOf(asHana)).filter((m) => m.subject === `Your feedback is requested: ${cycle.name}`);
    const mailTo = (p: TestPerson) => mails.find((m) => m.recipient === p.email)!.text;
    expect(mailTo(maya)).toContain("As the manager of Mo Member, your ratings are shown in the report on their own, labelled as the manager's");
    expect(mailTo(maya)).not.toContain('combined');
    expect(mailTo(pat)).toContain(
      "Your answers about Mo Member are combined with other people's and never shown on their own: a number is shown only when at least 4 people gave it",
    );

    const questionnaireOf = async (rater: TestPerson) => {
      const client = await signIn(rater);
      const tasks = (await client.get(`/api/feedback-requests?mine=true&cycleId=${cycle.id}`)).body.cycles[0].requests as { id: string }[];
      return (await client.get(`/api/feedback-requests/${tasks[0].id}`)).body;
    };
    expect((await questionnaireOf(maya)).answerAudience).toEqual({
      kind: 'manager_shown',
      threshold: 4,
      raterMayRead: false,
      explanation: expect.stringContaining("labelled as the manager's"),
    });
    expect((await questionnaireOf(pat)).answerAudience).toEqual({
      kind: 'combined',
      threshold: 4,
      raterMayRead: false,
      explanation: expect.stringContaining('at least 4 people gave it'),
    });
  });
});
