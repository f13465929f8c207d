/**
 * The three journeys in German, in a real browser: a subject switches Ripple to German on their
 * account page and asks a colleague for feedback; that colleague (whose browser keeps German)
 * rates them and submits; the subject reads a released report whose means are written with a
 * decimal comma. Every page says lang="de" and shows German words, not the English ones.
 * Axe on every page; screenshots in tests/artifacts/screenshots/german-*.png (SCREENSHOTS=1).
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns 'browser/german'
 */
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, TEST_PASSWORD, type TestPerson } from '../support/factories';
import type { TestFrameworkVersion } from '../support/feedback-factories';
import { aReportCycle, aReportSubject, aResponse, snapshotReports, theDefaultFramework } from '../support/report-factories';
import type { TestApp } from '../support/test-app';
import { pdfTextRuns } from '../../libs/reports/src/export/testing/pdf-text';
import { logIn, screenshot as saveScreenshot, seriousA11yViolations, signIn, startBrowserApp, topBarProblems, type BrowserApp } from '../support/browser';

jest.setTimeout(120_000);

const inDays = (days: number): string => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

interface Cast {
  hana: TestPerson;
  maya: TestPerson;
  mo: TestPerson;
  amara: TestPerson;
  ben: TestPerson;
  chloe: TestPerson;
  dev: TestPerson;
}

async function seed(t: BrowserApp): Promise<{ cast: Cast; orgId: string }> {
  const org = await anOrganization(t.db, { name: 'Hafenmuseum' });
  const person = (name: string, title: string, department: string, extra: Parameters<typeof aPerson>[2] = {}) =>
    aPerson(t.db, org.id, { name, title, department, email: `${name.split(' ')[0].toLowerCase()}@hafen.example`, ...extra });
  const hana = await person('Hana Okafor', 'Personalleitung', 'Personal', { role: 'admin' });
  const maya = await person('Maya Lindqvist', 'Leitung Sammlung', 'Sammlung');
  const mo = await person('Mo Abernathy', 'Registrar', 'Sammlung', { managerId: maya.id });
  const amara = await person('Amara Nwosu', 'Kuratorin', 'Sammlung');
  const ben = await person('Ben Hargreaves', 'Ausstellungsleitung', 'Ausstellungen', { withLogin: false });
  const chloe = await person('Chloe Martin', 'Gestaltung', 'Ausstellungen', { withLogin: false });
  const dev = await person('Dev Patel', 'Technik', 'Ausstellungen', { withLogin: false });
  return { cast: { hana, maya, mo, amara, ben, chloe, dev }, orgId: org.id };
}

