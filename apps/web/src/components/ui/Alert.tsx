import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

const ICON: Record<AlertTone, string> = { info: 'i', success: '✓', warning: '!', danger: '!' };

interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Errors interrupt (role=alert); other messages are announced politely (role=status). */
  live?: boolean;
  className?: string;
  actions?: ReactNode;
}

/** An inline status message: an icon and words carry the tone, the colour repeats it. */
export function Alert({ tone = 'info', title, children, live = true, className, actions }: AlertProps) {
  const role = live ? (tone === 'danger' ? 'alert' : 'status') : undefined;
  return (
    <div className={['alert', `alert--${tone}`, className ?? ''].filter(Boolean).join(' ')} role={role}>
      <span className="alert__icon" aria-hidden="true">
        {ICON[tone]}
      </span>
      <div className="alert__content">
        {title && <p className="alert__title">{title}</p>}
        {children && <div className="alert__body">{children}</div>}
        {actions && <div className="alert__actions">{actions}</div>}
      </div>
    </div>
  );
}
