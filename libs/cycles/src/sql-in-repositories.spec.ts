import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Raw SQL lives in repositories (CONTRIBUTING.md, "The layering rules"): a service decides and
 * calls them, in its transaction. This spec fails when a service in these libraries runs a
 * statement itself (`.query(`), so SQL cannot creep back into services unnoticed. Identity is
 * checked by its own owners.
 */
const LIBS = join(__dirname, '..', '..');
const CHECKED = ['audit', 'cycles', 'demo', 'feedback', 'frameworks', 'jobs', 'notifications', 'reports'];

function services(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : services(path);
    return entry.name.endsWith('.service.ts') ? [path] : [];
  });
}

/** The lines of `source` that call `.query(` or `.query<` (comments aside). */
function queryCalls(source: string): string[] {
  return source
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, ''))
    .filter((line) => !/^\s*\*/.test(line))
    .filter((line) => /\.query\s*[(<]/.test(line))
    .map((line) => line.trim());
}

describe('SQL stays in repositories', () => {
  const files = CHECKED.flatMap((lib) => services(join(LIBS, lib, 'src')));

  it('finds the services it checks (the scan works)', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(files.map((f) => relative(LIBS, f))).toContain(join('cycles', 'src', 'cycles.service.ts'));
  });

  it('no service runs a statement itself', () => {
    const offending = files.flatMap((path) => queryCalls(readFileSync(path, 'utf8')).map((line) => `${relative(LIBS, path)}: ${line}`));
    expect(offending).toEqual([]);
  });

  it('catches a service that does', () => {
    expect(queryCalls('    await tx.query(`DELETE FROM responses WHERE organization_id = $1`, [org]);')).toHaveLength(1);
    expect(queryCalls('    const rows = await this.db\n      .query<Row[]>(sql);')).toHaveLength(1);
    expect(queryCalls('// a comment about tx.query(\n * this.db.query( in a doc comment\nawait this.cycles.find(org, id);')).toHaveLength(0);
  });
});
