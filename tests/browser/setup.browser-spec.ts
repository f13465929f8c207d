/**
 * A fresh instance in a real browser: every page leads to /setup; the console's code creates the
 * organisation and signs its HR admin in; then Admin → Organisation edits and saves its settings,
 * and /setup is gone. Screenshots go to tests/artifacts/screenshots/.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns setup
 */
import type { Page } from 'playwright-core';
import { SetupService } from '@lib/organizations';
import { screenshot, seriousA11yViolations, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(90_000);

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('first run in the browser', () => {
  let t: BrowserApp;
  beforeAll(async () => (t = await startBrowserApp()));
  afterAll(() => t?.close());

  it('leads a fresh instance to the set-up, creates the organisation, signs HR in, and lets HR edit the organisation', async () => {
    const code = (await t.app.get(SetupService).issueCode())!;
    const page = await t.newPage();

    // Any address, signed out, ends on the set-up page while no organisation exists.
    for (const path of ['/', '/people', '/login']) {
      await page.goto(path);
      await page.waitForURL(/\/setup$/);
    }
    await heading(page, 'Set up Ripple').waitFor();
    await expect(page.getByText("Printed in the server's console").count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'setup-01-form');

    await page.getByLabel('Organisation name').fill('Ateliers Bérénice');
    await page.getByLabel('Your name').fill('Bérénice Okafor');
    await page.getByLabel('Your work email').fill('berenice@ateliers.example');
    await page.getByLabel('Password', { exact: true }).fill('first-admin-password');
    await page.getByLabel('Confirm password').fill('first-admin-password');
    // A wrong code first: it says so beside the code, and nothing is created.
    await page.getByLabel('Set-up code').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: 'Create organisation and sign in' }).click();
    await page.getByText('That set-up code is not right').waitFor();
    expect(await t.db.query(`SELECT 1 FROM organizations`)).toHaveLength(0);
    await screenshot(page, 'setup-02-wrong-code');

    await page.getByLabel('Set-up code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Create organisation and sign in' }).click();
    await heading(page, /Welcome, Bérénice/).waitFor();
    const banner = page.getByRole('banner');
    await expect(banner.textContent()).resolves.toContain('Ateliers Bérénice');
    await screenshot(page, 'setup-03-signed-in');

    // Admin → Organisation.
    await page.getByRole('button', { name: /Admin/ }).click();
    await page.getByRole('link', { name: 'Organisation', exact: true }).click();
    await heading(page, 'Organisation').waitFor();
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Ateliers Bérénice');
    await expect(page.getByLabel('Anonymity threshold (k)').inputValue()).resolves.toBe('3');
    await page.getByLabel('Default framework').locator('option', { hasText: 'Leadership at every level' }).waitFor({ state: 'attached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'setup-04-organisation-settings');

    await page.getByLabel('Name', { exact: true }).fill('Ateliers Bérénice & Co');
    await page.getByLabel('Anonymity threshold (k)').fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByText('anonymityThreshold must be at least 3', { exact: false })
      .or(page.getByText('Anonymity threshold must be at least 3'))
      .first()
      .waitFor();
    await screenshot(page, 'setup-05-threshold-refused');
    await page.getByLabel('Anonymity threshold (k)').fill('5');
    await page.getByLabel('Time zone').selectOption('Europe/Paris');
    await page.getByLabel('Sender name').fill('Ateliers People Team');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Organisation settings saved').waitFor();
    await expect(banner.textContent()).resolves.toContain('Ateliers Bérénice & Co');
    await screenshot(page, 'setup-06-saved');

    const [saved] = await t.db.query(`SELECT name, anonymity_threshold, time_zone, mail_sender_name FROM organizations`);
    expect(saved).toEqual({ name: 'Ateliers Bérénice & Co', anonymity_threshold: 5, time_zone: 'Europe/Paris', mail_sender_name: 'Ateliers People Team' });
    await page.reload();
    await expect(page.getByLabel('Anonymity threshold (k)').inputValue()).resolves.toBe('5');
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe('Europe/Paris');

    // Feedback anyone can ask for: on by default; raising k to 5 lifted its fewest raters along.
    const selfRequests = page.getByRole('checkbox', { name: 'People may ask for feedback on themselves' });
    await expect(selfRequests.isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Fewest raters').inputValue()).resolves.toBe('5');
    await page.getByLabel('Fewest raters').fill('4');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('selfRequestMinRaters must be at least the anonymity threshold (5)', { exact: false }).first().waitFor();
    await page.getByLabel('Fewest raters').fill('6');
    await page.getByLabel('Open requests per rater').fill('8');
    await selfRequests.uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Organisation settings saved').waitFor();
    await screenshot(page, 'setup-07-self-started-feedback-off');
    const [limits] = await t.db.query(`SELECT self_requests_enabled, self_request_min_raters, rater_open_request_cap FROM organizations`);
    expect(limits).toEqual({ self_requests_enabled: false, self_request_min_raters: 6, rater_open_request_cap: 8 });

    // A new cycle starts from the organisation's k, with deadlines on its clock.
    await page.goto('/cycles/new');
    await heading(page, 'New cycle').waitFor();
    await expect(
      page
        .getByLabel(/Anonymity threshold/)
        .first()
        .inputValue(),
    ).resolves.toBe('5');
    await page.getByText('Europe/Paris time').first().waitFor();

    // Set-up is gone: signed in or out, /setup leads on.
    await page.goto('/setup');
    await page.waitForURL((url) => url.pathname === '/');
    const stranger = await t.newPage();
    await stranger.goto('/setup');
    await stranger.waitForURL(/\/login$/);
    await stranger.goto('/');
    await stranger.waitForURL(/\/login$/);
    await stranger.context().close();
    await page.context().close();
  });
});