/** The JSON API as the person signed in on this page (same cookies), with the CSRF header. */
async function apiAs(page: Page) {
  const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
  return async (method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<any> => {
    const response = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': token } });
    if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
}

/** A page whose browser has chosen German before (the choice is kept in this browser). */
async function germanPage(t: BrowserApp, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await t.newPage(viewport);
  await page.addInitScript("window.localStorage.setItem('ripple.language', 'de')");
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const htmlLang = (page: Page) => page.evaluate<string>('document.documentElement.lang');
const mainText = (page: Page) => page.locator('main').innerText();

/** Ratings for every statement: `base`, one up on every third statement (so that means are not whole numbers). */
const ratings = (version: TestFrameworkVersion, base: number): number[] => version.statementIds.map((_, i) => Math.min(5, base + (i % 3 === 0 ? 1 : 0)));

describe('Ripple in German: the three journeys', () => {
  let t: BrowserApp;
  let cast: Cast;
  let reportCycleId: string;
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };

  beforeAll(async () => {
    t = await startBrowserApp();
    let orgId: string;
    ({ cast, orgId } = await seed(t));
    const hr = await t.newPage();
    await signIn(hr, cast.hana);
    const api = await apiAs(hr);
    const created = await api('POST', '/api/cycles', {
      name: 'Frühjahr 2026',
      settings: { minPeers: 1, maxPeers: 3, managerApprovesPeers: false, nominationDeadline: inDays(4.5), responseDeadline: inDays(9.5) },
    });
    await api('POST', `/api/cycles/${created.id}/subjects`, { personIds: [cast.mo.id] });
    await api('POST', `/api/cycles/${created.id}/launch`);
    await hr.context().close();

    // An earlier, released cycle with Mo's report: self, manager and three peers.
    const asTestApp = { app: t.app, db: t.db } as TestApp;
    const version = await theDefaultFramework(asTestApp, orgId);
    const earlier = await aReportCycle(t.db, orgId, version.id, { state: 'released', name: 'Herbst 2025', closedAt: new Date('2025-10-15T12:00:00Z') });
    await aReportSubject(t.db, earlier, cast.mo.id, { managerId: cast.maya.id, hasReports: false });
    const respond = (raterId: string, relationship: 'self' | 'manager' | 'peer', base: number, comments: (string | null)[] = []) =>
      aResponse(t.db, earlier, version, { subjectId: cast.mo.id, raterId, relationship, ratings: ratings(version, base), comments });
    await respond(cast.mo.id, 'self', 4);
    await respond(cast.maya.id, 'manager', 3);
    await respond(cast.ben.id, 'peer', 3, ['Mo erklärt, warum eine Frist wichtig ist, nicht nur wann sie ist.']);
    await respond(cast.chloe.id, 'peer', 4);
    await respond(cast.dev.id, 'peer', 4);
    await snapshotReports(asTestApp, orgId, earlier.id);
    reportCycleId = earlier.id;
  });
  afterAll(() => t?.close());

  it('requesting feedback: the subject switches to German on the account page and asks a colleague', async () => {
    const page = await t.newPage();
    await signIn(page, cast.mo, '/account');
    await heading(page, 'Your account').waitFor();
    expect(await htmlLang(page)).toBe('en');

    await page.getByLabel('Language of Ripple').selectOption('de');
    await heading(page, 'Ihr Konto').waitFor();
    expect(await htmlLang(page)).toBe('de');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Anfragen' }).click();
    await heading(page, 'Anfragen').waitFor();
    const onYou = page.getByRole('region', { name: 'Feedback zu Ihnen' });
    await onYou.getByText('0 von 1–3 Peers — mindestens 1 weitere fragen').waitFor();
    await audit(page, 'requests');
    await screenshot(page, 'german-01-requests');

    await onYou.getByRole('link', { name: /Kolleginnen und Kollegen fragen/ }).click();
    await heading(page, 'Ihre Feedbackanfragen').waitFor();
    await page.getByRole('searchbox', { name: 'Kolleginnen und Kollegen suchen' }).fill('Amara');
    await page.getByRole('checkbox', { name: /Amara Nwosu/ }).check();
    await page.getByText('1 ausgewählt · Sie können noch 2 wählen').waitFor();
    await audit(page, 'ask-colleagues');
    await screenshot(page, 'german-02-ask-colleagues');
    await page.getByRole('button', { name: '1 Person fragen' }).click();
    await page.getByText('Amara Nwosu um Feedback gebeten. Sie erhalten eine E-Mail.').waitFor();
    await page.getByText('Genug Peers · bis zu 2 weitere möglich').waitFor();
    const text = await mainText(page);
    expect(text).not.toMatch(/Ask colleagues|Who you have asked|selected/);

    // The choice is Mo's, kept on the server (mails and PDFs follow it): a reload is still German,
    // and so is a browser that never chose a language.
    await page.reload();
    await heading(page, 'Ihre Feedbackanfragen').waitFor();
    expect(await htmlLang(page)).toBe('de');
    await page.context().close();
    const [{ language }] = await t.db.query(`SELECT language FROM people WHERE id = $1`, [cast.mo.id]);
    expect(language).toBe('de');
    const elsewhere = await t.newPage();
    await signIn(elsewhere, cast.mo, '/requests');
    await heading(elsewhere, 'Anfragen').waitFor();
    await elsewhere.context().close();
  });

  it('rating a colleague: the questionnaire in German, answered and submitted', async () => {
    // Amara chose German before (her own language, kept on the server).
    await t.db.query(`UPDATE people SET language = 'de' WHERE id = $1`, [cast.amara.id]);
    const page = await germanPage(t);
    await signIn(page, cast.amara, '/feedback');
    await heading(page, 'Mein Feedback').waitFor();
    expect(await htmlLang(page)).toBe('de');
    await page.getByText('1 Anfrage wartet auf Ihr Feedback.').waitFor();
    // The deadline in words and the date in German ("Fällig in 10 Tagen · 14.12.2026" or similar).
    await page.getByText(/^Fällig in \d+ Tagen$/).waitFor();
    await audit(page, 'my-feedback');
    await screenshot(page, 'german-03-my-feedback');

    await page.getByRole('link', { name: /Beginnen.*Feedback für Mo Abernathy/ }).click();
    await heading(page, 'Feedback für Mo Abernathy').waitFor();
    const statements = page.locator('fieldset.statement');
    const total = await statements.count();
    expect(total).toBeGreaterThan(10);
    await page.getByText(`0 von ${total} beantwortet`, { exact: true }).waitFor();
    await page.getByText('Bewerten Sie, wie oft Sie jedes Verhalten beobachten.').waitFor();
    await audit(page, 'questionnaire');
    for (let i = 0; i < total; i++) await statements.nth(i).locator('input[type=radio]').nth(3).check();
    await page.getByText(`Alle ${total} Aussagen sind beantwortet.`, { exact: false }).waitFor();
    await screenshot(page, 'german-04-questionnaire');
    await page.getByRole('button', { name: 'Feedback abschicken' }).click();
    await page.getByText('Abgeschickt – vielen Dank').waitFor();
    await page.getByText('Ihre Antworten sind endgültig; hier sehen Sie, was Sie gesendet haben.').waitFor();
    const text = await mainText(page);
    expect(text).not.toMatch(/Submit|answered|Back to My feedback/);
    await page.context().close();
  });

  it('reviewing a report: German headings and means with a decimal comma', async () => {
    const page = await germanPage(t);
    await signIn(page, cast.mo, `/reports/cycles/${reportCycleId}/subjects/${cast.mo.id}`);
    await page.getByRole('heading', { level: 2, name: 'Zusammenfassung' }).waitFor();
    expect(await htmlLang(page)).toBe('de');
    for (const name of ['Auf einen Blick', 'Stärken und Entwicklungsfelder', 'Blinde Flecken und verborgene Stärken', 'Kommentare'])
      await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.getByRole('link', { name: 'PDF herunterladen' }).waitFor();
    await page.getByText('Dieser Bericht gehört Ihnen.', { exact: false }).waitFor();
    await page.getByText('Mo erklärt, warum eine Frist wichtig ist, nicht nur wann sie ist.').waitFor();

    const means = await page.locator('.cell-value__mean').allInnerTexts();
    expect(means.length).toBeGreaterThan(10);
    for (const mean of means) expect(mean).toMatch(/^\d,\d\d$/);
    // Whole and fractional means both (peers 3, 4, 4 and one up on every third statement: 3,67 and 4,67).
    expect(means).toContain('3,67');
    const text = await mainText(page);
    expect(text).not.toMatch(/\b\d\.\d\d\b/);
    expect(text).not.toMatch(/\bSummary\b|\bAt a glance\b|Download PDF/);
    await audit(page, 'report');
    await screenshot(page, 'german-05-report');

    // Every part of the page, opened up (notes, tables behind the charts, each behaviour), is German too.
    await page.getByRole('button', { name: 'Alle Verhaltensweisen aufklappen' }).click();
    await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
    const everything = await mainText(page);
    for (const words of [
      'So lesen Sie das',
      'Jeder Index ist der Mittelwert seiner Verhaltensweisen, bewertet von allen außer Ihnen',
      'Seitwärts',
      'aus Sicht der Peers',
      'Ihre Selbsteinschätzung liegt mindestens einen Punkt über dem, was alle anderen vergeben haben.',
      'Die Zahlen hinter dem Diagramm',
      'Alle Verhaltensweisen zuklappen',
    ])
      expect(everything).toContain(words);
    expect(everything).not.toMatch(
      /How to read|All others|\bnot shown\b|Sideways|Downwards|Upwards|Influence index|Expand all|Collapse all|as peers see it|self rating|\bspread\b|\braters?\b|Your own answer/,
    );
    expect(everything).not.toMatch(/\b\d\.\d\d\b/);
    await audit(page, 'report-opened');

    // The PDF the subject downloads is German too.
    const pdf = await page.request.get(`/api/reports/cycles/${reportCycleId}/subjects/${cast.mo.id}.pdf`);
    expect(pdf.ok()).toBe(true);
    const pdfText = pdfTextRuns(await pdf.body()).join(' ');
    expect(pdfText).toContain('Zusammenfassung');
    expect(pdfText).not.toMatch(/\bSummary\b|Blind spots|confidential/);
    await page.context().close();
  });

  it("reviewing a direct report's report: the manager reads it in German, and the list of reports too", async () => {
    const page = await germanPage(t);
    await signIn(page, cast.maya, '/account');
    // Her own language is German: the mails, pages and PDFs she gets follow it.
    await (
      await apiAs(page)
    )('PUT', '/api/auth/me/language', { language: 'de' });
    await page.goto('/reports');
    await heading(page, 'Berichte').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Berichte Ihres Teams' }).waitFor();
    const list = await mainText(page);
    expect(list).not.toMatch(/Your team|Released|Open\b|Plans shared/);
    await audit(page, 'reports-list');
    await page.getByRole('link', { name: /^Öffnen.*Bericht von Mo Abernathy für Herbst 2025$/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Zusammenfassung' }).waitFor();
    await page.getByText('Sie sehen diesen Bericht als Führungskraft von Mo.', { exact: false }).waitFor();
    await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
    const text = await mainText(page);
    expect(text).toContain('bewertet von allen außer Mo');
    expect(text).toContain('Die Selbsteinschätzung von Mo liegt mindestens einen Punkt');
    expect(text).not.toMatch(/How to read|All others|Mo's|everyone but/);
    await audit(page, 'report-manager');
    await screenshot(page, 'german-06-report-manager');
    const pdf = await page.request.get(`/api/reports/cycles/${reportCycleId}/subjects/${cast.mo.id}.pdf`);
    const pdfText = pdfTextRuns(await pdf.body()).join(' ');
    expect(pdfText).toContain('Zusammenfassung');
    expect(pdfText).not.toMatch(/\bSummary\b|Blind spots|confidential/);
    await page.context().close();
  });

  it("keeps HR's top bar clear in German: nothing overlaps at 1366 px, nor at any other width", async () => {
    await t.db.query(`UPDATE people SET language = 'de' WHERE id = $1`, [cast.hana.id]);
    const page = await germanPage(t, { width: 1366, height: 900 });
    await signIn(page, cast.hana);
    await heading(page, /Willkommen/).waitFor();
    // German HR has the longest entries: at 1366 px the bar either holds them all or folds them into Menü.
    const signOut = page.getByRole('button', { name: 'Abmelden' }).or(page.getByRole('button', { name: 'Menü' }));
    await signOut.first().waitFor();
    expect(await topBarProblems(page)).toEqual([]);
    await audit(page, 'home-hr');
    await screenshot(page, 'german-07-topbar-hr-1366');
    for (const width of [320, 375, 1024, 1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('header.topbar:not(.topbar--measure)').waitFor();
      expect({ width, problems: await topBarProblems(page) }).toEqual({ width, problems: [] });
    }
    // Folded, every entry is still one click away.
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.getByRole('button', { name: 'Menü' }).click();
    await page.getByRole('navigation', { name: 'Hauptnavigation (kompakt)' }).getByRole('link', { name: 'Feedbackrunden' }).waitFor();
    await page.context().close();
  });

  it('signing in through the form: a person whose language is German gets German at once, not after a reload', async () => {
    // A browser with no choice of its own (the sign-in page is English); Amara's own language is German.
    await t.db.query(`UPDATE people SET language = 'de' WHERE id = $1`, [cast.amara.id]);
    const page = await t.newPage();
    await page.goto('/login');
    expect(await htmlLang(page)).toBe('en');
    await logIn(page, cast.amara.email, TEST_PASSWORD);
    await heading(page, /^Willkommen, Amara/).waitFor();
    expect(await htmlLang(page)).toBe('de');
    await page.context().close();
  });

  it('has no serious accessibility findings on any German page above', () => {
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(5);
    expect(Object.entries(a11y).filter(([, found]) => found.length > 0)).toEqual([]);
  });
});
