import type { HeatmapCell, HiddenReason } from '../api/get-heatmap';

/**
 * The colour scale: eight classes of half a point from 1 to 5 (ColorBrewer YlGnBu, safe for
 * colour-blind readers), light for low, dark for high. Classes rather than a gradient so that a
 * colour reads as one band of the legend, and so the text on each class keeps AA contrast: the
 * light classes take dark text, the dark ones white.
 */
export const SCORE_BANDS = [
  { from: 1, background: '#ffffd9', ink: 'dark' },
  { from: 1.5, background: '#edf8b1', ink: 'dark' },
  { from: 2, background: '#c7e9b4', ink: 'dark' },
  { from: 2.5, background: '#7fcdbb', ink: 'dark' },
  { from: 3, background: '#41b6c4', ink: 'dark' },
  { from: 3.5, background: '#2171a8', ink: 'light' },
  { from: 4, background: '#253494', ink: 'light' },
  { from: 4.5, background: '#081d58', ink: 'light' },
] as const;

export type ScoreBand = (typeof SCORE_BANDS)[number];

export function scoreBand(mean: number): ScoreBand {
  let band: ScoreBand = SCORE_BANDS[0];
  for (const b of SCORE_BANDS) if (mean >= b.from) band = b;
  return band;
}

export const formatMean = (mean: number): string => mean.toFixed(2);

/** Why a cell is empty, in words: the cell's tooltip and what a screen reader says. */
export function hiddenExplanation(reason: HiddenReason, minCellSize: number): string {
  if (reason === 'below_threshold') return `Hidden: fewer than ${minCellSize} people`;
  if (reason === 'complementary') return 'Hidden so that another small group can’t be worked out from the totals';
  return 'No data: nobody in this group has a score';
}

/** The short mark a hidden cell shows; the legend and the tooltip spell it out. */
export const HIDDEN_MARK: Record<HiddenReason, (minCellSize: number) => string> = {
  below_threshold: (m) => `n<${m}`,
  complementary: () => 'hidden',
  no_data: () => '',
};

export function LockIcon() {
  return (
    <svg className="hm-lock" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <rect x="2" y="5.5" width="8" height="5.5" rx="1.2" fill="currentColor" />
      <path d="M4 5.5V4a2 2 0 0 1 4 0v1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

/**
 * One cell of the map. A shown cell: its mean (two decimals) on its band's colour, and how many
 * people it holds. A hidden one: hatched grey with a lock and a mark, and its reason in words for
 * the tooltip and screen readers — the colour is never the only signal.
 */
export function HeatmapCellView({ cell, minCellSize, className }: { cell: HeatmapCell; minCellSize: number; className?: string }) {
  const classes = (...names: string[]): string => [...names, className].filter(Boolean).join(' ');
  if (cell.shown && cell.mean !== undefined) {
    const band = scoreBand(cell.mean);
    return (
      <td className={classes('hm-cell', 'hm-cell--shown', `hm-cell--ink-${band.ink}`)} style={{ background: band.background }}>
        <span className="hm-cell__mean">{formatMean(cell.mean)}</span>
        {cell.n !== undefined && (
          <>
            <span className="hm-cell__n" aria-hidden="true">
              n={cell.n}
            </span>
            <span className="visually-hidden">, {cell.n === 1 ? '1 person' : `${cell.n} people`}</span>
          </>
        )}
      </td>
    );
  }
  const reason: HiddenReason = cell.reason ?? 'no_data';
  const explanation = hiddenExplanation(reason, minCellSize);
  if (reason === 'no_data') {
    return (
      <td className={classes('hm-cell', 'hm-cell--empty')} title={explanation}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{explanation}</span>
      </td>
    );
  }
  return (
    <td className={classes('hm-cell', 'hm-cell--hidden', reason === 'below_threshold' ? 'hm-cell--small' : 'hm-cell--complementary')} title={explanation}>
      <LockIcon />
      <span className="hm-cell__mark" aria-hidden="true">
        {HIDDEN_MARK[reason](minCellSize)}
      </span>
      <span className="visually-hidden">{explanation}</span>
    </td>
  );
}
