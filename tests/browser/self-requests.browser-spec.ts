/**
 * Feedback anyone asks for, in the browser: Rosa asks three colleagues about two behaviours; they
 * see "Rosa asked you for feedback" and answer; Rosa closes it, reads the report (only those
 * behaviours), shares it with Sam, who reads it; she withdraws the share.
 *
 *   npm run build && SCREENSHOTS=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns 'browser/self-requests\.' -w 1
 */
import type { Page } from 'playwright-core';
import { HttpClient } from '../support/http-client';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import type { TestFrameworkVersion } from '../support/feedback-factories';
import { snapshotReports, theDefaultFramework } from '../support/report-factories';
import type { TestApp } from '../support/test-app';
import { DESKTOP, screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(240_000);

describe('Feedback anyone can ask for', () => {
  let t: BrowserApp;
  let orgId: string;
  let rosa: TestPerson;
  let sam: TestPerson;
  let raters: TestPerson[];
  let version: TestFrameworkVersion;
  let cycleId: string;

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    orgId = org.id;
    const asTestApp = { app: t.app, db: t.db } as TestApp;
    version = await theDefaultFramework(asTestApp, org.id);
    rosa = await aPerson(t.db, org.id, { name: 'Rosa Delgado', title: 'Exhibitions Lead', department: 'Exhibitions' });
    sam = await aPerson(t.db, org.id, { name: 'Sam Oyelaran', title: 'Designer', department: 'Design' });
    raters = [];
    for (const name of ['Ada Brook', 'Ben Carter', 'Cleo Dunn']) raters.push(await aPerson(t.db, org.id, { name, department: 'Exhibitions' }));
  });
  afterAll(async () => {
    await t?.close();
  });

  async function choose(page: Page, label: string, name: string): Promise<void> {
    const input = page.getByRole('combobox', { name: label });
    await input.fill(name.split(' ')[0]);
    await page.getByRole('option', { name: new RegExp(name) }).click();
  }

  it('Rosa asks three colleagues about two behaviours', async () => {
    const page = await t.newPage(DESKTOP);
    await signIn(page, rosa, '/my-requests');
    await page.getByRole('heading', { level: 1, name: 'My feedback requests' }).waitFor();
    await page.getByText('You have not asked for feedback yet').waitFor();
    await page.locator('main').getByRole('link', { name: 'Ask for feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ask for feedback' }).waitFor();
    const [first, second] = version.behaviours;
    const names: string[] = [];
    for (const b of [first, second]) {
      const label = page.locator(`label[for="behaviour-${b.key}"]`);
      names.push((await label.textContent()) ?? '');
      await page.locator(`#behaviour-${b.key}`).check();
    }
    // The organisation's maximum is three: a fourth cannot be ticked.
    await page.locator(`#behaviour-${version.behaviours[2].key}`).check();
    await expect(page.locator(`#behaviour-${version.behaviours[3].key}`).isDisabled()).resolves.toBe(true);
    await page.locator(`#behaviour-${version.behaviours[2].key}`).uncheck();
    for (const r of raters) await choose(page, 'Colleagues', r.name);
    await page.getByText('3 colleagues chosen of at least 3.').waitFor();
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'self-requests-ask');
    await page.getByRole('button', { name: 'Ask for feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'My feedback requests' }).waitFor();
    await page.getByText('Collecting answers').waitFor();
    await page.getByText('3 colleagues').waitFor();
    await page.getByRole('heading', { name: names.join(', ') }).waitFor();
    const [row]: { id: string }[] = await t.db.query(`SELECT id FROM cycles WHERE organization_id = $1 AND origin = 'self'`, [orgId]);
    cycleId = row.id;
    await page.context().close();
  });

  it('colleagues see that Rosa asked them, and answer only her two behaviours', async () => {
    for (const [i, rater] of raters.entries()) {
      const page = await t.newPage(DESKTOP);
      await signIn(page, rater, '/feedback');
      await page.getByRole('heading', { name: 'Rosa asked you for feedback' }).waitFor();
      if (i === 0) await screenshot(page, 'self-requests-inbox');
      await page.getByRole('link', { name: /Start/ }).first().click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      const statements = page.locator('fieldset.statement');
      await statements.first().waitFor();
      const count = await statements.count();
      // Her two behaviours' statements only.
      expect(count).toBe(version.behaviours[0].statements.length + version.behaviours[1].statements.length);
      for (let s = 0; s < count; s++)
        await statements
          .nth(s)
          .getByRole('radio')
          .nth(2 + (i % 2))
          .check();
      await page.getByRole('button', { name: 'Submit feedback' }).click();
      await page.getByText('Submitted — thank you').waitFor();
      await page.context().close();
    }
  });

  it('Rosa closes it, reads her report, shares it with Sam and withdraws the share', async () => {
    const page = await t.newPage(DESKTOP);
    await signIn(page, rosa, '/my-requests');
    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByText('Report being prepared').waitFor();
    await snapshotReports({ app: t.app, db: t.db } as TestApp, orgId, cycleId);
    await page.reload();
    await page.getByText('Report ready').waitFor();
    await page.getByRole('link', { name: 'Read the report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rosa Delgado' }).waitFor();
    await page.getByText('You asked for this feedback, so this report is yours alone').waitFor();
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'self-requests-report');

    await page.goto('/my-requests');
    await page.getByRole('button', { name: 'Share…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share your report' });
    await dialog.getByText('Not shared with anyone.').waitFor();
    // A colleague who answered cannot be shown it.
    await choose(page, 'Share with', raters[0].name);
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await dialog.getByText(/their own answers are in the report/).waitFor();
    await choose(page, 'Share with', sam.name);
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await dialog.getByRole('list', { name: 'Shared with' }).getByText('Sam Oyelaran', { exact: true }).waitFor();
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'self-requests-share');

    const samPage = await t.newPage(DESKTOP);
    await signIn(samPage, sam, '/reports');
    await samPage.getByRole('heading', { name: 'Shared with you' }).waitFor();
    await samPage.goto(`/reports/cycles/${cycleId}/subjects/${rosa.id}`);
    await samPage.getByText('Rosa Delgado asked for this feedback and shared the report with you').waitFor();

    await dialog.getByRole('button', { name: 'Withdraw the share with Sam Oyelaran' }).click();
    await dialog.getByText('Not shared with anyone.').waitFor();
    await samPage.reload();
    await samPage.getByRole('heading', { level: 1, name: /not found/i }).waitFor();
    await samPage.context().close();
    await page.context().close();
  });

  it('in German: Sam reads his requests and the ask page in German, with no promise of a count he will never see', async () => {
    const http = new HttpClient(t.app);
    await http.signInAs(sam);
    expect((await http.put('/api/auth/me/language', { language: 'de' })).status).toBe(200);
    const page = await t.newPage(DESKTOP);
    await signIn(page, sam, '/my-requests');
    await page.getByRole('heading', { level: 1, name: 'Meine Feedback-Anfragen' }).waitFor();
    await expect(page.evaluate<string>('document.documentElement.lang')).resolves.toBe('de');
    await page.getByText('Sie haben noch kein Feedback eingeholt').waitFor();
    await page.locator('main').getByRole('link', { name: 'Feedback einholen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Feedback einholen' }).waitFor();
    await page
      .getByRole('region', { name: 'Wozu möchten Sie Feedback?' })
      .getByText(/Wählen Sie bis zu 3 Verhaltensweisen\./)
      .waitFor();
    const when = page.getByRole('region', { name: 'Wann endet die Anfrage?' });
    await when.getByText(/Sie sehen weder, wer geantwortet hat, noch wie viele/).waitFor();
    await when.getByLabel('Enddatum').waitFor();
    await choose(page, 'Kolleginnen und Kollegen', raters[0].name);
    await page.getByText('1 Person von mindestens 3 ausgewählt.', { exact: false }).waitFor();
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'self-requests-ask-german');
    await page.context().close();
  });
});
