import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { de } from './de';
import { en } from './en';
import { LANGUAGES } from './languages';
import { MESSAGES } from './messages';

/** The arguments a message uses, by name and kind ("count:plural", "name:argument"), tags included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(`${el.value}:${el.type}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`${el.value}:${el.type}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
  }
  return into;
}

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'api' && dir === SRC ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') && !path.startsWith(join(SRC, 'i18n')) ? [path] : [];
  });
}

/**
 * Every message id the code names: `t('id')`, `tr('id')`, `msg('id')`, `formatMessage({ id: 'id' })` and
 * `<FormattedMessage id="id">` (or `id={cond ? 'a' : 'b'}`).
 */
function idsUsedIn(code: string): string[] {
  const ids: string[] = [];
  for (const m of code.matchAll(/\b(?:t|tr|msg)\(\s*'([^']+)'/g)) ids.push(m[1]);
  for (const m of code.matchAll(/formatMessage\(\{\s*id:\s*'([^']+)'/g)) ids.push(m[1]);
  for (const m of code.matchAll(/<FormattedMessage\s+id=(?:"([^"]+)"|\{([^}]*)\})/g)) {
    if (m[1]) ids.push(m[1]);
    else for (const q of m[2].matchAll(/'([^']+)'/g)) ids.push(q[1]);
  }
  return ids;
}

describe('message catalogues', () => {
  const english = Object.keys(en).sort();

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the English keys, none missing and none extra', (language) => {
    const keys = Object.keys(MESSAGES[language]).sort();
    expect(english.filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.filter((k) => !english.includes(k))).toEqual([]);
  });

  it.each(LANGUAGES)('every %s message is valid ICU, not empty, with the same arguments and tags as the English one', (language) => {
    const problems: string[] = [];
    for (const [id, source] of Object.entries(en)) {
      const text = MESSAGES[language][id as keyof typeof en];
      if (!text?.trim()) {
        problems.push(`${id}: empty`);
        continue;
      }
      const expected = [...argumentsOf(parse(source))].sort();
      const actual = [...argumentsOf(parse(text))].sort();
      if (expected.join() !== actual.join()) problems.push(`${id}: ${actual.join()} instead of ${expected.join()}`);
    }
    expect(problems).toEqual([]);
  });

  it('German is translated, not copied: most messages differ from the English ones', () => {
    const same = Object.keys(en).filter((id) => en[id as keyof typeof en] === de[id as keyof typeof en]);
    expect(same.length).toBeLessThan(Object.keys(en).length / 10);
  });

  describe('against the code of apps/web/src', () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(SRC)) for (const id of idsUsedIn(readFileSync(file, 'utf8'))) used.set(id, file);

    it('the scan finds the ids the code uses (it would notice one)', () => {
      expect(idsUsedIn(`t('a.b'); msg('c'); <FormattedMessage id="d" />; <FormattedMessage id={x ? 'e' : 'f'} />`)).toEqual(['a.b', 'c', 'd', 'e', 'f']);
      expect(used.size).toBeGreaterThan(50);
    });

    it('uses no id that the catalogue lacks', () => {
      expect([...used.entries()].filter(([id]) => !(id in en)).map(([id, file]) => `${id} (${file.slice(SRC.length + 1)})`)).toEqual([]);
    });

    it('leaves no message of the catalogue unused', () => {
      expect(english.filter((id) => !used.has(id))).toEqual([]);
    });
  });
});
