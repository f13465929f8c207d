/**
 * The Foundation in a real browser: sign in and out, the people directory, editing a person,
 * inviting one (the outbox shows the mail with its link redacted; the accept page), importing a CSV with a preview, what a
 * member may not see, accessibility (axe) and the phone layout. Screenshots of every page go to
 * tests/artifacts/screenshots/.
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser
 */
import type { Page } from 'playwright-core';
import { newToken } from '../../libs/identity/src/auth/tokens';
import { aPerson, anOrganization, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { PHONE, screenshot, seriousA11yViolations, signIn, startBrowserApp, submitLogin, type BrowserApp } from '../support/browser';

jest.setTimeout(60_000);

const ORG = 'Harbour Museum';

interface Cast {
  hana: TestPerson; // HR admin
  maya: TestPerson; // Head of Collections, manages Mo and Cora
  mo: TestPerson; // member
  cora: TestPerson;
  pat: TestPerson; // no manager
}

/**
 * The link of a person's pending invitation. The outbox never shows it (nor keeps it), so the test
 * gives the invitation HR just sent a secret of its own, as the mailed link would carry.
 */
async function invitationLinkFor(t: BrowserApp, personId: string): Promise<string> {
  const [{ organization_id: organizationId }]: { organization_id: string }[] = await t.db.query(`SELECT organization_id FROM people WHERE id = $1`, [personId]);
  const { token, hash } = newToken(organizationId);
  const [, updated]: [unknown, number] = await t.db.query(
    `UPDATE invitations SET token_hash = $3 WHERE organization_id = $1 AND person_id = $2 AND used_at IS NULL AND expires_at > now()`,
    [organizationId, personId, hash],
  );
  expect(updated).toBe(1);
  return `${t.baseUrl}/accept-invitation?token=${token}`;
}

/** A small museum: an HR admin, a manager with two reports, and enough colleagues to need a second page. */
async function seedMuseum(t: BrowserApp): Promise<Cast> {
  const org = await anOrganization(t.db, { name: ORG });
  const person = (name: string, email: string, extra: Parameters<typeof aPerson>[2] = {}) => aPerson(t.db, org.id, { name, email, ...extra });
  const hana = await person('Hana Okafor', 'hana@harbour.example', { role: 'admin', title: 'HR Lead', department: 'People' });
  const maya = await person('Maya Lindqvist', 'maya@harbour.example', { title: 'Head of Collections', department: 'Collections' });
  const mo = await person('Mo Abernathy', 'mo@harbour.example', { title: 'Registrar', department: 'Collections', managerId: maya.id });
  const cora = await person('Cora Whitfield', 'cora@harbour.example', { title: 'Conservator', department: 'Collections', managerId: maya.id });
  const pat = await person('Pat Kowalski', 'pat@harbour.example', { title: 'Learning Officer', department: 'Learning', withLogin: false });
  const others = [
    ['Amara Nwosu', 'Curator', 'Collections'],
    ['Ben Hargreaves', 'Exhibitions Manager', 'Exhibitions'],
    ['Chloé Martin', 'Designer', 'Exhibitions'],
    ['Dev Patel', 'Technician', 'Exhibitions'],
    ['Elena Rossi', 'Archivist', 'Collections'],
    ['Felix Braun', 'Visitor Host', 'Visitor Services'],
    ['Grace Liu', 'Visitor Host', 'Visitor Services'],
    ['Hugo Silva', 'Front of House Lead', 'Visitor Services'],
    ['Iris Novak', 'Educator', 'Learning'],
    ['Jonas Berg', 'Educator', 'Learning'],
    ['Kemi Adeyemi', 'Fundraising Officer', 'Development'],
    ['Liam O’Brien', 'Head of Development', 'Development'],
    ['Mina Haddad', 'Finance Officer', 'Finance'],
    ['Noah Fischer', 'Head of Finance', 'Finance'],
    ['Olivia Grant', 'Digital Producer', 'Digital'],
    ['Pablo Ortega', 'Web Developer', 'Digital'],
    ['Quinn Murphy', 'Photographer', 'Digital'],
    ['Rosa Jiménez', 'Shop Manager', 'Retail'],
    ['Sami Virtanen', 'Shop Assistant', 'Retail'],
    ['Tara Singh', 'Facilities Manager', 'Operations'],
    ['Umar Farouk', 'Security Officer', 'Operations'],
    ['Vera Kuznetsova', 'Director', 'Directorate'],
    ['Wen Zhao', 'Research Fellow', 'Collections'],
    ['Yusuf Demir', 'Volunteer Coordinator', 'Learning'],
  ] as const;
  for (const [name, title, department] of others) {
    await person(
      name,
      `${name
        .split(' ')[0]
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}@harbour.example`,
      { title, department, withLogin: false },
    );
  }
  return { hana, maya, mo, cora, pat };
}

const main = (page: Page) => page.locator('main');
/** Waits until the page's main content shows this text (assertions on what a person would see). */
const see = (page: Page, text: string) => main(page).getByText(text).first().waitFor();
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('Foundation in the browser', () => {
  let t: BrowserApp;
  let cast: Cast;
  const a11y: Record<string, string[]> = {};
  const audit = async (page: Page, name: string) => {
    a11y[name] = await seriousA11yViolations(page);
  };

  beforeAll(async () => {
    t = await startBrowserApp();
    cast = await seedMuseum(t);
  });
  afterAll(() => t?.close());

  it('signs in (a wrong password says so), shows who I am, signs out, and brings me back where I was going', async () => {
    const page = await t.newPage();
    await page.goto('/');
    await page.waitForURL(/\/login$/);
    await heading(page, 'Sign in').waitFor();
    await audit(page, 'login');
    await screenshot(page, '01-login');

    await submitLogin(page, cast.hana.email, 'not-the-password');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Email or password is incorrect');
    await screenshot(page, '02-login-wrong-password');

    await submitLogin(page, cast.hana.email, TEST_PASSWORD);
    await heading(page, 'Welcome, Hana').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const banner = page.getByRole('banner');
    await expect(banner.textContent()).resolves.toContain('Hana Okafor');
    await expect(banner.textContent()).resolves.toContain(ORG);
    await see(page, 'hana@harbour.example');
    await audit(page, 'home');
    await screenshot(page, '03-home-admin');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login\?signedOut=1$/);
    // The page's code loads after the URL changes (a loading state shows meanwhile): wait for it, then count.
    await page.getByRole('status').filter({ hasText: 'You are signed out' }).first().waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'You are signed out' }).count()).resolves.toBe(1);

    // Signed out, a deep link goes to sign-in first and then on to the page asked for.
    await page.goto('/people?department=Learning');
    await page.waitForURL(/\/login\?next=/);
    await submitLogin(page, cast.hana.email, TEST_PASSWORD);
    await heading(page, 'People').waitFor();
    expect(new URL(page.url()).search).toBe('?department=Learning');
    await page.context().close();
  });

  it('shows HR the people list, with search, department filter and paging', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await heading(page, 'People').waitFor();
    await see(page, '29 people in your organisation');
    const rows = page.locator('main table tbody tr');
    await expect(rows.count()).resolves.toBe(25);
    await expect(page.getByText('Showing 1–25 of 29 people').count()).resolves.toBe(1);
    await expect(page.locator('main table thead').textContent()).resolves.toContain('Sign-in');
    await audit(page, 'people');
    await screenshot(page, '04-people');

    await page.getByRole('button', { name: /Next/ }).click();
    await page.getByText('Showing 26–29 of 29 people').waitFor();
    await expect(rows.count()).resolves.toBe(4);

    await page.getByLabel('Search').fill('conserv');
    await page.waitForURL(/search=conserv/);
    await page.getByText('Showing 1–1 of 1 person').waitFor();
    await expect(rows.first().textContent()).resolves.toContain('Cora Whitfield');
    await screenshot(page, '05-people-search');

    await page.getByLabel('Search').fill('');
    await page.getByLabel('Department').selectOption('Learning');
    await page.getByText('Showing 1–4 of 4 people').waitFor();
    const names = await page.locator('main table tbody .person-cell__name').allTextContents();
    expect(names).toEqual(['Iris Novak', 'Jonas Berg', 'Pat Kowalski', 'Yusuf Demir']);

    await page.getByLabel('Search').fill('nobody-matches-this');
    await page.getByText('Nobody matches these filters').waitFor();
    await screenshot(page, '06-people-empty');
    await page.context().close();
  });

  it("lets HR edit a person's title and manager, shows field errors from the API, and sends an invitation", async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto('/people?search=Pat');
    await page.getByRole('link', { name: 'Pat Kowalski', exact: true }).click();
    await heading(page, 'Pat Kowalski').waitFor();
    await audit(page, 'person-edit');
    await screenshot(page, '07-person-edit');

    await page.getByLabel('Title').fill('Head of Learning');
    const manager = page.getByRole('combobox', { name: 'Manager' });
    await manager.fill('Vera');
    await page.getByRole('option', { name: /Vera Kuznetsova/ }).click();
    await expect(manager.inputValue()).resolves.toBe('Vera Kuznetsova');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved changes to Pat Kowalski').waitFor();

    // The change is stored: a fresh load shows it, and so does the directory.
    await page.reload();
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('Head of Learning');
    await expect(page.getByRole('combobox', { name: 'Manager' }).inputValue()).resolves.toBe('Vera Kuznetsova');
    const [row] = await t.db.query(`SELECT title, (SELECT name FROM people m WHERE m.id = p.manager_id) AS manager FROM people p WHERE email = $1`, [
      cast.pat.email,
    ]);
    expect(row).toEqual({ title: 'Head of Learning', manager: 'Vera Kuznetsova' });

    // Keyboard use of the manager picker: type, arrow down, Enter.
    await manager.fill('');
    await manager.pressSequentially('Maya', { delay: 20 });
    await page.getByRole('option', { name: /Maya Lindqvist/ }).waitFor();
    await manager.press('ArrowDown');
    await manager.press('Enter');
    await expect(manager.inputValue()).resolves.toBe('Maya Lindqvist');

    // A field error from the API appears beside its field.
    await page.getByLabel('Email').fill(cast.mo.email);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const emailField = page.locator('.field', { has: page.getByLabel('Email') });
    await emailField.getByText('Already in use').waitFor();
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, '08-person-field-error');
    // The CSRF cookie is gone (expired, cleared): the client fetches a new token and replays the save once.
    await page.context().clearCookies({ name: 'ripple_csrf' });
    await page.getByLabel('Email').fill(cast.pat.email);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved changes to Pat Kowalski').waitFor();
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBeNull();

    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${cast.pat.email}`).waitFor();
    await screenshot(page, '09-person-invited');

    // The mail is in the outbox, its link redacted: HR never holds a key to Pat's account.
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Outbox' }).click();
    await heading(page, 'Outbox').waitFor();
    await audit(page, 'outbox');
    await screenshot(page, '10-outbox');
    await page
      .getByRole('button', { name: /You are invited to Ripple/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await audit(page, 'outbox-message');
    await screenshot(page, '11-outbox-message');
    await dialog.getByText(`${t.baseUrl}/accept-invitation?token=[redacted]`).waitFor();
    await expect(dialog.getByRole('link', { name: /accept-invitation/ }).count()).resolves.toBe(0);

    // Pat gets the link by mail; here the test gives Pat's pending invitation a secret it knows.
    const pat = await t.newPage();
    await pat.goto(await invitationLinkFor(t, cast.pat.id));
    await heading(pat, 'Welcome, Pat Kowalski').waitFor();
    await see(pat, ORG);
    await audit(pat, 'accept-invitation');
    await screenshot(pat, '12-accept-invitation');
    await pat.getByLabel('New password').fill('short');
    await pat.getByLabel('Confirm password').fill('short');
    await pat.getByRole('button', { name: 'Set password and sign in' }).click();
    await pat.getByText('Use at least 10 characters').waitFor();
    await pat.getByLabel('New password').fill('harbour-lights-2026');
    await pat.getByLabel('Confirm password').fill('harbour-lights-2026');
    await pat.getByRole('button', { name: 'Set password and sign in' }).click();
    await heading(pat, 'Welcome, Pat').waitFor();
    await pat.context().close();
    await page.context().close();
  });

  it('imports people from a CSV file: preview with a row error, fix, import, and they are in the list', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto('/people');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await heading(page, 'Import people').waitFor();
    await audit(page, 'import');
    await screenshot(page, '13-import');

    const broken = [
      'email,name,title,department,manager_email,role',
      'sofia@harbour.example,Sofia Andersen,Curator of Prints,Collections,maya@harbour.example,member',
      'theo@harbour.example,Theo Brandt,Gallery Assistant,Visitor Services,nobody@harbour.example,member',
      'mo@harbour.example,Mo Abernathy,Senior Registrar,Collections,maya@harbour.example,member',
      'cora@harbour.example,Cora Whitfield,Conservator,Collections,maya@harbour.example,member',
    ].join('\n');
    await page.getByLabel('CSV file').setInputFiles({ name: 'new-staff.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByText('Selected: new-staff.csv').waitFor();
    await page.getByRole('button', { name: 'Check file' }).click();
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    const problem = await problems.locator('tbody tr').allTextContents();
    expect(problem).toHaveLength(1);
    expect(problem[0]).toContain('3');
    expect(problem[0]).toContain('manager_email');
    expect(problem[0]).toContain('unknown manager nobody@harbour.example');
    await expect(page.getByRole('button', { name: /^Import \d+ (person|people)$/ }).count()).resolves.toBe(0);
    await audit(page, 'import-errors');
    await screenshot(page, '14-import-row-error');

    const fixed = broken.replace('nobody@harbour.example', 'hana@harbour.example');
    await page.getByLabel('CSV file').setInputFiles({ name: 'new-staff-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
    await page.getByRole('button', { name: 'Check file' }).click();
    const changes = page.getByRole('table', { name: 'Changes in the file' });
    await changes.waitFor();
    await expect(problems.count()).resolves.toBe(0);
    const changeRows = await changes.locator('tbody tr').allTextContents();
    expect(changeRows).toHaveLength(4);
    expect(changeRows[0]).toMatch(/Sofia Andersen.*New/);
    expect(changeRows[1]).toMatch(/Theo Brandt.*New/);
    expect(changeRows[2]).toMatch(/Mo Abernathy.*Update.*Title:\s*Registrar\s*→\s*becomes\s*Senior Registrar/);
    expect(changeRows[3]).toMatch(/Cora Whitfield.*No change/);
    await audit(page, 'import-preview');
    await screenshot(page, '15-import-preview');

    await page.getByRole('button', { name: 'Import 3 people' }).click();
    await page.getByText('3 people imported').waitFor();
    await see(page, '2 added, 1 updated, 1 already up to date');
    await screenshot(page, '16-import-done');

    await page.getByRole('link', { name: 'View people' }).click();
    await heading(page, 'People').waitFor();
    await see(page, '31 people in your organisation');
    await page.getByLabel('Search').fill('harbour.example');
    await page.getByLabel('Search').fill('Sofia');
    await page.getByText('Showing 1–1 of 1 person').waitFor();
    await expect(page.locator('main table tbody tr').first().textContent()).resolves.toContain('Curator of Prints');
    await page.context().close();
  });

  it('shows the audit trail to HR', async () => {
    const page = await t.newPage();
    await signIn(page, cast.hana);
    await page.goto('/admin/audit');
    await heading(page, 'Audit trail').waitFor();
    const text = await page.locator('main table').textContent();
    expect(text).toContain('Imported people');
    expect(text).toContain('Invited a person');
    await audit(page, 'audit');
    await screenshot(page, '17-audit');
    await page.context().close();
  });

  it('keeps admin pages from a member: no admin menu, not found on /people/import, read-only profiles', async () => {
    const page = await t.newPage();
    await signIn(page, cast.mo);
    await heading(page, 'Welcome, Mo').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Home', 'My feedback', 'Requests', 'Ask for feedback', 'Reports', 'People']);
    await expect(page.getByRole('button', { name: 'Admin' }).count()).resolves.toBe(0);
    await screenshot(page, '18-home-member');

    await nav.getByRole('link', { name: 'People' }).click();
    await heading(page, 'People').waitFor();
    await expect(page.getByRole('link', { name: 'Add person' }).count()).resolves.toBe(0);
    // A member sees colleagues as name, title and department: not who is HR, emails or managers.
    // (The heading shows before the list has loaded: wait for the table, as a reader would.)
    await page.locator('main table thead th').first().waitFor();
    await expect(page.locator('main table thead th').allTextContents()).resolves.toEqual(['Name', 'Title', 'Department']);
    await expect(page.locator('main').textContent()).resolves.not.toContain('@harbour.example');
    await expect(page.locator('main').getByText('HR admin').count()).resolves.toBe(0);
    await screenshot(page, '19-people-member');

    await page.getByRole('link', { name: 'Maya Lindqvist', exact: true }).first().click();
    await heading(page, 'Maya Lindqvist').waitFor();
    await expect(page.getByRole('button', { name: 'Save changes' }).count()).resolves.toBe(0);
    await see(page, 'Head of Collections');
    await expect(page.locator('main dt').allTextContents()).resolves.toEqual(['Title', 'Department']);
    await expect(page.locator('main').textContent()).resolves.not.toContain('@harbour.example');
    await screenshot(page, '20-person-member');
    await page.goto(`/people/${cast.hana.id}`);
    await heading(page, 'Hana Okafor').waitFor();
    await expect(page.locator('main').getByText('HR admin').count()).resolves.toBe(0);

    for (const path of ['/people/import', '/people/new', '/admin/outbox', '/admin/audit']) {
      await page.goto(path);
      await heading(page, 'Page not found').waitFor();
    }
    await audit(page, 'not-found');
    await screenshot(page, '21-not-found-member');

    // The session ends server-side (cookie gone): the next request sends the person to sign in, then back.
    await page.goto('/');
    await heading(page, 'Welcome, Mo').waitFor();
    await page.context().clearCookies({ name: 'ripple_session' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.waitForURL(/\/login\?next=%2Fpeople$/);
    await submitLogin(page, cast.mo.email, TEST_PASSWORD);
    await heading(page, 'People').waitFor();
    await page.context().close();
  });

  it('fits a phone: the people page at 375 px with the navigation folded into a menu', async () => {
    const page = await t.newPage(PHONE);
    await signIn(page, cast.hana);
    await page.goto('/people');
    await heading(page, 'People').waitFor();
    await expect(page.getByRole('navigation', { name: 'Main', exact: true }).isVisible()).resolves.toBe(false);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await audit(page, 'people-phone');
    await screenshot(page, '22-people-phone', { fullPage: false });
    await screenshot(page, '22-people-phone-full');

    await page.getByRole('button', { name: 'Menu' }).click();
    const compact = page.getByRole('navigation', { name: 'Main (compact)' });
    await compact.getByRole('link', { name: 'Outbox' }).waitFor();
    await screenshot(page, '23-menu-phone', { fullPage: false });
    await compact.getByRole('link', { name: 'Import people' }).click();
    await heading(page, 'Import people').waitFor();
    await screenshot(page, '24-import-phone');

    await page.goto('/');
    await heading(page, 'Welcome, Hana').waitFor();
    await screenshot(page, '25-home-phone');
    await page.goto(`/people?search=Mo`);
    await page.getByRole('link', { name: 'Mo Abernathy', exact: true }).click();
    await heading(page, 'Mo Abernathy').waitFor();
    await screenshot(page, '26-person-phone');
    await page.context().close();

    const login = await t.newPage(PHONE);
    await login.goto('/login');
    await heading(login, 'Sign in').waitFor();
    await screenshot(login, '27-login-phone');
    await login.context().close();
  });

  it("lets HR set a colleague's language, and shows people, import, audit trail and outbox in German to an HR admin who reads German", async () => {
    const pat = await t.newPage();
    await signIn(pat, cast.hana, `/people/${cast.pat.id}`);
    await heading(pat, 'Pat Kowalski').waitFor();
    await pat.getByLabel('Language').selectOption('de');
    await pat.getByRole('button', { name: 'Save changes' }).click();
    await pat.getByText('Saved changes to Pat Kowalski').waitFor();
    const [{ language }] = await t.db.query(`SELECT language FROM people WHERE id = $1`, [cast.pat.id]);
    expect(language).toBe('de');
    await pat.context().close();

    await t.db.query(`UPDATE people SET language = 'de' WHERE id = $1`, [cast.hana.id]);
    try {
      const page = await t.newPage();
      await signIn(page, cast.hana, '/people');
      await heading(page, 'Personen').waitFor();
      expect(await page.evaluate<string>('document.documentElement.lang')).toBe('de');
      await main(page)
        .getByText(/^\d+ Personen in Ihrer Organisation$/)
        .waitFor();
      const people = page.getByRole('table', { name: 'Personen' });
      for (const name of ['Name', 'Position', 'Abteilung', 'Führungskraft', 'Rolle', 'Anmeldung']) await people.getByRole('columnheader', { name }).waitFor();
      await people.getByText('HR-Admin').waitFor();
      expect(await main(page).innerText()).not.toMatch(/Add person|Import CSV|Department|Sign-in|in your organisation/);
      await audit(page, 'people-de');
      await screenshot(page, '28-people-de');

      await page.goto(`/people/${cast.pat.id}`);
      await heading(page, 'Pat Kowalski').waitFor();
      for (const name of ['Angaben', 'Anmeldung', 'Ausscheiden', 'Profil']) await page.getByRole('heading', { name, exact: true }).waitFor();
      await expect(page.getByLabel('Sprache').inputValue()).resolves.toBe('de');
      // Pat accepted the invitation above: the sign-in card says so in German.
      await page.getByText('Diese Person hat ein Passwort gesetzt und kann sich anmelden.').waitFor();
      await audit(page, 'person-de');
      await screenshot(page, '29-person-de');

      await page.goto('/people/import');
      await heading(page, 'Personen importieren').waitFor();
      const broken = ['email,name,manager_email', 'xaver@harbour.example,Xaver Huber,nobody@harbour.example'].join('\n');
      await page.getByLabel('CSV-Datei').setInputFiles({ name: 'neu.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
      await page.getByText('Ausgewählt: neu.csv').waitFor();
      await page.getByRole('button', { name: 'Datei prüfen' }).click();
      const problems = page.getByRole('table', { name: 'Probleme in der Datei' });
      await problems.getByText('Unbekannte Führungskraft nobody@harbour.example: weder in der Datei noch in Ripple').waitFor();
      await page.getByText('1 Problem zu beheben').waitFor();
      await see(page, '1 Zeile aus neu.csv gelesen.');
      await audit(page, 'import-errors-de');
      await screenshot(page, '30-import-errors-de');

      await page.goto('/admin/audit');
      await heading(page, 'Protokoll').waitFor();
      for (const name of ['Wann', 'Wer', 'Aktion', 'Ziel', 'Details']) await page.getByRole('columnheader', { name }).waitFor();
      // Actions and targets are words in the reader's language, not the server's codes.
      await page.getByRole('cell', { name: 'Personen importiert' }).first().waitFor();
      await expect(page.locator('main table').textContent()).resolves.not.toContain('people.imported');
      await screenshot(page, '31-audit-de');

      await page.goto('/admin/outbox');
      await heading(page, 'Postausgang').waitFor();
      // Pat's invitation left the outbox when Pat accepted it: what stays is the note on what is never shown.
      await page.getByText('Manches wird hier nie angezeigt').waitFor();
      await screenshot(page, '32-outbox-de');
      await page.context().close();
    } finally {
      await t.db.query(`UPDATE people SET language = NULL WHERE id = ANY($1)`, [[cast.hana.id, cast.pat.id]]);
    }
  });

  it('has no serious or critical accessibility violations on the pages above (axe)', () => {
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(12);
    const found = Object.entries(a11y).flatMap(([pageName, violations]) => violations.map((v) => `${pageName}: ${v}`));
    expect(found).toEqual([]);
  });
});
