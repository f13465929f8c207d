/**
 * Reviewing aggregated reports, in a real browser. A closed cycle on the default framework with
 * submitted answers from self, manager, four peers, two direct reports and one other colleague
 * (too few direct reports to stand alone: pooled with the other colleague), and an earlier released cycle for
 * the trend. Before release the subject is told it is not ready and a rater gets not found while the manager (the cycle
 * says "on close") reads it; HR opens it from the cycle's subjects and releases; then the subject
 * finds it under Reports, reads chart, tables and comments, downloads the PDF and CSV, and prints.
 * Axe on every page; screenshots at desktop, 375 px and print in tests/artifacts/screenshots/reports-*.png.
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest tests/browser/reports --selectProjects browser
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import type { TestCycle, TestFrameworkVersion } from '../support/feedback-factories';
import { aReportCycle, aReportSubject, aResponse, reportUrl, snapshotReports, theDefaultFramework, uniformResponses } from '../support/report-factories';
import type { TestApp } from '../support/test-app';
import { PHONE, screenshot as saveScreenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(120_000);

/** Index of "Takes people's worries and workload into account…" (empathy.2) in the default framework's questionnaire. */
const EMPATHY_2 = 4;

interface Cast {
  hana: TestPerson; // HR
  maya: TestPerson; // Mo's manager
  mo: TestPerson; // the subject
  amara: TestPerson; // a peer who rated Mo
  peers: TestPerson[];
  directs: TestPerson[];
  other: TestPerson;
}

async function seed(t: BrowserApp): Promise<{ cast: Cast; orgId: string }> {
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
  const amara = await person('Amara Nwosu', 'Curator', 'Collections');
  const peers = [
    amara,
    await person('Ben Hargreaves', 'Exhibitions Manager', 'Exhibitions', { withLogin: false }),
    await person('Chloé Martin', 'Designer', 'Exhibitions', { withLogin: false }),
    await person('Dev Patel', 'Technician', 'Exhibitions', { withLogin: false }),
  ];
  const directs = [
    await person('Elena Rossi', 'Archivist', 'Collections', { managerId: mo.id, withLogin: false }),
    await person('Felix Braun', 'Collections Assistant', 'Collections', { managerId: mo.id, withLogin: false }),
  ];
  const other = await person('Grace Liu', 'Visitor Host', 'Visitor Services', { withLogin: false });
  return { cast: { hana, maya, mo, amara, peers, directs, other }, orgId: org.id };
}

/** How much better or worse than their average the raters see each behaviour, in framework order: the report's shape. */
const BEHAVIOUR_OFFSET = [0.7, 0.3, 0.5, -0.4, 0, -0.7, 0.4, 0.6, -0.2, -0.9, 0.2, -0.5];

const statementOffsets = (version: TestFrameworkVersion): number[] =>
  version.behaviours.flatMap((b, i) => b.statements.map(() => BEHAVIOUR_OFFSET[i % BEHAVIOUR_OFFSET.length]));

/**
 * One rater's ratings (1–5) around `base`, moved by the behaviour's offset and a little by
 * statement and rater; the statements at the `notObserved` indexes are "not observed".
 */
function ratings(version: TestFrameworkVersion, base: number, seed: number, notObserved: number[] = []): (number | null)[] {
  const offsets = statementOffsets(version);
  return version.statementIds.map((_, i) => {
    if (notObserved.includes(i)) return null;
    const wobble = (((i * 7 + seed * 3) % 5) - 2) * 0.4;
    return Math.max(1, Math.min(5, Math.round(base + offsets[i] + wobble)));
  });
}

/** A whole-page picture is taken from the top, so the sticky top bar is not painted over the middle of the page. */
async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (options.fullPage !== false) await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, name, options);
}

const main = (page: Page) => page.locator('main');
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const notFound = (page: Page) => heading(page, 'Page not found').waitFor();
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
/** Bars recharts drew (one path per shown number of the chart). */
const bars = (page: Page) => page.locator('figure.behaviour-chart svg.recharts-surface .recharts-bar-rectangle path');

