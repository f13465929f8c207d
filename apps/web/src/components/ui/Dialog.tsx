import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '@/i18n';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** `drawer` slides in from the side on wide screens; both are full-width sheets on phones. */
  variant?: 'dialog' | 'drawer';
}

/**
 * The native <dialog> as a modal: the browser traps focus, closes on Escape and restores focus
 * to the opener; we add a labelled close button and close on a backdrop click.
 */
export function Dialog({ open, onClose, title, children, footer, variant = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${variant}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="dialog__panel">
        <header className="dialog__header">
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          <button type="button" className="btn btn--ghost btn--sm dialog__close" onClick={onClose}>
            <span aria-hidden="true">✕</span>
            <span className="visually-hidden">{t('common.close')}</span>
          </button>
        </header>
        <div className="dialog__body">{children}</div>
        {footer && <footer className="dialog__footer">{footer}</footer>}
      </div>
    </dialog>
  );
}
