/**
 * Changing one's own sign-in address in a real browser: the Account page → the confirmation link
 * from the mail (received by a test SMTP server, as the person would) → signing in with the new
 * address; and HR's person page, where the address of someone with a login cannot be edited.
 * Screenshots go to tests/artifacts/screenshots/email-change-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns email-change
 */
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { logIn, screenshot, seriousA11yViolations, startBrowserApp, submitLogin, type BrowserApp } from '../support/browser';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

jest.setTimeout(180_000);

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const signedInLayout = (page: Page) =>
  page
    .getByRole('button', { name: 'Sign out' })
    .or(page.getByRole('button', { name: 'Menu' }))
    .first();

describe('Changing one’s sign-in address in the browser', () => {
  let t: BrowserApp;
  let smtp: TestSmtpServer;
  let hana: TestPerson;
  let rosa: TestPerson;
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startBrowserApp({ SMTP_URL: smtp.url });
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', email: 'hana@harbour.example', role: 'admin', department: 'People' });
    rosa = await aPerson(t.db, org.id, { name: 'Rosa Jiménez', email: 'rosa@harbour.example', department: 'Retail' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('Account page → link mailed to the new address → confirm → sign in with the new address', async () => {
    const elsewhere = await t.newPage();
    await logIn(elsewhere, rosa.email, TEST_PASSWORD);
    const page = await t.newPage();
    await logIn(page, rosa.email, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Your account, signed in as Rosa Jiménez' }).click();
    await heading(page, 'Your account').waitFor();
    await audit(page, 'account');

    await page.getByLabel('New email address').fill('hana@harbour.example');
    await page.getByLabel('Your password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Send confirmation link' }).click();
    // A colleague's address gets the answer any address gets; its owner is told, and no link goes there.
    await page.getByText('Check hana@harbour.example for a confirmation link').waitFor();
    await audit(page, 'account-address-taken');
    await screenshot(page, 'email-change-01-address-taken');
    const [attempt] = smtp.to(hana.email);
    expect(attempt.text).toMatch(/already yours\. Nothing changed/);
    expect(attempt.text).not.toMatch(/token=/);

    await page.getByLabel('New email address').fill('rosa.j@harbour.example');
    await page.getByLabel('Your password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Send confirmation link' }).click();
    await page.getByText('Check rosa.j@harbour.example for a confirmation link').waitFor();
    await screenshot(page, 'email-change-02-link-sent');

    const [mail] = smtp.to('rosa.j@harbour.example');
    const notice = smtp.to(rosa.email).at(-1)!;
    expect(notice.text).toMatch(/with rosa\.j@harbour\.example from now on/);
    const link = /https?:\/\/\S+\/confirm-email\?token=[\w-]+/.exec(mail.text)![0];
    // Still the old address until the link is opened.
    await page.reload();
    await page.locator('main').getByText(rosa.email).first().waitFor();

    const confirm = await t.newPage();
    await confirm.goto(new URL(link).pathname + new URL(link).search);
    await heading(confirm, 'Confirm your new address').waitFor();
    await audit(confirm, 'confirm-email');
    await screenshot(confirm, 'email-change-03-confirm');
    await confirm.getByRole('button', { name: 'Confirm my new address' }).click();
    await heading(confirm, 'Address changed').waitFor();
    await confirm.getByText('rosa.j@harbour.example').waitFor();
    await audit(confirm, 'email-changed');
    await screenshot(confirm, 'email-change-04-changed');

    // The session that asked stays (and shows the new address); the other computer is signed out.
    await page.reload();
    await page.locator('main').getByText('rosa.j@harbour.example').first().waitFor();
    await elsewhere.reload();
    await heading(elsewhere, 'Sign in').waitFor();

    // The link works once.
    const again = await t.newPage();
    await again.goto(new URL(link).pathname + new URL(link).search);
    await again.getByRole('button', { name: 'Confirm my new address' }).click();
    await again.getByText(/invalid, already used or expired/).waitFor();

    // Sign out, then in with the new address.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();
    await submitLogin(page, 'rosa.j@harbour.example', TEST_PASSWORD);
    await signedInLayout(page).waitFor();
    await screenshot(page, 'email-change-05-signed-in');
  });

  it('HR cannot edit the address of someone with a login', async () => {
    const page = await t.newPage();
    await logIn(page, hana.email, TEST_PASSWORD);
    await page.goto(`/people/${rosa.id}`);
    await heading(page, 'Rosa Jiménez').waitFor();
    await expect(page.getByLabel('Email', { exact: true }).getAttribute('readonly')).resolves.not.toBeNull();
    await page.getByText('Rosa Jiménez signs in with this address; they can change it themselves on their Account page.').waitFor();
    await audit(page, 'person-email-read-only');
    await screenshot(page, 'email-change-06-hr-read-only');
  });

  it('has no serious accessibility problems on these pages', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(5);
  });
});
