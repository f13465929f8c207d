import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { loadConfig } from '@lib/common';
import { runUnscopedQueriesAsSystem } from '@lib/database';
import { createApp } from '../../apps/api/src/bootstrap';
import { chromiumExecutable } from './chromium';
import { sessionCookieFor, type SignInPerson } from './sign-in';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * Browser tests drive the real product: the API and the built web app (dist/web) in this process
 * on a free loopback port, on a fresh database, in headless Chromium through playwright-core.
 * The browser comes from `npm install` (@sparticuz/chromium ships the binary inside its tarball);
 * CHROMIUM_PATH (e.g. Debian's /usr/bin/chromium) overrides it.
 *
 *   npm run build:web && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx jest --selectProjects browser
 */
const ROOT = join(__dirname, '..', '..');
const WEB_INDEX = join(ROOT, 'dist', 'web', 'index.html');
const SCREENSHOTS = join(ROOT, 'tests', 'artifacts', 'screenshots');
/** SCREENSHOTS=1 writes every screenshot() a test asks for; otherwise only a failing test's pages are pictured. */
const ALL_SCREENSHOTS = ['1', 'true', 'yes'].includes((process.env.SCREENSHOTS ?? '').toLowerCase());
/** A11Y_EVERY_STATE=1 scans every state a test audits; otherwise once per page (path, viewport, open dialog). */
const A11Y_EVERY_STATE = ['1', 'true', 'yes'].includes((process.env.A11Y_EVERY_STATE ?? '').toLowerCase());
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 375, height: 812 };

export interface BrowserApp {
  /** e.g. http://127.0.0.1:41234 — pages opened by newPage() resolve relative URLs against it. */
  baseUrl: string;
  app: NestFastifyApplication;
  db: DataSource;
  browser: Browser;
  /** A page in a new browser context: its own cookies, i.e. one simulated person. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function assertPrerequisites(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(`The web app is not built (${WEB_INDEX} is missing). Run \`npm run build:web\` before the browser tests.`);
  }
}

/**
 * Test files that share a global scope (one per Jest worker, tests/support/shared-environment.ts)
 * share one Chromium too: launching it costs about two seconds. Each file still opens its own
 * browser contexts (cookies, storage) and closes them with its app. Chromium ends with the worker
 * (its control pipe closes); without the shared scope (TEST_SHARED_SCOPE=0) each file launches
 * and closes its own.
 */
const sharedScope = process.env.TEST_SHARED_SCOPE !== '0';
const WORKER_BROWSER = Symbol.for('ripple.test.browser');

async function workerBrowser(): Promise<Browser> {
  const holder = globalThis as unknown as Record<symbol, Promise<Browser> | undefined>;
  const launch = async (): Promise<Browser> => chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
  if (!sharedScope) return launch();
  const kept = await holder[WORKER_BROWSER]?.catch(() => undefined);
  if (kept?.isConnected()) return kept;
  const launching = launch();
  holder[WORKER_BROWSER] = launching;
  return launching;
}

export async function startBrowserApp(env: Record<string, string> = {}): Promise<BrowserApp> {
  assertPrerequisites();
  // The port is chosen first so that links in mail (PUBLIC_URL) point at this very server.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let database: TestDatabase | undefined;
  let app: NestFastifyApplication | undefined;
  let browser: Browser | undefined;
  try {
    database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      SESSION_SECRET: 'browser-secret-browser-secret-browser-42',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PUBLIC_URL: baseUrl,
      PASSWORD_HASHING: 'fast',
      ...env,
    });
    // Test code plants rows directly, outside any request: there it runs as system (see test-app.ts).
    runUnscopedQueriesAsSystem();
    app = await createApp(config, database.url);
    await app.listen({ port, host: '127.0.0.1' });
    browser = await workerBrowser();
  } catch (error) {
    if (!sharedScope) await browser?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await database?.drop().catch(() => undefined);
    throw error;
  }
  const started = { app, browser, database };
  /** This file's browser contexts: closed with the app, the browser itself may serve the next file. */
  const contexts = new Set<BrowserContext>();
  return {
    baseUrl,
    app: started.app,
    db: started.app.get(DataSource),
    browser: started.browser,
    async newPage(viewport = DESKTOP) {
      const context = await started.browser.newContext({ baseURL: baseUrl, viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
      contexts.add(context);
      servers.set(context, { app: started.app, baseUrl });
      context.on('page', track);
      const page = await context.newPage();
      track(page);
      return page;
    },
    async close() {
      await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)));
      if (!sharedScope) await started.browser.close().catch(() => undefined);
      await started.app.close();
      await started.database.drop();
    },
  };
}

/** The server behind each browser context that newPage() opened, for signIn(). */
const servers = new WeakMap<BrowserContext, { app: NestFastifyApplication; baseUrl: string }>();

/** This test file's open pages: pictured when a test fails (see browser-environment.ts). */
const openPages = new Set<Page>();
function track(page: Page): void {
  if (openPages.has(page) || page.isClosed()) return;
  openPages.add(page);
  page.once('close', () => openPages.delete(page));
}

const fileName = (name: string): string =>
  name
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 150);

/**
 * Called by the browser tests' Jest environment when a test or hook fails: a full-page PNG of each
 * open page, tests/artifacts/screenshots/FAILED-<test>[-n].png, whether or not SCREENSHOTS is set.
 */
async function pictureFailure(testName: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  let n = 0;
  for (const page of openPages) {
    if (page.isClosed()) continue;
    const path = join(SCREENSHOTS, `FAILED-${fileName(testName)}${n ? `-${n}` : ''}.png`);
    n += 1;
    await page.screenshot({ path, fullPage: true, animations: 'disabled', timeout: 10_000 }).catch(() => undefined);
  }
}
(globalThis as { __rippleOnTestFailure?: (testName: string) => Promise<void> }).__rippleOnTestFailure = pictureFailure;

