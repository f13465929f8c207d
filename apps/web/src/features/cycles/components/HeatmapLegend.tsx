import { HIDDEN_MARK, LockIcon, SCORE_BANDS } from './HeatmapCell';

const TICKS = [1, 2, 3, 4, 5];

/**
 * What the colours and marks mean: the score scale (half-point bands from 1, rarely, to 5, almost
 * always) and the three kinds of empty cell, each drawn as it appears in the table.
 */
export function HeatmapLegend({ minCellSize }: { minCellSize: number }) {
  return (
    <div className="hm-legend">
      <div className="hm-legend__scale">
        <p className="hm-legend__title">Average score</p>
        <p className="visually-hidden">
          Darker cells mean higher averages: from pale yellow at 1 (rarely) to dark blue at 5 (almost always), in bands of half a point. Every cell also shows
          its number.
        </p>
        <div className="hm-legend__bar" aria-hidden="true">
          {SCORE_BANDS.map((b) => (
            <span key={b.from} className="hm-legend__band" style={{ background: b.background }} />
          ))}
        </div>
        <div className="hm-legend__ticks" aria-hidden="true">
          {TICKS.map((t) => (
            <span key={t} className="hm-legend__tick" style={{ left: `${((t - 1) / 4) * 100}%` }}>
              {t}
            </span>
          ))}
        </div>
        <div className="hm-legend__ends" aria-hidden="true">
          <span>Rarely</span>
          <span>Almost always</span>
        </div>
      </div>
      <ul className="hm-legend__keys" aria-label="How cells are marked">
        <li className="hm-legend__key">
          <span className="hm-swatch hm-swatch--shown" aria-hidden="true">
            <span className="hm-cell__mean">3.62</span>
            <span className="hm-cell__n">n=12</span>
          </span>
          <span>Average of the people in the cell, and how many they are</span>
        </li>
        <li className="hm-legend__key">
          <span className="hm-swatch hm-swatch--hidden" aria-hidden="true">
            <LockIcon />
            <span className="hm-cell__mark">{HIDDEN_MARK.below_threshold(minCellSize)}</span>
          </span>
          <span>Hidden: fewer than {minCellSize} people</span>
        </li>
        <li className="hm-legend__key">
          <span className="hm-swatch hm-swatch--hidden" aria-hidden="true">
            <LockIcon />
            <span className="hm-cell__mark">{HIDDEN_MARK.complementary(minCellSize)}</span>
          </span>
          <span>Hidden so that a small group can’t be worked out from the totals</span>
        </li>
        <li className="hm-legend__key">
          <span className="hm-swatch hm-swatch--empty" aria-hidden="true">
            —
          </span>
          <span>No data: nobody in the group has a score</span>
        </li>
      </ul>
    </div>
  );
}
