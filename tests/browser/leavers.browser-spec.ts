/**
 * Leavers in a real browser: HR deactivates a person from their page (choosing who takes their
 * direct reports), sees them as Left in the people list, and reactivates them.
 * Screenshots go to tests/artifacts/screenshots/leavers-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns leavers
 */
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { logIn, screenshot, seriousA11yViolations, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(180_000);

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('Leavers in the browser', () => {
  let t: BrowserApp;
  let hana: TestPerson;
  let lead: TestPerson;
  let report: TestPerson;
  let carl: TestPerson;

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', email: 'hana@harbour.example', role: 'admin', department: 'People' });
    carl = await aPerson(t.db, org.id, { name: 'Carl Lindgren', email: 'carl@harbour.example', department: 'Finance' });
    lead = await aPerson(t.db, org.id, { name: 'Lena Lead', email: 'lena@harbour.example', department: 'Retail' });
    report = await aPerson(t.db, org.id, { name: 'Rui Report', email: 'rui@harbour.example', department: 'Retail', managerId: lead.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('deactivates from the person page with the reassign choice, shows them as Left, reactivates', async () => {
    const page = await t.newPage();
    await logIn(page, hana.email, TEST_PASSWORD);
    await page.goto(`/people/${lead.id}`);
    await heading(page, 'Lena Lead').waitFor();
    const picker = page.getByRole('combobox', { name: 'Move their direct reports to' });
    await picker.fill('Carl');
    await page.getByRole('option', { name: /Carl Lindgren/ }).click();
    await page.getByRole('radio', { name: /Remove them/ }).check();
    await screenshot(page, 'leavers-01-person-page');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Deactivate Lena Lead' }).click();
    await page.getByRole('heading', { name: 'Left the organisation' }).waitFor();
    await screenshot(page, 'leavers-02-deactivated');
    const rows: { manager_id: string }[] = await t.db.query(`SELECT manager_id FROM people WHERE id = $1`, [report.id]);
    expect(rows[0].manager_id).toBe(carl.id);

    await page.goto('/people?status=left');
    const row = page.getByRole('row', { name: /Lena Lead/ });
    await row.getByText('Left').waitFor();
    await screenshot(page, 'leavers-03-people-left');
    expect(await page.getByRole('row', { name: /Carl Lindgren/ }).count()).toBe(0);

    await page.goto(`/people/${lead.id}`);
    await page.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('button', { name: 'Deactivate Lena Lead' }).waitFor();
    await screenshot(page, 'leavers-04-reactivated');
    const back = await t.newPage();
    await logIn(back, lead.email, TEST_PASSWORD);
  });
});
