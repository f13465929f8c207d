import { hashSetupCode, newSetupCode, normaliseSetupCode, SETUP_CODE_ALPHABET, setupCodeMatches } from './setup-code';

describe('set-up codes', () => {
  it('are three groups of four symbols from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = newSetupCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    }
    expect(SETUP_CODE_ALPHABET).toHaveLength(32);
    expect(SETUP_CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it('differ from one another', () => {
    const codes = new Set(Array.from({ length: 500 }, newSetupCode));
    expect(codes.size).toBe(500);
  });

  it('match however they are typed, and only themselves', () => {
    const stored = hashSetupCode('7KQM-X2CD-PH9W');
    expect(setupCodeMatches('7KQM-X2CD-PH9W', stored)).toBe(true);
    expect(setupCodeMatches(' 7kqm x2cd ph9w ', stored)).toBe(true);
    expect(setupCodeMatches('7KQMX2CDPH9W', stored)).toBe(true);
    expect(setupCodeMatches('7KQM-X2CD-PH9X', stored)).toBe(false);
    expect(setupCodeMatches('', stored)).toBe(false);
    expect(normaliseSetupCode('ab-cd ef')).toBe('ABCDEF');
  });

  it('are never stored as typed', () => {
    expect(hashSetupCode('7KQM-X2CD-PH9W').toString('utf8')).not.toContain('7KQM');
  });
});
