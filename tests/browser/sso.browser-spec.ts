/**
 * Single sign-on in a real browser against a real OpenID Connect provider (oidc-provider on
 * loopback): HR sets the provider up and tests it from the settings page; people continue with it
 * from the sign-in page (an account already in use only once its owner confirms from the mailed
 * link); every refusal the issue names reads in plain words, never as a 5xx.
 * Screenshots go to tests/artifacts/screenshots/sso-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns 'browser/sso\.'
 */
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

jest.setTimeout(180_000);

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('Single sign-on in the browser', () => {
  let t: BrowserApp;
  let idp: TestOidcProvider;
  let hana: TestPerson;
  let rosa: TestPerson;
  let theo: TestPerson;
  let smtp: TestSmtpServer;
  let slug: string;
  const a11y: Record<string, string[]> = {};
  const serverErrors: string[] = [];

  /** A new browser (its own cookies) that records every 5xx it meets. */
  const newPage = async (): Promise<Page> => {
    const page = await t.newPage();
    page.on('response', (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
    });
    return page;
  };

  /** From the organisation's sign-in address through the provider and back. */
  const continueWithProvider = async (page: Page, subject: string): Promise<void> => {
    idp.signInAs(subject);
    await page.goto(`/login?organization=${slug}`);
    await page.getByRole('button', { name: 'Continue with Harbour SSO' }).click();
  };
  const refusal = (page: Page) => page.getByRole('alert').filter({ hasText: 'Could not sign you in' });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startBrowserApp({ RIPPLE_SECRET_KEY: '6b'.repeat(32), SMTP_URL: smtp.url });
    idp = await startOidcProvider(new URL('/api/auth/sso/callback', t.baseUrl).href);
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    [{ slug }] = await t.db.query(`SELECT slug FROM organizations WHERE id = $1`, [org.id]);
    hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', email: 'hana@harbour.example', role: 'admin', department: 'People' });
    // Invited, never signed in: her first sign-in through the provider links her.
    rosa = await aPerson(t.db, org.id, { name: 'Rosa Jiménez', email: 'rosa@harbour.example', department: 'Retail', withLogin: false });
    // Signs in with a password already: linking him takes his confirmation.
    theo = await aPerson(t.db, org.id, { name: 'Theo Brandt', email: 'theo@harbour.example', department: 'Visitors' });
    idp.accounts.set('sub-hana', { email: hana.email });
    idp.accounts.set('sub-rosa', { email: rosa.email, name: 'Rosa Jiménez' });
    idp.accounts.set('sub-theo', { email: theo.email });
    idp.accounts.set('sub-stranger', { email: 'stranger@harbour.example' });
  });
  afterAll(async () => {
    await idp?.stop().catch(() => undefined);
    await t?.close();
    await smtp?.close();
  });

  it('HR sets the provider up and its test sign-in reports that it works', async () => {
    const page = await newPage();
    await signIn(page, hana, '/admin/single-sign-on');
    await heading(page, 'Single sign-on').waitFor();
    await page.getByText(`${t.baseUrl}/api/auth/sso/callback`).waitFor();
    await page.getByLabel('Name on the sign-in button').fill('Harbour SSO');
    await page.getByLabel('Issuer URL').fill(idp.issuer);
    await page.getByLabel('Client ID').fill(idp.clientId);
    await page.getByLabel('Client secret').fill(idp.clientSecret);
    await page.getByLabel('Allowed email domains').fill('harbour.example');
    a11y['settings'] = await seriousA11yViolations(page);
    await screenshot(page, 'sso-01-settings');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('(stored; leave empty to keep it)').waitFor();

    idp.signInAs('sub-rosa');
    await page.getByRole('button', { name: 'Test sign-in' }).click();
    await page.getByText('The test sign-in worked').waitFor();
    await page.getByText(`Signed in as ${rosa.email}: the provider works`).waitFor();
    await screenshot(page, 'sso-02-test-worked');
    // Still HR, not Rosa: a test signs nobody in.
    await page.getByRole('button', { name: 'Test sign-in' }).waitFor();
  });

  it('signs Rosa in with "Continue with" from the sign-in page, found by her email domain', async () => {
    const page = await newPage();
    idp.signInAs('sub-rosa');
    await page.goto('/login');
    await page.getByLabel('Email').fill(rosa.email);
    const button = page.getByRole('button', { name: 'Continue with Harbour SSO' });
    await button.waitFor();
    a11y['login'] = await seriousA11yViolations(page);
    await screenshot(page, 'sso-03-login');
    await button.click();
    await page
      .getByRole('button', { name: 'Sign out' })
      .or(page.getByRole('button', { name: 'Menu' }))
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('asks Theo, who has a password, to confirm from his mail, and signs him in once he does', async () => {
    const page = await newPage();
    await continueWithProvider(page, 'sub-theo');
    await heading(page, 'Check your mail to finish signing in with single sign-on').waitFor();
    a11y['check-mail'] = await seriousA11yViolations(page);
    await screenshot(page, 'sso-07-check-mail');
    const mail = smtp.to(theo.email).at(-1)!;
    expect(mail.subject).toBe('Confirm signing in to Ripple with Harbour SSO');
    const link = /https?:\/\/\S+\/sso-link\?token=[\w-]+/.exec(mail.text)![0];

    await page.goto(new URL(link).pathname + new URL(link).search);
    await heading(page, 'Sign in with single sign-on from now on').waitFor();
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await page
      .getByRole('button', { name: 'Sign out' })
      .or(page.getByRole('button', { name: 'Menu' }))
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(smtp.to(theo.email).at(-1)!.subject).toBe('Your Ripple account now signs in through Harbour SSO');

    // Used once: opened again, the link says so in plain words.
    const again = await newPage();
    await again.goto(new URL(link).pathname + new URL(link).search);
    await again.getByRole('button', { name: 'Confirm and sign in' }).click();
    await again.getByRole('alert').getByText('This link is invalid, already used or expired.').waitFor();
  });

  it('refuses an unknown email in plain words', async () => {
    const page = await newPage();
    await continueWithProvider(page, 'sub-stranger');
    await refusal(page).getByText('No one in your organisation’s Ripple uses your email address. Ask HR to add you.').waitFor();
    await screenshot(page, 'sso-04-unknown-email');
  });

  it('refuses a tampered state', async () => {
    const page = await newPage();
    // The browser's trip to the provider is taken over (a route sees only the first request of a
    // redirect chain): the provider's answer comes back with its state changed, in this browser.
    await page.route(`${idp.issuer}/auth?**`, (route) => route.fulfill({ status: 204 }));
    const toProvider = page.waitForRequest((request) => request.url().startsWith(`${idp.issuer}/auth?`));
    await continueWithProvider(page, 'sub-rosa');
    const back = await idp.authorize((await toProvider).url());
    back.searchParams.set('state', 'tampered');
    await page.goto(back.href);
    await refusal(page).getByText('This sign-in expired, was already used or was started in another browser. Start again.').waitFor();
  });

  it('refuses an expired code and an ID token for another audience', async () => {
    idp.faults.expireCodes = true;
    try {
      const page = await newPage();
      await continueWithProvider(page, 'sub-rosa');
      await refusal(page).getByText('Your identity provider’s answer expired before Ripple could use it. Start again.').waitFor();
    } finally {
      idp.faults.expireCodes = false;
    }
    idp.faults.wrongAudience = true;
    try {
      const page = await newPage();
      await continueWithProvider(page, 'sub-rosa');
      await refusal(page).getByText('did not pass Ripple’s checks').waitFor();
      await screenshot(page, 'sso-05-wrong-audience');
    } finally {
      idp.faults.wrongAudience = false;
    }
  });

  it('says clearly that the provider is down, during a sign-in and then before one', async () => {
    // Up when Rosa reaches it, down when its answer comes back to Ripple (the trip taken over as above).
    const during = await newPage();
    await during.route(`${idp.issuer}/auth?**`, (route) => route.fulfill({ status: 204 }));
    const toProvider = during.waitForRequest((request) => request.url().startsWith(`${idp.issuer}/auth?`));
    await continueWithProvider(during, 'sub-rosa');
    const back = await idp.authorize((await toProvider).url());
    await idp.stop();
    try {
      await during.goto(back.href);
      await refusal(during).getByText('Ripple could not reach your identity provider.').waitFor();
      // That failure dropped the provider's cached discovery document: the next start asks the provider, and says it is down.
      const page = await newPage();
      await page.goto(`/login?organization=${slug}`);
      await page.getByRole('button', { name: 'Continue with Harbour SSO' }).click();
      await refusal(page)
        .getByText(/could not read the identity provider's OpenID configuration .* \(connection refused\)/)
        .waitFor();
      await screenshot(page, 'sso-06-provider-down');
    } finally {
      await idp.start();
    }
  });

  it('met no server error and no serious accessibility problem', () => {
    expect(serverErrors).toEqual([]);
    expect(a11y).toEqual({ settings: [], login: [], 'check-mail': [] });
  });
});
