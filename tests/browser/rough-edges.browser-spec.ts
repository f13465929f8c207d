/**
 * Journeys without rough edges (issue 11, item 5), in a real browser at 1366×900 and 390×844:
 * unsaved answers survive failing saves and a reload (kept in this browser only, dropped at
 * sign-out), leaving is warned of, an all-"Not observed" response is confirmed, the next request
 * is offered after a submit; the phone's scale stays one line; Home counts only cycles still open
 * to nominations; HR's top bar never overlaps; the import preview counts rows and marks problem
 * rows; the active cycle tab is in sight on a phone; the colleague picker suggests and says how
 * many more; the audit trail names, filters and exports; no console errors. Axe on every page;
 * screenshots in tests/artifacts/screenshots/rough-*.png.
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns rough-edges
 */
import type { ConsoleMessage, Locator, Page } from 'playwright-core';
import { inDays } from '../support/cycle-factories';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { aCycle, aFrameworkVersion, aRequest, aSubject, draftOf, stateOf, type TestCycle, type TestFrameworkVersion } from '../support/feedback-factories';
import { screenshot as saveScreenshot, seriousA11yViolations, signIn, startBrowserApp, topBarProblems, type BrowserApp } from '../support/browser';

jest.setTimeout(180_000);

const DESK = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const KEPT = 'ripple.unsaved-answers.';

interface Cast {
  hana: TestPerson; // HR, with a long name
  maya: TestPerson; // manages Mo and Cora
  mo: TestPerson; // subject of the spring cycle, whose nominations have closed
  cora: TestPerson; // subject of the autumn cycle, still nominating
  amara: TestPerson; // rates Mo and Cora
}

async function seed(t: BrowserApp): Promise<{ cast: Cast; version: TestFrameworkVersion; spring: TestCycle; autumn: TestCycle; closed: TestCycle }> {
  const org = await anOrganization(t.db, { name: 'Harbour Museum of Maritime History' });
  const person = (name: string, extra: Parameters<typeof aPerson>[2] = {}) =>
    aPerson(t.db, org.id, { name, title: 'Curator', department: 'Collections', ...extra });
  const hana = await person('Henrietta Okafor-Featherstonehaugh', { role: 'admin', title: 'HR Lead', department: 'People' });
  const maya = await person('Maya Lindqvist');
  const mo = await person('Mo Abernathy', { managerId: maya.id });
  const cora = await person('Cora Whitfield', { managerId: maya.id });
  const amara = await person('Amara Nwosu', { department: 'Exhibitions' });
  // Enough colleagues that the picker cannot list everyone at once.
  for (let i = 0; i < 24; i++) await person(`Zed Colleague ${String(i + 1).padStart(2, '0')}`, { withLogin: false, department: 'Learning' });
  const version = await aFrameworkVersion(t.db, org.id, { behaviours: 2, statements: 2, openQuestions: 1 });
  // Spring: answers are collected; nominations closed yesterday.
  const spring = await aCycle(t.db, org.id, version.id, {
    name: 'Spring 2026',
    state: 'collecting',
    settings: { nominationDeadline: new Date(inDays(-1)), responseDeadline: new Date(inDays(7)) },
  });
  for (const p of [mo, cora]) await aSubject(t.db, spring, p);
  // Autumn: Cora can still choose peers.
  const autumn = await aCycle(t.db, org.id, version.id, {
    name: 'Autumn 2026',
    state: 'nominating',
    settings: { nominationDeadline: new Date(inDays(5)), responseDeadline: new Date(inDays(12)) },
  });
  await aSubject(t.db, autumn, cora);
  const closed = await aCycle(t.db, org.id, version.id, { name: 'Winter 2025', state: 'closed' });
  await aSubject(t.db, closed, mo);
  return { cast: { hana, maya, mo, cora, amara }, version, spring, autumn, closed };
}

/** A whole-page picture is taken from the top, so the sticky bars are not painted over the middle. */
async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (options.fullPage !== false) await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name, options);
}

