/**
 * HR running a cycle in a real browser: frameworks (view, copy, edit → a new version once a cycle
 * uses it), a cycle created through the form (with a field error from the API), subjects added by
 * department and by name, the launch behind its confirmation dialog, progress going from 0% to
 * the first answer (submitted through the API as a rater), reminders (and the 429 when sent again
 * too soon), settings locked after launch (the organisation view's minimum stays open until
 * close), and the same pages again in German (HR's language set to German). Screenshots of every
 * page at desktop and 375 px, and axe on the cycle and progress pages.
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest tests/browser/cycles --selectProjects browser
 */
import type { Page } from 'playwright-core';
import { JobsService } from '@lib/jobs';
import { aPerson, anOrganization, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { HttpClient } from '../support/http-client';
import { PHONE, screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(90_000);

interface Cast {
  hana: TestPerson; // HR admin
  maya: TestPerson; // Head of Collections: manages Mo, Cora and Elena
  mo: TestPerson;
  cora: TestPerson;
  elena: TestPerson;
  pat: TestPerson; // Learning, reports to Vera
  ben: TestPerson; // Exhibitions, no manager
  vera: TestPerson;
}

async function seedMuseum(t: BrowserApp): Promise<Cast> {
  const org = await anOrganization(t.db, { name: 'Harbour Museum' });
  const person = (name: string, email: string, extra: Parameters<typeof aPerson>[2] = {}) => aPerson(t.db, org.id, { name, email, ...extra });
  const hana = await person('Hana Okafor', 'hana@harbour.example', { role: 'admin', title: 'HR Lead', department: 'People' });
  const vera = await person('Vera Kuznetsova', 'vera@harbour.example', { title: 'Director', department: 'Directorate' });
  const maya = await person('Maya Lindqvist', 'maya@harbour.example', { title: 'Head of Collections', department: 'Collections', managerId: vera.id });
  const mo = await person('Mo Abernathy', 'mo@harbour.example', { title: 'Registrar', department: 'Collections', managerId: maya.id });
  const cora = await person('Cora Whitfield', 'cora@harbour.example', { title: 'Conservator', department: 'Collections', managerId: maya.id });
  const elena = await person('Elena Rossi', 'elena@harbour.example', { title: 'Archivist', department: 'Collections', managerId: maya.id });
  const pat = await person('Pat Kowalski', 'pat@harbour.example', { title: 'Learning Officer', department: 'Learning', managerId: vera.id });
  const ben = await person('Ben Hargreaves', 'ben@harbour.example', { title: 'Exhibitions Manager', department: 'Exhibitions' });
  await person('Iris Novak', 'iris@harbour.example', { title: 'Educator', department: 'Learning', managerId: pat.id });
  await person('Tara Singh', 'tara@harbour.example', { title: 'Facilities Manager', department: 'Operations' });
  return { hana, maya, mo, cora, elena, pat, ben, vera };
}

const main = (page: Page) => page.locator('main');
const see = (page: Page, text: string | RegExp) => main(page).getByText(text).first().waitFor();
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const noSideScroll = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

/** A rater answers every statement of one of their requests and submits, as the questionnaire would. */
async function submitOneResponse(t: BrowserApp, rater: TestPerson, cycleId: string): Promise<void> {
  const client = new HttpClient(t.app);
  await client.login(rater.email, TEST_PASSWORD);
  const tasks = await client.get(`/api/feedback-requests?mine=true&cycleId=${cycleId}`);
  expect(tasks.status).toBe(200);
  const request = tasks.body.cycles
    .flatMap((c: { requests: { id: string; relationship: string }[] }) => c.requests)
    .find((r: { relationship: string }) => r.relationship === 'self');
  expect(request).toBeDefined();
  const questionnaire = await client.get(`/api/feedback-requests/${request.id}`);
  expect(questionnaire.status).toBe(200);
  const answers = questionnaire.body.behaviours.flatMap((b: { statements: { id: string }[] }) =>
    b.statements.map((s, i) => ({ questionId: s.id, rating: i % 3 === 2 ? null : 4 })),
  );
  const comments = questionnaire.body.openQuestions.map((q: { id: string }) => ({
    questionId: q.id,
    text: 'In the spring loans review I kept everyone informed early.',
  }));
  const submitted = await client.post(
    `/api/feedback-requests/${request.id}/submit`,
    { answers, comments },
    { headers: { 'idempotency-key': `browser-${request.id}` } },
  );
  expect(submitted.status).toBe(200);
  expect(submitted.body.state).toBe('submitted');
}

describe('HR running a cycle in the browser', () => {
  let t: BrowserApp;
  let cast: Cast;
  let cycleUrl = '';
  let frameworkUrl = '';
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };

  beforeAll(async () => {
    t = await startBrowserApp();
    cast = await seedMuseum(t);
  });
  afterAll(() => t?.close());

  it('shows the default framework with its behaviours and scale, and copies it', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Frameworks' }).click();
    await heading(page, 'Frameworks').waitFor();
    await see(page, 'Leadership at every level');
    await see(page, 'Almost always');
    await see(page, 'Not observed');
    await audit(page, 'frameworks');
    await screenshot(page, 'cycles-01-frameworks');

    await page.getByRole('link', { name: 'Leadership at every level', exact: true }).click();
    await heading(page, 'Leadership at every level').waitFor();
    await page.getByRole('heading', { name: /^Influence behaviours/ }).waitFor();
    await page.getByRole('heading', { name: /^Management behaviours/ }).waitFor();
    await page.getByRole('heading', { name: 'Listening', exact: true }).waitFor();
    await page.getByRole('heading', { name: /^Open questions/ }).waitFor();
    await audit(page, 'framework');
    await screenshot(page, 'cycles-02-framework');

    await page.getByRole('button', { name: 'Copy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy framework' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Name of the copy').inputValue()).resolves.toBe('Copy of Leadership at every level');
    await dialog.getByLabel('Name of the copy').fill('Harbour leadership');
    await screenshot(page, 'cycles-03-framework-copy-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Create copy' }).click();
    await heading(page, 'Harbour leadership').waitFor();
    await see(page, /Copied “Leadership at every level”/);
    await see(page, 'Version 1');
    frameworkUrl = new URL(page.url()).pathname;
    await page.context().close();
  });

  it('creates a cycle through the form, showing the API’s field errors beside the fields', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cycles' }).click();
    await heading(page, 'Cycles').waitFor();
    await see(page, 'No cycles yet');
    await screenshot(page, 'cycles-04-list-empty');

    await page.getByRole('link', { name: 'New cycle' }).click();
    await heading(page, 'New cycle').waitFor();
    // Sensible defaults are prefilled.
    await expect(page.getByLabel('Anonymity threshold').inputValue()).resolves.toBe('3');
    await expect(page.getByLabel('Reminder days').inputValue()).resolves.toBe('7, 2');
    await expect(page.getByLabel('Self-review').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Response deadline').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByLabel('Minimum people per cell').inputValue()).resolves.toBe('5');
    await expect(page.getByLabel('Minimum peers').inputValue()).resolves.toBe('3');
    await expect(page.getByLabel('Open requests per rater').inputValue()).resolves.toBe('12');
    // The inputs hold the API's own limits (libs/cycles/src/domain/cycle-settings.ts, through the OpenAPI document).
    const bounds = async (label: string) => {
      const input = page.getByLabel(label, { exact: true });
      return [await input.getAttribute('min'), await input.getAttribute('max')];
    };
    await expect(bounds('Anonymity threshold')).resolves.toEqual(['3', '10']);
    await expect(bounds('Maximum peers')).resolves.toEqual(['0', '20']);
    await expect(bounds('Open requests per rater')).resolves.toEqual(['1', '50']);
    await expect(bounds('Minimum people per cell')).resolves.toEqual(['3', '100']);
    await see(page, 'A group’s answers are shown only when at least this many people answered. At least 3.');
    await audit(page, 'new-cycle');
    await screenshot(page, 'cycles-05-new-cycle');

    await page.getByLabel('Name').fill('Spring 2026 feedback');
    const copy = await page.getByLabel('Framework').locator('option', { hasText: 'Harbour leadership' }).getAttribute('value');
    await page.getByLabel('Framework').selectOption(copy);
    await page.getByLabel('Anonymity threshold').fill('2');
    await page.getByLabel('Maximum peers').fill('4');
    await page.getByRole('radio', { name: /On close/ }).check();
    await page.getByRole('button', { name: 'Create draft cycle' }).click();
    // The API refuses k = 2; its message sits beside the field, which is marked invalid.
    await see(page, 'Anonymity threshold must be a whole number from 3 to 10');
    await expect(page.getByLabel('Anonymity threshold').getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'cycles-06-new-cycle-error');

    await page.getByLabel('Anonymity threshold').fill('3');
    await page.getByRole('button', { name: 'Create draft cycle' }).click();
    await heading(page, 'Spring 2026 feedback').waitFor();
    cycleUrl = new URL(page.url()).pathname;
    expect(cycleUrl).toMatch(/^\/cycles\/[0-9a-f-]{36}$/);
    await see(page, 'Harbour leadership · v1');
    await expect(page.getByRole('list', { name: 'Cycle stages' }).locator('[aria-current="step"]').textContent()).resolves.toContain('Draft');
    await page.context().close();
  });

  it('adds a department and two people as subjects, and removes one in draft', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto(cycleUrl);
    await heading(page, 'Spring 2026 feedback').waitFor();
    await see(page, 'No subjects yet');

    await page.getByRole('radio', { name: /A department/ }).check();
    await page.getByLabel('Department', { exact: true }).selectOption('Collections');
    await page.getByRole('button', { name: 'Add department' }).click();
    await see(page, '4 subjects added');

    await page.getByRole('radio', { name: /Chosen people/ }).check();
    const search = page.getByRole('combobox', { name: 'People' });
    for (const [text, name] of [
      ['Pat', 'Pat Kowalski'],
      ['Ben', 'Ben Hargreaves'],
      ['Tara', 'Tara Singh'],
      ['Mo', 'Mo Abernathy'],
    ] as const) {
      await search.fill(text);
      await page.getByRole('option', { name: new RegExp(name) }).click();
    }
    await expect(page.getByRole('list', { name: 'Chosen people' }).getByRole('listitem').count()).resolves.toBe(4);
    await screenshot(page, 'cycles-07-add-people');
    await page.getByRole('button', { name: 'Add 4 people' }).click();
    await see(page, '3 subjects added');
    await see(page, '1 person was already included.');
    await see(page, 'Subjects (7)');

    const table = page.getByRole('table', { name: 'Subjects of Spring 2026 feedback' });
    await expect(table.locator('tbody tr').count()).resolves.toBe(7);
    await page.getByRole('button', { name: 'Remove Tara Singh' }).click();
    await page.getByText('Removed Tara Singh from the cycle').waitFor();
    await see(page, 'Subjects (6)');
    const names = await table.locator('tbody .person-cell__name').allTextContents();
    expect(names).toEqual(['Ben Hargreaves', 'Cora Whitfield', 'Elena Rossi', 'Maya Lindqvist', 'Mo Abernathy', 'Pat Kowalski']);
    await audit(page, 'cycle-draft');
    await screenshot(page, 'cycles-08-subjects-draft');
    await page.context().close();
  });

  it('launches the cycle after a confirmation that says what happens, and shows 0% progress', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto(cycleUrl);
    await heading(page, 'Spring 2026 feedback').waitFor();
    await page.getByRole('button', { name: 'Launch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Launch this cycle?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('Feedback requests are created from the org chart');
    await expect(dialog.textContent()).resolves.toContain('6 subjects');
    await audit(page, 'launch-dialog');
    await screenshot(page, 'cycles-09-launch-dialog', { fullPage: false });

    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Launch' }).click();
    await dialog.getByRole('button', { name: 'Launch cycle' }).click();
    await page.getByText('Cycle launched').waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.getByRole('list', { name: 'Cycle stages' }).locator('[aria-current="step"]').textContent()).resolves.toContain('Nominating');
    await expect(main(page).locator('.page-header').textContent()).resolves.toContain('Nominating');
    await expect(page.getByRole('button', { name: 'Start collecting' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Launch' }).count()).resolves.toBe(0);
    // After launch each subject links to their raters; nobody can be removed any more.
    await page.getByRole('link', { name: 'Raters of Mo Abernathy' }).waitFor();
    await expect(page.getByRole('button', { name: /^Remove/ }).count()).resolves.toBe(0);
    await audit(page, 'cycle-launched');
    await screenshot(page, 'cycles-10-launched');

    await page.getByRole('navigation', { name: 'Cycle sections' }).getByRole('link', { name: 'Progress' }).click();
    await page.waitForURL(/\/progress$/);
    await page.getByRole('meter', { name: 'Overall response rate' }).waitFor();
    // Self (6); manager (Maya, Mo, Cora, Elena and Pat have one: 5); direct reports (Maya's three, Pat's one): 15.
    await see(page, '0 of 15 requests answered');
    await expect(page.getByRole('meter', { name: 'Overall response rate' }).getAttribute('aria-valuenow')).resolves.toBe('0');
    const pending = page.getByRole('table', { name: 'Raters who have not answered yet' });
    await expect(pending.textContent()).resolves.toContain('Vera Kuznetsova');
    await audit(page, 'progress-0');
    await screenshot(page, 'cycles-11-progress-0');
    await page.context().close();
  });

  it('shows the response rate change after a rater submits, and sends reminders (once per ten minutes)', async () => {
    await t.app.get(JobsService).runHeld(); // the invitations: reminders go to invited raters only
    await submitOneResponse(t, cast.mo, cycleUrl.split('/').pop()!);

    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto(`${cycleUrl}/progress`);
    await see(page, '1 of 15 requests answered');
    await expect(page.getByRole('meter', { name: 'Overall response rate' }).getAttribute('aria-valuenow')).resolves.toBe('7');
    await see(page, '7%');
    const bySelf = page.getByRole('table', { name: 'Response rate by relationship' }).locator('tbody tr').first();
    await expect(bySelf.textContent()).resolves.toMatch(/Self.*17%/);

    // Ordered by response rate, highest first: Mo answered his self-review.
    await page.getByLabel('Order').selectOption('rate-desc');
    const first = page.getByRole('table', { name: 'Response rate by subject' }).locator('tbody tr').first();
    await expect(first.textContent()).resolves.toContain('Mo Abernathy');

    // HR is told how many people and who before anything is sent.
    await page.getByRole('button', { name: 'Send reminder now' }).click();
    const confirm = page.getByRole('dialog', { name: 'Send a reminder now?' });
    await confirm.getByText(/\d+ raters will get one email each/).waitFor();
    await audit(page, 'progress-reminder-preview');
    await screenshot(page, 'cycles-12a-progress-reminder-preview', { fullPage: false });
    await confirm.getByRole('button', { name: /^Email \d+ raters$/ }).click();
    await page.getByText('Reminders are on their way').waitFor();
    await see(page, /\d+ raters will get a reminder by email/);
    await audit(page, 'progress-1');
    await screenshot(page, 'cycles-12-progress-reminded');

    await page.getByRole('button', { name: 'Send reminder now' }).click();
    await confirm.getByText('Reminders were sent a few minutes ago').waitFor();
    await confirm.getByText(/the next can go from/).waitFor();
    await expect(confirm.getByRole('button', { name: /^Email \d+ raters$/ }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'cycles-13-progress-reminder-too-soon', { fullPage: false });
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    // The list shows the running cycle's state and response rate.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cycles' }).click();
    await heading(page, 'Cycles').waitFor();
    const row = page.getByRole('table', { name: 'Cycles' }).locator('tbody tr').first();
    await row.getByText('1 of 15').waitFor();
    await expect(row.textContent()).resolves.toMatch(/Spring 2026 feedback.*Nominating.*6.*7%/);
    await audit(page, 'cycles');
    await screenshot(page, 'cycles-14-list');
    await page.context().close();
  });

  it('locks the anonymity settings after launch and still lets HR move the deadline', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto(`${cycleUrl}/settings`);
    await see(page, 'Some settings are locked');
    await expect(page.getByLabel('Anonymity threshold').count()).resolves.toBe(0);
    await see(page, 'Anonymity threshold');
    await expect(main(page).locator('.cy-locked').count()).resolves.toBeGreaterThanOrEqual(8);
    const deadline = page.getByLabel('Response deadline');
    const next = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await deadline.fill(next);
    await page.getByLabel('Reminder days').fill('5, 1');
    // The organisation view's minimum stays open until close: the heatmap does not exist before.
    await see(page, 'It can’t change once the cycle closes');
    await page.getByLabel('Minimum people per cell').fill('6');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Settings saved').waitFor();
    await page.reload();
    await expect(page.getByLabel('Response deadline').inputValue()).resolves.toBe(next);
    await expect(page.getByLabel('Reminder days').inputValue()).resolves.toBe('5, 1');
    await expect(page.getByLabel('Minimum people per cell').inputValue()).resolves.toBe('6');
    await audit(page, 'settings');
    await screenshot(page, 'cycles-15-settings-locked');
    await page.context().close();
  });

  it('edits the framework copy: a cycle uses it, so saving creates version 2', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto('/admin/frameworks');
    await page.getByRole('link', { name: 'Harbour leadership', exact: true }).click();
    await heading(page, 'Harbour leadership').waitFor();
    await see(page, 'Version 1 is used by a launched cycle');
    await page.getByRole('link', { name: 'Spring 2026 feedback' }).waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await heading(page, 'Edit Harbour leadership').waitFor();
    await see(page, 'Saving creates version 2');

    await page.locator('textarea[name="description"]').fill('Our museum’s version: influence first, at every level.');
    await page.getByLabel('Statement 1 of Listening').fill('Checks they have understood a colleague before answering.');
    await page.getByRole('button', { name: 'Add statement to Listening' }).click();
    await page.getByLabel('Statement 4 of Listening').fill('Asks quieter colleagues for their view in meetings.');
    await page.getByRole('button', { name: 'Remove statement 2 of Empathy' }).click();
    await audit(page, 'framework-edit');
    await screenshot(page, 'cycles-16-framework-edit');
    await screenshot(page, 'cycles-16-framework-edit-top', { fullPage: false });

    // A blank statement is refused with the message beside it; nothing is saved.
    await page.getByLabel('Statement 3 of Listening').fill('   ');
    await page.getByRole('button', { name: 'Save framework' }).click();
    await see(page, 'Please correct the marked fields');
    await expect(page.getByLabel('Statement 3 of Listening').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Statement 3 of Listening').fill('Sums up what they heard and asks whether they got it right.');
    await page.getByRole('button', { name: 'Save framework' }).click();

    await page.waitForURL(/\/admin\/frameworks\/[0-9a-f-]{36}$/);
    await heading(page, /^Harbour leadership$/).waitFor();
    await see(page, /^Saved as version 2\./);
    await see(page, 'Asks quieter colleagues for their view in meetings.');
    await see(page, 'Checks they have understood a colleague before answering.');
    const versions = await page.getByRole('region', { name: 'Versions' }).textContent();
    expect(versions).toContain('Version 2');
    expect(versions).toContain('Version 1');
    await screenshot(page, 'cycles-17-framework-v2');
    await page.context().close();
  });

  it('fits a phone at 375 px: list, cycle, progress, new cycle, framework', async () => {
    const page = await t.newPage(PHONE);
    await signIn(page, cast.hana);
    const pages: [string, string | RegExp, string][] = [
      ['/cycles', 'Cycles', 'cycles-18-list-phone'],
      [cycleUrl, 'Spring 2026 feedback', 'cycles-19-cycle-phone'],
      [`${cycleUrl}/progress`, 'Spring 2026 feedback', 'cycles-20-progress-phone'],
      [`${cycleUrl}/settings`, 'Spring 2026 feedback', 'cycles-21-settings-phone'],
      ['/cycles/new', 'New cycle', 'cycles-22-new-cycle-phone'],
      ['/admin/frameworks', 'Frameworks', 'cycles-23-frameworks-phone'],
      [frameworkUrl, /^Harbour leadership$/, 'cycles-24-framework-phone'],
      [`${frameworkUrl}/edit`, 'Edit Harbour leadership', 'cycles-25-framework-edit-phone'],
    ];
    for (const [path, title, name] of pages) {
      await page.goto(path);
      await heading(page, title).waitFor();
      // Until no spinner shows. A closed dialog keeps its own (never shown) spinner in the page,
      // so waiting for every spinner to leave the page would wait out the timeout.
      await main(page).locator('.loading:visible').first().waitFor({ state: 'detached' });
      if (path.endsWith('/progress')) await see(page, '1 of 15 requests answered');
      expect([path, await noSideScroll(page)]).toEqual([path, 0]);
      await screenshot(page, name);
    }
    await audit(page, 'frameworks-phone');
    await page.context().close();
  });

  it('runs the cycle in German: list, cycle, progress, settings (with the API’s field error in German) and a new cycle', async () => {
    await t.db.query(`UPDATE people SET language = 'de' WHERE id = $1`, [cast.hana.id]);
    const page = await t.newPage();
    await signIn(page, cast.hana, '/cycles');
    await heading(page, 'Feedbackrunden').waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('de');
    const row = page.getByRole('table', { name: 'Feedbackrunden' }).locator('tbody tr').first();
    await row.getByText('1 von 15').waitFor();
    // A German percentage keeps a (non-breaking) space before the sign.
    await expect(row.textContent()).resolves.toMatch(/Spring 2026 feedback.*Nominierung.*6.*7\s%/);
    await see(page, '1 Feedbackrunde · vom Entwurf bis zu den freigegebenen Berichten');

    await page.goto(cycleUrl);
    await heading(page, 'Spring 2026 feedback').waitFor();
    await expect(page.getByRole('list', { name: 'Phasen der Feedbackrunde' }).locator('[aria-current="step"]').textContent()).resolves.toContain('Nominierung');
    await see(page, 'Feedbacknehmende wählen Peers aus; Bewertende antworten bereits.');
    await page.getByRole('button', { name: 'Sammeln beginnen' }).waitFor();
    await page.getByRole('link', { name: 'Bewertende von Mo Abernathy' }).waitFor();
    await expect(page.getByRole('table', { name: 'Feedbacknehmende in Spring 2026 feedback' }).locator('tbody tr').count()).resolves.toBe(6);
    await audit(page, 'cycle-german');
    await screenshot(page, 'cycles-26-cycle-german');

    await page.getByRole('navigation', { name: 'Bereiche der Feedbackrunde' }).getByRole('link', { name: 'Fortschritt' }).click();
    await see(page, '1 von 15 Anfragen beantwortet');
    await expect(page.getByRole('meter', { name: 'Rücklaufquote insgesamt' }).getAttribute('aria-valuetext')).resolves.toMatch(/^7\s%$/);
    const bySelf = page.getByRole('table', { name: 'Rücklaufquote nach Beziehung' }).locator('tbody tr').first();
    await expect(bySelf.textContent()).resolves.toMatch(/Selbst.*17\s%/);
    await see(page, 'Erinnerungen gehen automatisch 5, 1 Tage vor der Frist hinaus.');
    await page.getByRole('button', { name: 'Jetzt erinnern …' }).click();
    const confirm = page.getByRole('dialog', { name: 'Jetzt eine Erinnerung verschicken?' });
    await confirm.getByText('Vor wenigen Minuten wurden bereits Erinnerungen verschickt').waitFor();
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    await audit(page, 'progress-german');
    await screenshot(page, 'cycles-27-progress-german');
    expect(await main(page).innerText()).not.toMatch(/Response rate|Not answered yet|By relationship|Reminders|Subject\b/);

    await page.getByRole('navigation', { name: 'Bereiche der Feedbackrunde' }).getByRole('link', { name: 'Einstellungen' }).click();
    await see(page, 'Einige Einstellungen sind gesperrt');
    await see(page, 'Anonymitätsschwelle');
    await page.getByLabel('Mindestzahl Personen pro Zelle').fill('2');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    // The API's message, written again in German beside its field.
    await see(page, 'Die Einstellungen wurden nicht gespeichert');
    await see(page, 'Mindestzahl Personen pro Zelle: Geben Sie eine ganze Zahl von 3 bis 100 ein');
    await expect(page.getByLabel('Mindestzahl Personen pro Zelle').getAttribute('aria-invalid')).resolves.toBe('true');
    await audit(page, 'settings-german');
    await screenshot(page, 'cycles-28-settings-german');
    expect(await main(page).innerText()).not.toMatch(/Schedule|Anonymity threshold|Locked|must be/);

    await page.goto('/cycles/new');
    await heading(page, 'Neue Feedbackrunde').waitFor();
    await expect(page.getByLabel('Anonymitätsschwelle').inputValue()).resolves.toBe('3');
    await see(page, 'Die Antworten einer Gruppe werden nur gezeigt, wenn mindestens so viele Personen geantwortet haben. Mindestens 3.');
    await page.getByLabel('Erinnerungstage').fill('bald');
    await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await see(page, 'Bitte korrigieren Sie die markierten Felder');
    await see(page, 'Geben Sie der Feedbackrunde einen Namen');
    await see(page, 'Geben Sie ganze Zahlen von Tagen ein, durch Kommas getrennt, z. B. 7, 2');
    await audit(page, 'new-cycle-german');
    await screenshot(page, 'cycles-29-new-cycle-german');

    // The framework pages read the framework in German (its own words stay in the editor).
    await page.goto('/admin/frameworks');
    await see(page, 'Fast immer');
    await page.getByRole('link', { name: 'Leadership at every level', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Zuhören', exact: true }).waitFor();
    await see(page, 'Lässt andere ausreden, bevor selbst geantwortet wird.');
    expect(await main(page).innerText()).not.toMatch(/Listening|Lets others finish|Almost always/);
    await page.context().close();
    await t.db.query(`UPDATE people SET language = 'en' WHERE id = $1`, [cast.hana.id]);
  });

  it('keeps cycles from members: no menu entry, not found on the pages', async () => {
    const page = await t.newPage();
    await signIn(page, cast.mo);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cycles' }).count()).resolves.toBe(0);
    for (const path of ['/cycles', cycleUrl, `${cycleUrl}/progress`, '/admin/frameworks']) {
      await page.goto(path);
      await heading(page, 'Page not found').waitFor();
    }
    await page.context().close();
  });

  it('has no serious or critical accessibility violations on the pages above (axe)', () => {
    expect(Object.keys(a11y)).toEqual(
      expect.arrayContaining([
        'frameworks',
        'framework',
        'new-cycle',
        'cycle-draft',
        'launch-dialog',
        'cycle-launched',
        'progress-0',
        'progress-1',
        'cycles',
        'settings',
        'framework-edit',
        'cycle-german',
        'progress-german',
        'settings-german',
        'new-cycle-german',
      ]),
    );
    const found = Object.entries(a11y).flatMap(([pageName, violations]) => violations.map((v) => `${pageName}: ${v}`));
    expect(found).toEqual([]);
  });
});
