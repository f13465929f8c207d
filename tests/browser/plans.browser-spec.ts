/**
 * Development plans in the browser: from the released report, "Make a plan" opens the plan page
 * with the report's suggestions; the subject writes a plan and shares it with their manager, who
 * reads it with its conversation guide; HR sees counts only, per department.
 *
 *   npm run build && SCREENSHOTS=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns 'browser/plans\.' -w 1
 */
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import type { TestCycle } from '../support/feedback-factories';
import { aReportCycle, aReportSubject, aResponse, snapshotReports, theDefaultFramework } from '../support/report-factories';
import type { TestApp } from '../support/test-app';
import { DESKTOP, PHONE, screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(180_000);

describe('Development plans', () => {
  let t: BrowserApp;
  let mo: TestPerson;
  let maya: TestPerson;
  let hr: TestPerson;
  let cycle: TestCycle;

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    hr = await aPerson(t.db, org.id, { name: 'Hana Lindqvist', role: 'admin', department: 'People' });
    maya = await aPerson(t.db, org.id, { name: 'Maya Okafor', title: 'Head of Collections', department: 'Collections' });
    mo = await aPerson(t.db, org.id, { name: 'Mo Abernathy', title: 'Registrar', department: 'Collections', managerId: maya.id });
    const asTestApp = { app: t.app, db: t.db } as TestApp;
    const version = await theDefaultFramework(asTestApp, org.id);
    cycle = await aReportCycle(t.db, org.id, version.id, { state: 'released', name: 'Spring 2026' });
    await aReportSubject(t.db, cycle, mo.id, { managerId: maya.id, department: 'Collections' });
    const n = version.statementIds.length;
    // Colleagues rate the first behaviours low and the last high; Mo rates everything 4 (blind spots on the low ones).
    const by = (i: number, shift: number) => Math.max(1, Math.min(5, Math.round(2 + (i / n) * 3 + shift)));
    await aResponse(t.db, cycle, version, { subjectId: mo.id, raterId: mo.id, relationship: 'self', ratings: version.statementIds.map(() => 4) });
    await aResponse(t.db, cycle, version, {
      subjectId: mo.id,
      raterId: maya.id,
      relationship: 'manager',
      ratings: version.statementIds.map((_, i) => by(i, 0)),
    });
    for (let p = 0; p < 4; p++) {
      const peer = await aPerson(t.db, org.id, { withLogin: false });
      await aResponse(t.db, cycle, version, {
        subjectId: mo.id,
        raterId: peer.id,
        relationship: 'peer',
        ratings: version.statementIds.map((_, i) => by(i, p % 2 ? 0.4 : -0.3)),
      });
      // Each of them turns to Mo for advice (outside their line).
      await t.db.query(`INSERT INTO followership_nominations (organization_id, cycle_id, nominator_id, nominee_id) VALUES ($1, $2, $3, $4)`, [
        org.id,
        cycle.id,
        peer.id,
        mo.id,
      ]);
    }
    await snapshotReports(asTestApp, org.id, cycle.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('from the report, Mo makes a plan from its suggestions and shares it with Maya', async () => {
    const page = await t.newPage(DESKTOP);
    await signIn(page, mo, `/reports/cycles/${cycle.id}/subjects/${mo.id}`);
    await page.getByRole('heading', { level: 1, name: 'Mo Abernathy' }).waitFor();
    await page.getByText('4 colleagues outside your reporting line named you as someone they turn to for advice or support.').waitFor();
    await screenshot(page, 'plans-report-link', { fullPage: false });
    await page.getByRole('link', { name: 'Make a plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your development plan' }).waitFor();

    const suggestions = page.getByRole('region', { name: 'What your report suggests' });
    const firstAdd = suggestions.getByRole('button', { name: /^Add to plan: / }).first();
    await firstAdd.waitFor();
    await firstAdd.click();
    await page.getByLabel('What will you do differently?').fill('Ask each person for their view before giving mine in the Monday meeting.');
    await page.getByLabel('How will you know it is working?').fill('Two new voices speak first each week.');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText('Plan saved').waitFor();
    await page.getByRole('button', { name: 'Share with Maya Okafor' }).click();
    await page.getByText(/Shared with/).waitFor();
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'plans-plan-page');
    await page.context().close();
  });

  it('Maya reads the shared plan with its conversation guide, also on a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await t.newPage(viewport);
      await signIn(page, maya, '/plans/shared');
      await page.getByRole('heading', { level: 1, name: 'Plans shared with you' }).waitFor();
      const guide = page.getByRole('region', { name: 'Conversation guide' });
      await guide.getByText('What stood out for you in your report, and what surprised you?').waitFor();
      await page.getByText('Ask each person for their view before giving mine in the Monday meeting.', { exact: true }).waitFor();
      await expect(seriousA11yViolations(page)).resolves.toEqual([]);
      await screenshot(page, `plans-shared-${viewport.width}`);
      await page.context().close();
    }
  });

  it('HR sees counts per department only, and nobody else reaches Mo’s plan page', async () => {
    const page = await t.newPage(DESKTOP);
    await signIn(page, hr, `/cycles/${cycle.id}/plans`);
    await page.getByRole('heading', { name: 'Development plans' }).waitFor();
    await page.getByRole('table', { name: 'Colleagues who named each person' }).waitFor();
    await expect(page.getByText('Ask each person for their view').count()).resolves.toBe(0);
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'plans-hr-counts');
    await page.goto(`/reports/cycles/${cycle.id}/plan`);
    await page.getByRole('heading', { level: 1, name: /not found/i }).waitFor();
    await page.context().close();
  });
});
