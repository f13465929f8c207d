/**
 * A rater from outside the organisation, in a real browser: the subject proposes three people by
 * name and email and HR approves them, each receives the link by mail (a test SMTP server), opens it without an account,
 * answers and sends; the link then opens nothing. Once the cycle is released, the subject's report
 * shows the external group. Screenshots go to tests/artifacts/screenshots/external-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns 'browser/external-raters\.'
 */
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { aCycle, aSubject, type TestCycle, type TestFrameworkVersion } from '../support/feedback-factories';
import { HttpClient } from '../support/http-client';
import { snapshotReports, theDefaultFramework } from '../support/report-factories';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';
import type { TestApp } from '../support/test-app';

jest.setTimeout(240_000);

describe('External raters in the browser', () => {
  let t: BrowserApp;
  let smtp: TestSmtpServer;
  let hr: TestPerson;
  let subject: TestPerson;
  let cycle: TestCycle;
  let version: TestFrameworkVersion;
  const asTestApp = (): TestApp => ({ app: t.app, db: t.db }) as TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startBrowserApp({ SMTP_URL: smtp.url });
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    hr = await aPerson(t.db, org.id, { name: 'Hana Okafor', role: 'admin', department: 'People' });
    subject = await aPerson(t.db, org.id, { name: 'Rosa Jiménez', department: 'Retail' });
    version = await theDefaultFramework(asTestApp(), org.id);
    cycle = await aCycle(t.db, org.id, version.id, { settings: { externalRatersAllowed: true, managerApprovesExternalRaters: true } });
    await aSubject(t.db, cycle, subject);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** Answers every statement of the page: the n-th option of each group, and one comment. */
  const answerAll = async (page: Page, option: string) => {
    const groups = page.locator('fieldset.external__statement');
    const count = await groups.count();
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio', { name: option, exact: true }).check();
    await page.getByRole('textbox').first().fill('Always explains the why to our volunteers.');
  };

  it('invite → mail → link → answer → send; the link is spent; the report shows the external group', async () => {
    const http = new HttpClient(t.app);
    await http.signInAs(hr);
    const proposer = new HttpClient(t.app);
    await proposer.signInAs(subject);
    const links: string[] = [];
    // The subject proposes, HR approves: only then do they count toward k (nobody chose them alone).
    for (const [i, name] of ['Kim Partner', 'Lee Volunteer', 'Max Customer'].entries()) {
      const email = `outside${i}@partner.example`;
      const res = await proposer.post(`/api/cycles/${cycle.id}/subjects/${subject.id}/external-raters`, { name, email });
      expect(res.status).toBe(201);
      expect((await http.post(`/api/external-raters/${res.body.id}/approve`)).status).toBe(200);
      const mail = (await smtp.waitFor(i + 1)).find((m) => m.to.includes(email))!;
      expect(mail.subject).toBe('Rosa Jiménez asks for your feedback');
      links.push(/(\/external\?token=[\w-]+)/.exec(mail.text)![1]);
    }

    const page = await t.newPage();
    await page.goto(links[0]);
    await page.getByRole('heading', { level: 1, name: 'Feedback for Rosa Jiménez' }).waitFor();
    // No account, no navigation: nothing of the app around the questionnaire, and the link is gone from the address bar.
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(page.url()).not.toContain('token=');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'external-01-questionnaire');
    // Sending with nothing answered says what is missing.
    await page.getByRole('button', { name: 'Send my feedback' }).click();
    await page.getByText(/statements are not answered yet/).waitFor();
    await answerAll(page, 'Often');
    await page.getByRole('button', { name: 'Save and finish later' }).click();
    await page.getByText(/Saved: \d+ of \d+ statements answered/).waitFor();
    await page.getByRole('button', { name: 'Send my feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await screenshot(page, 'external-02-thanks');

    // The same link again, in another browser: it opens nothing.
    const again = await t.newPage();
    await again.goto(links[0]);
    await again.getByRole('heading', { level: 1, name: 'This link does not open a questionnaire' }).waitFor();
    await screenshot(again, 'external-03-spent');

    for (const link of links.slice(1)) {
      const other = await t.newPage();
      await other.goto(link);
      await other.getByRole('heading', { level: 1, name: 'Feedback for Rosa Jiménez' }).waitFor();
      await answerAll(other, 'Very often');
      await other.getByRole('button', { name: 'Send my feedback' }).click();
      await other.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    }

    expect((await http.post(`/api/cycles/${cycle.id}/close`)).status).toBe(200);
    await snapshotReports(asTestApp(), cycle.organizationId, cycle.id);
    expect((await http.post(`/api/cycles/${cycle.id}/release`)).status).toBe(200);

    const reader = await t.newPage();
    await signIn(reader, subject, `/reports/cycles/${cycle.id}/subjects/${subject.id}`);
    await reader.getByText('External', { exact: true }).first().waitFor();
    await screenshot(reader, 'external-04-report');
  });
});
