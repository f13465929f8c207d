import { toWinAnsi } from './pdf-drawing';
import { fileSlug, hiddenText } from './report-text';

describe('export wording', () => {
  it('says why a number is hidden without any count of who answered', () => {
    expect(hiddenText('below_threshold', 3)).toBe('hidden: fewer than 3 responses');
    expect(hiddenText('pooled', 4)).toBe('hidden: fewer than 4 responses (included in Others)');
    expect(hiddenText('complementary', 3)).toBe('hidden: would reveal a group of fewer than 3 responses');
    expect(hiddenText('not_observed', 3)).toBe('not observed');
    expect(hiddenText('no_responses', 3)).toBe('hidden: no responses');
  });

  it('makes ASCII file names', () => {
    expect(fileSlug('report', 'Zoë Ångström', 'Autumn 2026 — everyone')).toBe('report-zoe-angstrom-autumn-2026-everyone');
    expect(fileSlug('', '')).toBe('report');
  });

  it('keeps what the standard PDF fonts can print and replaces the rest', () => {
    expect(toWinAnsi('“Zoë” – 5 € • ok')).toBe('“Zoë” – 5 € • ok');
    expect(toWinAnsi('Łukasz Nowak, Ştefan, Őrs: 3 − 1 ≥ 2')).toBe('Lukasz Nowak, Stefan, Ors: 3 - 1 >= 2');
    expect(toWinAnsi('日本 ✓\u0007')).toBe('?? ? ');
  });
});
