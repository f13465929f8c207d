/**
 * A subject's raters once the easy part is over, in a real browser: HR adds "other" colleagues
 * when the peer list is full and in a cycle without peers; after the nomination deadline the
 * subject replaces a peer who declined (and only that one); the subject sees their own
 * self-review as it is. Axe on every page; screenshots at desktop and 375 px in
 * tests/artifacts/screenshots/subject-requests-*.png.
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest tests/browser/subject-requests --selectProjects browser
 */
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { aCycle, aFrameworkVersion, aRequest, aSubject, type TestCycle } from '../support/feedback-factories';
import { PHONE, screenshot as saveScreenshot, searchColleagues, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(120_000);

const HOUR = 60 * 60 * 1000;

/** A whole-page picture is taken from the top, so the sticky top bar is not painted over the middle of the page. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name);
}
const main = (page: Page) => page.locator('main');
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

describe("A subject's raters after nominations, in the browser", () => {
  let t: BrowserApp;
  let hana: TestPerson, maya: TestPerson, mo: TestPerson;
  let colleagues: TestPerson[];
  let versionId: string;
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };
  const subjectPage = (cycle: TestCycle, subject: TestPerson) => `/cycles/${cycle.id}/subjects/${subject.id}/requests`;

  /** A collecting cycle for Mo (manager Maya), with peers asked a day ago; `deadlinePassed` puts nominations an hour behind us. */
  async function aCollectingCycle(
    name: string,
    settings: { minPeers: number; maxPeers: number },
    peers: TestPerson[],
    deadlinePassed = false,
  ): Promise<TestCycle> {
    const cycle = await aCycle(t.db, hana.organizationId, versionId, {
      name,
      settings: {
        ...settings,
        managerApprovesPeers: true,
        maxOpenRequestsPerRater: 6,
        nominationDeadline: new Date(Date.now() + 24 * HOUR),
        responseDeadline: new Date(Date.now() + 14 * 24 * HOUR),
      },
    });
    await aSubject(t.db, cycle, mo);
    await aRequest(t.db, cycle, { subjectId: mo.id, raterId: mo.id, relationship: 'self' });
    await aRequest(t.db, cycle, { subjectId: mo.id, raterId: maya.id, relationship: 'manager' });
    for (const peer of peers) await aRequest(t.db, cycle, { subjectId: mo.id, raterId: peer.id });
    await t.db.query(`UPDATE feedback_requests SET created_at = now() - interval '1 day' WHERE cycle_id = $1`, [cycle.id]);
    if (deadlinePassed) await t.db.query(`UPDATE cycles SET nomination_deadline = now() - interval '1 hour' WHERE id = $1`, [cycle.id]);
    return cycle;
  }

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    const person = (name: string, title: string, department: string, extra: Parameters<typeof aPerson>[2] = {}) =>
      aPerson(t.db, org.id, { name, title, department, email: `${name.split(' ')[0].toLowerCase()}@harbour.example`, ...extra });
    hana = await person('Hana Okafor', 'HR Lead', 'People', { role: 'admin' });
    maya = await person('Maya Lindqvist', 'Head of Collections', 'Collections');
    mo = await person('Mo Abernathy', 'Registrar', 'Collections', { managerId: maya.id });
    colleagues = [];
    for (const [name, title, department] of [
      ['Amara Nwosu', 'Curator', 'Collections'],
      ['Ben Hargreaves', 'Exhibitions Manager', 'Exhibitions'],
      ['Chloe Martin', 'Designer', 'Exhibitions'],
      ['Felix Braun', 'Visitor Host', 'Visitor Services'],
      ['Iris Novak', 'Educator', 'Learning'],
    ] as const) {
      colleagues.push(await person(name, title, department, { withLogin: name === 'Amara Nwosu' }));
    }
    versionId = (await aFrameworkVersion(t.db, org.id)).id;
  });
  afterAll(() => t?.close());

  it('lets HR add another colleague when the peer list is full: the Peer choice says why it is off', async () => {
    const [amara, ben, chloe, , iris] = colleagues as [TestPerson, TestPerson, TestPerson, TestPerson, TestPerson];
    const cycle = await aCollectingCycle('Full peers', { minPeers: 2, maxPeers: 3 }, [amara, ben, chloe], true);
    const page = await t.newPage();
    await signIn(page, hana);
    await page.goto(subjectPage(cycle, mo));
    await page.getByRole('heading', { level: 1, name: 'Feedback requests for Mo Abernathy' }).waitFor();
    const peer = page.getByRole('radio', { name: /^Peer/ });
    await expect(peer.isDisabled()).resolves.toBe(true);
    await main(page).getByText('The peer list is full (3)').waitFor();
    await expect(page.getByRole('radio', { name: /Other colleague/ }).isChecked()).resolves.toBe(true);
    await searchColleagues(page, 'Iris');
    await page.getByRole('checkbox', { name: /Iris Novak/ }).check();
    await audit(page, 'hr-peers-full');
    await screenshot(page, 'subject-requests-1-hr-peers-full');
    await page.getByRole('button', { name: 'Ask 1 colleague' }).click();
    await main(page).getByText('Asked Iris Novak for feedback on Mo.').waitFor();
    await page
      .getByRole('region', { name: /^Others/ })
      .locator('.person-line__name', { hasText: 'Iris Novak' })
      .waitFor();
    expect(await t.db.query(`SELECT relationship, state FROM feedback_requests WHERE cycle_id = $1 AND rater_id = $2`, [cycle.id, iris.id])).toEqual([
      { relationship: 'other', state: 'open' },
    ]);
    await page.context().close();
  });

  it('lets HR add colleagues in a cycle that collects no peers', async () => {
    const cycle = await aCollectingCycle('No peers', { minPeers: 0, maxPeers: 0 }, []);
    const page = await t.newPage();
    await signIn(page, hana);
    await page.goto(subjectPage(cycle, mo));
    await main(page).getByText('This cycle collects no peer feedback: the people you add here give feedback as other colleagues.').waitFor();
    await expect(page.getByRole('radio').count()).resolves.toBe(0);
    await searchColleagues(page, 'Felix');
    await page.getByRole('checkbox', { name: /Felix Braun/ }).check();
    await page.getByRole('button', { name: 'Ask 1 colleague' }).click();
    await main(page).getByText('Asked Felix Braun for feedback on Mo.').waitFor();
    await audit(page, 'hr-no-peers');
    await screenshot(page, 'subject-requests-2-hr-no-peers');
    await page.context().close();
  });

  it('lets the subject replace a peer who declined after the nomination deadline, and only that one', async () => {
    const [amara, ben, chloe] = colleagues as [TestPerson, TestPerson, TestPerson];
    const cycle = await aCollectingCycle('Late decline', { minPeers: 2, maxPeers: 4 }, [amara, ben], true);
    // Amara declines (through the API, as she would from My feedback).
    const rater = await t.newPage();
    await signIn(rater, amara);
    const [{ id: request }] = await t.db.query(`SELECT id FROM feedback_requests WHERE cycle_id = $1 AND rater_id = $2`, [cycle.id, amara.id]);
    const { token } = (await (await rater.request.get('/api/auth/csrf')).json()) as { token: string };
    const declined = await rater.request.post(`/api/feedback-requests/${request}/decline`, {
      data: { reason: 'I am on leave until June.' },
      headers: { 'x-csrf-token': token },
    });
    expect(declined.status()).toBe(200);
    await rater.context().close();

    const page = await t.newPage();
    await signIn(page, mo);
    await page.goto(subjectPage(cycle, mo));
    await page.getByRole('heading', { level: 1, name: 'Your feedback requests' }).waitFor();
    await main(page).getByText('Nominations have closed, but you can still ask someone in place of a peer who declined or was not approved.').waitFor();
    await main(page).getByText('0 selected · you can pick 1 more').waitFor();
    await page
      .locator('.rater', { hasText: 'Amara Nwosu' })
      .getByRole('button', { name: /Ask someone else/ })
      .click();
    await expect(page.evaluate<string>('document.activeElement.getAttribute("type")')).resolves.toBe('search');
    await audit(page, 'subject-replaces');
    await screenshot(page, 'subject-requests-3-subject-replaces');

    await searchColleagues(page, 'Chloe');
    await page.getByRole('checkbox', { name: /Chloe Martin/ }).check();
    await page.getByRole('button', { name: 'Ask 1 colleague' }).click();
    await main(page)
      .getByText(/Sent to your manager for approval: Chloe Martin/)
      .waitFor();
    // The decline is replaced: nominations are closed for anyone else.
    const closed = page
      .getByRole('alert')
      .or(page.locator('.alert', { hasText: 'Peers can no longer be asked' }))
      .first();
    await closed.getByText(/can still ask someone in place of a peer who declines or is not approved/).waitFor();
    await expect(page.getByRole('searchbox', { name: 'Search colleagues' }).count()).resolves.toBe(0);
    await page
      .locator('.rater', { hasText: 'Amara Nwosu' })
      .getByText(/every peer who declined or was not approved has been replaced/)
      .waitFor();
    expect(await t.db.query(`SELECT state FROM feedback_requests WHERE cycle_id = $1 AND rater_id = $2`, [cycle.id, chloe.id])).toEqual([
      { state: 'proposed' },
    ]);
    await audit(page, 'subject-replaced');
    await screenshot(page, 'subject-requests-4-subject-replaced');

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your feedback requests' }).waitFor();
    await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, 'subject-requests-5-subject-replaced-phone');
    await page.context().close();
  });

  it('shows the subject their own self-review as it is, with a way to answer it until they have', async () => {
    const cycle = await aCollectingCycle('Self-review', { minPeers: 0, maxPeers: 3 }, [colleagues[1]]);
    const page = await t.newPage();
    await signIn(page, mo);
    await page.goto(subjectPage(cycle, mo));
    const self = page.getByRole('region', { name: /^Self-review/ });
    await self.getByText('Not answered yet').waitFor();
    const answer = self.getByRole('link', { name: /Answer your self-review/ });
    const [{ id }] = await t.db.query(`SELECT id FROM feedback_requests WHERE cycle_id = $1 AND relationship = 'self'`, [cycle.id]);
    await expect(answer.getAttribute('href')).resolves.toBe(`/feedback/${id}`);
    // A peer's answer stays hidden whatever it is.
    await t.db.query(`UPDATE feedback_requests SET state = 'submitted', submitted_at = now() WHERE cycle_id = $1 AND relationship IN ('self', 'peer')`, [
      cycle.id,
    ]);
    await page.reload();
    await self.getByText('Submitted').waitFor();
    await expect(self.getByRole('link').count()).resolves.toBe(0);
    await expect(page.locator('.rater', { hasText: 'Ben Hargreaves' }).locator('.badge').textContent()).resolves.toBe('✓Asked');
    await audit(page, 'subject-self-review');
    await screenshot(page, 'subject-requests-6-self-review-submitted');
    await page.context().close();
  });

  it('has no serious or critical accessibility violations on the pages above (axe)', () => {
    expect(Object.keys(a11y).length).toBe(5);
    const found = Object.entries(a11y).flatMap(([pageName, violations]) => violations.map((v) => `${pageName}: ${v}`));
    expect(found).toEqual([]);
  });
});
