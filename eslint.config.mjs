// ESLint (flat config): type-aware typescript-eslint rules everywhere, React hooks rules in the web
// app, and the architecture's import boundaries (tools/lint/architecture.cjs). `npm run lint`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import ripple from './tools/lint/architecture.cjs';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'coverage/**',
      '.data/**',
      'tests/artifacts/**',
      'tests/perf/results/**',
      // Generated from openapi.json by scripts/generate-api-types.mjs.
      'apps/web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // jsDocParsingMode 'type-info': the TypeScript Programs skip parsing JSDoc comments, as tsc
      // does, about 1 CPU s per Program. Only @typescript-eslint/no-deprecated reads JSDoc tags, and
      // it is not enabled; comments themselves still reach ESLint.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, jsDocParsingMode: 'type-info' },
    },
    rules: {
      // `_` marks a parameter a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The web app's Jest specs belong to the root tsconfig.json (apps/web/tsconfig.json excludes
    // them). The project service would look in the nearest tsconfig first, not find them there, and
    // build the whole root project a second time inside its own language service (about 15 CPU s);
    // naming the root tsconfig directly reuses the Program the API and libs are linted with.
    files: ['apps/web/src/**/*.spec.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.json' } },
  },
  {
    // e2e, browser and perf tests read JSON response bodies, typed `any` by tests/support/http-client.ts,
    // and hand them to expect(): the unsafe-any family would flag every `res.body.x`. The rules that
    // catch real test bugs (no-floating-promises, await-thenable, no-misused-promises) stay on.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // @types/jest types the asymmetric matchers (expect.stringMatching, expect.anything, ...) as `any`,
    // so every expected object that uses one would be flagged.
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Typed rows across repository boundaries: TypeORM's query() is `Promise<any>`, and
    // `const rows: Row[] = await tx.query(...)` asserts a row shape silently. Rows are read through
    // @lib/database's selectRows/selectOne/selectFirst/modifyRows, which name that assertion; a
    // query() whose result is discarded (`await tx.query(...)`) stays allowed.
    files: ['libs/*/src/**/*.ts'],
    // sql-rows.ts is where query()'s result is read, once, for everyone.
    ignores: ['**/*.spec.ts', 'libs/database/src/sql-rows.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']:not(ExpressionStatement > AwaitExpression > CallExpression)",
          message: 'Read rows through selectRows/selectOne/selectFirst/modifyRows (@lib/database), not the untyped result of query().',
        },
      ],
    },
  },
  {
    files: ['apps/api/**/*.ts', 'libs/**/*.ts', 'migrations/**/*.ts', 'tests/**/*.ts', 'tools/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.{ts,tsx,mts,js,mjs,cjs}'],
    plugins: { ripple },
    rules: { 'ripple/architecture': ['error', { root: import.meta.dirname }] },
  },
);
