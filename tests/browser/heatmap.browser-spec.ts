/**
 * HR's organisation view in a real browser: a closed cycle of 29 people in five departments, rated
 * by colleagues on the default framework, snapshotted as at close. HR opens the cycle's
 * "Organisation view" tab and sees coloured cells with their means and the small department
 * hidden (and a complement hidden with it). The minimum cell size is the cycle's setting, shown
 * read-only and locked from close on (two views at different minimums could be subtracted): the
 * address cannot change it, the Settings tab says why. Before close the page says when it will
 * appear and links to the setting; HR lowers it to the threshold there, and once the cycle closes
 * the small department shows. A member gets "not found" at the address. Axe on the pages;
 * screenshots at desktop and 375 px in tests/artifacts/screenshots/heatmap-*.png.
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest tests/browser/heatmap --selectProjects browser
 */
import type { Locator, Page } from 'playwright-core';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import type { TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import { aReportCycle, aReportSubject, aResponse, moveCycle, snapshotReports, theDefaultFramework } from '../support/report-factories';
import type { TestApp } from '../support/test-app';
import { PHONE, screenshot as saveScreenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(120_000);

/** Department → people with direct reports, people without, and how colleagues tend to rate them. */
const DEPARTMENTS = [
  { name: 'Collections', withReports: 3, without: 5, base: 3.9 },
  { name: 'Exhibitions', withReports: 1, without: 2, base: 3.5 },
  { name: 'Learning', withReports: 2, without: 4, base: 4.2 },
  { name: 'Operations', withReports: 1, without: 4, base: 2.7 },
  { name: 'Visitor Services', withReports: 1, without: 6, base: 3.2 },
] as const;
const PEOPLE = DEPARTMENTS.reduce((n, d) => n + d.withReports + d.without, 0);

/** A small deterministic generator (mulberry32), so the map looks the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  hana: TestPerson; // HR
  mo: TestPerson; // a member (and a subject)
  closed: TestCycle;
  collecting: TestCycle;
}

/**
 * Each subject is rated by three peers (k = 3, so every report shows its all-others numbers):
 * around their department's level, people with reports a little higher on management behaviours.
 * The collecting cycle gets the same answers, so that it has a map once a test closes it.
 */
async function seed(t: BrowserApp): Promise<World> {
  const org = await anOrganization(t.db, { name: 'Harbour Museum' });
  const hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', email: 'hana@harbour.example', role: 'admin', title: 'HR Lead', department: 'People' });
  // The report factories only use the app and its database, which a BrowserApp has too.
  const version: TestFrameworkVersion = await theDefaultFramework(t as unknown as TestApp, org.id);
  const kinds: string[] = await t.db
    .query(`SELECT key, kind FROM behaviours WHERE organization_id = $1 AND framework_version_id = $2`, [org.id, version.id])
    .then((rows: { key: string; kind: string }[]) => version.behaviours.map((b) => rows.find((r) => r.key === b.key)!.kind));
  const closed = await aReportCycle(t.db, org.id, version.id, { state: 'closed', name: 'Spring 2026 feedback' });
  const collecting = await aReportCycle(t.db, org.id, version.id, { state: 'collecting', name: 'Autumn 2026 feedback' });

  const raters: TestPerson[] = [];
  for (const name of ['Rhea Tan', 'Sam Ortiz', 'Uma Reid', 'Victor Hale', 'Wen Li', 'Yara Haddad']) {
    raters.push(await aPerson(t.db, org.id, { name, department: 'Board', withLogin: false }));
  }
  const next = random(42);
  let mo: TestPerson | undefined;
  let index = 0;
  for (const d of DEPARTMENTS) {
    for (let i = 0; i < d.withReports + d.without; i++) {
      const hasReports = i < d.withReports;
      const isMo = d.name === 'Collections' && !hasReports && !mo;
      const person = isMo
        ? await aPerson(t.db, org.id, { name: 'Mo Abernathy', email: 'mo@harbour.example', department: d.name })
        : await aPerson(t.db, org.id, { department: d.name, withLogin: false });
      if (isMo) mo = person;
      await aReportSubject(t.db, closed, person.id, { department: d.name, hasReports });
      await aReportSubject(t.db, collecting, person.id, { department: d.name, hasReports });
      const level = d.base + (next() - 0.5) * 0.8;
      for (let r = 0; r < 3; r++) {
        const rater = raters[(index + r) % raters.length];
        const ratings = version.behaviours.flatMap((b, bi) =>
          b.statements.map(() => {
            const lift = kinds[bi] === 'management' ? (hasReports ? 0.5 : -0.3) : 0;
            return Math.min(5, Math.max(1, Math.round(level + lift + (next() - 0.5) * 1.6)));
          }),
        );
        await aResponse(t.db, closed, version, { subjectId: person.id, raterId: rater.id, relationship: 'peer', ratings });
        await aResponse(t.db, collecting, version, { subjectId: person.id, raterId: rater.id, relationship: 'peer', ratings });
      }
      index++;
    }
  }
  const snapshot = await snapshotReports(t as unknown as TestApp, org.id, closed.id);
  expect(snapshot).toBeDefined();
  return { hana, mo: mo!, closed, collecting };
}

/** A whole-page picture is taken from the top, so the sticky top bar is not painted over the middle of the page. */
async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (options.fullPage !== false) await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name, options);
}

