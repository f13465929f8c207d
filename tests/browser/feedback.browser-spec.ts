/**
 * Requesting feedback and rating colleagues, in a real browser: a subject asks peers (one refusal
 * explained by name), their manager approves and rejects in Requests, a rater answers the
 * questionnaire (autosave survives a reload, keyboard-only statements, completeness check) and
 * submits, another request is declined and the subject reads the reason. Axe on every page;
 * screenshots at desktop and 375 px in tests/artifacts/screenshots/feedback-*.png.
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest tests/browser/feedback --selectProjects browser
 */
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_FRAMEWORK } from '@lib/frameworks';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { aRequest } from '../support/feedback-factories';
import { PHONE, screenshot as saveScreenshot, searchColleagues, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(120_000);

/** Rating statements of the default framework, which a cycle created without a framework uses. */
const TOTAL = DEFAULT_FRAMEWORK.behaviours.flatMap((b) => b.statements).length;

const inDays = (days: number): string => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

interface Cast {
  hana: TestPerson; // HR
  maya: TestPerson; // manages Mo and Cora
  mo: TestPerson; // subject who asks peers
  cora: TestPerson; // subject whose request gets declined
  amara: TestPerson; // the rater
  ben: TestPerson;
  chloe: TestPerson;
  dev: TestPerson; // reaches the per-rater cap while Mo is choosing
  elena: TestPerson; // proposed by Mo, rejected by Maya
}

async function seed(t: BrowserApp): Promise<Cast> {
  const org = await anOrganization(t.db, { name: 'Harbour Museum' });
  const person = (name: string, title: string, department: string, extra: Parameters<typeof aPerson>[2] = {}) =>
    aPerson(t.db, org.id, {
      name,
      title,
      department,
      email: `${name
        .split(' ')[0]
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}@harbour.example`,
      ...extra,
    });
  const hana = await person('Hana Okafor', 'HR Lead', 'People', { role: 'admin' });
  const maya = await person('Maya Lindqvist', 'Head of Collections', 'Collections');
  const mo = await person('Mo Abernathy', 'Registrar', 'Collections', { managerId: maya.id });
  const cora = await person('Cora Whitfield', 'Conservator', 'Collections', { managerId: maya.id });
  const amara = await person('Amara Nwosu', 'Curator', 'Collections');
  const ben = await person('Ben Hargreaves', 'Exhibitions Manager', 'Exhibitions');
  const chloe = await person('Chloé Martin', 'Designer', 'Exhibitions');
  const dev = await person('Dev Patel', 'Technician', 'Exhibitions', { withLogin: false });
  const elena = await person('Elena Rossi', 'Archivist', 'Collections', { withLogin: false });
  for (const [name, title, department] of [
    ['Felix Braun', 'Visitor Host', 'Visitor Services'],
    ['Grace Liu', 'Visitor Host', 'Visitor Services'],
    ['Iris Novak', 'Educator', 'Learning'],
  ] as const) {
    await person(name, title, department, { withLogin: false });
  }
  return { hana, maya, mo, cora, amara, ben, chloe, dev, elena };
}

/** The JSON API as the person signed in on this page (same cookies), with the CSRF header. */
async function apiAs(page: Page) {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  return async (method: 'GET' | 'POST', url: string, data?: unknown): Promise<any> => {
    const response = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': token } });
    if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
}

/** A whole-page picture is taken from the top, so the sticky top bar is not painted over the middle of the page. */
async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (options.fullPage !== false) await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name, options);
}

const main = (page: Page) => page.locator('main');
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const see = (page: Page, text: string | RegExp) => main(page).getByText(text).first().waitFor();
const statements = (page: Page) => page.locator('fieldset.statement');
const radio = (statement: Locator, label: string) => statement.getByRole('radio', { name: label, exact: true });
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
const activeStatementIndex = (page: Page) =>
  page.evaluate<number>(`[...document.querySelectorAll('fieldset.statement')].findIndex((f) => f.contains(document.activeElement))`);