describe('Reviewing aggregated reports in the browser', () => {
  let t: BrowserApp;
  let cast: Cast;
  let orgId: string;
  let cycle: TestCycle;
  let version: TestFrameworkVersion;
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };
  const reportPage = () => `/reports/cycles/${cycle.id}/subjects/${cast.mo.id}`;
  // The report factories read only `app` and `db`, which the browser app has too.
  const asTestApp = (): TestApp => ({ app: t.app, db: t.db }) as TestApp;

  beforeAll(async () => {
    t = await startBrowserApp();
    ({ cast, orgId } = await seed(t));
    version = await theDefaultFramework(asTestApp(), orgId);
    const { mo, maya, peers, directs, other } = cast;

    // Autumn 2025, released: everyone rated 3 everywhere — the trend's baseline.
    const earlier = await aReportCycle(t.db, orgId, version.id, { state: 'released', name: 'Autumn 2025', closedAt: new Date('2025-10-15T12:00:00Z') });
    await aReportSubject(t.db, earlier, mo.id, { managerId: maya.id, hasReports: true });
    await uniformResponses(
      t.db,
      earlier,
      version,
      mo.id,
      [
        { id: mo.id, relationship: 'self' },
        { id: maya.id, relationship: 'manager' },
        ...peers.slice(0, 3).map((p) => ({ id: p.id, relationship: 'peer' as const })),
      ],
      3,
    );
    await snapshotReports(asTestApp(), orgId, earlier.id);

    // Spring 2026, closed: the manager may read reports on close, the subject after release.
    cycle = await aReportCycle(t.db, orgId, version.id, {
      state: 'closed',
      name: 'Spring 2026',
      settings: { reportVisibility: { subject: 'on_release', manager: 'on_close' } },
    });
    await aReportSubject(t.db, cycle, mo.id, { managerId: maya.id, hasReports: true });
    const respond = (
      raterId: string,
      relationship: 'self' | 'manager' | 'peer' | 'direct_report' | 'other',
      values: (number | null)[],
      comments: (string | null)[] = [],
    ) => aResponse(t.db, cycle, version, { subjectId: mo.id, raterId, relationship, ratings: values, comments });
    // Self: 4, but 5 where colleagues see least (blind spots) and 2 where they see most (hidden strengths).
    const selfRatings = statementOffsets(version).map((o) => (o <= -0.5 ? 5 : o >= 0.6 ? 2 : 4));
    await respond(mo.id, 'self', selfRatings, ['I keep people informed about loans.', 'Delegating the catalogue work earlier.']);
    await respond(maya.id, 'manager', ratings(version, 3.5, 1), ['Mo asks the quiet ones first in planning meetings.']);
    // Two peers did not observe the second Empathy statement: too few peers answered it for a number of their own.
    await respond(peers[0].id, 'peer', ratings(version, 3.5, 2, [EMPATHY_2]), [
      'Mo explains why a deadline matters, not only when it is.',
      'Share the exhibition plan earlier.',
    ]);
    await respond(peers[1].id, 'peer', ratings(version, 3.8, 3, [EMPATHY_2]), ['Always makes time to listen.']);
    await respond(peers[2].id, 'peer', ratings(version, 3.2, 4), [null, 'Say no to more requests, so the team is not stretched.']);
    await respond(peers[3].id, 'peer', ratings(version, 3.6, 5), ['Calm under pressure during the flood in March.']);
    await respond(directs[0].id, 'direct_report', ratings(version, 4.2, 6), ['Gives me room to lead the digitisation project.']);
    await respond(directs[1].id, 'direct_report', ratings(version, 3.9, 7));
    await respond(other.id, 'other', ratings(version, 3, 8), [null, 'Could bring Visitor Services into decisions sooner.']);
    const result = await snapshotReports(asTestApp(), orgId, cycle.id);
    expect(result).toMatchObject({ subjects: 1, written: 1 });
  });
  afterAll(() => t?.close());

  it('before release: the subject sees only earlier reports and is told this one is not ready; a peer who rated never sees it', async () => {
    const page = await t.newPage();
    await signIn(page, cast.mo);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await heading(page, 'Reports').waitFor();
    const own = page.getByRole('region', { name: 'Your reports' });
    await own.getByRole('heading', { name: 'Autumn 2025' }).waitFor();
    await expect(own.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual(['Autumn 2025']);
    await expect(main(page).getByText('Spring 2026').count()).resolves.toBe(0);
    await page.goto(reportPage());
    await heading(page, 'Report not available yet').waitFor();
    await expect(main(page).getByText('Mo Abernathy').count()).resolves.toBe(0);
    await audit(page, 'report-not-yet');
    await screenshot(page, 'reports-00b-report-not-yet');
    await page.context().close();

    const peer = await t.newPage();
    await signIn(peer, cast.amara);
    await peer.goto(reportPage());
    await notFound(peer);
    await expect(main(peer).getByText('Download PDF').count()).resolves.toBe(0);
    await peer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await heading(peer, 'Reports').waitFor();
    await main(peer).getByText('No reports yet').waitFor();
    await main(peer)
      .getByText(/once a feedback cycle you were reviewed in has closed and HR has released/)
      .waitFor();
    await audit(peer, 'reports-empty');
    await screenshot(peer, 'reports-01-list-empty');
    await peer.context().close();
  });

  it('lets the manager read the report on close, from Reports: header, summary, chart, tables and hidden reasons', async () => {
    const page = await t.newPage();
    await signIn(page, cast.maya);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await heading(page, 'Reports').waitFor();
    const team = page.getByRole('region', { name: 'Your team’s reports' });
    // Newest cycle first: Spring 2026 (closed, not yet released to Mo), then Autumn 2025.
    const items = team.getByRole('listitem');
    await expect(items.count()).resolves.toBe(2);
    await items.nth(0).getByText('Registrar · Collections · Spring 2026').waitFor();
    await items.nth(0).getByText('Not released yet').waitFor();
    await items
      .nth(0)
      .getByText(/Mo cannot see it until HR releases it/)
      .waitFor();
    await items.nth(1).getByText('Registrar · Collections · Autumn 2025').waitFor();
    await items.nth(1).getByText('Released', { exact: true }).waitFor();
    await audit(page, 'reports-manager-list');
    await screenshot(page, 'reports-02-list-manager');

    await team.getByRole('link', { name: 'Open Mo Abernathy’s report for Spring 2026' }).click();
    await heading(page, 'Mo Abernathy').waitFor();
    expect(new URL(page.url()).pathname).toBe(reportPage());
    await main(page).getByText('360° feedback report · Spring 2026').waitFor();
    await main(page)
      .getByText(/You can see this as Mo's manager\. Mo can read it once HR releases it/)
      .waitFor();
    await main(page).getByText('Not released yet').first().waitFor();

    const report = await (await page.request.get(reportUrl(cycle.id, cast.mo.id))).json();
    expect(report.viewer).toBe('manager');
    // The summary shows the API's numbers, rounded to two decimals.
    const influence = page.locator('.index-stat').filter({ hasText: 'Influence index' });
    await expect(influence.locator('.index-stat__value').textContent()).resolves.toBe(report.indices.influence.all_others.mean.toFixed(2));
    const profile = page.getByRole('img', { name: /^Manager–leader profile: / });
    await expect(profile.getAttribute('aria-label')).resolves.toContain(`Influence index ${report.profile.influence.toFixed(2)}`);

    // The chart: one bar per shown behaviour number of each group drawn.
    await bars(page).first().waitFor();
    const shownBehaviourCells = report.behaviours.flatMap((b: any) =>
      Object.entries(b.cells).filter(([key, c]: [string, any]) => c.shown && key !== 'direct_report'),
    );
    await expect(bars(page).count()).resolves.toBe(shownBehaviourCells.length);
    await expect(page.locator('.chart-legend').textContent()).resolves.toBe('SelfManagerPeersDirect reports and other colleaguesAll others');

    // Direct reports are too few alone: their column leaves the behaviour's table, said once beneath it, with no count.
    expect(report.columns.find((c: any) => c.key === 'direct_report')).toMatchObject({ shown: false, reason: 'pooled' });
    const listening = page.getByRole('region', { name: 'Listening' });
    await listening.getByRole('button', { name: 'Listening', expanded: false }).click();
    await listening.getByRole('table').waitFor();
    await expect(listening.locator('td[data-label="Direct reports"]').count()).resolves.toBe(0);
    await listening.getByText('Direct reports: not shown here — shown together with other groups.').waitFor();
    // The second Empathy statement: two peers chose "not observed", so the peers' number is hidden, and
    // Others too, or all others − manager − Others would give those two peers' sum back. Each says so once.
    const empathy = page.getByRole('region', { name: 'Empathy' });
    await empathy.getByRole('button', { name: 'Empathy', expanded: false }).click();
    const worries = empathy.getByRole('row', { name: /worries and workload/ });
    await expect(worries.locator('td[data-label="Peers"]').textContent()).resolves.toBe('–Fewer than 3 anonymous responses');
    await expect(worries.locator('td[data-label="Direct reports and other colleagues"]').textContent()).resolves.toBe(
      "–Hidden so a smaller group can't be worked out",
    );
    await empathy.getByText('Peers, where “–”: fewer than 3 anonymous responses.').waitFor();
    await empathy.getByText("Direct reports and other colleagues, where “–”: hidden so a smaller group can't be worked out.").waitFor();
    await page.locator('#at-a-glance').getByText('Direction of influence').waitFor();
    await page.locator('.influence-direction').filter({ hasText: 'Downwards' }).getByText('Shown together with other groups').first().waitFor();

    // Every number on the page has at most two decimals.
    const text = await main(page).innerText();
    expect(text).not.toMatch(/\d\.\d{3,}/);
    await audit(page, 'report-manager');
    await screenshot(page, 'reports-03-report-manager');
    await page.context().close();
  });

  it('lets HR open the report from the cycle’s subjects, then release the cycle', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto(`/cycles/${cycle.id}`);
    await heading(page, 'Spring 2026').waitFor();
    await page.getByRole('link', { name: 'Report of Mo Abernathy' }).waitFor();
    await audit(page, 'cycle-subjects-hr');
    await screenshot(page, 'reports-09-cycle-subjects-hr');
    await page.getByRole('link', { name: 'Report of Mo Abernathy' }).click();
    await heading(page, 'Mo Abernathy').waitFor();
    await main(page)
      .getByText(/You can see this as HR\. Mo can read it once the cycle is released/)
      .waitFor();
    await bars(page).first().waitFor();
    await audit(page, 'report-hr');
    await page.getByRole('link', { name: 'Spring 2026' }).first().click();
    await heading(page, 'Spring 2026').waitFor();

    await page.getByRole('button', { name: 'Release reports' }).click();
    const dialog = page.getByRole('dialog', { name: 'Release the reports?' });
    await dialog.getByRole('button', { name: 'Release reports' }).click();
    await page.getByText('Reports released').first().waitFor();
    const [{ state }] = await t.db.query(`SELECT state FROM cycles WHERE id = $1`, [cycle.id]);
    expect(state).toBe('released');
    await page.context().close();
  });

  it('after release: the subject finds the report, reads it, downloads the PDF and CSV, and prints it', async () => {
    const page = await t.newPage();
    await signIn(page, cast.mo);
    const ready = page.getByRole('region', { name: 'Reports ready for you' });
    await ready.getByRole('link', { name: /^Your report · Spring 2026/ }).waitFor();
    await screenshot(page, 'reports-00-home-subject');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await heading(page, 'Reports').waitFor();
    const own = page.getByRole('region', { name: 'Your reports' });
    await own.getByRole('heading', { name: 'Spring 2026' }).waitFor();
    // The earlier released cycle is there too, newest first.
    await expect(own.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual(['Spring 2026', 'Autumn 2025']);
    await audit(page, 'reports-subject-list');
    await screenshot(page, 'reports-04-list-subject');

    await own.getByRole('link', { name: 'Open report for Spring 2026' }).click();
    await heading(page, 'Mo Abernathy').waitFor();
    await main(page)
      .getByText(/This report is yours\./)
      .waitFor();
    await expect(main(page).getByText('Not released yet').count()).resolves.toBe(0);
    await bars(page).first().waitFor();
    expect(await bars(page).count()).toBeGreaterThan(20);

    // Comments: everyone else's unattributed, the subject's own apart.
    const keepDoing = page.locator('.report-question').first();
    await keepDoing.getByText('Always makes time to listen.').waitFor();
    await keepDoing.getByText('Mo asks the quiet ones first in planning meetings.').waitFor();
    await keepDoing.locator('.report-comment-self').getByText('I keep people informed about loans.').waitFor();
    await expect(main(page).getByText('Elena Rossi').count()).resolves.toBe(0);
    await expect(main(page).getByText('Amara Nwosu').count()).resolves.toBe(0);

    // Blind spots, hidden strengths, strengths and the trend against Autumn 2025.
    const blind = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Blind spots', exact: true }) });
    await expect(blind.locator('.self-gap').count()).resolves.toBeGreaterThan(0);
    const hidden = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Hidden strengths', exact: true }) });
    await expect(hidden.locator('.self-gap').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.ranked-list--strength .ranked-list__item').count()).resolves.toBe(5);
    await main(page).getByText('Compared with Autumn 2025').waitFor();
    await audit(page, 'report-subject');
    await screenshot(page, 'reports-05-report-subject');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText).toContain('Listening');
    expect(csvText).not.toContain('Elena');

    // Print, at about the width of A4 inside its margins: no app frame and no buttons; the chart fits the page.
    await page.setViewportSize({ width: 720, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.topbar').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: 'Download PDF' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    const chartFits = await page.evaluate<boolean>(
      `(() => { const s = document.querySelector('figure.behaviour-chart svg.recharts-surface').getBoundingClientRect(); const f = document.querySelector('figure.behaviour-chart').getBoundingClientRect(); return s.right <= f.right + 1 && s.width > 0; })()`,
    );
    expect(chartFits).toBe(true);
    await screenshot(page, 'reports-06-report-print');
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  });

  it('reads well at 375 px: no sideways scrolling, tables stacked, the chart within the screen', async () => {
    const page = await t.newPage(PHONE);
    await signIn(page, cast.mo);
    await page.goto(reportPage());
    await heading(page, 'Mo Abernathy').waitFor();
    await bars(page).first().waitFor();
    expect(await overflow(page)).toBe(0);
    const chartWidth = await page.evaluate<number>(`document.querySelector('figure.behaviour-chart svg.recharts-surface').getBoundingClientRect().right`);
    expect(chartWidth).toBeLessThanOrEqual(375);
    await audit(page, 'report-phone');
    await screenshot(page, 'reports-07-report-phone');
    await page.goto('/reports');
    await heading(page, 'Reports').waitFor();
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'reports-08-list-phone');
    await page.context().close();
  });

  it('still gives a peer who rated not found after release', async () => {
    const peer = await t.newPage();
    await signIn(peer, cast.amara);
    await peer.goto(reportPage());
    await notFound(peer);
    await peer.context().close();
  });

  it('has no serious or critical accessibility findings on any page it visited', () => {
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(8);
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