/** Scrolls the element to the top of the window, just under the sticky top bar, for a viewport picture. */
const showTop = (element: Locator) =>
  element.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    el.ownerDocument.defaultView!.scrollBy(0, -76);
  });
const main = (page: Page) => page.locator('main');
/** The read-only minimum cell size on the organisation view. */
const minimum = (page: Page) => main(page).locator('.hm-intro__control .cy-locked');
const see = (page: Page, text: string | RegExp) => main(page).getByText(text).first().waitFor();
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
const byDepartment = (page: Page) => page.getByRole('region', { name: /^Average scores by department/ });
const byLevel = (page: Page) => page.getByRole('region', { name: /^Average scores of people with and without direct reports/ });
/** A body row of a heatmap by its row header. */
const row = (table: Locator, header: string | RegExp) => table.locator('tbody tr, tfoot tr').filter({ has: table.page().locator('th', { hasText: header }) });
const MEAN = /^\d\.\d{2}$/;

/** Every cell of a row as the person sees it: a mean, or a hidden mark with its reason. */
async function cellsOf(r: Locator): Promise<{ mean: string | null; text: string; title: string | null }[]> {
  const cells = r.locator('td');
  const out: { mean: string | null; text: string; title: string | null }[] = [];
  for (let i = 0; i < (await cells.count()); i++) {
    const cell = cells.nth(i);
    const mean = cell.locator('.hm-cell__mean');
    out.push({
      mean: (await mean.count()) > 0 ? await mean.textContent() : null,
      text: (await cell.textContent()) ?? '',
      title: await cell.getAttribute('title'),
    });
  }
  return out;
}

