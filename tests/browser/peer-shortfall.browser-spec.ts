/**
 * HR follows up the subjects short of peers, in a real browser: the progress page lists them at the
 * top (peers as counted everywhere, answered or not), "Add peers" leads to the subject's requests
 * page, HR asks two colleagues there, and the subject leaves the list. Axe on every page;
 * screenshots at desktop and 375 px in tests/artifacts/screenshots/peer-shortfall-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns peer-shortfall
 */
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { aCycle, aFrameworkVersion, aRequest, aSubject, type TestCycle } from '../support/feedback-factories';
import { PHONE, screenshot as saveScreenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(120_000);

const DAY = 24 * 60 * 60 * 1000;

async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name);
}
const main = (page: Page) => page.locator('main');
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

describe('Subjects short of peers, on HR’s progress page', () => {
  let t: BrowserApp;
  let hana: TestPerson, mo: TestPerson, leo: TestPerson;
  let colleagues: TestPerson[];
  let cycle: TestCycle;
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    const person = (name: string, title: string, department: string, extra: Parameters<typeof aPerson>[2] = {}) =>
      aPerson(t.db, org.id, { name, title, department, email: `${name.split(' ')[0].toLowerCase()}@harbour.example`, ...extra });
    hana = await person('Hana Okafor', 'HR Lead', 'People', { role: 'admin' });
    const maya = await person('Maya Lindqvist', 'Head of Collections', 'Collections');
    mo = await person('Mo Abernathy', 'Registrar', 'Collections', { managerId: maya.id });
    leo = await person('Leo Park', 'Conservator', 'Collections', { managerId: maya.id });
    colleagues = [];
    for (const [name, title, department] of [
      ['Amara Nwosu', 'Curator', 'Collections'],
      ['Ben Hargreaves', 'Exhibitions Manager', 'Exhibitions'],
      ['Chloe Martin', 'Designer', 'Exhibitions'],
      ['Felix Braun', 'Visitor Host', 'Visitor Services'],
    ] as const) {
      colleagues.push(await person(name, title, department));
    }
    const [amara, ben, chloe, felix] = colleagues as [TestPerson, TestPerson, TestPerson, TestPerson];
    const versionId = (await aFrameworkVersion(t.db, org.id)).id;
    cycle = await aCycle(t.db, org.id, versionId, {
      name: 'Spring review',
      state: 'nominating',
      settings: { minPeers: 3, maxPeers: 5, nominationDeadline: new Date(Date.now() + 5 * DAY), responseDeadline: new Date(Date.now() + 20 * DAY) },
    });
    for (const subject of [mo, leo]) {
      await aSubject(t.db, cycle, subject);
      await aRequest(t.db, cycle, { subjectId: subject.id, raterId: subject.id, relationship: 'self' });
      await aRequest(t.db, cycle, { subjectId: subject.id, raterId: maya.id, relationship: 'manager' });
    }
    // Mo: one peer who has answered and one who declined: one peer counts. Leo: three, enough.
    await aRequest(t.db, cycle, { subjectId: mo.id, raterId: amara.id, state: 'submitted' });
    await aRequest(t.db, cycle, { subjectId: mo.id, raterId: felix.id, state: 'declined' });
    for (const peer of [amara, ben, chloe]) await aRequest(t.db, cycle, { subjectId: leo.id, raterId: peer.id });
  });
  afterAll(() => t?.close());

  it('lists Mo as short of peers and lets HR add two from there; Mo then leaves the list', async () => {
    const page = await t.newPage();
    await signIn(page, hana);
    await page.goto(`/cycles/${cycle.id}/progress`);
    const short = page.getByRole('region', { name: 'Short of peers (1)' });
    await short.waitFor();
    const row = short.getByRole('row', { name: /Mo Abernathy/ });
    await row.getByRole('cell', { name: '1 of 3' }).waitFor();
    await row.getByRole('cell', { name: '2 more' }).waitFor();
    await expect(short.getByText('Leo Park').count()).resolves.toBe(0);
    await short.getByText(/They are reminded by email two days before nominations close/).waitFor();
    await audit(page, 'progress-short');
    await screenshot(page, 'peer-shortfall-1-progress');

    await page.setViewportSize(PHONE);
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, 'peer-shortfall-2-progress-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    await short.getByRole('link', { name: 'Add peers for Mo Abernathy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Feedback requests for Mo Abernathy' }).waitFor();
    await expect(page.getByRole('radio', { name: /^Peer/ }).isChecked()).resolves.toBe(true);
    const search = page.getByRole('searchbox', { name: 'Search colleagues' });
    for (const name of ['Ben Hargreaves', 'Chloe Martin']) {
      await search.fill(name.split(' ')[0]);
      await page.getByRole('checkbox', { name: new RegExp(name) }).check();
    }
    await audit(page, 'add-peers');
    await screenshot(page, 'peer-shortfall-3-add-peers');
    await page.getByRole('button', { name: 'Ask 2 colleagues' }).click();
    await main(page)
      .getByText(/Asked Ben Hargreaves, Chloe Martin for feedback on Mo/)
      .waitFor();
    expect(
      await t.db.query(
        `SELECT p.name, fr.relationship, fr.state FROM feedback_requests fr JOIN people p ON p.id = fr.rater_id
          WHERE fr.cycle_id = $1 AND fr.subject_id = $2 AND fr.relationship = 'peer' ORDER BY p.name`,
        [cycle.id, mo.id],
      ),
    ).toEqual([
      { name: 'Amara Nwosu', relationship: 'peer', state: 'submitted' },
      { name: 'Ben Hargreaves', relationship: 'peer', state: 'open' },
      { name: 'Chloe Martin', relationship: 'peer', state: 'open' },
      { name: 'Felix Braun', relationship: 'peer', state: 'declined' },
    ]);
    await screenshot(page, 'peer-shortfall-4-peers-added');

    await page.goto(`/cycles/${cycle.id}/progress`);
    await page.getByRole('region', { name: /^By subject/ }).waitFor();
    await expect(page.getByRole('region', { name: /^Short of peers/ }).count()).resolves.toBe(0);
    await audit(page, 'progress-none-short');
    await screenshot(page, 'peer-shortfall-5-progress-none-short');
    await page.context().close();
  });

  it('has no serious or critical accessibility violations on the pages above (axe)', () => {
    expect(Object.keys(a11y).length).toBe(3);
    const found = Object.entries(a11y).flatMap(([pageName, violations]) => violations.map((v) => `${pageName}: ${v}`));
    expect(found).toEqual([]);
  });
});
