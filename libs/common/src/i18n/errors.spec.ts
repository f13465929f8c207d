import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES, translator } from './catalogue';
import { LANGUAGES } from './languages';

const LIBS = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every domain error code in the libraries: the values of each `enum …ErrorCode`, and the codes
 * written straight into `new AppException(kind, 'code', …)`. SCIM's own codes are left out on
 * purpose: SCIM errors stay English for identity providers (RFC 7644).
 */
function errorCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of sources(LIBS)) {
    const text = readFileSync(file, 'utf8');
    for (const [, name, body] of text.matchAll(/export enum (\w*ErrorCode) \{([^}]*)\}/g)) {
      for (const [, code] of body.matchAll(/=\s*'([^']+)'/g)) codes.set(code, `${name} in ${file.slice(LIBS.length + 1)}`);
    }
    for (const [, code] of text.matchAll(/new AppException\(\s*ErrorKind\.\w+,\s*'([^']+)'/g)) {
      if (!code.startsWith('scim_')) codes.set(code, `AppException in ${file.slice(LIBS.length + 1)}`);
    }
  }
  return codes;
}

describe('the error catalogue', () => {
  const codes = errorCodes();

  it('finds the error codes of every library', () => {
    // A scan that silently finds nothing would pass the test below.
    expect(codes.size).toBeGreaterThan(80);
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['invalid_credentials', 'invalid_settings', 'invalid_share', 'invalid_transition', 'not_found']));
  });

  it.each(LANGUAGES)('%s has words for every domain error code', (language) => {
    const messages: Record<string, string> = CATALOGUES[language];
    const missing = [...codes].filter(([code]) => !(`error.${code}` in messages)).map(([code, where]) => `${code} (${where})`);
    expect(missing).toEqual([]);
  });

  it('writes a validation message with its field label and limit', () => {
    expect(translator('de').t('validation.maxLength', { field: translator('de').t('field.name'), max: 200 })).toBe('Name darf höchstens 200 Zeichen lang sein');
    expect(translator('en').t('error.share.limit', { max: 20 })).toBe('A report can be shared with at most 20 colleagues');
  });
});