describe('HR reading the organisation view', () => {
  let t: BrowserApp;
  let w: World;
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };
  const heatmapUrl = () => `/cycles/${w.closed.id}/heatmap`;

  beforeAll(async () => {
    t = await startBrowserApp();
    w = await seed(t);
  });
  afterAll(() => t?.close());

  it('opens from the closed cycle’s tab: coloured means, the small department and its complement hidden, a legend', async () => {
    const page = await t.newPage();
    await signIn(page, w.hana);
    await page.goto('/cycles');
    await page.getByRole('link', { name: 'Spring 2026 feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spring 2026 feedback' }).waitFor();
    await page.getByRole('navigation', { name: 'Cycle sections' }).getByRole('link', { name: 'Organisation view' }).click();
    await page.getByRole('heading', { level: 2, name: 'Organisation view' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(heatmapUrl());
    // The cycle's minimum, read-only.
    await expect(minimum(page).textContent()).resolves.toMatch(/^Minimum people per cell5 peopleLocked/);
    await expect(page.getByRole('spinbutton').count()).resolves.toBe(0);

    const departments = byDepartment(page);
    await departments.waitFor();
    // Columns: the two indices, then the default framework's 12 behaviours, grouped by kind.
    await expect(departments.locator('thead th[scope="colgroup"]').allTextContents()).resolves.toEqual([
      'Indices',
      'Influence behaviours',
      'Management behaviours',
    ]);
    await expect(departments.locator('thead th.hm-measure').count()).resolves.toBe(14);
    await expect(departments.locator('thead th.hm-measure').first().textContent()).resolves.toBe('Influence');
    await expect(departments.locator('tbody th[scope="row"]').allTextContents()).resolves.toEqual(DEPARTMENTS.map((d) => d.name));

    // Collections (8 people) is shown: a mean with two decimals and its head count on every measure, on the scale's colours.
    const collections = await cellsOf(row(departments, 'Collections'));
    expect(collections).toHaveLength(14);
    for (const c of collections) {
      expect(c.mean).toMatch(MEAN);
      expect(c.text).toContain('8 people');
    }
    const colours = await row(departments, 'Collections')
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => td.ownerDocument.defaultView!.getComputedStyle(td).backgroundColor));
    expect(colours.every((c) => c !== 'rgba(0, 0, 0, 0)')).toBe(true);
    // Coloured by the difference from the organisation: several bands, not one colour for all.
    const shownColours = await departments
      .locator('td.hm-cell--shown')
      .evaluateAll((tds) => tds.map((td) => td.ownerDocument.defaultView!.getComputedStyle(td).backgroundColor));
    expect(new Set(shownColours).size).toBeGreaterThan(2);

    // Exhibitions (3 people) is under 5: hidden, marked and explained in words on every measure.
    const exhibitions = await cellsOf(row(departments, 'Exhibitions'));
    for (const c of exhibitions) {
      expect(c.mean).toBeNull();
      expect(c.text).toContain('n<5');
      expect(c.text).toContain('Hidden: fewer than 5 people');
      expect(c.title).toBe('Hidden: fewer than 5 people');
    }
    // With the organisation total shown, one more department must go, or the total would give Exhibitions back.
    const complementary = departments.locator('tbody td', { hasText: 'Hidden so that another small group can’t be worked out from the totals' });
    await expect(complementary.count()).resolves.toBeGreaterThan(0);
    const total = await cellsOf(row(departments, 'Whole organisation'));
    expect(total[0].mean).toMatch(MEAN);
    expect(total[0].text).toContain(`${PEOPLE} people`);

    // With and without direct reports: the organisation's two groups (8 and 21 people) are shown.
    const levels = byLevel(page);
    const withReports = await cellsOf(row(levels, 'With direct reports, the whole organisation'));
    const without = await cellsOf(row(levels, 'Without direct reports, the whole organisation'));
    expect(withReports[0].text).toContain('8 people');
    expect(without[0].text).toContain('21 people');
    // Departments split by level are small: closed at first, with how many of their cells can show.
    await expect(levels.locator('tbody th[scope="rowgroup"]').allTextContents()).resolves.toEqual(['Whole organisation']);
    await see(page, /At groups of 5 or more, \d+ of 140 department cells can be shown/);
    const more = page.getByRole('button', { name: 'Show each department (5)' });
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    await more.click();
    await expect(levels.locator('tbody th[scope="rowgroup"]').allTextContents()).resolves.toEqual(['Whole organisation', ...DEPARTMENTS.map((d) => d.name)]);
    await expect(page.getByRole('button', { name: 'Hide the departments' }).getAttribute('aria-expanded')).resolves.toBe('true');
    // Exhibitions' one manager is far under 5.
    const exhibitionsManagers = await cellsOf(row(levels, 'With direct reports, Exhibitions'));
    expect(exhibitionsManagers[0].text).toContain('Hidden: fewer than 5 people');

    // The headline figures and the legend.
    await see(page, 'Influence index at a glance');
    await see(page, 'People without direct reports');
    await see(page, 'Compared with the whole organisation');
    await see(page, 'Hidden so that a small group can’t be worked out from the totals');
    await see(page, 'Why some cells are hidden.');
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    // On a desktop the default framework's 14 columns fit without scrolling sideways.
    await expect(departments.evaluate((el) => el.scrollWidth - el.clientWidth)).resolves.toBeLessThanOrEqual(0);
    await audit(page, 'heatmap');
    await screenshot(page, 'heatmap-01-desktop');
    await showTop(page.getByRole('heading', { name: 'By department' }));
    await screenshot(page, 'heatmap-02-departments', { fullPage: false });
    await showTop(page.getByRole('heading', { name: 'With and without direct reports' }));
    await screenshot(page, 'heatmap-03-levels', { fullPage: false });
    await page.context().close();
  });

  it('filters the department table by department and by level, and exports exactly that as CSV', async () => {
    const page = await t.newPage({ width: 1366, height: 900 });
    await signIn(page, w.hana);
    await page.goto(heatmapUrl());
    const departments = byDepartment(page);
    await departments.waitFor();
    const csv = main(page).getByRole('link', { name: 'Download CSV' });
    await expect(csv.getAttribute('href')).resolves.toBe(`/api/reports/cycles/${w.closed.id}/heatmap.csv`);
    await page.getByLabel('Level', { exact: true }).selectOption('without_reports');
    await page.getByRole('region', { name: /^Average scores by department, people without direct reports/ }).waitFor();
    // The organisation's 21 people without reports, as the footer.
    expect((await cellsOf(row(departments, 'Whole organisation')))[0].text).toContain('21 people');
    await page.getByLabel('Department', { exact: true }).selectOption({ label: 'Visitor Services' });
    await expect(departments.locator('tbody th[scope="row"]').count()).resolves.toBe(1);
    await expect(csv.getAttribute('href')).resolves.toBe(`/api/reports/cycles/${w.closed.id}/heatmap.csv?department=Visitor+Services&level=without_reports`);
    // The link's file is the filtered table: one department, fourteen measures, the same numbers as the page.
    const body = await page.evaluate<string, string>(async (href) => (await fetch(href)).text(), (await csv.getAttribute('href'))!);
    const lines = body.trim().split('\n');
    expect(lines).toHaveLength(1 + 14);
    const shown = await cellsOf(row(departments, /^Visitor Services/));
    expect(lines[1]).toMatch(/^Visitor Services,Without direct reports,Influence index,index,/);
    expect(lines[1].split(',')[4]).toBe(shown[0].mean ?? '');
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    await audit(page, 'heatmap-filtered');
    await showTop(page.getByRole('heading', { name: 'By department' }));
    await screenshot(page, 'heatmap-12-filtered', { fullPage: false });
    await page.context().close();
  });

  it('keeps the cycle’s minimum whatever the address says, and its settings say why it is fixed', async () => {
    const page = await t.newPage();
    await signIn(page, w.hana);
    // The old way to ask for a smaller minimum: nothing changes, and the API is never asked for it.
    const asked: string[] = [];
    page.on('request', (request) => void (new URL(request.url()).pathname === `/api/reports/cycles/${w.closed.id}/heatmap` && asked.push(request.url())));
    await page.goto(`${heatmapUrl()}?minCellSize=3`);
    const departments = byDepartment(page);
    await departments.waitFor();
    await expect(minimum(page).textContent()).resolves.toContain('5 people');
    const exhibitions = await cellsOf(row(departments, 'Exhibitions'));
    expect(exhibitions[0].mean).toBeNull();
    expect(exhibitions[0].text).toContain('Hidden: fewer than 5 people');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((url) => new URL(url).search === '')).toBe(true);
    await see(page, 'Fixed when the cycle closed, so the organisation view always hides the same groups');
    await showTop(page.getByRole('heading', { level: 2, name: 'Organisation view' }));
    await screenshot(page, 'heatmap-04-minimum', { fullPage: false });

    await minimum(page).getByRole('link', { name: 'See the cycle’s settings' }).click();
    await page.waitForURL(`**/cycles/${w.closed.id}/settings`);
    await see(page, 'Every setting is locked');
    const setting = main(page).locator('.cy-locked', { hasText: 'Minimum people per cell' });
    await expect(setting.textContent()).resolves.toMatch(/5 peopleLocked.*two sizes could be compared to work out a small group/);
    await expect(page.getByLabel('Minimum people per cell').count()).resolves.toBe(0);
    await audit(page, 'settings-closed');
    await showTop(page.getByRole('heading', { level: 2, name: 'Organisation view' }));
    await screenshot(page, 'heatmap-05-settings-closed', { fullPage: false });
    await page.context().close();
  });

  it('fits a phone: the table scrolls sideways in its own box, the page does not', async () => {
    const page = await t.newPage(PHONE);
    await signIn(page, w.hana);
    await page.goto(heatmapUrl());
    const departments = byDepartment(page);
    await departments.waitFor();
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    const scrolls = await departments.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrolls).toBe(true);
    // The department names stay in view while the columns scroll.
    await departments.evaluate((el) => el.scrollBy(240, 0));
    const header = departments.locator('tbody th', { hasText: 'Collections' });
    const box = await header.boundingBox();
    const region = await departments.boundingBox();
    expect(box && region && box.x - region.x).toBeLessThan(4);
    await departments.evaluate((el) => el.scrollTo(0, 0));
    await audit(page, 'heatmap-phone');
    await screenshot(page, 'heatmap-06-phone');
    await showTop(page.getByRole('heading', { name: 'By department' }));
    await screenshot(page, 'heatmap-07-phone-table', { fullPage: false });
    await page.context().close();
  });

  it('says when it will appear before the cycle closes, and has no tab then', async () => {
    const page = await t.newPage();
    await signIn(page, w.hana);
    await page.goto(`/cycles/${w.collecting.id}`);
    await page.getByRole('heading', { level: 1, name: 'Autumn 2026 feedback' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Cycle sections' });
    await tabs.getByRole('link', { name: 'Progress' }).waitFor();
    await expect(tabs.getByRole('link', { name: 'Organisation view' }).count()).resolves.toBe(0);
    await page.goto(`/cycles/${w.collecting.id}/heatmap`);
    await see(page, 'The organisation view appears once the cycle is closed');
    await see(page, /Groups of fewer than 5 people will be hidden — you can change that number in the cycle’s settings until the cycle closes\./);
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    await audit(page, 'heatmap-not-yet');
    await screenshot(page, 'heatmap-08-not-yet');
    await page.context().close();
  });

  it('takes a minimum HR sets before close, and keeps it from close on', async () => {
    const page = await t.newPage();
    await signIn(page, w.hana);
    await page.goto(`/cycles/${w.collecting.id}/heatmap`);
    await main(page).getByRole('link', { name: 'cycle’s settings' }).click();
    await page.waitForURL(`**/cycles/${w.collecting.id}/settings`);
    const size = page.getByLabel('Minimum people per cell');
    await expect(size.inputValue()).resolves.toBe('5');
    await see(page, 'It can’t change once the cycle closes');

    // Under the threshold: the API's refusal, beside the field.
    await size.fill('2');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await see(page, 'Minimum people per cell must be a whole number from 3 to 100');
    await expect(size.getAttribute('aria-invalid')).resolves.toBe('true');
    await audit(page, 'settings-collecting');
    await showTop(page.getByRole('heading', { level: 2, name: 'Organisation view' }));
    await screenshot(page, 'heatmap-10-settings-error', { fullPage: false });

    await size.fill('3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Settings saved').waitFor();

    // The cycle closes and its reports are computed: the view uses 3, and Exhibitions (3 people) shows.
    await moveCycle(t.db, w.collecting.id, 'closed');
    await snapshotReports(t as unknown as TestApp, w.collecting.organizationId, w.collecting.id);
    await page.goto(`/cycles/${w.collecting.id}/heatmap`);
    const departments = byDepartment(page);
    await departments.waitFor();
    await expect(minimum(page).textContent()).resolves.toContain('3 people');
    const exhibitions = await cellsOf(row(departments, 'Exhibitions'));
    expect(exhibitions[0].mean).toMatch(MEAN);
    expect(exhibitions[0].text).toContain('3 people');
    await audit(page, 'heatmap-3');
    await screenshot(page, 'heatmap-11-min-3');

    await page.goto(`/cycles/${w.collecting.id}/settings`);
    await see(page, 'Every setting is locked');
    await expect(main(page).locator('.cy-locked', { hasText: 'Minimum people per cell' }).textContent()).resolves.toContain('3 people');
    await expect(page.getByLabel('Minimum people per cell').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('is not found for a member, and shows nothing of the map', async () => {
    const page = await t.newPage();
    await signIn(page, w.mo);
    await page.goto(heatmapUrl());
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expect(page.getByText('Organisation view').count()).resolves.toBe(0);
    await expect(page.locator('.hm-cell').count()).resolves.toBe(0);
    await screenshot(page, 'heatmap-09-member');
    await page.context().close();
  });

  it('has no serious or critical accessibility violations (axe)', () => {
    expect(Object.keys(a11y).sort()).toEqual([
      'heatmap',
      'heatmap-3',
      'heatmap-filtered',
      'heatmap-not-yet',
      'heatmap-phone',
      'settings-closed',
      'settings-collecting',
    ]);
    const found = Object.entries(a11y).flatMap(([pageName, violations]) => violations.map((v) => `${pageName}: ${v}`));
    expect(found).toEqual([]);
  });
});
