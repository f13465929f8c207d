/** The web app's colour scale for the organisation and team views, checked without a browser. */
import { DIFFERENCE_BANDS, differenceBand, formatSigned } from '../../apps/web/src/lib/difference-scale';

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};
const TEXT = '#16252a'; // --text in styles/tokens.css

describe('the difference scale', () => {
  it('keeps AA contrast (4.5:1) for the printed number on every colour', () => {
    for (const band of DIFFERENCE_BANDS) {
      expect(contrast(band.background, band.ink === 'light' ? '#ffffff' : TEXT)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is neutral around zero and when there is nothing to compare with, and diverges both ways', () => {
    expect(differenceBand(undefined).label).toBe('about the same');
    expect(differenceBand(0.05).label).toBe('about the same');
    expect(differenceBand(-0.11).label).toBe('a little below');
    expect(differenceBand(-0.1).label).toBe('about the same');
    expect(differenceBand(0.1).label).toBe('a little above');
    expect(differenceBand(-2).label).toBe('half a point or more below');
    expect(differenceBand(0.5).label).toBe('half a point or more above');
    // Contiguous classes, from −∞ to +∞.
    DIFFERENCE_BANDS.slice(1).forEach((b, i) => expect(b.from).toBe(DIFFERENCE_BANDS[i].to));
  });

  it('prints signed differences with a real minus sign', () => {
    expect(formatSigned(0.254)).toBe('+0.25');
    expect(formatSigned(-0.1)).toBe('\u22120.10');
    expect(formatSigned(-0.001)).toBe('0.00');
  });
});
