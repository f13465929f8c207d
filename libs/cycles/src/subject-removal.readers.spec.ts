import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A subject removed from a running cycle keeps its cycle_subjects row (marked removed_at), so that
 * the requests about them, and the drafts their raters may still read, survive until close. Every
 * statement that reads cycle_subjects must therefore say what it does with removed rows: filter
 * them out (`removed_at IS NULL`), or be listed here with the reason it must not. A new query that
 * forgets fails this spec instead of counting, listing or reporting a removed subject.
 */
const LIBS = join(__dirname, '..', '..');

/** [file, a snippet of the statement, why it does not filter removed subjects]. */
const ALLOWED: readonly (readonly [string, string, string])[] = [
  ['cycles/src/subject-removal.repository.ts', 'DELETE FROM cycle_subjects', 'draft cycles only: they have no removed rows'],
  ['cycles/src/subject-removal.repository.ts', 'UPDATE cycle_subjects cs SET removed_at', 'the removal itself'],
  ['cycles/src/cycle-launch.repository.ts', 'DELETE FROM cycle_subjects', 'launch of a draft cycle: it has no removed rows'],
  [
    'feedback/src/requests/requests.repository.ts',
    'JOIN people rp ON rp.organization_id = fr.organization_id AND rp.id = fr.rater_id',
    'REQUEST_JOINS: a rater still reads a request withdrawn with its subject (and the draft kept on it)',
  ],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The SQL statements: template literals (between backticks) that name cycle_subjects outside a comment. */
function statements(source: string): string[] {
  return source
    .split('`')
    .filter((_, i) => i % 2 === 1)
    .filter((sql) => /\b(FROM|JOIN|UPDATE|DELETE FROM|INTO)\s+cycle_subjects\b/.test(sql));
}

describe('readers of cycle_subjects', () => {
  const found = sources(LIBS).flatMap((path) => statements(readFileSync(path, 'utf8')).map((sql) => ({ file: relative(LIBS, path), sql })));

  it('finds the statements it checks (the scan works)', () => {
    expect(found.length).toBeGreaterThan(15);
    expect(found.some((s) => s.file === 'reports/src/snapshot/report-source.repository.ts')).toBe(true);
  });

  it('every statement skips removed subjects, inserts one, or is listed with its reason', () => {
    const unexplained = found
      .filter(({ sql }) => !/\bremoved_at\b/.test(sql) && !/INSERT INTO cycle_subjects/.test(sql))
      .filter(({ file, sql }) => !ALLOWED.some(([f, snippet]) => f === file && sql.includes(snippet)))
      .map(({ file, sql }) => `${file}: ${sql.replace(/\s+/g, ' ').trim().slice(0, 120)}`);
    expect(unexplained).toEqual([]);
  });

  it('catches a statement that forgets', () => {
    expect(statements('const q = `SELECT count(*) FROM cycle_subjects WHERE organization_id = $1`;')).toHaveLength(1);
    expect(statements('// cycle_subjects in a comment\nconst q = `SELECT 1 FROM people`;')).toHaveLength(0);
  });
});
