/**
 * Accounts in a real browser: "Forgot your password?" from the sign-in page through the mailed link
 * (received by a test SMTP server, as the person would) to signing in with the new password;
 * changing one's own password from the Account page; and HR's view of a person who has a login
 * (no invitation offered). Screenshots go to tests/artifacts/screenshots/account-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns account
 */
import type { Page } from 'playwright-core';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { aPerson, anOrganization, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { logIn, PHONE, screenshot, seriousA11yViolations, startBrowserApp, submitLogin, type BrowserApp } from '../support/browser';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

jest.setTimeout(180_000);

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const signedInLayout = (page: Page) =>
  page
    .getByRole('button', { name: 'Sign out' })
    .or(page.getByRole('button', { name: 'Menu' }))
    .first();

describe('Accounts in the browser', () => {
  let t: BrowserApp;
  let smtp: TestSmtpServer;
  let hana: TestPerson;
  let rosa: TestPerson;
  let carl: TestPerson;
  let nell: TestPerson;
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
    carl = await aPerson(t.db, org.id, { name: 'Carl Lindgren', email: 'carl@harbour.example', department: 'Finance' });
    nell = await aPerson(t.db, org.id, { name: 'Nell Newcomer', email: 'nell@harbour.example', department: 'Learning', withLogin: false });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('recovers a forgotten password: sign-in page → mail → new password → sign in; earlier sessions end', async () => {
    // Rosa is still signed in on another computer.
    const elsewhere = await t.newPage();
    await logIn(elsewhere, rosa.email, TEST_PASSWORD);

    const page = await t.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Reset your password').waitFor();
    await audit(page, 'forgot-password');
    await screenshot(page, 'account-01-forgot-password');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('Enter your email address').waitFor();
    await page.getByLabel('Email').fill(rosa.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await heading(page, 'Check your email').waitFor();
    await page.getByText(/If an account exists for that address, we've sent it a link/).waitFor();
    await audit(page, 'forgot-password-sent');
    await screenshot(page, 'account-02-link-sent');

    // The job mails the link to Rosa's own address.
    await t.app.get(JobsService).runHeld(JOB_NAMES.passwordResetMail);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toEqual([rosa.email]);
    const link = new RegExp(`${t.baseUrl}/reset-password\\?token=[\\w-]+`).exec(mail.text)?.[0];
    expect(link).toBeDefined();

    await page.goto(link!);
    await heading(page, 'Choose a new password').waitFor();
    await expect(page.getByLabel('Email').inputValue()).resolves.toBe(rosa.email);
    await page.getByLabel('New password').fill('too-short');
    await page.getByLabel('Confirm password').fill('too-short');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Use at least 10 characters').waitFor();
    await audit(page, 'reset-password');
    await screenshot(page, 'account-03-reset-password');
    await page.getByLabel('New password').fill('sea-glass-lantern-harbour');
    await page.getByLabel('Confirm password').fill('sea-glass-lantern-harbour');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await heading(page, 'Sign in').waitFor();
    await page.getByText('Your new password is set. Sign in with it.').waitFor();
    await screenshot(page, 'account-04-password-set');

    // The old password no longer works; the new one does.
    await submitLogin(page, rosa.email, TEST_PASSWORD);
    await page.getByText('Email or password is incorrect').waitFor();
    await submitLogin(page, rosa.email, 'sea-glass-lantern-harbour');
    await signedInLayout(page).waitFor();
    await heading(page, /Rosa/).waitFor();

    // The other computer was signed out by the reset.
    await elsewhere.reload();
    await heading(elsewhere, 'Sign in').waitFor();

    // The link worked once.
    const again = await t.newPage();
    await again.goto(link!);
    await heading(again, 'Link not valid').waitFor();
    await again.getByText(/invalid, already used or expired/).waitFor();
    await again.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await audit(again, 'reset-password-used');
    await screenshot(again, 'account-05-link-used');
  });

  it('changes one’s own password from the Account page; other sessions end, this one stays', async () => {
    const elsewhere = await t.newPage();
    await logIn(elsewhere, carl.email, TEST_PASSWORD);
    const page = await t.newPage();
    await logIn(page, carl.email, TEST_PASSWORD);
    // The person's own menu: their name in the top bar.
    await page.getByRole('link', { name: 'Your account, signed in as Carl Lindgren' }).click();
    await heading(page, 'Your account').waitFor();
    await page.locator('main').getByText(carl.email).waitFor();
    await audit(page, 'account');

    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password').fill('north-star-ledger-7');
    await page.getByLabel('Confirm password').fill('north-star-ledger-7');
    await page.getByRole('button', { name: 'Change password' }).click();
    const current = page.locator('.field', { has: page.getByLabel('Current password') });
    await current.getByText('Your current password is not correct').waitFor();
    await expect(page.getByLabel('Current password').getAttribute('aria-invalid')).resolves.toBe('true');
    await audit(page, 'account-wrong-password');
    await screenshot(page, 'account-06-wrong-current-password');

    await page.getByLabel('Current password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Use your new password from now on. You were signed out everywhere else.').waitFor();
    await expect(page.getByLabel('Current password').inputValue()).resolves.toBe('');
    await screenshot(page, 'account-07-password-changed');

    // Still signed in here; signed out on the other computer.
    await page.reload();
    await heading(page, 'Your account').waitFor();
    await elsewhere.reload();
    await heading(elsewhere, 'Sign in').waitFor();

    // Sign out, then in again with the new password.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in').waitFor();
    await submitLogin(page, carl.email, 'north-star-ledger-7');
    await signedInLayout(page).waitFor();
  });

  it('reaches the Account page from the phone menu', async () => {
    const page = await t.newPage(PHONE);
    await logIn(page, hana.email, TEST_PASSWORD);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await heading(page, 'Your account').waitFor();
    await screenshot(page, 'account-08-phone');
  });

  it('HR sees who has a login and is offered an invitation only for people without one', async () => {
    const page = await t.newPage();
    await logIn(page, hana.email, TEST_PASSWORD);
    await page.goto(`/people/${carl.id}`);
    await heading(page, 'Carl Lindgren').waitFor();
    await page.getByText('Has a login').first().waitFor();
    await page.getByText(/reset it themselves with “Forgot your password\?”/).waitFor();
    await expect(page.getByRole('button', { name: /invitation/i }).count()).resolves.toBe(0);
    await audit(page, 'person-with-login');
    await screenshot(page, 'account-09-person-has-login');

    await page.goto(`/people/${nell.id}`);
    await heading(page, 'Nell Newcomer').waitFor();
    await page.getByText('Not set up').first().waitFor();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${nell.email}`).waitFor();
  });

  it('has no serious accessibility problems on these pages', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(6);
  });
});
