import { DIFFERENCE_BANDS } from '@/lib/difference-scale';
import { HIDDEN_MARK, LockIcon } from './HeatmapCell';

/** Where the class boundaries fall, under the bar (seven equal bands: six boundaries). */
const TICKS = ['\u22120.5', '\u22120.25', '\u22120.1', '+0.1', '+0.25', '+0.5'];

/**
 * What the colours and marks mean: the difference from the whole organisation on the same
 * measure (orange below, grey about the same, blue above), the change since the previous cycle,
 * and the three kinds of empty cell, each drawn as it appears in the table.
 */
export function HeatmapLegend({ minCellSize, previousCycleName }: { minCellSize: number; previousCycleName?: string }) {
  return (
    <div className="hm-legend">
      <div className="hm-legend__scale">
        <p className="hm-legend__title">Compared with the whole organisation</p>
        <p className="visually-hidden">
          Each cell is coloured by how far its average is from the whole organisation’s average on the same behaviour: orange below, grey about the same, blue
          above, darker the further away. Every cell also shows its number.
        </p>
        <div className="hm-legend__bar" aria-hidden="true">
          {DIFFERENCE_BANDS.map((b) => (
            <span key={b.label} className="hm-legend__band" style={{ background: b.background }} title={b.label} />
          ))}
        </div>
        <div className="hm-legend__ticks" aria-hidden="true">
          {TICKS.map((t, i) => (
            <span key={t} className="hm-legend__tick hm-legend__tick--inner" style={{ left: `${((i + 1) / 7) * 100}%` }}>
              {t}
            </span>
          ))}
        </div>
        <div className="hm-legend__ends" aria-hidden="true">
          <span>Below</span>
          <span>About the same</span>
          <span>Above</span>
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
        {previousCycleName && (
          <li className="hm-legend__key">
            <span className="hm-swatch hm-swatch--shown" aria-hidden="true">
              <span className="hm-cell__mean">3.62</span>
              <span className="hm-cell__change">▲0.12</span>
            </span>
            <span>Change since {previousCycleName}, where the group was shown then too</span>
          </li>
        )}
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