/** Waits for the signed-in layout (the desktop's Sign out button or the phone's Menu), in English or German. */
const signedInLayout = (page: Page): Promise<void> =>
  page
    .getByRole('button', { name: /^(Sign out|Abmelden)$/ })
    .or(page.getByRole('button', { name: /^(Menu|Menü)$/ }))
    .first()
    .waitFor();

/**
 * Signs a person in without the sign-in form (a session made by the SessionService, its cookie put
 * into the page's browser context), opens `path` (the home page by default) and waits for the
 * signed-in layout: for tests that merely need "a signed-in X". The form has its own tests (logIn,
 * submitLogin). The page must come from BrowserApp.newPage().
 */
export async function signIn(page: Page, person: SignInPerson, path = '/'): Promise<void> {
  const server = servers.get(page.context());
  if (!server) throw new Error('signIn() needs a page opened by BrowserApp.newPage()');
  track(page);
  const cookie = await sessionCookieFor(server.app, person);
  await page.context().addCookies([{ ...cookie, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  await page.goto(path);
  await signedInLayout(page);
}

/** Fills and submits the sign-in form; the caller decides what should happen next. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the form and waits for the signed-in layout. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  track(page);
  await page.goto('/login');
  await submitLogin(page, email, password);
  await signedInLayout(page);
}

/**
 * A PNG under tests/artifacts/screenshots/<name>.png (git-ignored): the whole page, or only the
 * viewport. Written only with SCREENSHOTS=1 (a picture costs a second or more; a failing test is
 * pictured anyway); returns the path either way.
 */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  track(page);
  if (!ALL_SCREENSHOTS) return path;
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let fonts settle and animations finish so the picture shows the page at rest.
  await page.evaluate('document.fonts.ready.then(() => true)'); // a string: the Node tsconfig has no DOM types
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

/** Findings by page (path, viewport, open dialog) within this test file. */
const scanned = new Map<string, Promise<string[]>>();

/** What makes a page a page for the accessibility scan: its address, its viewport and the dialog open on it. */
async function pageKey(page: Page): Promise<string> {
  const url = new URL(page.url());
  const viewport = page.viewportSize();
  // A string: the Node tsconfig has no DOM types.
  const dialogs = await page.evaluate<string>(
    `[...document.querySelectorAll('dialog[open], [role=dialog], [role=alertdialog]')].map((d) => d.getAttribute('aria-label') || d.getAttribute('aria-labelledby') || d.tagName).join('|')`,
  );
  return `${url.pathname}${url.search} ${viewport?.width ?? 0}x${viewport?.height ?? 0} ${dialogs}`;
}

/**
 * axe-core's serious and critical findings on the page as it is, as readable lines (empty when
 * clean). A page (path, viewport, open dialog) is scanned once per test file: a later state of the
 * same page gets the first scan's findings, since a scan costs about a second
 * (A11Y_EVERY_STATE=1 scans every state).
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  track(page);
  if (A11Y_EVERY_STATE) return scanA11y(page);
  const key = await pageKey(page);
  let findings = scanned.get(key);
  if (!findings) {
    findings = scanA11y(page);
    scanned.set(key, findings);
    findings.catch(() => scanned.delete(key));
  }
  return findings;
}

async function scanA11y(page: Page): Promise<string[]> {
  // Legacy mode runs axe.run() in the page itself: the default runs axe.runPartial() per frame, then
  // opens a blank page, injects axe-core again and finishes there (for cross-origin frames, which
  // the app has none of). Only violations are reported in full: the passes are not read.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${n.target.join(' ')}`));
}

/**
 * Types into the colleague picker's search and waits until the list shows only people matching
 * it: the search is debounced and answered by the server, so until then the earlier, longer list
 * is on screen, and clicking below it would land where the button was before the list shrank.
 */
export async function searchColleagues(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search colleagues' }).fill(text);
  const query = text.toLowerCase();
  const candidates = page.locator('.ask label.candidate');
  // Polled through locators (the app's CSP forbids the string functions waitForFunction evaluates).
  for (;;) {
    const names = (await candidates.allTextContents()).map((name) => name.toLowerCase());
    if (names.length > 0 && names.every((name) => name.includes(query))) return;
    await page.waitForTimeout(50);
  }
}

/**
 * What is wrong with the top bar as drawn: any two of its visible items (brand, organisation, menu
 * entries, the person, sign-out, Menu button) that overlap, any that leave the window, and an
 * organisation name squeezed out of sight. Empty when the bar is tidy.
 */
export async function topBarProblems(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const selectors = '.topbar__inner .brand, .topbar__org, .nav--bar .nav__list > li > .nav__link, .topbar__account .avatar, .topbar__name, .topbar__user .btn, .topbar__menu-button';
    const items = [...document.querySelectorAll(selectors)]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().width > 1)
      .map((el) => ({ name: (el.textContent || el.className).trim(), box: el.getBoundingClientRect() }));
    const problems = [];
    items.forEach(({ name, box }, i) => {
      if (box.left < 0 || box.right > window.innerWidth) problems.push(name + ' leaves the window');
      for (const other of items.slice(i + 1)) {
        const b = other.box;
        if (box.left < b.right - 0.5 && b.left < box.right - 0.5 && box.top < b.bottom && b.top < box.bottom) problems.push(name + ' overlaps ' + other.name);
      }
    });
    const org = document.querySelector('.topbar__org');
    if (!org || org.getBoundingClientRect().width < 40) problems.push('the organisation name is squeezed out');
    return problems;
  })()`);
}
