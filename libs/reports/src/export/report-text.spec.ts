import { pdfText } from './pdf-fonts';
import { fileSlug, hiddenText } from './report-text';

describe('export wording', () => {
  it('says why a number is hidden without any count of who answered', () => {
    expect(hiddenText('below_threshold', 3)).toBe('hidden: fewer than 3 anonymous responses');
    expect(hiddenText('pooled', 4)).toBe('hidden: shown only together with other groups');
    expect(hiddenText('complementary', 3)).toBe('hidden: would reveal a group of fewer than 3 responses');
    expect(hiddenText('not_observed', 3)).toBe('not observed');
    expect(hiddenText('no_responses', 3)).toBe('hidden: no responses');
  });

  it('makes ASCII file names', () => {
    expect(fileSlug('report', 'Zoë Ångström', 'Autumn 2026 — everyone')).toBe('report-zoe-angstrom-autumn-2026-everyone');
    expect(fileSlug('report', 'Łukasz Żółć', 'Søren Æbelø', 'Straße')).toBe('report-lukasz-zolc-soren-aebelo-strasse');
    expect(fileSlug('report', 'Дмитрий', 'Q3')).toBe('report-q3');
    expect(fileSlug('', '')).toBe('report');
  });

  it('prints text as written, composed, without control characters', () => {
    expect(pdfText('Łukasz Żółć, Дмитрий, Ελένη: 3 − 1 ≥ 2 ✓')).toBe('Łukasz Żółć, Дмитрий, Ελένη: 3 − 1 ≥ 2 ✓');
    expect(pdfText('Zo\u0065\u0308 Z\u0307o\u0301\u0142c\u0301')).toBe('Zoë Żółć');
    expect(pdfText('a\u0007b\tc\nd')).toBe('a b c\nd');
  });
});
