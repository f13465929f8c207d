import { pickLanguage } from '../i18n/languages';
import { MESSAGES, msg, type MessageId } from '../i18n/messages';
import { getDisplayLocale } from './format';

// Plain catalogue look-ups on the active locale (no react-intl here: the labels take no arguments,
// and this module is also checked outside the web app, by the colour-scale spec).
const label = (id: MessageId): string => MESSAGES[pickLanguage(getDisplayLocale())][id];
const twoDecimals = (value: number): string =>
  new Intl.NumberFormat(getDisplayLocale() ?? 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

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
  readonly label: string;
}

const band = (from: number, to: number, background: string, ink: 'dark' | 'light', id: MessageId): DifferenceBand => ({
  from,
  to,
  background,
  ink,
  get label() {
    return label(id);
  },
});

/** The bands, lowest first; each label is read in the active language when shown. */
export const DIFFERENCE_BANDS: readonly DifferenceBand[] = [
  band(-Infinity, -0.5, '#b35806', 'light', msg('reports.difference.halfBelow')),
  band(-0.5, -0.25, '#f1a340', 'dark', msg('reports.difference.quarterBelow')),
  band(-0.25, -0.1, '#fee0b6', 'dark', msg('reports.difference.littleBelow')),
  band(-0.1, 0.1, '#f2f2f0', 'dark', msg('reports.difference.same')),
  band(0.1, 0.25, '#c6dbef', 'dark', msg('reports.difference.littleAbove')),
  band(0.25, 0.5, '#6baed6', 'dark', msg('reports.difference.quarterAbove')),
  band(0.5, Infinity, '#2166ac', 'light', msg('reports.difference.halfAbove')),
];

const NEUTRAL: DifferenceBand = DIFFERENCE_BANDS[3]!;

/** The band of a difference (group − organisation); the neutral band when there is nothing to compare with. */
export function differenceBand(difference: number | undefined): DifferenceBand {
  if (difference === undefined) return NEUTRAL;
  return DIFFERENCE_BANDS.find((b) => difference < b.to) ?? DIFFERENCE_BANDS[DIFFERENCE_BANDS.length - 1]!;
}

/** "+0.25", "−0.10", "0.00": a signed difference with a real minus sign, in the active language ("+0,25" in German). */
export const formatSigned = (value: number): string => {
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return twoDecimals(0);
  return `${rounded > 0 ? '+' : '\u2212'}${twoDecimals(Math.abs(rounded))}`;
};
