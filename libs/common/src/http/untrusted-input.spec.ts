import { MAX_INPUT_DEPTH, hasControlCharacter, untrustedInputErrors } from './untrusted-input';

describe('untrusted input', () => {
  it('finds NUL and the other C0 controls, but not tab, line feed or carriage return', () => {
    for (const code of [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f]) expect(hasControlCharacter(`a${String.fromCharCode(code)}b`)).toBe(true);
    for (const text of ['plain', 'tab\there', 'lines\r\nand\nmore', 'émoji 🎉', '\u007f\u0085']) expect(hasControlCharacter(text)).toBe(false);
  });

  it('names every offending string by its path, in the order of the input, keys included', () => {
    const body = { name: 'ok\u0000', comments: [{ text: 'fine' }, { text: '\u0007' }], settings: { 'bad\u0000key': 1, deep: { deeper: ['x', '\u0000'] } } };
    expect(untrustedInputErrors(body).map((e) => e.field)).toEqual(['name', 'comments.1.text', 'settings.bad\\u0000key', 'settings.deep.deeper.1']);
    expect(untrustedInputErrors(body)[0].message).toBe('name must not contain control characters such as NUL');
  });

  it('prefixes a query parameter or names a bare string "body"', () => {
    expect(untrustedInputErrors('a\u0000', 'search')).toEqual([{ field: 'search', message: 'search must not contain control characters such as NUL' }]);
    expect(untrustedInputErrors('\u0000')[0].field).toBe('body');
    expect(untrustedInputErrors({ a: 1, b: true, c: null, d: ['fine'] })).toEqual([]);
  });

  it(`refuses nesting past ${MAX_INPUT_DEPTH} levels, without overflowing its own stack`, () => {
    const nested = (levels: number): unknown => {
      let value: unknown = 'leaf';
      for (let i = 0; i < levels; i++) value = i % 2 ? { x: value } : [value];
      return value;
    };
    expect(untrustedInputErrors(nested(MAX_INPUT_DEPTH))).toEqual([]);
    expect(untrustedInputErrors(nested(MAX_INPUT_DEPTH + 1))).toEqual([
      { field: expect.stringMatching(/^0\.x\.0\./), message: expect.stringMatching(/is nested too deeply \(at most 32 levels\)$/) },
    ]);
    expect(untrustedInputErrors({ answers: nested(500_000) })).toHaveLength(1);
  });

  it('reports at most 20 problems', () => {
    expect(untrustedInputErrors(Array.from({ length: 10_000 }, () => '\u0000'))).toHaveLength(20);
  });
});
