import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The headless Chromium the browser tests drive: CHROMIUM_PATH when set (e.g. Debian's
 * /usr/bin/chromium), else the one @sparticuz/chromium ships inside its npm package, unpacked once
 * per machine and version into the temp dir.
 *
 * The package itself unpacks to a fixed /tmp/chromium and uses whatever it finds there, so two
 * processes starting at once (two Jest workers, two runs on one machine) could launch a binary the
 * other is still writing (spawn ETXTBSY) or a half-written one. Here the unpacking goes to a
 * private directory that is then renamed into place: the directory holds a complete binary as
 * soon as it exists. The browser tests' global setup does this once, before the workers start,
 * and hands them the path (RIPPLE_TEST_CHROMIUM).
 */
export async function chromiumExecutable(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is set to ${configured}, which does not exist.`);
    return configured;
  }
  const unpacked = process.env.RIPPLE_TEST_CHROMIUM;
  if (unpacked && existsSync(unpacked)) return unpacked;
  // Outside the global setup (e.g. a script of its own): the package's own unpacking into /tmp.
  return sparticuz().executablePath();
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- an ESM-only package, turned into CommonJS by Jest's transform
const sparticuz = () => (require('@sparticuz/chromium') as { default: { executablePath(): Promise<string> } }).default;

function packageVersion(): string {
  const manifest = join(dirname(require.resolve('@sparticuz/chromium')), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Unpacks the package's Chromium into <temp dir>/ripple-chromium-<version> unless it is there
 * already, and returns the binary's path. For the global setup: it points the process's TMPDIR at
 * a private directory for the while, which a Jest worker's sandboxed process.env could not do.
 */
export async function unpackChromium(): Promise<string> {
  const home = tmpdir();
  const target = join(home, `ripple-chromium-${packageVersion()}`);
  const binary = join(target, 'chromium');
  if (existsSync(binary)) return binary;
  const staging = mkdtempSync(join(home, 'ripple-chromium-unpacking-'));
  // The package unpacks into os.tmpdir(), which follows TMPDIR: point it at the private directory.
  const previous = process.env.TMPDIR;
  try {
    process.env.TMPDIR = staging;
    const unpacked = await sparticuz().executablePath();
    if (unpacked !== join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another process got there first with its own complete copy: use that one.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}
