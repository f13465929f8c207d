import { freeSlug, slugOf } from './organization-slug';

describe('organisation slugs', () => {
  it('keeps letters and digits, drops accents, joins words with dashes', () => {
    expect(slugOf('Ateliers Bérénice & Co')).toBe('ateliers-berenice-co');
    expect(slugOf('  ACME  Ltd. ')).toBe('acme-ltd');
    expect(slugOf('株式会社')).toBe('organisation');
    expect(slugOf('x'.repeat(80))).toHaveLength(50);
  });

  it('numbers a slug already taken', () => {
    expect(freeSlug('acme', new Set())).toBe('acme');
    expect(freeSlug('acme', new Set(['acme']))).toBe('acme-2');
    expect(freeSlug('acme', new Set(['acme', 'acme-2', 'acme-3']))).toBe('acme-4');
  });
});
