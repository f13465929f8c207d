/**
 * Raters from outside the organisation, clicked through in a real browser: the subject proposes
 * three people by name and email on their requests page (and withdraws a fourth), their manager
 * approves them under Requests, each receives the link by mail (a test SMTP server), opens it
 * without an account, answers and sends; the link then opens nothing. Once the cycle is released,
 * the subject's report shows the External group. HR invites someone directly from the cycle's
 * subject view, sends a new link and revokes it. Screenshots go to tests/artifacts/screenshots/external-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns 'browser/external-raters\.'
 */
import type { Locator, Page } from 'playwright-core';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { aCycle, aSubject, type TestCycle, type TestFrameworkVersion } from '../support/feedback-factories';
import { HttpClient } from '../support/http-client';
import { snapshotReports, theDefaultFramework } from '../support/report-factories';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp';
import type { TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const linkIn = (mail: ReceivedMail): string => /(\/external\?token=[\w-]+)/.exec(mail.text)![1];

describe('External raters in the browser', () => {
  let t: BrowserApp;
  let smtp: TestSmtpServer;
  let hr: TestPerson;
  let manager: TestPerson;
  let subject: TestPerson;
  let cycle: TestCycle;
  let version: TestFrameworkVersion;
  const asTestApp = (): TestApp => ({ app: t.app, db: t.db }) as TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startBrowserApp({ SMTP_URL: smtp.url });
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    hr = await aPerson(t.db, org.id, { name: 'Hana Okafor', role: 'admin', department: 'People' });
    manager = await aPerson(t.db, org.id, { name: 'Mateo Silva', department: 'Retail' });
    subject = await aPerson(t.db, org.id, { name: 'Rosa Jiménez', department: 'Retail', managerId: manager.id });
    version = await theDefaultFramework(asTestApp(), org.id);
    cycle = await aCycle(t.db, org.id, version.id, {
      name: 'Autumn 2026',
      settings: { externalRatersAllowed: true, managerApprovesExternalRaters: true },
    });
    await aSubject(t.db, cycle, subject);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const card = (page: Page): Locator => page.getByRole('region', { name: 'Raters from outside the organisation' });
  const row = (page: Page, name: string): Locator => card(page).getByRole('listitem').filter({ hasText: name });

  /** Fills the "Someone outside the organisation" form and sends it. */
  const inviteOutside = async (page: Page, name: string, email: string, button: string) => {
    const form = page.getByRole('form', { name: 'Someone outside the organisation' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: button }).click();
    await row(page, name).waitFor();
    // The form empties for the next one.
    await page.waitForFunction(`document.querySelector('input[name="external-name"]')?.value === ''`);
  };

  /** Answers every statement of the page: the n-th option of each group, and one comment. */
  const answerAll = async (page: Page, option: string) => {
    const groups = page.locator('fieldset.external__statement');
    const count = await groups.count();
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio', { name: option, exact: true }).check();
    await page.getByRole('textbox').first().fill('Always explains the why to our volunteers.');
  };

  it('the subject proposes → the manager approves → the mail link → the external rater answers → the report shows External', async () => {
    // The subject, on their requests page: the rule is explained where they invite.
    const rosa = await t.newPage();
    await signIn(rosa, subject, '/requests');
    await rosa.getByRole('link', { name: /in Autumn 2026/ }).click();
    await card(rosa).waitFor();
    await card(rosa)
      .getByText(/People you invite directly help your report only once someone else approves them: your manager approves each person/)
      .waitFor();
    await card(rosa).getByText('You have not invited anyone from outside yet.').waitFor();

    const outsiders = [
      { name: 'Kim Partner', email: 'kim@partner.example' },
      { name: 'Lee Volunteer', email: 'lee@volunteers.example' },
      { name: 'Max Customer', email: 'max@customer.example' },
    ];
    for (const o of outsiders) await inviteOutside(rosa, o.name, o.email, 'Propose for approval');
    // A wrong address is refused in words, beside the field.
    const form = rosa.getByRole('form', { name: 'Someone outside the organisation' });
    await form.getByLabel('Name').fill('Typo Person');
    await form.getByLabel('Email').fill('not-an-address');
    await form.getByRole('button', { name: 'Propose for approval' }).click();
    await form.getByText('Email must be a valid email address').waitFor();
    // A fourth, proposed and withdrawn again.
    await inviteOutside(rosa, 'Noor Second-thoughts', 'noor@elsewhere.example', 'Propose for approval');
    await row(rosa, 'Noor Second-thoughts').getByRole('button', { name: 'Withdraw Noor Second-thoughts' }).click();
    await rosa.getByRole('dialog', { name: 'Withdraw Noor Second-thoughts?' }).getByRole('button', { name: 'Withdraw' }).click();
    await row(rosa, 'Noor Second-thoughts').getByText('Revoked').waitFor();
    for (const o of outsiders) await row(rosa, o.name).getByText('Waiting for approval').waitFor();
    expect(smtp.messages).toHaveLength(0);
    expect(await seriousA11yViolations(rosa)).toEqual([]);
    await screenshot(rosa, 'external-01-subject-proposes');

    // The manager is told on Home, and approves under Requests.
    const mateo = await t.newPage();
    await signIn(mateo, manager, '/');
    await mateo.getByText('3 people from outside the organisation waiting for your approval').waitFor();
    await mateo.goto('/requests');
    const waiting = mateo.getByRole('region', { name: /From outside the organisation, waiting for your approval/ });
    await waiting.waitFor();
    for (const o of outsiders) await waiting.getByRole('listitem').filter({ hasText: o.name }).waitFor();
    expect(await waiting.getByText('Noor Second-thoughts').count()).toBe(0);
    expect(await seriousA11yViolations(mateo)).toEqual([]);
    await screenshot(mateo, 'external-02-manager-approves');
    for (const [i, o] of outsiders.entries()) {
      await waiting.getByRole('button', { name: `Approve ${o.name} for Rosa Jiménez` }).click();
      await mateo.getByText(`Approved: a link was mailed to ${o.name}`).waitFor();
      await smtp.waitFor(i + 1);
    }
    await waiting.waitFor({ state: 'detached' });

    // The subject sees that a link went out, never whether anyone answered.
    await rosa.reload();
    for (const o of outsiders) await row(rosa, o.name).getByText('Link sent').waitFor();

    const links = outsiders.map((o) => {
      const mail = smtp.messages.find((m) => m.to.includes(o.email))!;
      expect(mail.subject).toBe('Rosa Jiménez asks for your feedback');
      return linkIn(mail);
    });

    const page = await t.newPage();
    await page.goto(links[0]);
    await page.getByRole('heading', { level: 1, name: 'Feedback for Rosa Jiménez' }).waitFor();
    // No account, no navigation: nothing of the app around the questionnaire, and the link is gone from the address bar.
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(page.url()).not.toContain('token=');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'external-03-questionnaire');
    // Sending with nothing answered says what is missing.
    await page.getByRole('button', { name: 'Send my feedback' }).click();
    await page.getByText(/statements are not answered yet/).waitFor();
    await answerAll(page, 'Often');
    await page.getByRole('button', { name: 'Save and finish later' }).click();
    await page.getByText(/Saved: \d+ of \d+ statements answered/).waitFor();
    await page.getByRole('button', { name: 'Send my feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await screenshot(page, 'external-04-thanks');

    // The same link again, in another browser: it opens nothing.
    const again = await t.newPage();
    await again.goto(links[0]);
    await again.getByRole('heading', { level: 1, name: 'This link does not open a questionnaire' }).waitFor();

    for (const link of links.slice(1)) {
      const other = await t.newPage();
      await other.goto(link);
      await other.getByRole('heading', { level: 1, name: 'Feedback for Rosa Jiménez' }).waitFor();
      await answerAll(other, 'Very often');
      await other.getByRole('button', { name: 'Send my feedback' }).click();
      await other.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    }

    // Answered or not, the subject's list reads the same.
    await rosa.reload();
    for (const o of outsiders) await row(rosa, o.name).getByText('Link sent').waitFor();

    const http = new HttpClient(t.app);
    await http.signInAs(hr);
    expect((await http.post(`/api/cycles/${cycle.id}/close`)).status).toBe(200);
    await snapshotReports(asTestApp(), cycle.organizationId, cycle.id);
    expect((await http.post(`/api/cycles/${cycle.id}/release`)).status).toBe(200);

    const reader = await t.newPage();
    await signIn(reader, subject, `/reports/cycles/${cycle.id}/subjects/${subject.id}`);
    await reader.getByText('External', { exact: true }).first().waitFor();
    await screenshot(reader, 'external-05-report');
  });

  it('HR invites directly from the cycle’s subject view, sends a new link and revokes', async () => {
    const second = await aCycle(t.db, cycle.organizationId, version.id, {
      name: 'Spring 2027',
      settings: { externalRatersAllowed: true, managerApprovesExternalRaters: true },
    });
    await aSubject(t.db, second, subject);
    smtp.clear();

    const hana = await t.newPage();
    await signIn(hana, hr, `/cycles/${second.id}`);
    await hana.getByRole('link', { name: 'Rosa Jiménez' }).first().click();
    await card(hana).waitFor();
    await card(hana)
      .getByText(/People HR invites count in the averages but never toward the minimum of 3 raters, because HR reads the report/)
      .waitFor();

    await inviteOutside(hana, 'Dee Direct', 'dee@board.example', 'Send invitation');
    await row(hana, 'Dee Direct').getByText('Link sent').waitFor();
    await row(hana, 'Dee Direct').getByText('Invited by HR', { exact: false }).waitFor();
    const [first] = await smtp.waitFor(1);
    expect(first.to).toContain('dee@board.example');

    await row(hana, 'Dee Direct').getByRole('button', { name: 'Send a new link to Dee Direct' }).click();
    await hana.getByText('A new link was mailed to Dee Direct; the old one no longer works').waitFor();
    const mails = await smtp.waitFor(2);
    expect(linkIn(mails[1])).not.toBe(linkIn(mails[0]));
    // The first link is spent by the new one.
    const stale = await t.newPage();
    await stale.goto(linkIn(mails[0]));
    await stale.getByRole('heading', { level: 1, name: 'This link does not open a questionnaire' }).waitFor();

    expect(await seriousA11yViolations(hana)).toEqual([]);
    await screenshot(hana, 'external-06-hr-invites');

    // The subject sees whom HR invited, and can neither send them a new link nor revoke them.
    const rosa = await t.newPage();
    await signIn(rosa, subject, '/requests');
    await rosa.getByRole('link', { name: /in Spring 2027/ }).click();
    await row(rosa, 'Dee Direct').getByText('Invited by HR', { exact: false }).waitFor();
    expect(await row(rosa, 'Dee Direct').getByRole('button').count()).toBe(0);

    await row(hana, 'Dee Direct').getByRole('button', { name: 'Revoke Dee Direct' }).click();
    const dialog = hana.getByRole('dialog', { name: 'Revoke Dee Direct’s invitation?' });
    await dialog.getByText(/Nobody is told whether they had answered/).waitFor();
    expect(await seriousA11yViolations(hana)).toEqual([]);
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await row(hana, 'Dee Direct').getByText('Revoked').waitFor();
    expect(await row(hana, 'Dee Direct').getByRole('button').count()).toBe(0);

    // The new link opens nothing either.
    const revoked = await t.newPage();
    await revoked.goto(linkIn(mails[1]));
    await revoked.getByRole('heading', { level: 1, name: 'This link does not open a questionnaire' }).waitFor();
  });

  it('in German: HR reads the card in German and invites a German-speaking rater, whose mail and page are German and can switch to English', async () => {
    const third = await aCycle(t.db, cycle.organizationId, version.id, {
      name: 'Winter 2027',
      settings: { externalRatersAllowed: true, managerApprovesExternalRaters: true },
    });
    await aSubject(t.db, third, subject);
    smtp.clear();
    const http = new HttpClient(t.app);
    await http.signInAs(hr);
    expect((await http.put('/api/auth/me/language', { language: 'de' })).status).toBe(200);
    const htmlLang = (page: Page) => page.evaluate<string>('document.documentElement.lang');

    const hana = await t.newPage();
    await signIn(hana, hr, `/cycles/${third.id}/subjects/${subject.id}/requests`);
    const german = hana.getByRole('region', { name: 'Bewertende außerhalb der Organisation' });
    await german.waitFor();
    expect(await htmlLang(hana)).toBe('de');
    await german.getByText(/Von HR eingeladene Personen fließen in die Durchschnitte ein/).waitFor();
    await german.getByText('Es wurde noch niemand von außerhalb eingeladen.').waitFor();
    const form = hana.getByRole('form', { name: 'Jemand außerhalb der Organisation' });
    await form.getByLabel('Name').fill('Jonas Kunde');
    await form.getByLabel('E-Mail').fill('jonas@kunde.example');
    await form.getByLabel('Sprache der Einladung').selectOption('de');
    expect(await seriousA11yViolations(hana)).toEqual([]);
    await screenshot(hana, 'external-07-hr-invites-german');
    await form.getByRole('button', { name: 'Einladung senden' }).click();
    await german.getByRole('listitem').filter({ hasText: 'Jonas Kunde' }).getByText('Link gesendet').waitFor();
    await hana.getByText('Eingeladen: Ein Link wurde an jonas@kunde.example gesendet').waitFor();
    await german.getByRole('button', { name: /^Widerrufen.*Einladung von Jonas Kunde/ }).waitFor();

    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe('Rosa Jiménez bittet Sie um Feedback');
    const page = await t.newPage();
    await page.goto(linkIn(mail));
    await page.getByRole('heading', { level: 1, name: 'Feedback für Rosa Jiménez' }).waitFor();
    expect(await htmlLang(page)).toBe('de');
    await page.getByRole('heading', { level: 2, name: 'Zuhören' }).waitFor();
    await page.getByText('Lässt andere ausreden, bevor selbst geantwortet wird.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'external-08-questionnaire-german');

    // The rater switches to English: the same statements, in English, and their choices stay.
    await page.locator('fieldset.external__statement').first().getByRole('radio', { name: 'Oft', exact: true }).check();
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Feedback for Rosa Jiménez' }).waitFor();
    await page.getByText('Lets others finish what they are saying before replying.').waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await page.locator('fieldset.external__statement').first().getByRole('radio', { name: 'Often', exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Feedback für Rosa Jiménez' }).waitFor();

    await page.getByRole('button', { name: 'Feedback senden' }).click();
    await page.getByText(/Aussagen sind noch nicht beantwortet/).waitFor();
    await answerAll(page, 'Oft');
    await page.getByRole('button', { name: 'Speichern und später fortsetzen' }).click();
    await page.getByText(/Gespeichert: \d+ von \d+ Aussagen beantwortet/).waitFor();
    await page.getByRole('button', { name: 'Feedback senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vielen Dank' }).waitFor();
    expect((await http.put('/api/auth/me/language', { language: null })).status).toBe(200);
  });
});
