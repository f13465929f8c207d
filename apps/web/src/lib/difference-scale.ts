/**
 * The colour scale of the organisation and team views: how far a group sits from the whole organisation on the same measure, in
 * seven classes — orange below, blue above, a neutral grey in the middle (a blue–orange
 * diverging scale, safe for colour-blind readers). Classes rather than a gradient so that a
 * colour reads as one band of the legend, and so the text on each class keeps AA contrast: the
 * two darkest classes take white text, the rest dark. The number is always printed too.
 */
export interface DifferenceBand {
  /** The band holds differences from `from` (inclusive) to `to` (exclusive). */
  from: number;
  to: number;
  background: string;
  ink: 'dark' | 'light';
  label: string;
}

export const DIFFERENCE_BANDS: readonly DifferenceBand[] = [
  { from: -Infinity, to: -0.5, background: '#b35806', ink: 'light', label: 'half a point or more below' },
  { from: -0.5, to: -0.25, background: '#f1a340', ink: 'dark', label: 'a quarter to half a point below' },
  { from: -0.25, to: -0.1, background: '#fee0b6', ink: 'dark', label: 'a little below' },
  { from: -0.1, to: 0.1, background: '#f2f2f0', ink: 'dark', label: 'about the same' },
  { from: 0.1, to: 0.25, background: '#c6dbef', ink: 'dark', label: 'a little above' },
  { from: 0.25, to: 0.5, background: '#6baed6', ink: 'dark', label: 'a quarter to half a point above' },
  { from: 0.5, to: Infinity, background: '#2166ac', ink: 'light', label: 'half a point or more above' },
];

const NEUTRAL: DifferenceBand = DIFFERENCE_BANDS[3]!;

/** The band of a difference (group − organisation); the neutral band when there is nothing to compare with. */
export function differenceBand(difference: number | undefined): DifferenceBand {
  if (difference === undefined) return NEUTRAL;
  return DIFFERENCE_BANDS.find((b) => difference < b.to) ?? DIFFERENCE_BANDS[DIFFERENCE_BANDS.length - 1]!;
}

/** "+0.25", "−0.10", "0.00": a signed difference with a real minus sign. */
export const formatSigned = (value: number): string => {
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0.00';
  return `${rounded > 0 ? '+' : '\u2212'}${Math.abs(rounded).toFixed(2)}`;
};
