import { runAsSystem } from '@lib/database';
import { aCycle, aFrameworkVersion, aSubject } from '../support/feedback-factories';
import { aPerson, aTeam, TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

interface ScimResponse {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

/**
 * People provisioning over SCIM 2.0, with the requests Okta and Entra ID send: create, both PATCH
 * dialects, leavers and returners, the org chart's rules, bad tokens, other organisations' ids and
 * malformed bodies (SCIM's error schema, never a 5xx).
 */
describe('SCIM provisioning', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aTeam>>;
  let b: Awaited<ReturnType<typeof aTeam>>;
  let hr: HttpClient;
  let tokenA: string;
  let tokenB: string;

  const signedIn = async (person: { email: string }): Promise<HttpClient> => {
    const client = t.client();
    await client.login(person.email, TEST_PASSWORD);
    return client;
  };

  /** A call as an identity provider makes it: a bearer token and SCIM's media type, no cookie, no CSRF header. */
  const scim = async (
    method: string,
    path: string,
    options: { token?: string | null; body?: unknown; raw?: string; ip?: string; contentType?: string } = {},
  ): Promise<ScimResponse> => {
    const token = options.token === undefined ? tokenA : options.token;
    const headers: Record<string, string> = { accept: 'application/scim+json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/scim+json';
    const response = await t.app.inject({ method: method as 'GET', url: `/api/scim/v2${path}`, headers, payload, remoteAddress: options.ip ?? '127.0.0.1' });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined, headers: response.headers };
  };

  const person = async (id: string) =>
    (await t.db.query(`SELECT email, name, title, department, manager_id, active, role FROM people WHERE id = $1`, [id]))[0] as {
      email: string;
      name: string;
      title: string | null;
      department: string | null;
      manager_id: string | null;
      active: boolean;
      role: string;
    };

  const expectScimError = (response: ScimResponse, status: number, scimType?: string): void => {
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status, type: 'application/scim+json; charset=utf-8' });
    expect(response.body).toMatchObject({ schemas: [ERROR], status: String(status), detail: expect.any(String) });
    if (scimType) expect(response.body.scimType).toBe(scimType);
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await aTeam(t.db, 'Org A');
    b = await aTeam(t.db, 'Org B');
    hr = await signedIn(a.admin);
    const created = await hr.post('/api/scim-tokens', { name: 'Okta' });
    expect(created.status).toBe(201);
    tokenA = created.body.token;
    tokenB = (await (await signedIn(b.admin)).post('/api/scim-tokens', { name: 'Entra ID' })).body.token;
  });
  afterAll(() => t.close());

  describe('tokens', () => {
    it('HR creates a token shown once, lists it with its last use, and revokes it; the audit trail says so', async () => {
      const created = await hr.post('/api/scim-tokens', { name: 'Short-lived' });
      expect(created.body).toMatchObject({ name: 'Short-lived', token: expect.stringMatching(/^[A-Za-z0-9_-]{64}$/), lastUsedAt: null, revokedAt: null });
      const stored = await t.db.query(`SELECT token_hash FROM scim_tokens WHERE id = $1`, [created.body.id]);
      expect(stored[0].token_hash.toString('hex')).not.toContain(Buffer.from(created.body.token).toString('hex'));

      expect((await scim('GET', '/Users?count=1', { token: created.body.token })).status).toBe(200);
      const listed = await hr.get('/api/scim-tokens');
      expect(listed.body.baseUrl).toBe(`${t.config.publicUrl.replace(/\/$/, '')}/api/scim/v2`);
      const item = listed.body.items.find((i: { id: string }) => i.id === created.body.id);
      expect(item).toMatchObject({ name: 'Short-lived', lastUsedAt: expect.any(String), revokedAt: null });
      expect(item.token).toBeUndefined();
      expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

      expect((await hr.post(`/api/scim-tokens/${created.body.id}/revoke`)).body).toMatchObject({ revokedAt: expect.any(String) });
      expectScimError(await scim('GET', '/Users', { token: created.body.token }), 401);
      expect((await hr.post(`/api/scim-tokens/${created.body.id}/revoke`)).status).toBe(404);

      const events = (await hr.get('/api/audit-events?targetType=scim_token')).body.items.filter((e: { targetId: string }) => e.targetId === created.body.id);
      expect(events.map((e: { action: string }) => e.action).sort()).toEqual(['scim_token.created', 'scim_token.revoked']);
    });

    it('only HR manages tokens, and only its own organisation’s', async () => {
      const member = await signedIn(a.member);
      expect((await member.get('/api/scim-tokens')).status).toBe(403);
      expect((await member.post('/api/scim-tokens', { name: 'Mine' })).status).toBe(403);
      const bList = (await (await signedIn(b.admin)).get('/api/scim-tokens')).body.items;
      expect((await hr.post(`/api/scim-tokens/${bList[0].id}/revoke`)).status).toBe(404);
      expect((await member.post(`/api/scim-tokens/${bList[0].id}/revoke`)).status).toBe(403);
      expect((await scim('GET', '/Users?count=1', { token: tokenB })).status).toBe(200);
      expect((await hr.post('/api/scim-tokens', { name: 'x'.repeat(101) })).status).toBe(400);
      expect((await hr.post('/api/scim-tokens', { name: 'ok', extra: 1 })).status).toBe(400);
    });

    it('refuses a missing, malformed, unknown or tampered token with 401 in SCIM’s schema, and a session is no token', async () => {
      expectScimError(await scim('GET', '/Users', { token: null }), 401);
      expectScimError(await scim('GET', '/Users', { token: 'not-a-token' }), 401);
      const tampered = `${tokenA.slice(0, 40)}${tokenA[40] === 'A' ? 'B' : 'A'}${tokenA.slice(41)}`;
      expectScimError(await scim('GET', '/Users', { token: tampered }), 401);
      // B's secret under A's organisation id: the organisation is read from the token, the hash must match there.
      expectScimError(await scim('GET', '/Users', { token: `${tokenA.slice(0, 22)}${tokenB.slice(22)}` }), 401);
      expect((await hr.get('/api/scim/v2/Users')).status).toBe(401);
    });

    it('rate-limits an address that keeps presenting bad tokens, with Retry-After; other addresses carry on', async () => {
      for (let i = 0; i < 20; i++) expect((await scim('GET', '/Users', { token: `bad-${i}`, ip: '203.0.113.9' })).status).toBe(401);
      const limited = await scim('GET', '/Users', { token: tokenA, ip: '203.0.113.9' });
      expectScimError(limited, 429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await scim('GET', '/Users?count=1', { ip: '203.0.113.10' })).status).toBe(200);
    });
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas with the enterprise extension', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true, maxResults: 200 }, bulk: { supported: false } });
    const types = await scim('GET', '/ResourceTypes');
    expect(types.body.Resources).toEqual([
      expect.objectContaining({ id: 'User', endpoint: '/Users', schemaExtensions: [{ schema: ENTERPRISE, required: false }] }),
    ]);
    expect((await scim('GET', '/ResourceTypes/User')).body).toMatchObject({ id: 'User' });
    const schemas = await scim('GET', '/Schemas');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([USER, ENTERPRISE]));
    expect((await scim('GET', `/Schemas/${ENTERPRISE}`)).body.attributes.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['department', 'manager']),
    );
    expectScimError(await scim('GET', '/Schemas/urn:nothing'), 404);
  });

  it('Okta: looks up, creates, deactivates with {"active":false}, reactivates and replaces; the audit trail names SCIM', async () => {
    const lookup = await scim('GET', '/Users?filter=userName%20eq%20%22Test.User%40Example.org%22&startIndex=1&count=100');
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });
    // Okta's own example of a create (developer.okta.com, SCIM 2.0 reference): password and groups included.
    const created = await scim('POST', '/Users', {
      body: {
        schemas: [USER],
        userName: 'Test.User@example.org',
        name: { givenName: 'Test', familyName: 'User' },
        emails: [{ primary: true, value: 'test.user@example.org', type: 'work' }],
        displayName: 'Test User',
        locale: 'en-US',
        externalId: '00ujl29u0le5T6Aj10h7',
        groups: [],
        password: '1mz050nq',
        active: true,
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ userName: 'test.user@example.org', displayName: 'Test User', active: true, externalId: '00ujl29u0le5T6Aj10h7' });
    expect(created.body.meta).toMatchObject({ resourceType: 'User', location: expect.stringMatching(new RegExp(`/api/scim/v2/Users/${id}$`)) });
    expect(created.body.password).toBeUndefined();
    expect(await person(id)).toMatchObject({ email: 'test.user@example.org', name: 'Test User', active: true, role: 'member' });
    expect((await scim('GET', '/Users?filter=userName%20eq%20%22test.user%40example.org%22')).body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
    expect((await scim('GET', `/Users/${id}`)).body).toMatchObject({ id, userName: 'test.user@example.org' });

    const deactivated = await scim('PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] } });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect(await person(id)).toMatchObject({ active: false });
    expect((await hr.get(`/api/people/${id}`)).body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });

    const back = await scim('PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] } });
    expect(back.body.active).toBe(true);
    expect((await hr.get(`/api/people/${id}`)).body).toMatchObject({ active: true, deactivatedAt: null });

    const replaced = await scim('PUT', `/Users/${id}`, {
      body: {
        schemas: [USER, ENTERPRISE],
        userName: 'test.user@example.org',
        displayName: 'Test User',
        title: 'Analyst',
        active: true,
        [ENTERPRISE]: { department: 'Risk' },
      },
    });
    expect(replaced.status).toBe(200);
    expect(await person(id)).toMatchObject({ title: 'Analyst', department: 'Risk', active: true });
    // A PUT is the whole User: what it leaves out is cleared (externalId too).
    expect(replaced.body.externalId).toBeUndefined();

    const audit = (await hr.get(`/api/audit-events?targetType=person`)).body.items.filter((e: { targetId: string }) => e.targetId === id);
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['person.created', 'person.deactivated', 'person.reactivated', 'person.updated']),
    );
    for (const event of audit) expect(event).toMatchObject({ actorId: null, actorName: 'SCIM', details: expect.objectContaining({ via: 'scim' }) });
  });

  it('Entra ID: string booleans, capitalised ops, the enterprise manager as a bare id, emails[type eq "work"] paths', async () => {
    const externalId = 'f7a2c4e0-1b2d-4c8e-9a3f-6d5e4c3b2a10';
    expect((await scim('GET', `/Users?filter=externalId%20eq%20%22${externalId}%22`)).body.totalResults).toBe(0);
    // As Entra ID's provisioning service creates a user (its default attribute mappings).
    const created = await scim('POST', '/Users', {
      body: {
        schemas: [USER, ENTERPRISE],
        externalId,
        userName: 'Alex.Wu@example.org',
        active: true,
        displayName: 'Alex Wu',
        title: 'Engineer',
        emails: [{ primary: true, type: 'work', value: 'Alex.Wu@example.org' }],
        name: { formatted: 'Alex Wu', familyName: 'Wu', givenName: 'Alex' },
        [ENTERPRISE]: { department: 'Platform', manager: { value: a.manager.id } },
      },
      contentType: 'application/json',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(await person(id)).toMatchObject({
      email: 'alex.wu@example.org',
      name: 'Alex Wu',
      title: 'Engineer',
      department: 'Platform',
      manager_id: a.manager.id,
    });
    expect((await scim('GET', `/Users?filter=externalId%20eq%20%22${externalId}%22`)).body).toMatchObject({ totalResults: 1, Resources: [{ id }] });

    const changed = await scim('PATCH', `/Users/${id}`, {
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Replace', path: 'title', value: 'Senior Engineer' },
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'Alex.Wu@example.org' },
          { op: 'Add', path: `${ENTERPRISE}:manager`, value: a.peer.id },
          { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Infrastructure' },
          { op: 'Replace', path: 'displayName', value: 'Alex Q. Wu' },
        ],
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body[ENTERPRISE]).toMatchObject({ department: 'Infrastructure', manager: { value: a.peer.id, displayName: a.peer.name } });
    expect(await person(id)).toMatchObject({ name: 'Alex Q. Wu', title: 'Senior Engineer', department: 'Infrastructure', manager_id: a.peer.id });

    const off = await scim('PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] } });
    expect(off.body.active).toBe(false);
    expect(await person(id)).toMatchObject({ active: false });
    const on = await scim('PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'True' }] } });
    expect(on.body.active).toBe(true);
    expect(await person(id)).toMatchObject({ active: true });

    const cleared = await scim('PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: `${ENTERPRISE}:manager` }] } });
    expect(cleared.status).toBe(200);
    expect(await person(id)).toMatchObject({ manager_id: null });
  });

  describe('names, and what Ripple does not keep', () => {
    const patch = (id: string, ...Operations: unknown[]) => scim('PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations } });

    it('Entra ID: a patched name.givenName or name.familyName alone changes the name; phone numbers, addresses and the like are accepted and not kept', async () => {
      const created = await scim('POST', '/Users', {
        body: {
          schemas: [USER, ENTERPRISE],
          externalId: '0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
          userName: 'Jo.Smith@example.org',
          active: 'True',
          displayName: 'Jo Smith',
          emails: [{ primary: true, type: 'work', value: 'Jo.Smith@example.org' }],
          name: { formatted: 'Jo Smith', familyName: 'Smith', givenName: 'Jo' },
          phoneNumbers: [{ type: 'work', value: '+44 20 7946 0001' }],
          addresses: [{ type: 'work', locality: 'York', formatted: '1 Minster Yard, York' }],
          preferredLanguage: 'en-GB',
          [ENTERPRISE]: { department: 'Finance', employeeNumber: '4711', costCenter: 'CC-9', organization: 'Example', division: 'North' },
        },
      });
      expect({ status: created.status, detail: created.body.detail }).toEqual({ status: 201, detail: undefined });
      const id = created.body.id as string;
      expect(created.body.name).toEqual({ formatted: 'Jo Smith', givenName: 'Jo', familyName: 'Smith' });
      // Not kept, so not reported: the README lists what Ripple ignores.
      expect(created.body.phoneNumbers).toBeUndefined();
      expect(created.body[ENTERPRISE]).toEqual({ department: 'Finance' });

      const given = await patch(id, { op: 'Replace', path: 'name.givenName', value: 'Joanna' });
      expect(given.status).toBe(200);
      expect(given.body).toMatchObject({ displayName: 'Joanna Smith', name: { formatted: 'Joanna Smith', givenName: 'Joanna', familyName: 'Smith' } });
      expect(await person(id)).toMatchObject({ name: 'Joanna Smith' });

      const family = await patch(
        id,
        { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+44 7700 900001' },
        { op: 'Replace', path: 'name.familyName', value: 'Jones' },
        { op: 'Replace', path: 'addresses[type eq "work"].locality', value: 'Leeds' },
        { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: '4712' },
      );
      expect(family.status).toBe(200);
      expect(await person(id)).toMatchObject({ name: 'Joanna Jones', department: 'Finance' });

      // Only what Ripple does not keep: nothing changes, and the User comes back as it is.
      const phoneOnly = await patch(id, { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '+44 20 7946 0002' });
      expect(phoneOnly.status).toBe(200);
      expect(phoneOnly.body).toMatchObject({ id, displayName: 'Joanna Jones' });

      // An attribute no schema has is refused (RFC 7644 §3.5.2: invalidPath), and nothing is changed.
      expectScimError(
        await patch(id, { op: 'Replace', path: 'name.givenName', value: 'X' }, { op: 'Add', path: 'favouriteColour', value: 'red' }),
        400,
        'invalidPath',
      );
      expect(await person(id)).toMatchObject({ name: 'Joanna Jones' });

      // A rename in Ripple stands until the provider changes a name itself: a patched title leaves it.
      expect((await hr.patch(`/api/people/${id}`, { name: 'Jo Jones-Smith' })).status).toBe(200);
      expect((await patch(id, { op: 'Replace', path: 'title', value: 'Controller' })).status).toBe(200);
      expect(await person(id)).toMatchObject({ name: 'Jo Jones-Smith', title: 'Controller' });
    });

    it('Okta: a replaced User with new given and family names and no displayName changes the name, as does a PATCH of them', async () => {
      const created = await scim('POST', '/Users', {
        body: {
          schemas: [USER],
          userName: 'sam.lee@example.org',
          name: { givenName: 'Sam', familyName: 'Lee' },
          emails: [{ primary: true, value: 'sam.lee@example.org', type: 'work' }],
          locale: 'en-US',
          externalId: '00u1samlee',
          groups: [],
          active: true,
          favouriteColour: 'red',
        },
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      expect(await person(id)).toMatchObject({ name: 'Sam Lee' });

      // Okta's profile push: a PUT of the whole User, names as given and family names only.
      const replaced = await scim('PUT', `/Users/${id}`, {
        body: {
          schemas: [USER],
          id,
          userName: 'sam.lee@example.org',
          name: { givenName: 'Samuel', familyName: 'Lee' },
          externalId: '00u1samlee',
          active: true,
        },
      });
      expect(replaced.status).toBe(200);
      expect(await person(id)).toMatchObject({ name: 'Samuel Lee' });
      expect(replaced.body).toMatchObject({ displayName: 'Samuel Lee', name: { givenName: 'Samuel', familyName: 'Lee' }, externalId: '00u1samlee' });

      // The same PUT with the displayName Ripple reported, and a new family name: the changed part wins.
      const again = await scim('PUT', `/Users/${id}`, {
        body: {
          schemas: [USER],
          userName: 'sam.lee@example.org',
          displayName: 'Samuel Lee',
          name: { givenName: 'Samuel', familyName: 'Lee-Park' },
          active: true,
        },
      });
      expect(again.status).toBe(200);
      expect(await person(id)).toMatchObject({ name: 'Samuel Lee-Park' });

      const patched = await patch(id, { op: 'replace', value: { name: { givenName: 'Sam', familyName: 'Park' } } });
      expect(patched.status).toBe(200);
      expect(await person(id)).toMatchObject({ name: 'Sam Park' });

      expectScimError(await patch(id, { op: 'replace', path: 'name.givenName', value: 'x'.repeat(201) }), 400, 'invalidValue');
      expect(await person(id)).toMatchObject({ name: 'Sam Park' });
    });
  });

  describe('the org chart follows the product’s rules', () => {
    it('refuses a manager loop, an unknown manager and another organisation’s person, changing nothing', async () => {
      const boss = await aPerson(t.db, a.org.id, { name: 'Bo Boss', withLogin: false });
      const report = await aPerson(t.db, a.org.id, { name: 'Re Port', managerId: boss.id, withLogin: false });
      const setManager = (id: string, managerId: string) =>
        scim('PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: `${ENTERPRISE}:manager`, value: managerId }] } });

      const loop = await setManager(boss.id, report.id);
      expectScimError(loop, 400, 'invalidValue');
      expect(loop.body.detail).toMatch(/loop/);
      expectScimError(await setManager(boss.id, boss.id), 400, 'invalidValue');
      expectScimError(await setManager(report.id, b.manager.id), 400, 'invalidValue');
      expectScimError(await setManager(report.id, '00000000-0000-4000-8000-000000000000'), 400, 'invalidValue');
      expectScimError(await setManager(report.id, 'not-an-id'), 400, 'invalidValue');
      expect(await person(boss.id)).toMatchObject({ manager_id: null });
      expect(await person(report.id)).toMatchObject({ manager_id: boss.id });
    });

    it('a launched cycle keeps the manager it froze; only the org chart moves', async () => {
      const version = await aFrameworkVersion(t.db, a.org.id);
      const subject = await aPerson(t.db, a.org.id, { name: 'Sue Subject', managerId: a.manager.id });
      const cycle = await aCycle(t.db, a.org.id, version.id, { state: 'collecting' });
      await aSubject(t.db, cycle, subject);
      const moved = await scim('PATCH', `/Users/${subject.id}`, {
        body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: a.peer.id } }] },
      });
      expect(moved.status).toBe(200);
      expect(await person(subject.id)).toMatchObject({ manager_id: a.peer.id });
      const frozen = await t.db.query(`SELECT manager_id FROM cycle_subjects WHERE cycle_id = $1 AND person_id = $2`, [cycle.id, subject.id]);
      expect(frozen).toEqual([{ manager_id: a.manager.id }]);
    });

    it('a leaver over SCIM is what the person page does: sessions end, their reports move to their manager', async () => {
      const lead = await aPerson(t.db, a.org.id, { name: 'Lea Lead', managerId: a.manager.id });
      const under = await aPerson(t.db, a.org.id, { name: 'Una Under', managerId: lead.id, withLogin: false });
      const session = await signedIn(lead);
      expect((await session.get('/api/auth/me')).status).toBe(200);
      const off = await scim('PATCH', `/Users/${lead.id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] } });
      expect(off.status).toBe(200);
      expect((await session.get('/api/auth/me')).status).toBe(401);
      expect(await person(under.id)).toMatchObject({ manager_id: a.manager.id });
      // DELETE is a leaver too: Ripple never deletes a person.
      const gone = await aPerson(t.db, a.org.id, { name: 'Del Eted', withLogin: false });
      expect((await scim('DELETE', `/Users/${gone.id}`)).status).toBe(204);
      expect(await person(gone.id)).toMatchObject({ active: false });
      expect((await scim('GET', `/Users/${gone.id}`)).body.active).toBe(false);
    });

    it('the last HR admin cannot leave, and a sign-in address stays its owner’s to change', async () => {
      const lastAdmin = await scim('PATCH', `/Users/${b.admin.id}`, {
        token: tokenB,
        body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
      });
      expectScimError(lastAdmin, 409, 'mutability');
      expect(await person(b.admin.id)).toMatchObject({ active: true });
      const renamed = await scim('PATCH', `/Users/${a.peer.id}`, {
        body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'userName', value: 'elsewhere@example.org' }] },
      });
      expectScimError(renamed, 409, 'mutability');
      expect(await person(a.peer.id)).toMatchObject({ email: a.peer.email });
    });
  });

  it('never reaches another organisation: its ids are not found and its people are not listed', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { schemas: [USER], userName: 'x@example.org' }],
      ['PATCH', { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] }],
      ['DELETE', undefined],
    ] as const) {
      expectScimError(await scim(method, `/Users/${b.member.id}`, { body }), 404);
    }
    expect(await person(b.member.id)).toMatchObject({ active: true, email: b.member.email });
    expect((await scim('GET', `/Users?filter=userName%20eq%20%22${encodeURIComponent(b.member.email)}%22`)).body.totalResults).toBe(0);
    expect((await scim('GET', `/Users?filter=id%20eq%20%22${b.member.id}%22`)).body.totalResults).toBe(0);
    const all = await scim('GET', '/Users?count=200');
    expect(all.body.Resources.map((u: { id: string }) => u.id)).not.toContain(b.member.id);
  });

  it('pages with startIndex and count', async () => {
    const all = await scim('GET', '/Users?count=200');
    const total = all.body.totalResults as number;
    expect(total).toBeGreaterThan(6);
    const page = await scim('GET', '/Users?startIndex=3&count=2');
    expect(page.body).toMatchObject({ totalResults: total, startIndex: 3, itemsPerPage: 2 });
    expect(page.body.Resources.map((u: { id: string }) => u.id)).toEqual(all.body.Resources.slice(2, 4).map((u: { id: string }) => u.id));
    expect((await scim('GET', `/Users?startIndex=${total + 1}`)).body).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] });
    expect((await scim('GET', '/Users?count=0')).body).toMatchObject({ totalResults: total, itemsPerPage: 0 });
    expect((await scim('GET', '/Users?count=100000')).body.itemsPerPage).toBe(Math.min(total, 200));
    const picked = (await scim('GET', '/Users?attributes=userName&count=1')).body.Resources[0];
    expect(picked).toHaveProperty('userName');
    expect(picked).not.toHaveProperty('displayName');
    expect((await scim('GET', '/Users?excludedAttributes=emails&count=1')).body.Resources[0]).not.toHaveProperty('emails');
  });

  it('refuses malformed requests with 400 in SCIM’s error schema, never a 5xx, and writes nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM people`);
    const id = a.member.id;
    const cases: [string, string, { body?: unknown; raw?: string }, string?][] = [
      ['POST', '/Users', { raw: '{"userName": ' }, 'invalidSyntax'],
      ['POST', '/Users', { raw: '[]' }],
      ['POST', '/Users', { body: { schemas: [USER], displayName: 'No Name' } }, 'invalidValue'],
      ['POST', '/Users', { body: { schemas: [USER], userName: 'not-an-address' } }, 'invalidValue'],
      ['POST', '/Users', { body: { schemas: [USER], userName: 'long@example.org', displayName: 'x'.repeat(201) } }, 'invalidValue'],
      ['POST', '/Users', { body: { schemas: [USER], userName: 'typed@example.org', active: 'sometimes' } }, 'invalidValue'],
      ['POST', '/Users', { body: { schemas: [USER], userName: 'nul@example.org', displayName: 'a\u0000b' } }],
      ['POST', '/Users', { body: { schemas: ['urn:wrong'], userName: 'wrong@example.org' } }],
      ['PATCH', `/Users/${id}`, { body: { Operations: [{ op: 'replace', value: { active: false } }] } }, 'invalidSyntax'],
      ['PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'bogus', path: 'active', value: true }] } }, 'invalidSyntax'],
      ['PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'maybe' }] } }, 'invalidValue'],
      ['PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'nosuch.attribute', value: 1 }] } }],
      ['PATCH', `/Users/${id}`, { body: { schemas: [PATCH_OP], Operations: 'all of them' } }],
      ['GET', '/Users?filter=displayName%20co%20%22a%22', {}, 'invalidFilter'],
      ['GET', '/Users?filter=userName%20eq', {}, 'invalidFilter'],
      ['GET', '/Users?filter=(((', {}],
      ['GET', '/Users?startIndex=zero', {}],
      ['GET', '/Users?unknown=1', {}],
    ];
    const failures: string[] = [];
    for (const [method, path, options, scimType] of cases) {
      const response = await scim(method, path, options);
      const ok =
        response.status === 400 &&
        response.body?.schemas?.[0] === ERROR &&
        response.body.status === '400' &&
        (!scimType || response.body.scimType === scimType) &&
        response.headers['content-type'] === 'application/scim+json; charset=utf-8';
      if (!ok) failures.push(`${method} ${path} ${JSON.stringify(options).slice(0, 80)} -> ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(failures).toEqual([]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM people`)).toEqual(before);
    expect(await person(id)).toMatchObject({ active: true });
  });

  it('refuses a second person with the same userName or externalId (409 uniqueness), and unknown ids (404)', async () => {
    const taken = await scim('POST', '/Users', { body: { schemas: [USER], userName: a.peer.email.toUpperCase(), displayName: 'Copy' } });
    expectScimError(taken, 409, 'uniqueness');
    const first = await scim('POST', '/Users', { body: { schemas: [USER], userName: 'ext.one@example.org', externalId: 'ext-1' } });
    expect(first.status).toBe(201);
    const second = await scim('POST', '/Users', { body: { schemas: [USER], userName: 'ext.two@example.org', externalId: 'ext-1' } });
    expectScimError(second, 409, 'uniqueness');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM people WHERE email = 'ext.two@example.org'`)).toEqual([{ n: 0 }]);
    expectScimError(await scim('GET', '/Users/00000000-0000-4000-8000-000000000000'), 404);
    expectScimError(await scim('GET', '/Users/not-a-uuid'), 404);
    expectScimError(
      await scim('PATCH', '/Users/not-a-uuid', { body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] } }),
      404,
    );
  });

  describe('with row-level security and no unscoped query allowed', () => {
    let secured: TestApp;
    afterAll(() => secured?.close());

    it('a SCIM call works in the organisation its token names, and only there', async () => {
      secured = await startTestApp({}, { unscopedDenied: true });
      const [one, two] = await runAsSystem(async () => [await aTeam(secured.db, 'One'), await aTeam(secured.db, 'Two')]);
      const admin = secured.client();
      await runAsSystem(() => admin.signInAs(one.admin));
      const token = (await admin.post('/api/scim-tokens', { name: 'Okta' })).body.token as string;
      const call = async (method: string, path: string, body?: unknown) => {
        const response = await secured.app.inject({
          method: method as 'GET',
          url: `/api/scim/v2${path}`,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/scim+json' } : {}) },
          payload: body ? JSON.stringify(body) : undefined,
        });
        return { status: response.statusCode, body: JSON.parse(response.body || 'null') };
      };
      const created = await call('POST', '/Users', { schemas: [USER], userName: 'rls@example.org', [ENTERPRISE]: { manager: { value: one.manager.id } } });
      expect(created.status).toBe(201);
      expect((await call('PATCH', `/Users/${one.manager.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] })).status).toBe(
        200,
      );
      const listed = await call('GET', '/Users?count=200');
      expect(listed.body.totalResults).toBe(6);
      // Their manager left: they moved up to the leaver's manager (none).
      expect(listed.body.Resources.find((u: { id: string }) => u.id === created.body.id)[ENTERPRISE]?.manager).toBeUndefined();
      expect((await call('GET', `/Users/${two.member.id}`)).status).toBe(404);
      expect((await admin.get('/api/audit-events?targetType=person')).body.items.map((e: { actorName: string }) => e.actorName)).toContain('SCIM');
    });
  });
});