describe('Requesting feedback and rating colleagues in the browser', () => {
  let t: BrowserApp;
  let cast: Cast;
  let cycle: { id: string; organizationId: string };
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };
  const subjectPage = (subject: TestPerson) => `/cycles/${cycle.id}/subjects/${subject.id}/requests`;

  beforeAll(async () => {
    t = await startBrowserApp();
    cast = await seed(t);
    // HR's pages are another engineer's tests: the cycle is set up through the API as HR.
    const page = await t.newPage();
    await signIn(page, cast.hana);
    const api = await apiAs(page);
    const created = await api('POST', '/api/cycles', {
      name: 'Spring 2026',
      settings: {
        minPeers: 3,
        maxPeers: 5,
        managerApprovesPeers: true,
        maxOpenRequestsPerRater: 2,
        nominationDeadline: inDays(4.5),
        responseDeadline: inDays(9.5),
      },
    });
    await api('POST', `/api/cycles/${created.id}/subjects`, { personIds: [cast.mo.id, cast.cora.id, cast.maya.id] });
    const launched = await api('POST', `/api/cycles/${created.id}/launch`);
    expect(launched.state).toBe('nominating');
    // HR asks Amara about Cora (no approval needed when HR asks): the request Amara will decline.
    await api('POST', `/api/cycles/${created.id}/subjects/${cast.cora.id}/requests`, { raterIds: [cast.amara.id] });
    cycle = { id: created.id, organizationId: cast.hana.organizationId };
    await page.context().close();
  });
  afterAll(() => t?.close());

  it('lets a subject ask peers: search, pick, a refusal explained by name, then four proposals for approval', async () => {
    const page = await t.newPage();
    await signIn(page, cast.mo);
    const needs = page.getByRole('region', { name: 'What needs you' });
    await needs.getByText('1 cycle reviewing you').waitFor();
    await needs.getByText('2 requests waiting for your feedback').waitFor(); // the self-review and Maya, their manager
    await screenshot(page, 'feedback-01-home-subject');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await heading(page, 'Requests').waitFor();
    const feedbackOnYou = page.getByRole('region', { name: 'Feedback on you' });
    await feedbackOnYou.getByRole('heading', { name: 'Spring 2026' }).waitFor();
    await feedbackOnYou.getByText('0 of 3–5 peers — ask at least 3 more').waitFor();
    await audit(page, 'requests-subject');
    await screenshot(page, 'feedback-02-requests-subject');

    await feedbackOnYou.getByRole('link', { name: /Ask colleagues/ }).click();
    await heading(page, 'Your feedback requests').waitFor();
    expect(new URL(page.url()).pathname).toBe(subjectPage(cast.mo));
    await see(page, '0 of 3–5 peers');
    await see(page, 'Ask at least 3 more');
    // The org chart's raters are there from the launch.
    const asked = page.getByRole('region', { name: 'Who you have asked' });
    await asked.getByText('Maya Lindqvist').waitFor();

    const search = page.getByRole('searchbox', { name: 'Search colleagues' });
    const pick = async (query: string, name: string) => {
      await search.fill(query);
      const box = page.getByRole('checkbox', { name: new RegExp(name) });
      await box.waitFor();
      await box.check();
    };
    await pick('Amara', 'Amara Nwosu');
    await pick('Exhibitions', 'Ben Hargreaves');
    await page.getByRole('checkbox', { name: /Chloé Martin/ }).check();
    await page.getByRole('checkbox', { name: /Dev Patel/ }).check();
    await see(page, '4 selected · you can pick 1 more');
    await audit(page, 'ask-colleagues');
    await screenshot(page, 'feedback-03-ask-colleagues');

    // Meanwhile Dev is asked about two other people and reaches the cycle's cap of 2 open requests.
    await aRequest(t.db, cycle, { subjectId: cast.cora.id, raterId: cast.dev.id });
    await aRequest(t.db, cycle, { subjectId: cast.maya.id, raterId: cast.dev.id });
    await page.getByRole('button', { name: 'Ask 4 colleagues' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'cannot be asked' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('Dev Patel: This person already has as many open feedback requests as the cycle allows');
    await expect(refusal.textContent()).resolves.toContain('nobody was asked');
    await screenshot(page, 'feedback-04-ask-refused');
    const [{ n: nothingAsked }] = await t.db.query(`SELECT count(*)::int AS n FROM feedback_requests WHERE subject_id = $1 AND relationship = 'peer'`, [
      cast.mo.id,
    ]);
    expect(nothingAsked).toBe(0);

    // Searching again shows why Dev cannot be picked.
    await search.fill('Dev');
    const devBox = page.getByRole('checkbox', { name: /Dev Patel/ });
    await page.getByText(/Unavailable: already has 2 open requests/).waitFor();
    await page.getByRole('button', { name: 'Remove Dev Patel from the selection' }).click();
    await expect(devBox.isDisabled()).resolves.toBe(true);
    await pick('Elena', 'Elena Rossi');
    await page.getByRole('button', { name: 'Ask 4 colleagues' }).click();
    await see(page, 'Sent to your manager for approval');
    await see(page, '4 of 3–5 peers');
    const pending = await asked.getByText("Waiting for your manager's approval").count();
    expect(pending).toBe(4);
    await screenshot(page, 'feedback-05-asked');
    const rows = await t.db.query(`SELECT state, count(*)::int AS n FROM feedback_requests WHERE subject_id = $1 AND relationship = 'peer' GROUP BY state`, [
      cast.mo.id,
    ]);
    expect(rows).toEqual([{ state: 'proposed', n: 4 }]);

    // A proposal can be withdrawn — here it is kept: the dialog's "Keep" leaves it alone.
    await page.getByRole('button', { name: 'Withdraw Elena Rossi' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Keep' }).click();
    await expect(asked.locator('.rater', { hasText: 'Elena Rossi' }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('lets the manager approve three peers and reject one with a reason, in Requests', async () => {
    const page = await t.newPage();
    await signIn(page, cast.maya);
    await page.getByRole('region', { name: 'What needs you' }).getByText('4 peer requests waiting for your approval').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    await heading(page, 'Requests').waitFor();
    const approvals = page.getByRole('region', { name: /Waiting for your approval/ });
    await approvals.getByText('Mo Abernathy').first().waitFor();
    await audit(page, 'requests-manager');
    await screenshot(page, 'feedback-06-approvals');

    for (const name of ['Amara Nwosu', 'Ben Hargreaves', 'Chloé Martin']) {
      await approvals.getByRole('button', { name: `Approve ${name} for Mo Abernathy` }).click();
      await page.getByText(`Approved: ${name} will be asked for feedback on Mo Abernathy`).waitFor();
    }
    await approvals.getByRole('button', { name: 'Reject Elena Rossi for Mo Abernathy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject Elena Rossi?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Reject request' }).click();
    await dialog.getByText('Please give a reason').waitFor();
    await audit(page, 'reject-dialog');
    await screenshot(page, 'feedback-07-reject-dialog');
    await dialog.getByLabel('Why not?').fill('Elena only joined last week; ask someone who has worked with you longer.');
    await dialog.getByRole('button', { name: 'Reject request' }).click();
    await page.getByText('Rejected: Elena Rossi will not be asked').waitFor();
    await page.getByRole('heading', { name: 'Your team' }).waitFor();
    await expect(page.getByRole('region', { name: /Waiting for your approval/ }).count()).resolves.toBe(0);
    await screenshot(page, 'feedback-08-approvals-done');

    // The team section links to each report's page, where the manager sees states but no progress.
    await page.getByRole('link', { name: /Mo Abernathy/ }).click();
    await heading(page, 'Feedback requests for Mo Abernathy').waitFor();
    await see(page, '3 of 3–5 peers');
    await see(page, 'Not approved');
    await screenshot(page, 'feedback-09-subject-page-manager');
    const states = await t.db.query(
      `SELECT r.name, f.state FROM feedback_requests f JOIN people r ON r.id = f.rater_id WHERE f.subject_id = $1 AND f.relationship = 'peer' ORDER BY r.name`,
      [cast.mo.id],
    );
    expect(states).toEqual([
      { name: 'Amara Nwosu', state: 'open' },
      { name: 'Ben Hargreaves', state: 'open' },
      { name: 'Chloé Martin', state: 'open' },
      { name: 'Elena Rossi', state: 'rejected' },
    ]);
    await page.context().close();
  });

  it('lets a rater answer half, reload with the draft intact, finish (partly keyboard-only) and submit', async () => {
    const page = await t.newPage();
    await signIn(page, cast.amara);
    await page.getByRole('region', { name: 'What needs you' }).getByText('2 requests waiting for your feedback').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My feedback' }).click();
    await heading(page, 'My feedback').waitFor();
    const spring = page.getByRole('region', { name: 'Spring 2026' });
    await spring.getByText(/Due in (9|10) days/).waitFor();
    await spring.getByText('A peer').first().waitFor();
    await expect(spring.getByText('Not started').count()).resolves.toBe(2);
    await audit(page, 'my-feedback');
    await screenshot(page, 'feedback-10-my-feedback');

    await spring.getByRole('link', { name: 'Start feedback for Mo Abernathy' }).click();
    await heading(page, 'Feedback for Mo Abernathy').waitFor();
    await see(page, 'Spring 2026');
    await see(page, 'choose Not observed when you have not seen it');
    await see(page, `0 of ${TOTAL} answered`);
    await audit(page, 'questionnaire');
    await screenshot(page, 'feedback-11-questionnaire');

    // The first half with the mouse; one "not observed".
    const labels = ['Rarely', 'Sometimes', 'Often', 'Very often', 'Almost always'];
    for (let i = 0; i < 15; i++) await radio(statements(page).nth(i), i === 4 ? 'Not observed' : labels[(i + 2) % 5]).check();
    await see(page, `15 of ${TOTAL} answered`);
    await page.getByText(/Saved \d{1,2}:\d\d/).waitFor();
    expect((await t.db.query(`SELECT state FROM feedback_requests WHERE rater_id = $1 AND subject_id = $2`, [cast.amara.id, cast.mo.id]))[0].state).toBe(
      'in_progress',
    );

    await page.reload();
    await heading(page, 'Feedback for Mo Abernathy').waitFor();
    await see(page, `15 of ${TOTAL} answered`);
    await expect(radio(statements(page).nth(0), 'Often').isChecked()).resolves.toBe(true);
    await expect(radio(statements(page).nth(4), 'Not observed').isChecked()).resolves.toBe(true);
    await expect(radio(statements(page).nth(14), 'Sometimes').isChecked()).resolves.toBe(true);
    await expect(radio(statements(page).nth(15), 'Rarely').isChecked()).resolves.toBe(false);

    // Keyboard only for statements 16–18: Tab into each group, arrows move and choose, Space chooses.
    await radio(statements(page).nth(14), 'Sometimes').focus();
    await page.keyboard.press('Tab');
    expect(await activeStatementIndex(page)).toBe(15);
    await page.keyboard.press('ArrowRight'); // Rarely → Sometimes
    await page.keyboard.press('Tab');
    expect(await activeStatementIndex(page)).toBe(16);
    await page.keyboard.press('Space'); // Rarely
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // Very often
    await expect(radio(statements(page).nth(15), 'Sometimes').isChecked()).resolves.toBe(true);
    await expect(radio(statements(page).nth(16), 'Rarely').isChecked()).resolves.toBe(true);
    await expect(radio(statements(page).nth(17), 'Very often').isChecked()).resolves.toBe(true);
    await see(page, `18 of ${TOTAL} answered`);

    // Submitting early: nothing is sent, focus jumps to the first unanswered statement.
    await page.getByRole('button', { name: 'Submit feedback' }).click();
    await see(page, `${TOTAL - 18} statements still need an answer`);
    await page.waitForFunction(`document.getElementById('${await statements(page).nth(18).getAttribute('id')}').contains(document.activeElement)`);
    await see(page, 'Not answered yet: choose how often, or Not observed.');
    expect((await t.db.query(`SELECT state FROM feedback_requests WHERE rater_id = $1 AND subject_id = $2`, [cast.amara.id, cast.mo.id]))[0].state).toBe(
      'in_progress',
    );
    await screenshot(page, 'feedback-12-questionnaire-incomplete', { fullPage: false });
    await page.keyboard.press('ArrowLeft'); // from the first option backwards wraps to "Not observed"
    await expect(radio(statements(page).nth(18), 'Not observed').isChecked()).resolves.toBe(true);

    for (let i = 19; i < TOTAL; i++) await radio(statements(page).nth(i), labels[i % 5]).check();
    await see(page, `${TOTAL} of ${TOTAL} answered`);
    const keepDoing = page.getByRole('textbox', { name: /keep doing/i });
    const comment = 'In the March loan review Mo asked each of us for objections before deciding, and we caught the insurance gap.';
    await keepDoing.fill(comment);
    await see(page, `${comment.length} / 5,000 characters`);
    await page.getByText(/Saved \d{1,2}:\d\d/).waitFor();
    await screenshot(page, 'feedback-13-questionnaire-complete');

    // The network between browser and server misbehaves: first the server (as faked here) names a
    // statement as unanswered, then a response is lost after the server has stored the submission.
    const sentKeys: string[] = [];
    const statement3 = (await statements(page).nth(2).getAttribute('id'))!.replace('statement-', '');
    await page.route('**/api/feedback-requests/*/submit', async (route) => {
      sentKeys.push(route.request().headers()['idempotency-key'] ?? '');
      if (sentKeys.length === 1) {
        const errors = [{ field: 'answers', message: 'is not answered', questionId: statement3 }];
        await route.fulfill({
          status: 422,
          json: { statusCode: 422, error: 'Unprocessable Entity', code: 'incomplete_submission', message: '1 statement is not answered yet', errors },
        });
      } else if (sentKeys.length === 2) {
        await route.fetch(); // reaches the server, which submits…
        await route.abort('connectionreset'); // …but the answer never arrives
      } else {
        await route.continue();
      }
    });
    await page.getByRole('button', { name: 'Submit feedback' }).click();
    await see(page, '1 statement still needs an answer');
    await page.waitForFunction(`document.getElementById('statement-${statement3}').contains(document.activeElement)`);
    await page.keyboard.press('ArrowRight'); // a changed answer: a new submit attempt, a new key

    await page.getByRole('button', { name: 'Submit feedback' }).click();
    await page.getByText('Submitted — thank you').waitFor();
    expect(sentKeys).toHaveLength(3);
    expect(sentKeys[1]).toBe(sentKeys[2]); // the automatic retry reused its attempt's key
    expect(sentKeys[0]).not.toBe(sentKeys[1]);
    await page.unroute('**/api/feedback-requests/*/submit');
    await see(page, 'Your answers are final');
    await see(page, 'In the March loan review Mo asked each of us');
    await expect(page.getByRole('radio').count()).resolves.toBe(0);
    await audit(page, 'questionnaire-submitted');
    await screenshot(page, 'feedback-14-submitted');

    const [request] = await t.db.query(`SELECT id, state FROM feedback_requests WHERE rater_id = $1 AND subject_id = $2`, [cast.amara.id, cast.mo.id]);
    expect(request.state).toBe('submitted');
    const [{ n: answers }] = await t.db.query(`SELECT count(*)::int AS n FROM answers WHERE request_id = $1`, [request.id]);
    expect(answers).toBe(TOTAL + 1); // every rating and the one comment written
    const keys = await t.db.query(`SELECT key FROM idempotency_keys WHERE person_id = $1`, [cast.amara.id]);
    expect(keys).toEqual([{ key: sentKeys[1] }]);
    expect(keys[0].key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // After a reload it stays read-only, and My feedback shows it as submitted.
    await page.reload();
    await page.getByText('You have submitted this feedback').waitFor();
    await page.getByRole('link', { name: 'Back to My feedback' }).first().click();
    await heading(page, 'My feedback').waitFor();
    await page.getByRole('link', { name: 'View feedback for Mo Abernathy' }).waitFor();
    await page.context().close();
  });

  it('lets a rater decline with a reason; the subject sees "declined" and the reason, and the mail links to that page', async () => {
    const page = await t.newPage();
    await signIn(page, cast.amara);
    await page.goto('/feedback');
    await heading(page, 'My feedback').waitFor();
    await page.getByRole('button', { name: 'Decline the request for Cora' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decline the request for Cora Whitfield?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Decline request' }).click();
    await dialog.getByText('Please give a reason').waitFor();
    await dialog.getByLabel('Why are you declining?').fill('I have not worked with Cora since she moved to conservation.');
    await audit(page, 'decline-dialog');
    await screenshot(page, 'feedback-15-decline-dialog');
    await dialog.getByRole('button', { name: 'Decline request' }).click();
    await page.getByText('You declined the request for Cora Whitfield').waitFor();
    const spring = page.getByRole('region', { name: 'Spring 2026' });
    await spring.getByText('You declined').waitFor();
    // Focus moved to Cora's row, not lost with the Decline button.
    await expect(page.evaluate<string>('document.activeElement.textContent')).resolves.toBe('Cora Whitfield');
    await screenshot(page, 'feedback-16-my-feedback-after');
    await page.context().close();

    const [mail] = await t.db.query(
      `SELECT subject, text_body FROM mail_messages WHERE recipient = $1 AND subject LIKE '%cannot give you feedback%' ORDER BY created_at DESC`,
      [cast.cora.email],
    );
    expect(mail).toBeDefined();
    const link = /https?:\/\/\S+\/requests/.exec(mail.text_body)?.[0];
    expect(link).toBe(`${t.baseUrl}${subjectPage(cast.cora)}`);

    const cora = await t.newPage();
    await signIn(cora, cast.cora);
    await cora.goto(link!);
    await heading(cora, 'Your feedback requests').waitFor();
    const amara = cora.locator('.rater', { hasText: 'Amara Nwosu' });
    await amara.getByText('Declined').waitFor();
    await amara.getByText('I have not worked with Cora since she moved to conservation.').waitFor();
    await amara.getByRole('button', { name: /Ask someone else/ }).click();
    await expect(cora.evaluate<string>('document.activeElement.getAttribute("type")')).resolves.toBe('search');
    await audit(cora, 'subject-requests');
    await screenshot(cora, 'feedback-17-subject-declined');
    await cora.context().close();
  });

  it('never tells the subject who has submitted', async () => {
    const page = await t.newPage();
    await signIn(page, cast.mo);
    await page.goto(subjectPage(cast.mo));
    await heading(page, 'Your feedback requests').waitFor();
    const amara = page.locator('.rater', { hasText: 'Amara Nwosu' });
    await expect(amara.locator('.badge').textContent()).resolves.toBe('✓Asked');
    const text = (await main(page).textContent()) ?? '';
    expect(text).not.toMatch(/Submitted|In progress|Not started|\d+ of \d+ answered/);
    await see(page, 'Elena only joined last week');
    await screenshot(page, 'feedback-18-subject-after-submit');
    await page.context().close();
  });

  it('shows HR real progress on a subject page, and lets HR add an "other" rater and remove one', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto(subjectPage(cast.mo));
    await heading(page, 'Feedback requests for Mo Abernathy').waitFor();
    const row = (name: string) => page.locator('.rater', { hasText: name });
    await row('Amara Nwosu').getByText('Submitted').waitFor();
    await row('Ben Hargreaves').getByText('Asked, not started').waitFor();
    await expect(page.getByRole('link', { name: 'Spring 2026' }).getAttribute('href')).resolves.toBe(`/cycles/${cycle.id}`);

    await page.getByRole('radio', { name: /Other colleague/ }).check();
    await searchColleagues(page, 'Iris');
    await page.getByRole('checkbox', { name: /Iris Novak/ }).check();
    await page.getByRole('button', { name: 'Ask 1 colleague' }).click();
    await see(page, 'Asked Iris Novak for feedback on Mo.');
    const others = page.getByRole('region', { name: /^Others/ });
    await others.locator('.person-line__name', { hasText: 'Iris Novak' }).waitFor();
    await audit(page, 'subject-requests-hr');
    await screenshot(page, 'feedback-19-subject-page-hr');
    expect(
      (await t.db.query(`SELECT relationship, state FROM feedback_requests WHERE subject_id = $1 AND rater_id = $2`, [cast.mo.id, cast.ben.id]))[0],
    ).toEqual({
      relationship: 'peer',
      state: 'open',
    });

    await others.getByRole('button', { name: 'Remove Iris Novak' }).click();
    await page.getByRole('dialog', { name: 'Remove Iris Novak as a rater?' }).getByRole('button', { name: 'Remove rater' }).click();
    await page.getByText('Removed Iris Novak').waitFor();
    await expect(page.locator('.rater', { hasText: 'Iris Novak' }).count()).resolves.toBe(0);

    // The cycle's progress page counts Amara's submission from the browser above.
    const [mo] = await t.db.query(
      `SELECT count(*) FILTER (WHERE state = 'submitted')::int AS submitted, count(*) FILTER (WHERE state IN ('open', 'in_progress', 'submitted'))::int AS asked
         FROM feedback_requests WHERE cycle_id = $1 AND subject_id = $2`,
      [cycle.id, cast.mo.id],
    );
    expect(mo.submitted).toBeGreaterThanOrEqual(1);
    await page.goto(`/cycles/${cycle.id}/progress`);
    const moRate = page.getByRole('meter', { name: 'Response rate, Mo Abernathy' });
    await moRate.waitFor();
    await expect(moRate.getAttribute('aria-valuenow')).resolves.toBe(String(Math.round((100 * mo.submitted) / mo.asked)));
    await screenshot(page, 'feedback-19b-progress-hr');
    await page.context().close();
  });

  it("keeps HR's top bar tidy with the two new menu entries (desktop)", async () => {
    // HR's menu is the fullest: at desktop width it still clears the signed-in person.
    const hana = await t.newPage();
    await signIn(hana, cast.hana);
    await hana.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My feedback' }).waitFor();
    const [navEnd, userStart] = await hana.evaluate<[number, number]>(
      `[document.querySelector('nav[aria-label="Main"] > ul').getBoundingClientRect().right, document.querySelector('.topbar__user').getBoundingClientRect().left]`,
    );
    expect(navEnd).toBeLessThanOrEqual(userStart);
    await screenshot(hana, 'feedback-19-home-hr', { fullPage: false });
    await hana.context().close();
  });

  it('fits a phone (375 px): My feedback, the questionnaire, Requests and a subject page', async () => {
    const ben = await t.newPage(PHONE);
    await signIn(ben, cast.ben);
    await screenshot(ben, 'feedback-19-home-phone');
    await ben.goto('/feedback');
    await heading(ben, 'My feedback').waitFor();
    expect(await overflow(ben)).toBeLessThanOrEqual(0);
    await audit(ben, 'my-feedback-phone');
    await screenshot(ben, 'feedback-20-my-feedback-phone');
    await ben.getByRole('link', { name: 'Start feedback for Mo Abernathy' }).click();
    await heading(ben, 'Feedback for Mo Abernathy').waitFor();
    for (let i = 0; i < 4; i++) await radio(statements(ben).nth(i), i === 2 ? 'Not observed' : 'Often').check();
    await ben.getByText(/Saved \d{1,2}:\d\d/).waitFor();
    expect(await overflow(ben)).toBeLessThanOrEqual(0);
    // The five points on one line, lowest to highest, left to right; Not observed on its own line below; each wide enough to tap.
    const boxes = await statements(ben)
      .nth(0)
      .locator('.scale__option')
      .evaluateAll((els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          return { top: box.top, left: box.left, width: box.width };
        }),
      );
    expect(new Set(boxes.slice(0, 5).map((b) => Math.round(b.top))).size).toBe(1);
    expect(boxes.slice(0, 5).every((b, i, all) => i === 0 || b.left > all[i - 1].left)).toBe(true);
    expect(boxes[5].top).toBeGreaterThan(boxes[0].top);
    expect(Math.min(...boxes.map((b) => b.width))).toBeGreaterThanOrEqual(44);
    await audit(ben, 'questionnaire-phone');
    await screenshot(ben, 'feedback-21-questionnaire-phone', { fullPage: false });
    await screenshot(ben, 'feedback-21-questionnaire-phone-full');
    await ben.context().close();

    const maya = await t.newPage(PHONE);
    await signIn(maya, cast.maya);
    await maya.goto('/requests');
    await heading(maya, 'Requests').waitFor();
    await maya.getByRole('heading', { name: 'Your team' }).waitFor();
    await screenshot(maya, 'feedback-22-requests-phone');
    expect(await overflow(maya)).toBeLessThanOrEqual(0);
    await maya.goto(subjectPage(cast.mo));
    await heading(maya, 'Feedback requests for Mo Abernathy').waitFor();
    await screenshot(maya, 'feedback-23-subject-page-phone');
    expect(await overflow(maya)).toBeLessThanOrEqual(0);
    await audit(maya, 'subject-requests-phone');
    await maya.context().close();

    const cora = await t.newPage(PHONE);
    await signIn(cora, cast.cora);
    await cora.goto(subjectPage(cast.cora));
    await heading(cora, 'Your feedback requests').waitFor();
    await searchColleagues(cora, 'Ben');
    await cora.getByRole('checkbox', { name: /Ben Hargreaves/ }).check();
    await screenshot(cora, 'feedback-24-ask-phone');
    expect(await overflow(cora)).toBeLessThanOrEqual(0);
    await cora.context().close();
  });

  it('says when saving fails and retries, and turns read-only when the cycle closes under an open questionnaire', async () => {
    const page = await t.newPage();
    await signIn(page, cast.ben);
    await page.goto('/feedback');
    await page.getByRole('link', { name: 'Continue feedback for Mo Abernathy' }).click();
    await heading(page, 'Feedback for Mo Abernathy').waitFor();
    await see(page, `4 of ${TOTAL} answered`);

    // The connection drops: the draft is kept on screen, the status says so, and it saves once back.
    await page.route('**/api/feedback-requests/*/draft', (route) => route.abort('internetdisconnected'));
    await radio(statements(page).nth(4), 'Very often').check();
    await page.getByText('Couldn’t save — retrying').waitFor();
    await screenshot(page, 'feedback-25-save-retrying', { fullPage: false });
    await page.unroute('**/api/feedback-requests/*/draft');
    await page.getByText(/Saved \d{1,2}:\d\d/).waitFor();
    await see(page, `5 of ${TOTAL} answered`);

    // HR closes the cycle while Ben still has the page open; his next change is refused (409).
    const hr = await t.newPage();
    await signIn(hr, cast.hana);
    const api = await apiAs(hr);
    await api('POST', `/api/cycles/${cycle.id}/start-collecting`);
    await api('POST', `/api/cycles/${cycle.id}/close`);
    await hr.context().close();

    await radio(statements(page).nth(5), 'Rarely').check();
    await page.getByText('This cycle has closed; your draft is kept but can no longer be sent.').waitFor();
    await expect(page.getByRole('radio').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Submit feedback' }).count()).resolves.toBe(0);
    await see(page, 'Very often'); // the saved draft, read-only
    await screenshot(page, 'feedback-26-cycle-closed');
    const [draft] = await t.db.query(
      `SELECT jsonb_array_length(r.draft->'answers') AS answers, f.state FROM responses r JOIN feedback_requests f ON f.id = r.request_id WHERE f.rater_id = $1 AND f.subject_id = $2`,
      [cast.ben.id, cast.mo.id],
    );
    expect(draft).toEqual({ answers: 5, state: 'in_progress' });

    await page.reload();
    await page.getByText('This cycle has closed; your draft is kept but can no longer be sent.').waitFor();
    await page.goto('/feedback');
    await page.getByRole('link', { name: 'View feedback for Mo Abernathy' }).waitFor();
    await see(page, 'Closed');
    await page.context().close();
  });

  it('has no serious or critical accessibility violations on the pages above (axe)', () => {
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(12);
    const found = Object.entries(a11y).flatMap(([pageName, violations]) => violations.map((v) => `${pageName}: ${v}`));
    expect(found).toEqual([]);
  });
});
