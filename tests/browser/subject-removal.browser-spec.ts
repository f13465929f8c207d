/**
 * A subject removed with their leaving, in a real browser: HR reads both choices in the deactivate
 * dialog and picks "remove"; a rater who had started a draft about them sees the request as
 * withdrawn with its reason in My feedback, and can still read (not edit) their own draft.
 * Screenshots go to tests/artifacts/screenshots/subject-removal-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns 'browser/subject-removal'
 */
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { aCycle, aFrameworkVersion, aRequest, aSubject } from '../support/feedback-factories';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(180_000);

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('A withdrawn request with a draft, in the browser', () => {
  let t: BrowserApp;
  let hana: TestPerson;
  let lena: TestPerson;
  let rui: TestPerson;
  let requestId: string;
  const comment = 'She always asks the quiet people first in the Monday meeting.';

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', role: 'admin', department: 'People' });
    lena = await aPerson(t.db, org.id, { name: 'Lena Lindqvist', department: 'Retail' });
    rui = await aPerson(t.db, org.id, { name: 'Rui Costa', department: 'Retail' });
    const version = await aFrameworkVersion(t.db, org.id);
    const cycle = await aCycle(t.db, org.id, version.id, { state: 'collecting', name: 'Spring 360' });
    await aSubject(t.db, cycle, lena);
    requestId = await aRequest(t.db, cycle, { subjectId: lena.id, raterId: rui.id, state: 'in_progress' });
    const draft = {
      answers: version.statementIds.slice(0, 3).map((questionId, i) => ({ questionId, rating: i === 2 ? null : i + 3 })),
      comments: [{ questionId: version.openQuestionIds[0], text: comment }],
    };
    await t.db.query(`INSERT INTO responses (request_id, organization_id, cycle_id, draft) VALUES ($1, $2, $3, $4)`, [
      requestId,
      org.id,
      cycle.id,
      JSON.stringify(draft),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('HR removes the leaver; the rater sees the request withdrawn and reads their draft, read-only', async () => {
    const hr = await t.newPage();
    await signIn(hr, hana, `/people/${lena.id}`);
    await heading(hr, 'Lena Lindqvist').waitFor();
    // Both choices are explained in words, inside their radio's label (its accessible name).
    await hr.getByRole('radio', { name: /^Keep them.*the report is made when the cycle closes/ }).waitFor();
    await hr.getByRole('radio', { name: /^Remove them from those cycles.*draft.*will not be used/ }).check();
    await screenshot(hr, 'subject-removal-01-deactivate-choices');
    expect(await seriousA11yViolations(hr)).toEqual([]);
    await hr.getByRole('button', { name: 'Deactivate Lena Lindqvist' }).click();
    await hr.getByRole('heading', { name: 'Left the organisation' }).waitFor();

    const rater = await t.newPage();
    await signIn(rater, rui, '/feedback');
    const task = rater.locator(`[data-task="${requestId}"]`);
    await task.locator('.task__state', { hasText: 'Withdrawn' }).waitFor();
    await task.getByText(/no longer part of this cycle/).waitFor();
    expect(await task.getByRole('button', { name: /Decline/ }).count()).toBe(0);
    await screenshot(rater, 'subject-removal-02-my-feedback');
    expect(await seriousA11yViolations(rater)).toEqual([]);

    await task.getByRole('link', { name: 'Read your draft for Lena Lindqvist' }).click();
    await rater.getByText('This request was withdrawn', { exact: true }).waitFor();
    await rater.getByText(/Copy anything you want to keep/).waitFor();
    await rater.getByText(comment).waitFor();
    // Read-only: no field to type in, no submit button.
    expect(await rater.getByRole('textbox').count()).toBe(0);
    expect(await rater.getByRole('button', { name: /Submit/ }).count()).toBe(0);
    await screenshot(rater, 'subject-removal-03-withdrawn-draft');
    expect(await seriousA11yViolations(rater)).toEqual([]);
  });
});
