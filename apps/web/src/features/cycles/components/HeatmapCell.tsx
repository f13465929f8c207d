import { differenceBand, formatSigned } from '@/lib/difference-scale';
import type { HeatmapCell, HiddenReason } from '../api/get-heatmap';

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
 * One cell of the map. A shown cell: its mean (two decimals) on the colour of its difference
 * from the organisation (`reference`, the organisation's mean on that measure), how many people
 * it holds and, where the previous cycle showed the same group, the change since. A hidden one:
 * hatched grey with a lock and a mark, and its reason in words for the tooltip and screen
 * readers — the colour is never the only signal.
 */
export function HeatmapCellView({
  cell,
  minCellSize,
  className,
  reference,
}: {
  cell: HeatmapCell;
  minCellSize: number;
  className?: string;
  reference?: number;
}) {
  const classes = (...names: string[]): string => [...names, className].filter(Boolean).join(' ');
  if (cell.shown && cell.mean !== undefined) {
    const difference = reference === undefined ? undefined : cell.mean - reference;
    const band = differenceBand(difference);
    const title = difference === undefined ? undefined : `${formatSigned(difference)} against the whole organisation`;
    return (
      <td className={classes('hm-cell', 'hm-cell--shown', `hm-cell--ink-${band.ink}`)} style={{ background: band.background }} title={title}>
        <span className="hm-cell__mean">{formatMean(cell.mean)}</span>
        {cell.n !== undefined && (
          <>
            <span className="hm-cell__n" aria-hidden="true">
              n={cell.n}
            </span>
            <span className="visually-hidden">, {cell.n === 1 ? '1 person' : `${cell.n} people`}</span>
          </>
        )}
        {difference !== undefined && Math.abs(difference) >= 0.005 && (
          <span className="visually-hidden">, {formatSigned(difference)} against the organisation</span>
        )}
        {cell.change !== undefined && <Change change={cell.change} />}
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

/** The change since the previous cycle: an arrow and the signed number, and words for screen readers. */
export function Change({ change }: { change: number }) {
  const signed = formatSigned(change);
  const arrow = signed === '0.00' ? '=' : change > 0 ? '\u25b2' : '\u25bc';
  return (
    <>
      <span className="hm-cell__change" aria-hidden="true">
        {arrow}
        {signed === '0.00' ? '' : signed.slice(1)}
      </span>
      <span className="visually-hidden">, {signed === '0.00' ? 'no change' : `${change > 0 ? 'up' : 'down'} ${signed.slice(1)}`} since the previous cycle</span>
    </>
  );
}
