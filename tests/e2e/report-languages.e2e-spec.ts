import { parse } from 'csv-parse/sync';
import { pdfTextRuns } from '../../libs/reports/src/export/testing/pdf-text';
import { aPerson, anOrganization, TestPerson } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, reportUrl, snapshotReports, theDefaultFramework, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * One report, two readers' languages: the framework's words change, nothing else. Answers are
 * keyed by statement id, so the numbers are the same whatever language anyone read or reads.
 */
describe("a report in the reader's language", () => {
  let t: TestApp;
  let hr: HttpClient;
  let cycleId: string;
  let subject: TestPerson;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await anOrganization(t.db, { name: 'Kunsthalle' });
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const manager = await aPerson(t.db, org.id, { name: 'Maya Manager' });
    subject = await aPerson(t.db, org.id, { name: 'Jürgen Weiß', managerId: manager.id });
    const peers: TestPerson[] = [];
    for (let i = 0; i < 4; i++) peers.push(await aPerson(t.db, org.id, { withLogin: false }));
    const framework = await theDefaultFramework(t, org.id);
    const cycle = await aReportCycle(t.db, org.id, framework.id, { state: 'closed', name: 'Herbst 2026' });
    cycleId = cycle.id;
    await aReportSubject(t.db, cycle, subject.id, { managerId: manager.id });
    await uniformResponses(t.db, cycle, framework, subject.id, [{ id: subject.id, relationship: 'self' }], 5);
    await uniformResponses(t.db, cycle, framework, subject.id, [{ id: manager.id, relationship: 'manager' }], 4);
    await uniformResponses(
      t.db,
      cycle,
      framework,
      subject.id,
      peers.map((p) => ({ id: p.id, relationship: 'peer' as const })),
      3,
    );
    await snapshotReports(t, org.id, cycle.id);
    hr = t.client();
    await hr.signInAs(admin);
  });
  afterAll(() => t.close());

  type Report = {
    behaviours: { key: string; name: string; cells: unknown; statements: { id: string; text: string; cells: unknown }[] }[];
    scale: { notObservedLabel: string };
  };

  it('shows the statements in German to a German reader, with exactly the numbers an English reader sees', async () => {
    const english = (await hr.get(reportUrl(cycleId, subject.id))).body as Report;
    expect(english.behaviours[0].statements[0].text).toBe('Lets others finish what they are saying before replying.');
    expect((await hr.put('/api/auth/me/language', { language: 'de' })).status).toBe(200);
    const german = (await hr.get(reportUrl(cycleId, subject.id))).body as Report;
    expect(german.behaviours[0]).toMatchObject({ key: 'listening', name: 'Zuhören' });
    expect(german.behaviours[0].statements[0].text).toBe('Lässt andere ausreden, bevor selbst geantwortet wird.');
    expect(german.scale.notObservedLabel).toBe('Nicht beobachtet');
    const numbers = (r: Report) => r.behaviours.map((b) => [b.key, b.cells, b.statements.map((s) => [s.id, s.cells])]);
    expect(numbers(german)).toEqual(numbers(english));
    expect(JSON.stringify(numbers(german))).toContain('"mean":3');
  });

  it('downloads a German PDF and a CSV with German headers', async () => {
    await hr.put('/api/auth/me/language', { language: 'de' });
    const cookie = [...hr.exportCookies()].map(([k, v]) => `${k}=${v}`).join('; ');
    const pdf = await t.app.inject({ method: 'GET', url: reportUrl(cycleId, subject.id, '.pdf'), headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    const flowing = pdfTextRuns(pdf.rawPayload).join(' ').replace(/\s+/g, ' ');
    for (const words of [
      'Jürgen Weiß',
      'Zusammenfassung',
      'Lässt andere ausreden, bevor selbst geantwortet wird.',
      'Größte Stärken (alle anderen)',
      'vertraulich',
    ]) {
      expect(flowing).toContain(words);
    }
    const csv = await hr.get(reportUrl(cycleId, subject.id, '.csv'));
    const rows: string[][] = parse(csv.text);
    expect(rows[0]).toEqual(['Abschnitt', 'Verhalten', 'Art', 'Aussage', 'Gruppe', 'Mittelwert', 'n', 'Streuung', 'Hinweis']);
    expect(rows.some((r) => r[3] === 'Lässt andere ausreden, bevor selbst geantwortet wird.')).toBe(true);
  });
});
