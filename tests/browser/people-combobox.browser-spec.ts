/**
 * The people combobox (one person: a manager; several: a cycle's subjects) driven by the keyboard
 * alone, as the WAI-ARIA combobox pattern says: the input keeps focus, arrows, Home and End move
 * through the matches, Enter picks, Escape closes; the number of matches is announced; axe finds
 * nothing serious with the list open. Screenshots go to tests/artifacts/screenshots/combobox-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns people-combobox
 */
import type { Locator, Page } from 'playwright-core';
import { FrameworksService } from '@lib/frameworks';
import { aDraftCycle } from '../support/cycle-factories';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(180_000);

/** What the combobox tells assistive technology right now. */
async function stateOf(input: Locator, page: Page) {
  const [expanded, controls, activeId, value] = await Promise.all([
    input.getAttribute('aria-expanded'),
    input.getAttribute('aria-controls'),
    input.getAttribute('aria-activedescendant'),
    input.inputValue(),
  ]);
  const active = activeId ? await page.locator(`[id="${activeId}"]`).getAttribute('aria-selected') : null;
  const activeName = activeId ? ((await page.locator(`[id="${activeId}"] .combobox__name`).textContent()) ?? '') : null;
  return { expanded, controlsListbox: controls ? await page.locator(`[id="${controls}"]`).getAttribute('role') : null, activeName, active, value };
}

/** Waits until the combobox's live region says exactly this. */
const announced = (page: Page, text: string) =>
  page
    .getByRole('status')
    .and(page.getByText(text, { exact: true }))
    .waitFor();

const focused = (page: Page) => page.evaluate<string | null>(`document.activeElement?.getAttribute('role') ?? null`);

describe('the people combobox, by keyboard', () => {
  let t: BrowserApp;
  let hana: TestPerson;
  let pat: TestPerson;
  let orgId: string;

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    orgId = org.id;
    hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', email: 'hana@harbour.example', role: 'admin', department: 'People' });
    pat = await aPerson(t.db, org.id, { name: 'Pat Kowalski', email: 'pat@harbour.example', department: 'Learning' });
    await aPerson(t.db, org.id, { name: 'Mara Adams', email: 'mara@harbour.example', title: 'Curator', department: 'Collections' });
    await aPerson(t.db, org.id, { name: 'Mark Brown', email: 'mark@harbour.example', title: 'Registrar', department: 'Collections' });
    await aPerson(t.db, org.id, { name: 'Marta Costa', email: 'marta@harbour.example', title: 'Conservator', department: 'Collections' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('picks one person (a manager): arrows, Home, End, Escape and Enter, with the count announced', async () => {
    const page = await t.newPage();
    await signIn(page, hana, `/people/${pat.id}`);
    const input = page.getByRole('combobox', { name: 'Manager' });
    await input.focus();
    await page.keyboard.type('Mar');
    const listbox = page.getByRole('listbox', { name: 'Matching people' });
    await listbox.waitFor();
    // The list follows the typing (M, Ma, Mar): count it once the final search is announced.
    await announced(page, '3 people found. Use the up and down arrows to choose.');
    await expect(listbox.getByRole('option').count()).resolves.toBe(3);
    expect(await stateOf(input, page)).toEqual({ expanded: 'true', controlsListbox: 'listbox', activeName: null, active: null, value: 'Mar' });

    await page.keyboard.press('ArrowDown');
    expect(await stateOf(input, page)).toMatchObject({ activeName: 'Mara Adams', active: 'true' });
    await page.keyboard.press('End');
    expect(await stateOf(input, page)).toMatchObject({ activeName: 'Marta Costa', active: 'true', value: 'Mar' });
    await page.keyboard.press('Home');
    expect(await stateOf(input, page)).toMatchObject({ activeName: 'Mara Adams', active: 'true' });
    await page.keyboard.press('ArrowUp'); // from the first: round to the last
    expect(await stateOf(input, page)).toMatchObject({ activeName: 'Marta Costa' });
    await page.keyboard.press('ArrowUp');
    expect(await stateOf(input, page)).toMatchObject({ activeName: 'Mark Brown' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'combobox-01-one-person-open');

    // Escape closes the list and gives back what the box held (nobody yet).
    await page.keyboard.press('Escape');
    expect(await stateOf(input, page)).toEqual({ expanded: 'false', controlsListbox: 'listbox', activeName: null, active: null, value: '' });
    expect(await listbox.isHidden()).toBe(true);

    await page.keyboard.type('Mark');
    await announced(page, '1 person found. Use the up and down arrows to choose.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await stateOf(input, page)).toEqual({ expanded: 'false', controlsListbox: 'listbox', activeName: null, active: null, value: 'Mark Brown' });
    expect(await focused(page)).toBe('combobox');

    // Nobody matching is said, not shown as an empty list.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Zzz');
    await announced(page, 'Nobody matches “Zzz”');
    expect(await stateOf(input, page)).toMatchObject({ expanded: 'false' });
    await page.keyboard.press('Escape');
    expect(await stateOf(input, page)).toMatchObject({ value: 'Mark Brown' });

    // Saved with the keyboard too: Tab to the button, Enter.
    await page.getByRole('button', { name: 'Save changes' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Saved changes to Pat Kowalski').waitFor();
    const [row]: { manager: string }[] = await t.db.query(
      `SELECT (SELECT name FROM people m WHERE m.id = p.manager_id) AS manager FROM people p WHERE id = $1`,
      [pat.id],
    );
    expect(row.manager).toBe('Mark Brown');
  });

  it('picks several people (a cycle’s subjects), each Enter adding one, without submitting the form', async () => {
    await t.app.get(FrameworksService).ensureDefault(orgId);
    const hr = new HttpClient(t.app);
    await hr.signInAs(hana);
    const cycle = await aDraftCycle(hr, { name: 'Spring 360' });
    const page = await t.newPage();
    await signIn(page, hana, `/cycles/${cycle.id}`);
    const input = page.getByRole('combobox', { name: 'People' });
    await input.focus();
    await page.keyboard.type('Mar');
    await page.getByRole('listbox', { name: 'Matching people' }).waitFor();
    await announced(page, '3 people found. Use the up and down arrows to choose.');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const chosen = page.getByRole('list', { name: 'Chosen people' });
    await chosen.waitFor();
    await expect(chosen.getByRole('listitem').allTextContents()).resolves.toEqual([expect.stringContaining('Marta Costa')]);
    expect(await input.inputValue()).toBe('');
    expect(await focused(page)).toBe('combobox');

    // The chosen person is not offered again.
    await page.keyboard.type('Mar');
    await announced(page, '2 people found. Use the up and down arrows to choose.');
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual([expect.stringContaining('Mara Adams'), expect.stringContaining('Mark Brown')]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(chosen.getByRole('listitem').count()).resolves.toBe(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'combobox-02-several-people');

    // Escape with the list closed empties the box; Enter on an empty box submits nothing.
    await page.keyboard.type('Pa');
    await page.getByRole('option', { name: /Pat Kowalski/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    await page.keyboard.press('Enter');
    await expect(chosen.getByRole('listitem').count()).resolves.toBe(2);
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM cycle_subjects WHERE cycle_id = $1`, [cycle.id]);
    expect(n).toBe(0);
  });
});
