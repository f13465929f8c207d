import { DIFFERENCE_BANDS } from '@/lib/difference-scale';
import { HIDDEN_MARK, LockIcon } from './HeatmapCell';
import { formatDecimal, msg, useT, type MessageId } from '@/i18n';

/** Where the class boundaries fall, under the bar (seven equal bands: six boundaries). */
const TICKS = [-0.5, -0.25, -0.1, 0.1, 0.25, 0.5];

/** "−0.25", "+0.1" in the reader's language (a real minus sign, as many decimals as the boundary has). */
const tick = (value: number): string => `${value < 0 ? '\u2212' : '+'}${formatDecimal(Math.abs(value), String(Math.abs(value)).split('.')[1]?.length ?? 0)}`;

/** The bands of lib/difference-scale in words, in its order (darkest orange to darkest blue). */
const BAND_LABELS: MessageId[] = [
  msg('cycles.band.muchBelow'),
  msg('cycles.band.below'),
  msg('cycles.band.littleBelow'),
  msg('cycles.band.same'),
  msg('cycles.band.littleAbove'),
  msg('cycles.band.above'),
  msg('cycles.band.muchAbove'),
];

/**
 * What the colours and marks mean: the difference from the whole organisation on the same
 * measure (orange below, grey about the same, blue above), the change since the previous cycle,
 * and the three kinds of empty cell, each drawn as it appears in the table.
 */
export function HeatmapLegend({ minCellSize, previousCycleName }: { minCellSize: number; previousCycleName?: string }) {
  const t = useT();
  return (
    <div className="hm-legend">
      <div className="hm-legend__scale">
        <p className="hm-legend__title">{t('cycles.legend.title')}</p>
        <p className="visually-hidden">{t('cycles.legend.text')}</p>
        <div className="hm-legend__bar" aria-hidden="true">
          {DIFFERENCE_BANDS.map((b, i) => (
            <span key={b.label} className="hm-legend__band" style={{ background: b.background }} title={BAND_LABELS[i] ? t(BAND_LABELS[i]) : undefined} />
          ))}
        </div>
        <div className="hm-legend__ticks" aria-hidden="true">
          {TICKS.map((value, i) => (
            <span key={value} className="hm-legend__tick hm-legend__tick--inner" style={{ left: `${((i + 1) / 7) * 100}%` }}>
              {tick(value)}
            </span>
          ))}
        </div>
        <div className="hm-legend__ends" aria-hidden="true">
          <span>{t('cycles.legend.below')}</span>
          <span>{t('cycles.legend.same')}</span>
          <span>{t('cycles.legend.above')}</span>
        </div>
      </div>
      <ul className="hm-legend__keys" aria-label={t('cycles.legend.keys')}>
        <li className="hm-legend__key">
          <span className="hm-swatch hm-swatch--shown" aria-hidden="true">
            <span className="hm-cell__mean">{formatDecimal(3.62)}</span>
            <span className="hm-cell__n">n=12</span>
          </span>
          <span>{t('cycles.legend.shown')}</span>
        </li>
        {previousCycleName && (
          <li className="hm-legend__key">
            <span className="hm-swatch hm-swatch--shown" aria-hidden="true">
              <span className="hm-cell__mean">{formatDecimal(3.62)}</span>
              <span className="hm-cell__change">▲{formatDecimal(0.12)}</span>
            </span>
            <span>{t('cycles.legend.change', { cycle: previousCycleName })}</span>
          </li>
        )}
        <li className="hm-legend__key">
          <span className="hm-swatch hm-swatch--hidden" aria-hidden="true">
            <LockIcon />
            <span className="hm-cell__mark">{HIDDEN_MARK.below_threshold(minCellSize)}</span>
          </span>
          <span>{t('cycles.cell.hiddenBelow', { count: minCellSize })}</span>
        </li>
        <li className="hm-legend__key">
          <span className="hm-swatch hm-swatch--hidden" aria-hidden="true">
            <LockIcon />
            <span className="hm-cell__mark">{HIDDEN_MARK.complementary(minCellSize)}</span>
          </span>
          <span>{t('cycles.legend.complementary')}</span>
        </li>
        <li className="hm-legend__key">
          <span className="hm-swatch hm-swatch--empty" aria-hidden="true">
            —
          </span>
          <span>{t('cycles.legend.noData')}</span>
        </li>
      </ul>
    </div>
  );
}
