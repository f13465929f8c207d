import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findLiterals } from './literals';

/**
 * Every user-facing text of the web app comes from the catalogue: this fails on text written into the
 * code (JSX text, a label, a toast), listing file, line and text. `I18N_LITERALS=features/cycles` narrows
 * the check to the files under one folder while translating it.
 */
const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(SRC, 'api') || path === join(SRC, 'i18n') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('text in the code instead of the catalogue', () => {
  it('the check finds text in every form it looks for, and not code', () => {
    const code = [
      `const a = <p className="card card--wide">Hello there</p>;`,
      `const b = <input aria-label="Search people" placeholder="name@example.org" type="search" />;`,
      `toast.success('Saved the cycle');`,
      `const c = <p>{t('cycle.title')} {count}</p>;`,
      `const d = useQuery({ queryKey: ['people', 'list'] });`,
      `const e = <p>Ripple</p>; // i18n-exempt: the product's name`,
    ].join('\n');
    expect(findLiterals('x.tsx', code).map((l) => l.text)).toEqual([
      'Hello there',
      'aria-label="Search people"',
      'placeholder="name@example.org"',
      'Saved the cycle',
    ]);
  });

  it('finds none in apps/web/src', () => {
    const only = process.env.I18N_LITERALS;
    const found: string[] = [];
    for (const file of sourceFiles(only ? join(SRC, only) : SRC)) {
      for (const literal of findLiterals(file, readFileSync(file, 'utf8'))) found.push(`${relative(SRC, file)}:${literal.line} ${literal.text}`);
    }
    expect(found).toEqual([]);
  });
});
