/**
 * Readers never count, in a real browser: Amara rated Mo as a peer (counted as anonymous), then
 * became an HR admin after the release. Opening Mo's report she is told, in words, why she cannot
 * read it, and offered the way back; HR who did not rate reads it. Axe on the page; screenshots in
 * tests/artifacts/screenshots/readers-*.png.
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns reports-readers
 */
import { aPerson, anOrganization, TEST_PASSWORD } from '../support/factories';
import { aFrameworkVersion } from '../support/feedback-factories';
import { ReportSnapshotService } from '@lib/reports';
import { aReportCycle, aReportSubject, moveCycle, uniformResponses } from '../support/report-factories';
import { logIn, PHONE, screenshot, seriousA11yViolations, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(120_000);

describe('a reader who rated anonymously (browser)', () => {
  let t: BrowserApp;

  beforeAll(async () => {
    t = await startBrowserApp();
  });
  afterAll(() => t?.close());

  it('is told why the report stays closed to them, while HR reads it', async () => {
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    const hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', role: 'admin', email: 'hana@harbour.example' });
    const mo = await aPerson(t.db, org.id, { name: 'Mo Abernathy', department: 'Collections', email: 'mo@harbour.example' });
    const amara = await aPerson(t.db, org.id, { name: 'Amara Nwosu', department: 'Collections', email: 'amara@harbour.example' });
    const peers = [amara, await aPerson(t.db, org.id, { withLogin: false }), await aPerson(t.db, org.id, { withLogin: false })];
    const version = await aFrameworkVersion(t.db, org.id);
    const cycle = await aReportCycle(t.db, org.id, version.id, { state: 'collecting', name: 'Spring 2026' });
    await aReportSubject(t.db, cycle, mo.id);
    await uniformResponses(
      t.db,
      cycle,
      version,
      mo.id,
      peers.map((p) => ({ id: p.id, relationship: 'peer' as const })),
      4,
    );
    await moveCycle(t.db, cycle.id, 'closed');
    await t.app.get(ReportSnapshotService).snapshotCycle(org.id, cycle.id);
    await moveCycle(t.db, cycle.id, 'released');
    await t.db.query(`UPDATE people SET role = 'admin' WHERE id = $1`, [amara.id]);
    const path = `/reports/cycles/${cycle.id}/subjects/${mo.id}`;

    const page = await t.newPage();
    await logIn(page, amara.email, TEST_PASSWORD);
    await page.goto(path);
    await page.getByRole('heading', { name: 'You cannot read this report' }).waitFor();
    await expectText(page, 'You gave anonymous feedback for this report');
    await expectText(page, 'this keeps every rater');
    expect(await page.getByRole('link', { name: 'Back to reports' }).isVisible()).toBe(true);
    // Nothing of the report itself: no subject name, no numbers.
    expect(await page.getByText('Mo Abernathy').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'readers-refused');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'readers-refused-phone');

    const hr = await t.newPage();
    await logIn(hr, hana.email, TEST_PASSWORD);
    await hr.goto(path);
    await hr.getByRole('article', { name: /Mo Abernathy, Spring 2026/ }).waitFor();
  });
});

async function expectText(page: import('playwright-core').Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor();
}
