import { percent } from './cycle-format';
import { useT } from '@/i18n';

interface RateBarProps {
  rate: number | null;
  /** Shown after the percentage, e.g. "3 of 7". */
  detail?: string;
  size?: 'sm' | 'lg';
  /** Names the bar for screen readers, e.g. "Response rate". */
  label: string;
}

/**
 * A response rate as a number and a bar. The number is the meaning; the bar repeats it, so the
 * bar is a labelled meter for assistive technology and the text stays readable on its own.
 */
export function RateBar({ rate, detail, size = 'sm', label }: RateBarProps) {
  const t = useT();
  const value = rate === null ? 0 : Math.round(rate * 100);
  return (
    <div className={`cy-rate cy-rate--${size}`}>
      <div className="cy-rate__text">
        <span className="cy-rate__value">{percent(rate)}</span>
        {detail && <span className="cy-rate__detail">{detail}</span>}
      </div>
      <div
        className="cy-rate__track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={rate === null ? t('cycles.rate.nothingRequested') : percent(rate)}
      >
        <div className="cy-rate__fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
