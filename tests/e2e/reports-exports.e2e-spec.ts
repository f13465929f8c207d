import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { pdfTextRuns } from '../../libs/reports/src/export/testing/pdf-text';
import { aPerson, anOrganization, TestPerson } from '../support/factories';
import { aFrameworkVersion } from '../support/feedback-factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, aResponse, reportUrl, snapshotReports, theDefaultFramework, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * CSV and PDF exports. The CSV fixture (k = 3): self 3, manager 4, three peers 2, two direct
 * reports 5, on every statement. The two direct reports cannot stand alone, and alone in Others
 * they would stay hidden and take the peers with them (total − manager − peers would give them
 * back). So the peers are pooled with them (anonymity.ts, rule 7): "Peers and direct reports",
 * 5 people, 3.20 — and the peers' 2.00 and the direct reports' 5.00 must appear nowhere, in any
 * format. The PDF fixture: a subject and comments in Polish, Russian and Greek, which must print
 * as written.
 */
describe('report exports', () => {
  let t: TestApp;
  let hr: HttpClient;
  let subject: TestPerson;
  let pdfSubject: TestPerson;
  let csvCycleId: string;
  let pdfCycleId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const manager = await aPerson(t.db, org.id, { name: 'Maya Manager' });
    subject = await aPerson(t.db, org.id, { name: 'Zoë Ångström-Łukasz', title: 'Head of Learning', department: 'Learning', managerId: manager.id });
    pdfSubject = await aPerson(t.db, org.id, { name: 'Łukasz Żółć', title: 'Kierownik działu', department: 'Обучение', managerId: manager.id });
    const people: TestPerson[] = [];
    for (let i = 0; i < 9; i++) people.push(await aPerson(t.db, org.id, { withLogin: false }));

    // First, so that it is the organisation's default framework.
    const framework = await theDefaultFramework(t, org.id);
    const small = await aFrameworkVersion(t.db, org.id, { behaviours: 3, statements: 2, openQuestions: 1 });
    const csvCycle = await aReportCycle(t.db, org.id, small.id, { state: 'closed', name: 'CSV cycle' });
    csvCycleId = csvCycle.id;
    await aReportSubject(t.db, csvCycle, subject.id, { managerId: manager.id });
    await uniformResponses(t.db, csvCycle, small, subject.id, [{ id: subject.id, relationship: 'self' }], 3);
    await uniformResponses(t.db, csvCycle, small, subject.id, [{ id: manager.id, relationship: 'manager' }], 4);
    await uniformResponses(
      t.db,
      csvCycle,
      small,
      subject.id,
      people.slice(0, 3).map((p) => ({ id: p.id, relationship: 'peer' as const })),
      2,
    );
    await uniformResponses(
      t.db,
      csvCycle,
      small,
      subject.id,
      people.slice(3, 5).map((p) => ({ id: p.id, relationship: 'direct_report' as const })),
      5,
    );
    await snapshotReports(t, org.id, csvCycle.id);

    // The PDF: the default framework, a full set of raters, a few "not observed", comments.
    const pdfCycle = await aReportCycle(t.db, org.id, framework.id, { state: 'closed', name: 'Autumn 2026 — everyone' });
    pdfCycleId = pdfCycle.id;
    await aReportSubject(t.db, pdfCycle, pdfSubject.id, { managerId: manager.id, hasReports: true });
    const raters: [TestPerson, 'self' | 'manager' | 'peer' | 'direct_report' | 'other'][] = [
      [pdfSubject, 'self'],
      [manager, 'manager'],
      ...people.slice(0, 4).map((p) => [p, 'peer'] as [TestPerson, 'peer']),
      ...people.slice(4, 7).map((p) => [p, 'direct_report'] as [TestPerson, 'direct_report']),
      [people[7], 'other'],
    ];
    const comments = [
      ['Listens before deciding — “what do you think?” is a habit.', 'Explains why a change matters; Дмитрий says the same.', 'Could say no more often.'],
      ['Share plans earlier with the Exhibitions team.', 'Let Ελένη run the Monday meeting.', null],
      [null, 'A pleasure to work with. ✓', null],
    ];
    for (const [r, [person, relationship]] of raters.entries()) {
      const ratings = framework.statementIds.map((_, i) => ((i * 7 + r * 3) % 11 === 0 ? null : 1 + ((i + r * 2 + (relationship === 'self' ? 2 : 0)) % 5)));
      await aResponse(t.db, pdfCycle, framework, {
        subjectId: pdfSubject.id,
        raterId: person.id,
        relationship,
        ratings,
        comments: comments.map((c) => c[r % 3]),
      });
    }
    await snapshotReports(t, org.id, pdfCycle.id);
    hr = t.client();
    await hr.signInAs(admin);
  });
  afterAll(() => t.close());

  /** The raw bytes (the test client decodes bodies as UTF-8 text). */
  async function download(url: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
    const cookie = [...hr.exportCookies()].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
  }

  it('exports the shown numbers as CSV, with the reason wherever one is hidden', async () => {
    const response = await hr.get(reportUrl(csvCycleId, subject.id, '.csv'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="report-zoe-angstrom-lukasz-csv-cycle.csv"');
    const rows: string[][] = parse(response.text);
    expect(rows[0]).toEqual(['section', 'behaviour', 'kind', 'statement', 'group', 'mean', 'n', 'spread', 'note']);
    const body = rows.slice(1, -1);
    // 2 indices + 3 behaviours + 6 statements, each in the six groups somebody answered in; then the followership line, as on the page (HR reads it).
    expect(body).toHaveLength(11 * 6);
    expect(rows[rows.length - 1]).toEqual([
      'followership',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'How many colleagues named Zoë as someone they turn to is shown only when at least 3 did, and never who.',
    ]);
    for (const [, , , , , mean, n, spread, note] of body) {
      if (mean) expect([/^\d\.\d\d$/.test(mean), /^\d+$/.test(n), /^\d\.\d\d$/.test(spread), note]).toEqual([true, true, true, '']);
      else expect([n, spread, /^(hidden: |not observed)/.test(note)]).toEqual(['', '', true]);
    }
    const line = (section: string, statement: string, group: string) => body.find((r) => r[0] === section && r[3] === statement && r[4] === group);
    expect(line('statement', 'Statement behaviour_2.1', 'Self')).toEqual([
      'statement',
      'Behaviour 2',
      'influence',
      'Statement behaviour_2.1',
      'Self',
      '3.00',
      '1',
      '0.00',
      '',
    ]);
    expect(line('statement', 'Statement behaviour_2.1', 'Manager')?.slice(5)).toEqual(['4.00', '1', '0.00', '']);
    expect(line('statement', 'Statement behaviour_2.1', 'All others')?.slice(5)).toEqual(['3.33', '6', '1.37', '']);
    // Answers 2, 2, 2, 5, 5: mean 3.20, spread √2.16.
    expect(line('statement', 'Statement behaviour_2.1', 'Peers and direct reports')?.slice(5)).toEqual(['3.20', '5', '1.47', '']);
    expect(line('index', '', 'Peers and direct reports')?.slice(1, 8)).toEqual([
      'Influence index',
      'influence',
      '',
      'Peers and direct reports',
      '3.20',
      '5',
      '1.47',
    ]);
    expect(line('statement', 'Statement behaviour_2.1', 'Peers')?.slice(5)).toEqual(['', '', '', 'hidden: shown only together with other groups']);
    expect(line('statement', 'Statement behaviour_2.1', 'Direct reports')?.slice(5)).toEqual(['', '', '', 'hidden: shown only together with other groups']);
    expect(body.filter((r) => r[4] === 'Others')).toEqual([]);
    expect(line('index', '', 'All others')?.slice(1, 6)).toEqual(['Influence index', 'influence', '', 'All others', '3.33']);
    expect(response.text).not.toMatch(/2\.00|5\.00/);
  });

  it('shows the same pool in the report, its direction of influence and the PDF, with one sentence saying why', async () => {
    const report = (await hr.get(reportUrl(csvCycleId, subject.id))).body;
    expect(report.columns.find((c: { key: string }) => c.key === 'others')).toEqual({
      key: 'others',
      groups: ['peer', 'direct_report'],
      identified: false,
      shown: true,
      respondents: 5,
    });
    expect(report.directionOfInfluence).toEqual({
      sideways: { shown: false, reason: 'pooled' },
      downwards: { shown: false, reason: 'pooled' },
      upwards: { shown: true, mean: 4, n: 1, spread: 0 },
      pooled: {
        directions: ['sideways', 'downwards'],
        groups: ['peer', 'direct_report'],
        cell: { shown: true, mean: 3.2, n: 5, spread: expect.closeTo(Math.sqrt(2.16), 9) },
      },
    });
    const flowing = pdfTextRuns((await download(reportUrl(csvCycleId, subject.id, '.pdf'))).body)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(flowing).toContain(
      "Zoë's peers' and direct reports' answers are shown together as one group (5 people), because a group with fewer than 3 anonymous answers is never shown on its own.",
    );
    expect(flowing).toContain('Sideways and downwards together (peers and direct reports): 3.20 · n 5 · spread 1.47');
    expect(flowing).not.toMatch(/\b2\.00\b|\b5\.00\b/);
  });

  it('exports the report as an A4 PDF', async () => {
    const response = await download(reportUrl(pdfCycleId, pdfSubject.id, '.pdf'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="report-lukasz-zolc-autumn-2026-everyone\.pdf"$/);
    const text = response.body.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const pages = text.match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(text).toMatch(/\/FontFile2 /);
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, response.body);
  });

  it('prints names and comments in any European script as written, with n and spread beside each group mean', async () => {
    const report = (await hr.get(reportUrl(pdfCycleId, pdfSubject.id))).body;
    const runs = pdfTextRuns((await download(reportUrl(pdfCycleId, pdfSubject.id, '.pdf'))).body);
    const flowing = runs.join(' ').replace(/\s+/g, ' ');
    expect(runs[1]).toBe('Łukasz Żółć');
    expect(runs).toContain('Kierownik działu · Обучение');
    const comments: string[] = report.comments.flatMap((q: { self: string[]; others: string[] }) => [...q.self.map((c) => `Self: ${c}`), ...q.others]);
    expect(comments).toEqual(expect.arrayContaining(['Explains why a change matters; Дмитрий says the same.', 'Let Ελένη run the Monday meeting.']));
    for (const comment of comments) expect(flowing).toContain(comment);
    expect(flowing).not.toMatch(/\?{2}|\ufffd/);
    // The bars of the first behaviour, as the page shows it: all others with n and spread, self the mean alone.
    const { self, all_others: all } = report.behaviours[0].cells;
    expect(runs).toContain(`${all.mean.toFixed(2)} · n ${all.n} · spread ${all.spread.toFixed(2)}`);
    expect(runs).toContain(self.mean.toFixed(2));
  });

  it('renders the same report as the page, comments included', async () => {
    const report = (await hr.get(reportUrl(pdfCycleId, pdfSubject.id))).body;
    expect(report.behaviours).toHaveLength(12);
    expect(report.comments[0].self).toEqual(['Listens before deciding — “what do you think?” is a habit.']);
    // The one other colleague alone would hide the direct reports wherever they answered; pooled with them, they show.
    expect(report.columns.filter((c: { shown: boolean }) => c.shown).map((c: { key: string; groups: string[] }) => [c.key, ...c.groups])).toEqual([
      ['self', 'self'],
      ['manager', 'manager'],
      ['peer', 'peer'],
      ['others', 'direct_report', 'other'],
      ['all_others', 'manager', 'peer', 'direct_report', 'other'],
    ]);
  });
});
