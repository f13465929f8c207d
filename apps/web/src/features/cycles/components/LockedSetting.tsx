import type { ReactNode } from 'react';
import { Badge } from '@/components/ui';
import { useT } from '@/i18n';

/** A padlock drawn in SVG: an emoji would depend on the fonts installed. */
export function LockIcon() {
  return (
    <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" focusable="false" className="cy-lock-icon">
      <rect x="0.75" y="5" width="8.5" height="6.25" rx="1.25" fill="currentColor" />
      <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** A setting that can no longer change: its value in words and a "Locked" badge (why is said once, above the form). */
export function LockedSetting({ label, value, reason }: { label: ReactNode; value: ReactNode; reason?: ReactNode }) {
  const t = useT();
  return (
    <div className="cy-locked">
      <p className="field__label">{label}</p>
      <p className="cy-locked__value">
        <span>{value}</span>
        <Badge tone="neutral" icon={<LockIcon />}>
          {t('cycles.locked')}
        </Badge>
      </p>
      {reason && <p className="field__hint">{reason}</p>}
    </div>
  );
}
