/**
 * Single sign-on in a real browser against a real OpenID Connect provider (oidc-provider on
 * loopback): HR sets the provider up and tests it from the settings page; people continue with it
 * from the sign-in page (an account already in use only once its owner confirms from the mailed
 * link, in the browser that started the sign-in; opened anywhere else the link links nothing, and
 * the person who did not try to sign in cancels it); every refusal the issue names reads in plain
 * words, never as a 5xx.
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
  let ines: TestPerson;
  let smtp: TestSmtpServer;
  let slug: string;
  const a11y: Record<string, string[]> = {};
  const serverErrors: string[] = [];

  const recordServerErrors = (page: Page): Page => {
    page.on('response', (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
    });
    return page;
  };
  /** A new browser (its own cookies) that records every 5xx it meets. */
  const newPage = async (): Promise<Page> => recordServerErrors(await t.newPage());
  /** Another tab of the same browser (its cookies), as a link opened from a mail program lands. */
  const newTab = async (page: Page): Promise<Page> => recordServerErrors(await page.context().newPage());
  /** The confirmation link of the last mail to this address, as a path. */
  const mailedLink = (email: string): string => {
    const link = new URL(/https?:\/\/\S+\/sso-link\?token=[\w-]+/.exec(smtp.to(email).at(-1)!.text)![0]);
    return link.pathname + link.search;
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
    // Signs in with a password too; somebody else starts a sign-in with her address.
    ines = await aPerson(t.db, org.id, { name: 'Ines Duarte', email: 'ines@harbour.example', department: 'Finance' });
    idp.accounts.set('sub-hana', { email: hana.email });
    idp.accounts.set('sub-rosa', { email: rosa.email, name: 'Rosa Jiménez' });
    idp.accounts.set('sub-theo', { email: theo.email });
    idp.accounts.set('sub-not-ines', { email: ines.email });
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

  it('asks Theo, who has a password, to confirm from his mail, and signs him in once he does, in the browser he started in', async () => {
    const page = await newPage();
    await continueWithProvider(page, 'sub-theo');
    await heading(page, 'Check your mail to finish signing in with single sign-on').waitFor();
    a11y['check-mail'] = await seriousA11yViolations(page);
    await screenshot(page, 'sso-07-check-mail');
    const mail = smtp.to(theo.email).at(-1)!;
    expect(mail.subject).toBe('Confirm signing in to Ripple with Harbour SSO');
    expect(mail.text).toContain('If you did not just try to sign in with single sign-on (Harbour SSO) yourself, do not open the link');
    const link = mailedLink(theo.email);

    // Opened on another device (another browser), the link links nothing and says where to open it.
    const phone = await newPage();
    await phone.goto(link);
    await heading(phone, 'Sign in with single sign-on from now on').waitFor();
    await phone.getByRole('button', { name: 'Confirm and sign in' }).click();
    await phone.getByText('Open this link in the browser where you started signing in').waitFor();
    await phone.getByRole('button', { name: 'I did not try to sign in' }).waitFor();
    expect(await phone.getByRole('button', { name: 'Confirm and sign in' }).count()).toBe(0);
    a11y['other-browser'] = await seriousA11yViolations(phone);
    await screenshot(phone, 'sso-08-other-browser');

    // In the browser he started in (the link opens in a new tab of it), it links and signs him in.
    const tab = await newTab(page);
    await tab.goto(link);
    await heading(tab, 'Sign in with single sign-on from now on').waitFor();
    await tab.getByRole('button', { name: 'Confirm and sign in' }).click();
    await tab
      .getByRole('button', { name: 'Sign out' })
      .or(tab.getByRole('button', { name: 'Menu' }))
      .first()
      .waitFor();
    expect(new URL(tab.url()).pathname).toBe('/');
    expect(smtp.to(theo.email).at(-1)!.subject).toBe('Your Ripple account now signs in through Harbour SSO');

    // Used once: opened again, even in that browser, the link says so in plain words.
    const again = await newTab(page);
    await again.goto(link);
    await again.getByRole('button', { name: 'Confirm and sign in' }).click();
    await again.getByRole('alert').getByText('This link is invalid, already used or expired.').waitFor();
  });

  it('lets Ines, who did not try to sign in, cancel a link somebody else asked for: nothing is linked and she is told to alert IT security', async () => {
    // Somebody else signs in to the provider with Ines's address, in their own browser.
    const intruder = await newPage();
    await continueWithProvider(intruder, 'sub-not-ines');
    await heading(intruder, 'Check your mail to finish signing in with single sign-on').waitFor();
    const link = mailedLink(ines.email);

    const own = await newPage();
    await own.goto(link);
    await own.getByRole('button', { name: 'Confirm and sign in' }).click();
    await own.getByText('Open this link in the browser where you started signing in').waitFor();
    await own.getByRole('button', { name: 'I did not try to sign in' }).click();
    await heading(own, 'Cancelled: nothing was linked').waitFor();
    await own.getByText('Tell your IT security team').waitFor();
    a11y['cancelled'] = await seriousA11yViolations(own);
    await screenshot(own, 'sso-09-cancelled');

    // The link is spent: not even the browser that asked for it can use it.
    const tab = await newTab(intruder);
    await tab.goto(link);
    await tab.getByRole('button', { name: 'Confirm and sign in' }).click();
    await tab.getByRole('alert').getByText('This link is invalid, already used or expired.').waitFor();
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM sso_identities WHERE person_id = $1`, [ines.id]);
    expect(n).toBe(0);
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
    expect(a11y).toEqual({ settings: [], login: [], 'check-mail': [], 'other-browser': [], cancelled: [] });
  });
});
