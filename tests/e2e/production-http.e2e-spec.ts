import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { aPerson, anOrganization, TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { aReportCycle, aReportSubject, reportUrl, snapshotReports, theDefaultFramework, uniformResponses } from '../support/report-factories';
import { startTestApp, TestApp } from '../support/test-app';
import { testServerUrl } from '../support/test-database';

/**
 * What production adds over HTTP: compressed JSON and web assets, no public source maps, and a
 * request id that joins a response, its error body and the log lines of the request. The web
 * assets are the built ones (dist/web): `npm test` builds first; alone, run `npm run build:web`.
 */
const WEB_ROOT = resolve(process.cwd(), 'dist/web');

function builtAsset(suffix: string): string {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`dist/web is not built: run \`npm run build:web\` first`);
  const name = readdirSync(join(WEB_ROOT, 'assets')).find((file) => /^index-.*/.test(file) && file.endsWith(suffix));
  if (!name) throw new Error(`no dist/web/assets/index-*${suffix}`);
  return name;
}

interface ErrorBody {
  statusCode: number;
  requestId: string;
}

interface RawResponse {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

async function raw(t: TestApp, url: string, headers: Record<string, string> = {}, client?: HttpClient): Promise<RawResponse> {
  const cookie = client ? [...client.exportCookies()].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  const response = await t.app.inject({ method: 'GET', url, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
}

describe('production HTTP: compression, source maps, request ids', () => {
  let t: TestApp;
  let hr: HttpClient;
  let report: string;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logStream: { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) } });
    const org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const manager = await aPerson(t.db, org.id, { name: 'Maya Manager' });
    const subject = await aPerson(t.db, org.id, { name: 'Sam Subject', managerId: manager.id });
    const peers = [];
    for (let i = 0; i < 4; i++) peers.push(await aPerson(t.db, org.id, { withLogin: false }));
    const framework = await theDefaultFramework(t, org.id);
    const cycle = await aReportCycle(t.db, org.id, framework.id, { state: 'released', name: 'Compressed' });
    await aReportSubject(t.db, cycle, subject.id, { managerId: manager.id });
    await uniformResponses(t.db, cycle, framework, subject.id, [{ id: subject.id, relationship: 'self' }], 4);
    await uniformResponses(
      t.db,
      cycle,
      framework,
      subject.id,
      peers.map((p) => ({ id: p.id, relationship: 'peer' as const })),
      3,
    );
    await snapshotReports(t, org.id, cycle.id);
    report = reportUrl(cycle.id, subject.id);
    hr = t.client();
    await hr.login(admin.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  describe('compression', () => {
    it('sends a report as brotli or gzip, decoding to the very bytes of the plain answer', async () => {
      const plain = await raw(t, report, {}, hr);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const br = await raw(t, report, { 'accept-encoding': 'br' }, hr);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['vary']).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      const gzip = await raw(t, report, { 'accept-encoding': 'gzip' }, hr);
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
      // The figures for the report: printed, not asserted beyond "smaller".
      expect(br.body.length).toBeLessThan(plain.body.length / 3);
      console.log(`report JSON: ${plain.body.length} B plain, ${gzip.body.length} B gzip, ${br.body.length} B brotli`);
    });

    it('prefers brotli when the browser offers both, and compresses the web assets too', async () => {
      const script = builtAsset('.js');
      const onDisk = readFileSync(join(WEB_ROOT, 'assets', script));
      const asset = await raw(t, `/assets/${script}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(asset.status).toBe(200);
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(asset.body).equals(onDisk)).toBe(true);
      console.log(`${script}: ${onDisk.length} B plain, ${asset.body.length} B brotli`);
      const page = await raw(t, '/cycles', { 'accept-encoding': 'gzip' });
      expect(page.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(page.body).toString()).toContain('<div id="root">');
    });

    it('sends the web files compressed at build time, byte for byte, and the plain file to a client that accepts neither', async () => {
      for (const name of [builtAsset('.js'), builtAsset('.css')]) {
        const path = join(WEB_ROOT, 'assets', name);
        const onDisk = readFileSync(path);
        const br = await raw(t, `/assets/${name}`, { 'accept-encoding': 'br' });
        expect(br.status).toBe(200);
        expect(br.headers['content-encoding']).toBe('br');
        expect(br.headers['content-type']).toMatch(name.endsWith('.js') ? /^application\/javascript/ : /^text\/css/);
        expect(br.headers['vary']).toMatch(/accept-encoding/i);
        expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        // The very bytes of the file written at build time: nothing was compressed for this request.
        expect(br.body.equals(readFileSync(`${path}.br`))).toBe(true);
        expect(brotliDecompressSync(br.body).equals(onDisk)).toBe(true);

        const gzip = await raw(t, `/assets/${name}`, { 'accept-encoding': 'gzip' });
        expect(gzip.headers['content-encoding']).toBe('gzip');
        expect(gzip.body.equals(readFileSync(`${path}.gz`))).toBe(true);
        expect(gunzipSync(gzip.body).equals(onDisk)).toBe(true);

        const plain = await raw(t, `/assets/${name}`);
        expect(plain.status).toBe(200);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.headers['vary']).toMatch(/accept-encoding/i);
        expect(plain.headers['content-type']).toBe(br.headers['content-type']);
        expect(plain.body.equals(onDisk)).toBe(true);
        const unknown = await raw(t, `/assets/${name}`, { 'accept-encoding': 'deflate' });
        expect(unknown.headers['content-encoding']).toBeUndefined();
        expect(unknown.body.equals(onDisk)).toBe(true);
      }
    });

    it('sends index.html compressed at build time for any client route, never cached without asking', async () => {
      const index = join(WEB_ROOT, 'index.html');
      for (const url of ['/', '/cycles', '/feedback-requests/42/answer?x=1']) {
        const br = await raw(t, url, { 'accept-encoding': 'gzip, deflate, br' });
        expect({ url, status: br.status, encoding: br.headers['content-encoding'] }).toEqual({ url, status: 200, encoding: 'br' });
        expect(br.headers['content-type']).toMatch(/^text\/html/);
        expect(br.headers['cache-control']).toBe('no-cache');
        expect(br.body.equals(readFileSync(`${index}.br`))).toBe(true);
        const plain = await raw(t, url);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.body.equals(readFileSync(index))).toBe(true);
      }
      // The compressed copies have no address of their own: asked for by name, the web app's page answers.
      const script = builtAsset('.js');
      const byName = await raw(t, `/assets/${script}.br`);
      expect(byName.headers['content-type']).toMatch(/^text\/html/);
      expect(byName.body.equals(readFileSync(index))).toBe(true);
    });

    it('leaves tiny answers and PDFs (already compressed) as they are', async () => {
      const tiny = await raw(t, '/health/live', { 'accept-encoding': 'br, gzip' });
      expect(tiny.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(tiny.body.toString())).toEqual({ status: 'ok', details: {} });
      const pdf = await raw(t, `${report}.pdf`, { 'accept-encoding': 'br, gzip' }, hr);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-encoding']).toBeUndefined();
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    });
  });

  describe('request ids', () => {
    it('answers every request with an x-request-id, and an error body names the same id', async () => {
      const ok = await hr.get('/api/auth/me');
      expect(ok.status).toBe(200);
      expect(ok.headers['x-request-id']).toMatch(/^[\w.-]{1,64}$/);
      const anonymous = t.client();
      const errors = [
        await anonymous.get<ErrorBody>('/api/auth/me'),
        await anonymous.get<ErrorBody>('/api/no-such-route'),
        await hr.post<ErrorBody>('/api/cycles', { name: 'x', surprise: true }),
        await hr.post<ErrorBody>('/api/cycles', { name: 'x' }, { noCsrf: true }),
      ];
      expect(errors.map((e) => e.status)).toEqual([401, 404, 400, 403]);
      for (const error of errors) {
        expect(error.body).toEqual(expect.objectContaining({ statusCode: error.status, requestId: error.headers['x-request-id'] }));
        expect(error.body.requestId).toMatch(/^[\w.-]{1,64}$/);
      }
      const ids = new Set([ok, ...errors].map((r) => r.headers['x-request-id']));
      expect(ids.size).toBe(5);
    });

    it('keeps a sane id from the proxy and replaces anything else', async () => {
      const anonymous = t.client();
      const kept = await anonymous.get<ErrorBody>('/api/auth/me', { headers: { 'x-request-id': 'nginx-7f3a.42_b' } });
      expect(kept.headers['x-request-id']).toBe('nginx-7f3a.42_b');
      expect(kept.body.requestId).toBe('nginx-7f3a.42_b');
      for (const bad of ['has spaces in it', 'x'.repeat(65), '<script>', 'a/b']) {
        const replaced = await anonymous.get<ErrorBody>('/api/auth/me', { headers: { 'x-request-id': bad } });
        expect(replaced.headers['x-request-id']).not.toBe(bad);
        expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect(replaced.body.requestId).toBe(replaced.headers['x-request-id']);
      }
    });

    it('logs the request and its error under the id the user sees', async () => {
      // A real failure: the people table vanishes under the running app (a 500 is a bug, and
      // this is how its report is traced).
      await t.db.query(`ALTER TABLE people RENAME TO people_away`);
      let failed;
      try {
        failed = await hr.get('/api/people', { headers: { 'x-request-id': 'user-report-1234' } });
      } finally {
        await t.db.query(`ALTER TABLE people_away RENAME TO people`);
      }
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Something went wrong on our side. Reference: user-report-1234',
        requestId: 'user-report-1234',
      });
      const lines = logLines.filter((line) => line.requestId === 'user-report-1234');
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['incoming request', 'unhandled error', 'request completed']));
      const completed = lines.find((line) => line.msg === 'request completed') as { res: { statusCode: number } };
      expect(completed.res.statusCode).toBe(500);
      // Neither the session cookie nor the CSRF token reach the log.
      expect(JSON.stringify(lines)).not.toContain(hr.exportCookies().get('ripple_session') ?? 'no session cookie');
    });

    it('logs each request once, API and health alike', async () => {
      for (const url of ['/health/ready', '/api/auth/csrf', '/api/nothing-here']) {
        const id = `once-${url.replace(/\W/g, '')}`;
        await raw(t, url, { 'x-request-id': id });
        const lines = logLines.filter((line) => line.requestId === id);
        expect({ url, messages: lines.map((line) => line.msg) }).toEqual({ url, messages: ['incoming request', 'request completed'] });
      }
    });

    it('keeps a one-time secret in a URL (query string or path) out of the log', async () => {
      await raw(t, '/api/auth/csrf?token=s3cret-link-value&x=1', { 'x-request-id': 'token-in-url' });
      const lines = logLines.filter((line) => line.requestId === 'token-in-url');
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
      expect(JSON.stringify(lines)).not.toContain('s3cret-link-value');
      expect(lines.map((line) => (line.req as { url?: string } | undefined)?.url)).toContain('/api/auth/csrf?token=[redacted]&x=1');

      // An invitation link's token is part of the path its page asks the API about.
      await raw(t, '/api/auth/invitations/s3cret-invitation-token', { 'x-request-id': 'token-in-path' });
      const invitation = logLines.filter((line) => line.requestId === 'token-in-path');
      expect(invitation.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
      expect(JSON.stringify(invitation)).not.toContain('s3cret-invitation-token');
      expect(invitation.map((line) => (line.req as { url: string }).url)).toEqual(['/api/auth/invitations/[redacted]', '/api/auth/invitations/[redacted]']);
    });
  });
});

/** Helmet's headers for Ripple's policy: written out here so that a change to any of them is seen. */
const SECURITY_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const CONTENT_SECURITY_POLICY =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;" +
  "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'";

describe('production and development modes: security headers, no public source maps', () => {
  let production: TestApp;
  let development: TestApp;

  beforeAll(async () => {
    production = await startTestApp({ NODE_ENV: 'production', DATABASE_URL: testServerUrl(), RIPPLE_SECRET_KEY: 'ab'.repeat(32) });
    development = await startTestApp({ NODE_ENV: 'development' });
  });
  afterAll(async () => {
    await production?.close();
    await development?.close();
  });

  it('sends the security headers on every response, API and web app, answers and errors alike', async () => {
    const signedIn = development.client();
    const admin = await aPerson(development.db, (await anOrganization(development.db)).id, { role: 'admin' });
    await signedIn.login(admin.email, TEST_PASSWORD);
    const requests: [TestApp, string, number, HttpClient?][] = [
      [development, '/api/auth/me', 200, signedIn],
      [development, '/api/people?limit=1', 200, signedIn],
      [development, '/api/auth/me', 401],
      [development, '/api/people?surprise=1', 400, signedIn],
      [development, '/api/no-such-route', 404],
      [development, '/health/live', 200],
      [development, '/api/docs/openapi.json', 200],
      [development, '/', 200],
      [development, '/cycles/42', 200],
      [development, `/assets/${builtAsset('.js')}`, 200],
      [production, '/api/auth/me', 401],
      [production, `/assets/${builtAsset('.js.map')}`, 404],
    ];
    for (const [app, url, status, client] of requests) {
      const response = await raw(app, url, { 'accept-encoding': 'br' }, client);
      // Secure cookies mean HTTPS: the page's own requests are upgraded too.
      const policy = app === production ? CONTENT_SECURITY_POLICY.replace(';connect-src', ';upgrade-insecure-requests;connect-src') : CONTENT_SECURITY_POLICY;
      expect({ url, status: response.status, headers: response.headers }).toEqual({
        url,
        status,
        headers: expect.objectContaining({ ...SECURITY_HEADERS, 'content-security-policy': policy }) as unknown,
      });
    }
  });

  it('refuses *.map in production (a developer still gets them) and the bundles do not point at them', async () => {
    const map = builtAsset('.js.map');
    expect(existsSync(join(WEB_ROOT, 'assets', map))).toBe(true);
    const refused = await raw(production, `/assets/${map}`);
    expect(refused.status).toBe(404);
    expect(refused.body.toString()).not.toContain('"sources"');
    expect((await raw(development, `/assets/${map}`)).status).toBe(200);
    const refusedCompressed = await raw(production, `/assets/${map}`, { 'accept-encoding': 'br, gzip' });
    expect(refusedCompressed.status).toBe(404);
    expect(refusedCompressed.headers['content-encoding']).toBeUndefined();

    const script = builtAsset('.js');
    const served = await raw(production, `/assets/${script}`);
    expect(served.status).toBe(200);
    expect(served.body.toString()).not.toMatch(/sourceMappingURL/);
  });
});
