/**
 * CSV import with leavers in a real browser: HR ticks "People missing from this file have left",
 * checks the file, reads who leaves (and what happens to their reports and running work) and who
 * comes back, then applies. Screenshots go to tests/artifacts/screenshots/import-leavers-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns people-import-leavers
 */
import type { Page } from 'playwright-core';
import { aCycle, aFrameworkVersion, aRequest, aSubject } from '../support/feedback-factories';
import { aPerson, anOrganization, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { logIn, screenshot, seriousA11yViolations, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(180_000);

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('CSV import with leavers in the browser', () => {
  let t: BrowserApp;
  let hana: TestPerson;
  let carl: TestPerson;
  let lena: TestPerson;
  let rui: TestPerson;
  let paul: TestPerson;
  let olga: TestPerson;

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', email: 'hana@harbour.example', role: 'admin', department: 'People' });
    carl = await aPerson(t.db, org.id, { name: 'Carl Lindgren', email: 'carl@harbour.example', department: 'Retail' });
    lena = await aPerson(t.db, org.id, { name: 'Lena Lead', email: 'lena@harbour.example', department: 'Retail', managerId: carl.id });
    rui = await aPerson(t.db, org.id, { name: 'Rui Report', email: 'rui@harbour.example', department: 'Retail', managerId: lena.id });
    paul = await aPerson(t.db, org.id, { name: 'Paul Parting', email: 'paul@harbour.example', department: 'Learning' });
    olga = await aPerson(t.db, org.id, { name: 'Olga Return', email: 'olga@harbour.example', department: 'Learning' });
    await t.db.query(`UPDATE people SET active = false, deactivated_at = now() WHERE id = $1`, [olga.id]);
    const version = await aFrameworkVersion(t.db, org.id);
    const cycle = await aCycle(t.db, org.id, version.id, { state: 'collecting', name: 'Spring 2027' });
    await aSubject(t.db, cycle, rui);
    await aRequest(t.db, cycle, { subjectId: rui.id, raterId: paul.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('previews leavers and returners apart, then applies exactly that', async () => {
    const page = await t.newPage();
    await logIn(page, hana.email, TEST_PASSWORD);
    await page.goto('/people/import');
    await heading(page, 'Import people').waitFor();

    const csv = [
      // No manager column: everyone keeps their manager, and the leaver logic moves Lena's report.
      'email,name,active',
      'hana@harbour.example,Hana Okafor,',
      'carl@harbour.example,Carl Lindgren,yes',
      'lena@harbour.example,Lena Lead,no',
      'rui@harbour.example,Rui Report,',
      'olga@harbour.example,Olga Return,true',
    ].join('\n');
    await page.getByLabel('CSV file').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Selected: staff.csv').waitFor();
    const option = page.getByRole('checkbox', { name: 'People missing from this file have left' });
    expect(await option.isChecked()).toBe(false);
    // Keyboard: the option is reachable and toggles with the space bar.
    await option.focus();
    await page.keyboard.press('Space');
    expect(await option.isChecked()).toBe(true);
    await screenshot(page, 'import-leavers-01-option');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Check file' }).click();
    const leavers = page.getByRole('table', { name: 'People who leave' });
    await leavers.waitFor();
    await page.getByRole('heading', { name: '2 people will be deactivated' }).waitFor();
    await page.getByText('2 of 5 active people will leave').waitFor();
    const rows = await leavers.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('Lena Lead'))).toMatch(/Line 4 says they have left.*1 person moves to Carl Lindgren.*Nothing running/);
    expect(rows.find((r) => r.includes('Paul Parting'))).toMatch(/Not in the file.*None.*asked about 1 colleague: each is told they have left/);
    const returners = await page.getByRole('table', { name: 'People who come back' }).locator('tbody tr').allTextContents();
    expect(returners).toEqual([expect.stringMatching(/6.*Olga Return/)]);
    // Nothing has changed yet.
    const before: { active: boolean }[] = await t.db.query(`SELECT active FROM people WHERE id = ANY($1) ORDER BY name`, [[lena.id, paul.id]]);
    expect(before.map((r) => r.active)).toEqual([true, true]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'import-leavers-02-preview');

    await page.getByRole('button', { name: 'Import and deactivate 2 people' }).click();
    await page.getByRole('heading', { name: '2 people deactivated' }).waitFor();
    await page.getByText(/, 2 deactivated, 1 back\./).waitFor();
    await screenshot(page, 'import-leavers-03-done');

    const after: { email: string; active: boolean; manager: string | null }[] = await t.db.query(
      `SELECT p.email, p.active, m.email AS manager FROM people p LEFT JOIN people m ON m.id = p.manager_id WHERE p.organization_id = $1 ORDER BY p.email`,
      [hana.organizationId],
    );
    expect(after).toEqual([
      { email: 'carl@harbour.example', active: true, manager: null },
      { email: 'hana@harbour.example', active: true, manager: null },
      { email: 'lena@harbour.example', active: false, manager: 'carl@harbour.example' },
      { email: 'olga@harbour.example', active: true, manager: null },
      { email: 'paul@harbour.example', active: false, manager: null },
      { email: 'rui@harbour.example', active: true, manager: 'carl@harbour.example' },
    ]);
    await page.context().close();
  });

  it('asks HR to confirm before more than half of the active people leave', async () => {
    const org = await anOrganization(t.db, { name: 'Small Gallery' });
    const ada = await aPerson(t.db, org.id, { name: 'Ada Admin', email: 'ada@gallery.example', role: 'admin' });
    for (const name of ['Bo', 'Cy', 'Di']) await aPerson(t.db, org.id, { name: `${name} Staff`, email: `${name.toLowerCase()}@gallery.example` });
    const page = await t.newPage();
    await logIn(page, ada.email, TEST_PASSWORD);
    await page.goto('/people/import');
    await heading(page, 'Import people').waitFor();
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'partial.csv', mimeType: 'text/csv', buffer: Buffer.from('email,name\nbo@gallery.example,Bo Staff\n') });
    await page.getByRole('checkbox', { name: 'People missing from this file have left' }).check();
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('2 of 4 active people will leave').waitFor();
    await page.getByText('You stay').waitFor();
    // Two of four is not more than half: no confirmation. A smaller file asks for one.
    await page.getByText('Or paste the CSV text').click();
    await page.getByLabel('CSV text').fill('email,name\nada@gallery.example,Ada Admin\n');
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('3 of 4 active people will leave').waitFor();
    const apply = page.getByRole('button', { name: 'Import and deactivate 3 people' });
    expect(await apply.isDisabled()).toBe(true);
    const confirm = page.getByRole('checkbox', { name: 'Yes, these 3 people have left' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'import-leavers-04-confirm');
    await confirm.check();
    await apply.click();
    await page.getByRole('heading', { name: '3 people deactivated' }).waitFor();
    const active: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1 AND active`, [org.id]);
    expect(active[0].n).toBe(1);
    await page.context().close();
  });
});
