/**
 * A manager's team view in a real browser: two released cycles on the default framework; Tara
 * manages six people of Collections (the whole of its "without reports" cell, so her team's
 * averages may show beside the organisation view). She opens "My team" and sees how many of her
 * reports fall in each part of the profile, her team's behaviours coloured against the
 * organisation, and the change since the spring. A member who manages nobody gets the explained
 * empty page. Axe on both; screenshots at 1366×900 and 390×844 in tests/artifacts/screenshots/team-*.png.
 */
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import type { TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import { aReportCycle, aReportSubject, aResponse, snapshotReports, theDefaultFramework } from '../support/report-factories';
import type { TestApp } from '../support/test-app';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(120_000);

const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 390, height: 844 };

interface World {
  tara: TestPerson;
  mo: TestPerson;
  spring: TestCycle;
  autumn: TestCycle;
}

async function seed(t: BrowserApp): Promise<World> {
  const org = await anOrganization(t.db, { name: 'Harbour Museum' });
  const version: TestFrameworkVersion = await theDefaultFramework(t as unknown as TestApp, org.id);
  const spring = await aReportCycle(t.db, org.id, version.id, { state: 'released', name: 'Spring 2026', closedAt: new Date(Date.now() - 180 * 86_400_000) });
  const autumn = await aReportCycle(t.db, org.id, version.id, { state: 'released', name: 'Autumn 2026' });
  const tara = await aPerson(t.db, org.id, { name: 'Tara Quinn', email: 'tara@harbour.example', department: 'Collections', title: 'Head of Collections' });
  const mo = await aPerson(t.db, org.id, { name: 'Mo Abernathy', email: 'mo@harbour.example', department: 'Learning' });
  const raters: TestPerson[] = [];
  for (const name of ['Rhea Tan', 'Sam Ortiz', 'Uma Reid', 'Victor Hale'])
    raters.push(await aPerson(t.db, org.id, { name, department: 'Board', withLogin: false }));
  let n = 0;
  const subject = async (department: string, managerId: string | null, level: number, lift: number) => {
    const person = await aPerson(t.db, org.id, { department, withLogin: false });
    for (const [cycle, base] of [
      [spring, level - lift],
      [autumn, level],
    ] as const) {
      await aReportSubject(t.db, cycle, person.id, { department, managerId, hasReports: false });
      for (let r = 0; r < 3; r++) {
        const rater = raters[(n + r) % raters.length];
        const ratings = version.behaviours.flatMap((b, bi) =>
          b.statements.map((_, si) => Math.min(5, Math.max(1, Math.round(base + ((bi % 5) - 2) * 0.25 + (((si + r + n) % 3) - 1) * 0.6)))),
        );
        await aResponse(t.db, cycle, version, { subjectId: person.id, raterId: rater.id, relationship: 'peer', ratings });
      }
    }
    n++;
  };
  for (const level of [4.2, 4, 3.9, 3.6, 3.2, 4.4]) await subject('Collections', tara.id, level, 0.3);
  for (const level of [3, 3.4, 2.8, 3.1, 3.3, 2.9]) await subject('Learning', null, level, 0);
  await snapshotReports(t as unknown as TestApp, org.id, spring.id);
  await snapshotReports(t as unknown as TestApp, org.id, autumn.id);
  return { tara, mo, spring, autumn };
}

const main = (page: Page) => page.locator('main');

describe('a manager reading their team', () => {
  let t: BrowserApp;
  let w: World;
  const a11y: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await startBrowserApp();
    w = await seed(t);
  });
  afterAll(() => t?.close());

  for (const [label, viewport] of [
    ['desktop', WIDE],
    ['phone', NARROW],
  ] as const) {
    it(`shows the profile counts and the behaviours against the organisation (${label})`, async () => {
      const page = await t.newPage(viewport);
      await signIn(page, w.tara);
      // From Reports, where managers read their reports' reports.
      await page.goto('/reports');
      await page.getByRole('link', { name: 'Your team at a glance' }).click();
      await page.getByRole('heading', { level: 1, name: 'My team' }).waitFor();
      await page.getByRole('heading', { name: 'Manager–leader profile' }).waitFor();
      // Six reports in the four parts of the profile.
      const counts = await main(page).locator('.team-quadrant__count').allTextContents();
      expect(counts).toHaveLength(4);
      expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(6);
      const table = page.getByRole('region', { name: 'Your team’s behaviours against the organisation' });
      await expect(table.locator('thead th').allTextContents()).resolves.toEqual([
        'Behaviour',
        'Your team',
        'Organisation',
        'Difference',
        'Change since Spring 2026',
      ]);
      // Every row: the team's mean, the organisation's, a signed difference and the change since the spring.
      const rows = table.locator('tbody tr:not(.team-table__group)');
      await expect(rows.count()).resolves.toBe(14);
      const first = await rows.first().locator('td').allTextContents();
      expect(first[0]).toMatch(/^\d\.\d{2}$/);
      expect(first[1]).toMatch(/^\d\.\d{2}$/);
      expect(first[2]).toMatch(/^[+\u2212]\d\.\d{2}$|^0\.00$/);
      expect(first[3]).toMatch(/^[+\u2212]\d\.\d{2}$|^0\.00$/);
      // The team sits above the organisation here: a blue cell.
      const colour = await rows
        .first()
        .locator('td')
        .first()
        .evaluate((td) => td.ownerDocument.defaultView!.getComputedStyle(td).backgroundColor);
      expect(colour).not.toBe('rgba(0, 0, 0, 0)');
      await expect(page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).resolves.toBeLessThanOrEqual(0);
      a11y[`team-${label}`] = await seriousA11yViolations(page);
      await screenshot(page, `team-01-${label}`);
      await page.context().close();
    });
  }

  it('tells someone who manages nobody when a team view appears', async () => {
    const page = await t.newPage(WIDE);
    await signIn(page, w.mo);
    await page.goto('/team');
    await main(page).getByText('No team view yet').waitFor();
    a11y['team-none'] = await seriousA11yViolations(page);
    await screenshot(page, 'team-02-none');
    await page.context().close();
  });

  it('has no serious or critical accessibility violations (axe)', () => {
    expect(Object.keys(a11y).sort()).toEqual(['team-desktop', 'team-none', 'team-phone']);
    expect(Object.entries(a11y).flatMap(([name, v]) => v.map((x) => `${name}: ${x}`))).toEqual([]);
  });
});
