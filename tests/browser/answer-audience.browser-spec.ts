/**
 * Who sees a rater's answers, as raters and HR read it in the browser: the questionnaire of a
 * manager whom the cycle shows on their own and of a peer, and the invitation in the outbox (its
 * "Who sees your answers" section and the outbox's note on what it never shows). Axe on each page;
 * screenshots in tests/artifacts/screenshots/audience-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns answer-audience
 */
import type { Page } from 'playwright-core';
import { JobsService } from '@lib/jobs';
import { aPerson, anOrganization, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { logIn, screenshot, seriousA11yViolations, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(120_000);

const inDays = (days: number): string => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

describe('who sees your answers, in the browser', () => {
  let t: BrowserApp;
  let hana: TestPerson, maya: TestPerson, mo: TestPerson, pat: TestPerson;
  let cycleId: string;

  /** The JSON API as the person signed in on this page, with the CSRF header. */
  async function post(page: Page, url: string, data?: unknown): Promise<{ id: string; state: string }> {
    const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
    const response = await page.request.post(url, { data, headers: { 'x-csrf-token': token } });
    if (!response.ok()) throw new Error(`POST ${url}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as { id: string; state: string };
  }

  const requestId = async (rater: TestPerson, subject: TestPerson): Promise<string> => {
    const [row]: { id: string }[] = await t.db.query(`SELECT id FROM feedback_requests WHERE cycle_id = $1 AND rater_id = $2 AND subject_id = $3`, [
      cycleId,
      rater.id,
      subject.id,
    ]);
    return row.id;
  };

  const openQuestionnaire = async (rater: TestPerson): Promise<Page> => {
    const page = await t.newPage();
    await logIn(page, rater.email, TEST_PASSWORD);
    await page.goto(`/feedback/${await requestId(rater, mo)}`);
    await page.getByRole('region', { name: 'About this questionnaire' }).getByText('Who sees your answers.').waitFor();
    return page;
  };
  const intro = (page: Page) => page.getByRole('region', { name: 'About this questionnaire' });

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', role: 'admin', title: 'HR Lead', department: 'People' });
    maya = await aPerson(t.db, org.id, { name: 'Maya Lindqvist', title: 'Head of Collections', department: 'Collections' });
    mo = await aPerson(t.db, org.id, { name: 'Mo Abernathy', title: 'Registrar', department: 'Collections', managerId: maya.id });
    pat = await aPerson(t.db, org.id, { name: 'Pat Kowalski', title: 'Learning Officer', department: 'Learning' });
    const page = await t.newPage();
    await logIn(page, hana.email, TEST_PASSWORD);
    const created = await post(page, '/api/cycles', {
      name: 'Spring 2026',
      settings: { showManagerSeparately: true, anonymityThreshold: 3, minPeers: 1, nominationDeadline: inDays(4), responseDeadline: inDays(9) },
    });
    cycleId = created.id;
    await post(page, `/api/cycles/${cycleId}/subjects`, { personIds: [mo.id] });
    await post(page, `/api/cycles/${cycleId}/launch`);
    await post(page, `/api/cycles/${cycleId}/subjects/${mo.id}/requests`, { raterIds: [pat.id] });
    await t.app.get(JobsService).runHeld();
    await page.context().close();
  });
  afterAll(() => t?.close());

  it("tells a manager shown on their own that their ratings are shown as the manager's", async () => {
    const page = await openQuestionnaire(maya);
    await intro(page).getByText("As the manager of Mo Abernathy, your ratings are shown in the report on their own, labelled as the manager's").waitFor();
    await expect(
      intro(page)
        .getByText(/combined with/)
        .count(),
    ).resolves.toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'audience-01-manager-questionnaire');
    await page.context().close();
  });

  it("tells a peer that their answers are combined with other people's, with the cycle's k", async () => {
    const page = await openQuestionnaire(pat);
    await intro(page)
      .getByText(
        "Your answers about Mo Abernathy are combined with other people's and never shown on their own: a number is shown only when at least 3 people gave it",
      )
      .waitFor();
    await expect(
      intro(page)
        .getByText(/labelled as the manager's/)
        .count(),
    ).resolves.toBe(0);
    await screenshot(page, 'audience-02-peer-questionnaire');
    await page.context().close();
  });

  it('shows HR the invitation with its "who sees your answers" section, and says what the outbox never shows', async () => {
    const page = await t.newPage();
    await logIn(page, hana.email, TEST_PASSWORD);
    await page.goto('/admin/outbox');
    await page.getByText('Some things are never shown here').waitFor();
    await page
      .getByRole('button', { name: /Your feedback is requested: Spring 2026/ })
      .filter({ hasText: maya.email })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Who sees your answers:').waitFor();
    await dialog.getByText(/As the manager of Mo Abernathy, your ratings are shown in the report on their own/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'audience-03-outbox-invitation');
    await page.context().close();
  });
});
