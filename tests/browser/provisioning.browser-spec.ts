/**
 * Provisioning (SCIM) in a real browser: HR finds the base URL, creates a token that is shown
 * once, sees when it was last used, and revokes it. Then HR makes German the organisation's
 * language, and the settings, frameworks and framework editor (German beside the English) speak it.
 * Screenshots go to tests/artifacts/screenshots/provisioning-*.png.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser --testPathPatterns 'browser/provisioning\.'
 */
import { aPerson, anOrganization, type TestPerson } from '../support/factories';
import { PHONE, screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '../support/browser';

jest.setTimeout(180_000);

describe('Provisioning (SCIM) in the browser', () => {
  let t: BrowserApp;
  let hana: TestPerson;
  let orgId: string;

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
    orgId = org.id;
    hana = await aPerson(t.db, org.id, { name: 'Hana Okafor', email: 'hana@harbour.example', role: 'admin', department: 'People' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a token shown once, shows its last use, and revokes it', async () => {
    const page = await t.newPage();
    await signIn(page, hana, '/admin/organization');
    const section = page.getByRole('region', { name: 'Provisioning (SCIM)' });
    const baseUrl = section.getByRole('textbox', { name: 'SCIM base URL' });
    await baseUrl.waitFor();
    expect(await baseUrl.inputValue()).toMatch(/\/api\/scim\/v2$/);
    await section.getByText('No tokens yet').waitFor();

    await section.getByRole('textbox', { name: 'New token name' }).fill('Okta');
    await section.getByRole('button', { name: 'Create token' }).click();
    const tokenField = section.getByRole('textbox', { name: 'Token', exact: true });
    await tokenField.waitFor();
    const token = await tokenField.inputValue();
    expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    await section.getByRole('row', { name: /Okta/ }).getByText('Never').waitFor();
    await screenshot(page, 'provisioning-01-token-created');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The identity provider calls with it; HR sees when.
    const call = await t.app.inject({ method: 'GET', url: '/api/scim/v2/Users?count=1', headers: { authorization: `Bearer ${token}` } });
    expect(call.statusCode).toBe(200);
    await section.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    const row = page.getByRole('region', { name: 'Provisioning (SCIM)' }).getByRole('row', { name: /Okta/ });
    await row.getByText('Active').waitFor();
    expect(await row.getByText('Never').count()).toBe(0);
    // Shown once: nowhere on the page any more.
    expect(await page.getByRole('textbox', { name: 'Token', exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    await row.getByRole('button', { name: 'Revoke Okta' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Okta”?' });
    await dialog.waitFor();
    await screenshot(page, 'provisioning-02-revoke-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await row.getByText(/Revoked/).waitFor();
    expect(await row.getByRole('button', { name: 'Revoke Okta' }).count()).toBe(0);
    const refused = await t.app.inject({ method: 'GET', url: '/api/scim/v2/Users', headers: { authorization: `Bearer ${token}` } });
    expect(refused.statusCode).toBe(401);
    await screenshot(page, 'provisioning-03-revoked');
  });

  it('fits a phone', async () => {
    const page = await t.newPage(PHONE);
    await signIn(page, hana, '/admin/organization');
    await page.getByRole('region', { name: 'Provisioning (SCIM)' }).getByRole('textbox', { name: 'SCIM base URL' }).waitFor();
    await screenshot(page, 'provisioning-04-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('HR makes German the default language: settings, frameworks and the framework editor speak it, with German beside the English', async () => {
    const page = await t.newPage();
    await signIn(page, hana, '/admin/organization');
    const language = page.getByRole('combobox', { name: 'Default language' });
    await language.waitFor();
    expect(await language.inputValue()).toBe('en');
    await language.selectOption({ label: 'Deutsch' });
    await page.getByRole('button', { name: 'Save settings' }).click();

    // Hana has no language of her own: she follows the organisation's, at once.
    await page.getByRole('button', { name: 'Einstellungen speichern' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('de');
    expect(await page.getByRole('combobox', { name: 'Standardsprache' }).inputValue()).toBe('de');
    await page.getByRole('region', { name: 'Bereitstellung (SCIM)' }).getByRole('textbox', { name: 'SCIM-Basis-URL' }).waitFor();
    await page.getByRole('region', { name: 'Vorgaben für neue Feedbackrunden' }).waitFor();
    expect((await t.db.query(`SELECT language FROM organizations WHERE id = $1`, [orgId]))[0].language).toBe('de');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'provisioning-05-organisation-german');

    await page.goto('/admin/frameworks');
    await page.getByRole('heading', { level: 1, name: 'Kompetenzmodelle' }).waitFor();
    await page.getByText('12 Verhaltensweisen · 29 Aussagen · in keiner Feedbackrunde verwendet').waitFor();
    await page.getByRole('heading', { name: 'Bewertungsskala' }).waitFor();
    await page.getByRole('link', { name: /^Ansehen/ }).click();
    await page.getByRole('heading', { name: /^Einfluss-Verhaltensweisen/ }).waitFor();
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: /bearbeiten$/ }).waitFor();

    // The default framework's German is there to edit, beside each English statement.
    const [{ german }] = await t.db.query(
      `SELECT q.translations->'de'->>'text' AS german FROM questions q WHERE q.organization_id = $1 AND q.key = 'listening.1'`,
      [orgId],
    );
    const listening = page.getByRole('group', { name: /Listening/ });
    const first = listening.getByRole('textbox', { name: 'Aussage 1 auf Deutsch' });
    expect(german).toMatch(/\S/);
    expect(await first.inputValue()).toBe(german);
    expect(await first.getAttribute('lang')).toBe('de');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'provisioning-06-framework-editor-german');
    await first.fill('Lässt andere ausreden, bevor sie oder er antwortet.');
    await page.getByRole('button', { name: 'Kompetenzmodell speichern' }).click();
    await page.getByText(/^Gespeichert\. Version 1 wurde aktualisiert/).waitFor();

    const rows = await t.db.query(
      `SELECT q.key, q.translations->'de'->>'text' AS german FROM questions q WHERE q.organization_id = $1 AND q.type = 'rating' ORDER BY q.position`,
      [orgId],
    );
    expect(rows).toHaveLength(29);
    expect(rows[0]).toEqual({ key: 'listening.1', german: 'Lässt andere ausreden, bevor sie oder er antwortet.' });
    // Saving kept every other statement's German.
    for (const row of rows) expect(row.german).toMatch(/\S/);
  });
});
