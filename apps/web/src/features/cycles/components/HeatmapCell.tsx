import { differenceBand, formatSigned } from '@/lib/difference-scale';
import type { HeatmapCell, HiddenReason } from '../api/get-heatmap';
import { formatDecimal, tr, useT } from '@/i18n';

/** A mean with two decimals in the reader's language: "3.62", "3,62". */
export const formatMean = (mean: number): string => formatDecimal(mean, 2);

/** "+0.25", "−0.10", "0.00" (decimal comma in German): a signed difference with a real minus sign. */
export const formatSignedDifference = (value: number): string => {
  const signed = formatSigned(value);
  return signed === '0.00' ? formatDecimal(0, 2) : `${signed[0]}${formatDecimal(Math.abs(Math.round(value * 100) / 100), 2)}`;
};

/** Why a cell is empty, in words: the cell's tooltip and what a screen reader says. */
export function hiddenExplanation(reason: HiddenReason, minCellSize: number): string {
  if (reason === 'below_threshold') return tr('cycles.cell.hiddenBelow', { count: minCellSize });
  if (reason === 'complementary') return tr('cycles.cell.hiddenComplementary');
  return tr('cycles.cell.noData');
}

/** The short mark a hidden cell shows; the legend and the tooltip spell it out. */
export const HIDDEN_MARK: Record<HiddenReason, (minCellSize: number) => string> = {
  below_threshold: (m) => `n<${m}`,
  complementary: () => tr('cycles.cell.hiddenMark'),
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
  const t = useT();
  const classes = (...names: string[]): string => [...names, className].filter(Boolean).join(' ');
  if (cell.shown && cell.mean !== undefined) {
    const difference = reference === undefined ? undefined : cell.mean - reference;
    const band = differenceBand(difference);
    const title = difference === undefined ? undefined : t('cycles.cell.against', { difference: formatSignedDifference(difference) });
    return (
      <td className={classes('hm-cell', 'hm-cell--shown', `hm-cell--ink-${band.ink}`)} style={{ background: band.background }} title={title}>
        <span className="hm-cell__mean">{formatMean(cell.mean)}</span>
        {cell.n !== undefined && (
          <>
            <span className="hm-cell__n" aria-hidden="true">
              n={cell.n}
            </span>
            <span className="visually-hidden">{t('cycles.cell.people', { count: cell.n })}</span>
          </>
        )}
        {difference !== undefined && Math.abs(difference) >= 0.005 && (
          <span className="visually-hidden">{t('cycles.cell.againstOrganisation', { difference: formatSignedDifference(difference) })}</span>
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
  const t = useT();
  const unchanged = formatSigned(change) === '0.00';
  const signed = formatSignedDifference(change);
  const arrow = unchanged ? '=' : change > 0 ? '\u25b2' : '\u25bc';
  return (
    <>
      <span className="hm-cell__change" aria-hidden="true">
        {arrow}
        {unchanged ? '' : signed.slice(1)}
      </span>
      <span className="visually-hidden">
        {unchanged
          ? t('cycles.cell.noChange')
          : change > 0
            ? t('cycles.cell.up', { change: signed.slice(1) })
            : t('cycles.cell.down', { change: signed.slice(1) })}
      </span>
    </>
  );
}
