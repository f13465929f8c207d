/**
 * The demo's showcase report, in a real browser: Priya (Spring 2026) was rated by her manager,
 * 5 peers and 2 direct reports. The direct reports are too few to stand alone; rather than hide
 * her peers beside them, the report pools the two groups (anonymity.ts, rule 7) and says so in
 * one sentence near the top. The pool is named after its groups, its direction of influence is
 * one row, and no number of either group appears on its own. Screenshots at 1366×900 and
 * 390×844 in tests/artifacts/screenshots/reports-pooling-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns reports-pooling -w 1
 */
import type { Page } from 'playwright-core';
import { DemoSeedService, demoEmail } from '@lib/demo';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(180_000);

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const SENTENCE =
  "Your peers' and direct reports' answers are shown together as one group (7 people), because a group with fewer than 3 anonymous answers is never shown on its own.";

describe("Priya's demo report with her peers and direct reports pooled", () => {
  let t: BrowserApp;
  let priya: { id: string; organizationId: string };
  let reportPath: string;

  beforeAll(async () => {
    t = await startBrowserApp();
    await t.app.get(DemoSeedService).seed();
    [priya] = await t.db.query(`SELECT id, organization_id AS "organizationId" FROM people WHERE email = $1`, [demoEmail('priya')]);
    const [cycle]: { id: string }[] = await t.db.query(`SELECT id FROM cycles WHERE organization_id = $1 AND name LIKE 'Spring 2026%'`, [priya.organizationId]);
    reportPath = `/reports/cycles/${cycle.id}/subjects/${priya.id}`;
  });
  afterAll(() => t?.close());

  async function openReport(viewport: { width: number; height: number }): Promise<Page> {
    const page = await t.newPage(viewport);
    await signIn(page, priya, reportPath);
    await page.getByRole('heading', { level: 1, name: 'Priya Raman' }).waitFor();
    return page;
  }

  it('says once, near the top, which groups are shown together and why, and never splits them back', async () => {
    const page = await openReport(DESKTOP);
    const note = page.locator('.pooling-note');
    await note.waitFor();
    await expect(note.locator('.alert__body').innerText()).resolves.toBe(SENTENCE);
    // Near the top: before the summary.
    const [noteTop, glanceTop] = await Promise.all([note.boundingBox(), page.locator('#at-a-glance').boundingBox()]);
    expect(noteTop!.y).toBeLessThan(glanceTop!.y);

    // The summary names the pool too, never upwards alone as if it were the only direction shown.
    const tile = page.getByRole('region', { name: 'Summary' }).getByRole('group', { name: 'Direction of influence' });
    await expect(tile.locator('.summary-tile__meta').innerText()).resolves.toMatch(
      /^(Sideways and downwards \d\.\d\d · Upwards|Upwards \d\.\d\d · Sideways and downwards) \d\.\d\d$/,
    );

    // The direction of influence: upwards on its own, sideways and downwards only together.
    const together = page.locator('.influence-direction').filter({ hasText: 'Sideways and downwards' });
    await together.getByText('as peers and direct reports see it, together').waitFor();
    await expect(together.locator('.influence-direction__mean').innerText()).resolves.toMatch(/^\d\.\d\d$/);
    await expect(page.locator('.influence-direction').filter({ hasText: 'Upwards' }).locator('.influence-direction__mean').innerText()).resolves.toMatch(
      /^\d\.\d\d$/,
    );
    for (const name of ['Sideways', 'Downwards']) {
      await expect(
        page
          .locator('.influence-direction')
          .filter({ hasText: new RegExp(`^${name}as`) })
          .innerText(),
      ).resolves.toContain('Shown together with other groups');
    }

    // The tables name the pool after its groups, with its 7 people; the groups' own cells hold no number.
    const listening = page.getByRole('region', { name: 'Listening' });
    await expect(listening.locator('th').filter({ hasText: 'Peers and direct reports' }).first().innerText()).resolves.toContain('(7)');
    const numbers = await listening.locator('td[data-label="Peers and direct reports"]').allInnerTexts();
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((text) => /\d\.\d\d/.test(text))).toBe(true);
    for (const label of ['Peers', 'Direct reports']) {
      const cells = await listening.locator(`td[data-label="${label}"]`).allInnerTexts();
      expect(cells.every((text) => text === 'Shown together with other groups')).toBe(true);
    }
    await expect(page.locator('.chart-legend').innerText()).resolves.toContain('Peers and direct reports');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reports-pooling-01-desktop-top', { fullPage: false });
    await page.locator('.direction-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-pooling-02-desktop-direction', { fullPage: false });
    await page.context().close();
  });

  it('reads well on a phone: the sentence wraps, nothing scrolls sideways', async () => {
    const page = await openReport(PHONE);
    await page.locator('.pooling-note').waitFor();
    await expect(page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).resolves.toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reports-pooling-03-phone-top', { fullPage: false });
    await page.locator('.direction-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-pooling-04-phone-direction', { fullPage: false });
    await page.context().close();
  });
});
