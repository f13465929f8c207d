/**
 * Provisioning (SCIM) in a real browser: HR finds the base URL, creates a token that is shown
 * once, sees when it was last used, and revokes it.
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

  beforeAll(async () => {
    t = await startBrowserApp();
    const org = await anOrganization(t.db, { name: 'Harbour Museum' });
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
});
