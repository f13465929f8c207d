import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * SQL lives in repositories, not services (CONTRIBUTING.md, "The layering rules"): a service
 * composes repositories, transactions and rules; the statements, their rows and the mapping of
 * snake_case to camelCase are a repository's. Every library's `*.service.ts` is checked, a new
 * library included.
 */
const LIBS = join(__dirname, '..', '..', 'libs');

/** Running SQL: a raw statement, or a query builder. */
const RUNS_SQL = /\.(query|createQueryBuilder)\s*\(/g;

function services(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : services(path);
    return entry.name.endsWith('.service.ts') ? [path] : [];
  });
}

/** `file:line` of every call that runs SQL in `source`. */
function sqlCalls(file: string, source: string): string[] {
  return source.split('\n').flatMap((line, i) => (line.match(RUNS_SQL) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

const libraries = readdirSync(LIBS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const callsIn = (library: string): string[] =>
  services(join(LIBS, library, 'src')).flatMap((path) => sqlCalls(relative(LIBS, path), readFileSync(path, 'utf8')));

describe('SQL in repositories, not services', () => {
  it('scans the libraries and their services (the scan works)', () => {
    expect(libraries).toEqual(expect.arrayContaining(['identity', 'organizations', 'cycles', 'feedback', 'jobs', 'reports']));
    expect(services(join(LIBS, 'identity', 'src')).map((path) => relative(LIBS, path))).toContain('identity/src/people/people.service.ts');
  });

  it('no service of a checked library runs SQL', () => {
    expect(libraries.flatMap(callsIn)).toEqual([]);
  });

  it('catches a service that runs SQL, by any manager', () => {
    expect(sqlCalls('x.service.ts', 'const rows = await tx.query(`SELECT 1`);\nawait this.db\n  .query(`SELECT 2`);')).toEqual([
      'x.service.ts:1: const rows = await tx.query(`SELECT 1`);',
      'x.service.ts:3: .query(`SELECT 2`);',
    ]);
    expect(sqlCalls('x.service.ts', 'this.db.createQueryBuilder().select()')).toHaveLength(1);
    expect(sqlCalls('x.service.ts', 'await this.people.findById(organizationId, id);')).toEqual([]);
  });
});