const keptKeys = (page: Page) => page.evaluate<string[]>(`Object.keys(localStorage).filter((k) => k.startsWith('${KEPT}')).sort()`);
const statements = (page: Page) => page.locator('fieldset.statement');
const radio = (statement: Locator, label: string) => statement.getByRole('radio', { name: label, exact: true });

/** Console errors and warnings of a page, less the ones a test expects (failed saves it caused on purpose). */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  return problems;
}

describe('Journeys without rough edges', () => {
  let t: BrowserApp;
  let cast: Cast;
  let spring: TestCycle;
  let autumn: TestCycle;
  let closed: TestCycle;
  let toMo: string;
  let toCora: string;
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };

  beforeAll(async () => {
    t = await startBrowserApp();
    ({ cast, spring, autumn, closed } = await seed(t));
    toMo = await aRequest(t.db, spring, { subjectId: cast.mo.id, raterId: cast.amara.id });
    toCora = await aRequest(t.db, spring, { subjectId: cast.cora.id, raterId: cast.amara.id });
  });
  afterAll(() => t?.close());

  it('keeps unsaved answers in the browser while saves fail, warns before leaving, and brings them back', async () => {
    const page = await t.newPage(DESK);
    const problems = consoleProblems(page);
    await signIn(page, cast.amara, `/feedback/${toMo}`);
    await page.getByRole('heading', { level: 1, name: 'Feedback for Mo Abernathy' }).waitFor();
    const progress = page.locator('progress.q-status__bar');
    await expect(progress.getAttribute('aria-valuetext')).resolves.toBe('0 of 4 statements answered');
    await expect(progress.getAttribute('aria-valuemax')).resolves.toBe('4');

    // Someone else's kept answers on this browser are dropped as soon as Amara is signed in.
    await page.evaluate(`localStorage.setItem('${KEPT}${cast.mo.id}.${toCora}', '{"body":{"answers":[]},"savedAt":null}')`);
    await page.reload();
    await statements(page).first().waitFor();
    await expect(keptKeys(page)).resolves.toEqual([]);

    // Every save fails: the answer is kept in this browser, and said to be.
    await page.route('**/api/feedback-requests/*/draft', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"statusCode":503}' }),
    );
    await radio(statements(page).nth(0), 'Often').check();
    await page.getByText('Couldn’t save — retrying').waitFor();
    await page.getByText('Your latest answers are not saved yet').first().waitFor();
    await expect(keptKeys(page)).resolves.toEqual([`${KEPT}${cast.amara.id}.${toMo}`]);
    await expect(progress.getAttribute('aria-valuetext')).resolves.toBe('1 of 4 statements answered');
    await audit(page, 'questionnaire-retrying');
    await screenshot(page, 'rough-01-questionnaire-retrying', { fullPage: false });

    // Leaving for another page asks first; staying keeps the page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My feedback' }).click();
    const leave = page.getByRole('dialog', { name: 'Your latest answers are not saved yet' });
    await leave.waitFor();
    await audit(page, 'questionnaire-leave-dialog');
    await screenshot(page, 'rough-02-leave-dialog', { fullPage: false });
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    // The dialog closes on the next render, not within the click: wait for it rather than sample once.
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/feedback/${toMo}`);

    // Reloading the tab is asked about by the browser; the answers come back from this browser.
    const unloadDialogs: string[] = [];
    page.on('dialog', (dialog) => {
      unloadDialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(unloadDialogs).toEqual(['beforeunload']);
    await page.getByText('Answers brought back from this browser').waitFor();
    await expect(radio(statements(page).nth(0), 'Often').isChecked()).resolves.toBe(true);
    expect(await draftOf(t.db, toMo)).toBeNull();

    // Saving works again: the restored answer reaches the server, and the browser's copy goes.
    await page.unroute('**/api/feedback-requests/*/draft');
    await page
      .locator('.q-status__save')
      .getByText(/Saved \d/)
      .waitFor();
    await page.waitForFunction(`!Object.keys(localStorage).some((k) => k.startsWith('${KEPT}'))`);
    expect(JSON.stringify(await draftOf(t.db, toMo))).toContain('"rating":3');
    await screenshot(page, 'rough-03-restored-and-saved', { fullPage: false });

    // Failed saves are expected here; nothing else may be logged.
    expect(problems.filter((p) => !/503|Service Unavailable/.test(p))).toEqual([]);
    await page.context().close();
  });

  it('asks before submitting only "Not observed" without a word, then offers the next request', async () => {
    const page = await t.newPage(DESK);
    await signIn(page, cast.amara, `/feedback/${toMo}`);
    await statements(page).first().waitFor();
    const count = await statements(page).count();
    for (let i = 0; i < count; i++) await radio(statements(page).nth(i), 'Not observed').check();
    await page.getByRole('button', { name: 'Submit feedback' }).click();
    const confirm = page.getByRole('dialog', { name: 'Submit without any rating?' });
    await confirm.getByText(/Every statement is marked Not observed and there is no comment/).waitFor();
    await audit(page, 'questionnaire-nothing-observed');
    await screenshot(page, 'rough-04-nothing-observed', { fullPage: false });
    await confirm.getByRole('button', { name: 'Go back to the questions' }).click();
    await expect(stateOf(t.db, toMo)).resolves.not.toBe('submitted');

    await page.getByRole('button', { name: 'Submit feedback' }).click();
    await confirm.getByRole('button', { name: 'Submit anyway' }).click();
    await page.getByText('Submitted — thank you').waitFor();
    await expect(stateOf(t.db, toMo)).resolves.toBe('submitted');
    await expect(keptKeys(page)).resolves.toEqual([]);
    const next = page.getByRole('link', { name: 'Next: Cora Whitfield' });
    await next.waitFor();
    await audit(page, 'questionnaire-submitted');
    await screenshot(page, 'rough-05-submitted-next', { fullPage: false });
    await next.click();
    await page.getByRole('heading', { level: 1, name: 'Feedback for Cora Whitfield' }).waitFor();

    // Sign-out leaves no answers behind on this computer.
    await page.evaluate(`localStorage.setItem('${KEPT}${cast.amara.id}.${toCora}', '{"body":{"answers":[]},"savedAt":null}')`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await expect(keptKeys(page)).resolves.toEqual([]);
    await page.context().close();
  });

  it('keeps the five points of the scale on one line, lowest to highest, on a phone', async () => {
    const page = await t.newPage(PHONE);
    await signIn(page, cast.amara, `/feedback/${toCora}`);
    const first = statements(page).first();
    await first.waitFor();
    const boxes = await page.evaluate<{ x: number; y: number }[]>(
      `[...document.querySelector('fieldset.statement').querySelectorAll('.scale__option')].map((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y }; })`,
    );
    expect(boxes).toHaveLength(6);
    const points = boxes.slice(0, 5);
    expect(new Set(points.map((b) => Math.round(b.y))).size).toBe(1);
    for (let i = 1; i < points.length; i++) expect(points[i].x).toBeGreaterThan(points[i - 1].x);
    // Not observed on its own line below them.
    expect(boxes[5].y).toBeGreaterThan(points[0].y);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    await audit(page, 'questionnaire-phone');
    await first.scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, 200)');
    await screenshot(page, 'rough-06-scale-phone', { fullPage: false });
    await page.context().close();
  });

  it('Home counts only cycles open to nominations, and says nothing of "once HR starts a cycle" while one runs', async () => {
    for (const viewport of [DESK, PHONE]) {
      const page = await t.newPage(viewport);
      const problems = consoleProblems(page);
      // Signed out first: no 401 and no router warning in the console.
      await page.goto('/login');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await signIn(page, cast.mo);
      const needs = page.getByRole('region', { name: 'What needs you' });
      await needs
        .getByText(/Nothing right now|waiting/)
        .first()
        .waitFor();
      await expect(needs.getByText(/reviewing you/).count()).resolves.toBe(0);
      await expect(page.getByText('once HR starts a cycle').count()).resolves.toBe(0);
      await expect(page.getByText('once you take part in a cycle').count()).resolves.toBe(0);
      await audit(page, `home-${viewport.width}`);
      await screenshot(page, `rough-07-home-${viewport.width}`);
      expect(problems).toEqual([]);
      await page.context().close();
    }
    // Cora's autumn cycle still takes nominations: it is counted.
    const page = await t.newPage(DESK);
    await signIn(page, cast.cora);
    await page.getByRole('region', { name: 'What needs you' }).getByText('1 cycle reviewing you — choose who gives you feedback').waitFor();
    await page.context().close();
  });

  it("never lets HR's top bar overlap, at 1366 px and narrower", async () => {
    for (const width of [1366, 1280, 1100]) {
      const page = await t.newPage({ width, height: 900 });
      await signIn(page, cast.hana);
      // Every entry in the bar, clear of the person and sign-out, or all of them folded into Menu.
      await page
        .getByRole('button', { name: 'Admin' })
        .or(page.getByRole('button', { name: 'Menu' }))
        .waitFor();
      expect({ width, problems: await topBarProblems(page) }).toEqual({ width, problems: [] });
      if (width === 1366) {
        await audit(page, 'topbar-1366');
        await screenshot(page, 'rough-08-topbar-1366', { fullPage: false });
      }
      await page.context().close();
    }
  });

  it('previews an import with the rows it read and marks a row with a problem as such, never as new', async () => {
    const page = await t.newPage(DESK);
    await signIn(page, cast.hana, '/people/import');
    const csv = 'email,name,manager_email\nnew.one@harbour.example,New One,\nbroken@harbour.example,Broken Row,nobody@harbour.example\n';
    await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Selected:').waitFor();
    await expect(page.locator('.import-source__file').textContent()).resolves.toBe('Selected: people.csv');
    await page.getByRole('button', { name: 'Check file' }).click();
    const preview = page.locator('.import-preview');
    await preview.getByText('2 rows read from people.csv.').waitFor();
    const broken = page.getByRole('table', { name: 'Changes in the file' }).getByRole('row', { name: /Broken Row/ });
    await broken.locator('.badge', { hasText: 'Problem' }).waitFor();
    await expect(broken.locator('.badge', { hasText: 'New' }).count()).resolves.toBe(0);
    // The counts agree: one row with a problem, one new person.
    const stat = (label: string) => preview.locator('.stat', { hasText: label }).locator('.stat__value').textContent();
    await expect(stat('With problems')).resolves.toBe('1');
    await expect(stat('New')).resolves.toBe('1');
    await audit(page, 'import-preview');
    await screenshot(page, 'rough-09-import-preview');
    await page.context().close();
  });

  it('keeps the active cycle tab in sight on a phone', async () => {
    const page = await t.newPage(PHONE);
    await signIn(page, cast.hana, `/cycles/${closed.id}/heatmap`);
    const tab = page.getByRole('navigation', { name: 'Cycle sections' }).getByRole('link', { name: 'Organisation view' });
    await tab.waitFor();
    // In sight: within the strip's visible part (the strip scrolls sideways; the page does not).
    await page.waitForFunction(`(() => {
      const tab = [...document.querySelectorAll('.cy-tabs a')].find((a) => a.textContent === 'Organisation view');
      const r = tab.getBoundingClientRect(), s = tab.parentElement.getBoundingClientRect();
      return r.left >= s.left - 1 && r.right <= s.right + 1;
    })()`);
    await screenshot(page, 'rough-10-cycle-tabs-phone', { fullPage: false });
    await page.context().close();
  });

  it("suggests the subject's team first in the colleague picker and says how many more there are", async () => {
    for (const viewport of [DESK, PHONE]) {
      const page = await t.newPage(viewport);
      await signIn(page, cast.cora, `/cycles/${autumn.id}/subjects/${cast.cora.id}/requests`);
      const ask = page.getByRole('region', { name: 'Ask colleagues' });
      await ask.getByRole('heading', { name: 'Suggested' }).waitFor();
      await ask.getByRole('checkbox', { name: /Maya Lindqvist/ }).waitFor();
      const suggested = ask.locator('.candidates__group').first();
      await expect(suggested.getByRole('checkbox').count()).resolves.toBe(2); // Maya (manager) and Mo (same manager)
      await ask.getByText(/^\d+ more colleagues/).waitFor();
      const more = Number((await ask.locator('.candidates__more strong').textContent())!.split(' ')[0]);
      expect(more).toBeGreaterThan(0);
      await ask.getByRole('searchbox', { name: 'Search colleagues' }).fill('Zed Colleague 24');
      await ask.getByRole('checkbox', { name: /Zed Colleague 24/ }).waitFor();
      await expect(ask.getByText(/more colleagues/).count()).resolves.toBe(0);
      await ask.getByRole('searchbox', { name: 'Search colleagues' }).fill('');
      await ask.getByRole('heading', { name: 'Suggested' }).waitFor();
      await audit(page, `ask-colleagues-${viewport.width}`);
      await screenshot(page, `rough-11-ask-colleagues-${viewport.width}`);
      await page.context().close();
    }
  });

  it('shows the audit trail with names, filters it by who, what and when, and exports the selection', async () => {
    // Something to read: Hana updates Maya (an admin action), dated today on the organisation clock.
    const page = await t.newPage(DESK);
    await signIn(page, cast.hana, `/people/${cast.maya.id}`);
    const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
    expect((await page.request.patch(`/api/people/${cast.maya.id}`, { data: { title: 'Head of Collections' }, headers: { 'x-csrf-token': token } })).ok()).toBe(
      true,
    );
    await page.goto('/admin/audit');
    const table = page.getByRole('table', { name: 'Audit events' });
    const row = table.getByRole('row', { name: /Changed a person/ }).first();
    await row.getByText('Maya Lindqvist').waitFor();
    await row.getByText('Henrietta Okafor-Featherstonehaugh').waitFor();

    await page.getByLabel('What').selectOption('person.updated');
    const who = page.getByRole('combobox', { name: 'Who' });
    await who.fill('Henrietta');
    await page.getByRole('option', { name: /Henrietta/ }).click();
    await page.waitForURL((url) => url.searchParams.get('actorId') === cast.hana.id);
    await table
      .getByRole('row', { name: /Changed a person/ })
      .first()
      .waitFor();
    await page.getByLabel('From').fill('2020-01-01');
    await page.getByLabel('To').fill('2020-01-31');
    await page.getByText('No events match these filters').waitFor();
    await page.getByLabel('To').fill('');
    await table
      .getByRole('row', { name: /Changed a person/ })
      .first()
      .waitFor();

    const download = page.getByRole('link', { name: 'Download CSV of these events' });
    const href = (await download.getAttribute('href'))!;
    expect(new URL(href, t.baseUrl).searchParams.get('action')).toBe('person.updated');
    expect(new URL(href, t.baseUrl).searchParams.get('actorId')).toBe(cast.hana.id);
    expect(new URL(href, t.baseUrl).searchParams.get('actorName')).toBeNull();
    const csv = await (await page.request.get(href)).text();
    expect(csv).toContain('person.updated,person,Maya Lindqvist');
    await audit(page, 'audit');
    await screenshot(page, 'rough-12-audit-filtered');

    const phone = await t.newPage(PHONE);
    await signIn(phone, cast.hana, '/admin/audit');
    await phone.getByRole('table', { name: 'Audit events' }).waitFor();
    await audit(phone, 'audit-phone');
    await screenshot(phone, 'rough-13-audit-phone');
  });

  it('has no serious accessibility problems on any page visited', () => {
    expect(Object.entries(a11y).filter(([, v]) => v.length)).toEqual([]);
  });
});
