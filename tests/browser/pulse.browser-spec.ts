/**
 * The follow-up pulse in the browser: Mo's plan (two behaviours) is on a report released ten weeks
 * ago, so the pulse he asks for starts at once; the start job asks his raters, who answer only the
 * plan's behaviours; Mo closes it and reads then vs now on his plan page.
 *
 *   npm run build && SCREENSHOTS=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns 'browser/pulse\.' -w 1
 */
import type { Page } from 'playwright-core';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import type { TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import { aReportCycle, aReportSubject, aResponse, snapshotReports, theDefaultFramework } from '../support/report-factories';
import type { TestApp } from '../support/test-app';
import { DESKTOP, screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(240_000);

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

describe('Follow-up pulse', () => {
  let t: BrowserApp;
  let mo: TestPerson;
  let raters: TestPerson[];
  let cycle: TestCycle;
  let version: TestFrameworkVersion;
  let chosen: { key: string; name: string }[];

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    await aPerson(t.db, org.id, { name: 'Hana Lindqvist', role: 'admin', department: 'People' });
    const maya = await aPerson(t.db, org.id, { name: 'Maya Okafor', title: 'Head of Collections', department: 'Collections' });
    mo = await aPerson(t.db, org.id, { name: 'Mo Abernathy', title: 'Registrar', department: 'Collections', managerId: maya.id });
    const asTestApp = { app: t.app, db: t.db } as TestApp;
    version = await theDefaultFramework(asTestApp, org.id);
    cycle = await aReportCycle(t.db, org.id, version.id, { state: 'released', name: 'Spring 2026', closedAt: new Date(Date.now() - 10 * WEEK_MS) });
    await aReportSubject(t.db, cycle, mo.id, { managerId: maya.id, department: 'Collections' });
    await aResponse(t.db, cycle, version, { subjectId: mo.id, raterId: mo.id, relationship: 'self', ratings: version.statementIds.map(() => 4) });
    raters = [];
    for (const name of ['Amara Nwosu', 'Ben Hargreaves', 'Chloé Martin', 'Dev Patel']) {
      const rater = await aPerson(t.db, org.id, { name, department: 'Collections' });
      raters.push(rater);
      await aResponse(t.db, cycle, version, { subjectId: mo.id, raterId: rater.id, relationship: 'peer', ratings: version.statementIds.map(() => 2) });
    }
    await snapshotReports(asTestApp, org.id, cycle.id);
    const names: { key: string; name: string }[] = await t.db.query(
      `SELECT key, name FROM behaviours WHERE framework_version_id = $1 ORDER BY position LIMIT 2`,
      [version.id],
    );
    chosen = names;
    await t.db.query(`INSERT INTO development_plans (organization_id, cycle_id, subject_id, items) VALUES ($1, $2, $3, $4::jsonb)`, [
      org.id,
      cycle.id,
      mo.id,
      JSON.stringify(chosen.map((b) => ({ behaviourKey: b.key, name: b.name, action: `Practise ${b.name} every week`, evidence: 'Colleagues notice' }))),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const pulseCard = (page: Page) => page.getByRole('region', { name: 'Follow-up pulse' });

  it('Mo asks for a pulse on his plan: its weeks have passed, so it starts at once', async () => {
    const page = await t.newPage(DESKTOP);
    await signIn(page, mo, `/reports/cycles/${cycle.id}/plan`);
    await page.getByRole('heading', { level: 1, name: 'Your development plan' }).waitFor();
    await pulseCard(page).getByText('Those weeks have passed: the pulse starts as soon as you ask.').waitFor();
    await pulseCard(page).getByRole('button', { name: 'Ask for a pulse' }).click();
    await pulseCard(page).getByText('Pulse asked').waitFor();
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await page.context().close();
    await expect(t.app.get(JobsService).runHeld(JOB_NAMES.pulseStart)).resolves.toBe(1);
  });

  it('his colleagues answer the plan’s behaviours only', async () => {
    for (const [i, rater] of raters.entries()) {
      const [{ id }]: { id: string }[] = await t.db.query(
        `SELECT fr.id FROM feedback_requests fr JOIN cycles c ON c.id = fr.cycle_id WHERE c.origin = 'pulse' AND fr.rater_id = $1`,
        [rater.id],
      );
      const page = await t.newPage(DESKTOP);
      await signIn(page, rater, `/feedback/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Feedback for Mo Abernathy' }).waitFor();
      const statements = page.locator('fieldset.statement');
      await statements.first().waitFor();
      const count = await statements.count();
      expect(count).toBe(version.behaviours.slice(0, 2).reduce((n, b) => n + b.statements.length, 0));
      for (let s = 0; s < count; s++)
        await statements
          .nth(s)
          .getByRole('radio', { name: i % 2 ? 'Very often' : 'Often', exact: true })
          .check();
      await page.getByRole('button', { name: 'Submit feedback' }).click();
      await page.getByText('Submitted — thank you').waitFor();
      await page.context().close();
    }
  });

  it('Mo closes the pulse and sees then vs now for each behaviour of his plan', async () => {
    const page = await t.newPage(DESKTOP);
    await signIn(page, mo, `/reports/cycles/${cycle.id}/plan`);
    await pulseCard(page).getByText('Collecting answers').waitFor();
    await pulseCard(page).getByRole('button', { name: 'Close the pulse and compare' }).click();
    await pulseCard(page).getByText('Answering has ended; then vs now is being worked out.').waitFor();
    await t.app.get(JobsService).runHeld(JOB_NAMES.reportsSnapshot);
    await page.reload();
    await pulseCard(page).getByText('Then vs now ready').waitFor();
    const table = pulseCard(page).getByRole('table');
    for (const b of chosen) await table.getByRole('row', { name: new RegExp(`^${b.name} 2\\.00 3\\.50 \\+1\\.50`) }).waitFor();
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'pulse-then-vs-now');
    await page.context().close();
  });
});
