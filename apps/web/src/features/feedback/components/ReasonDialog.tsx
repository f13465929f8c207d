import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, Dialog, ErrorAlert, TextAreaField } from '@/components/ui';
import { useT } from '@/i18n';

const MAX_REASON = 1000;

interface ReasonDialogProps {
  open: boolean;
  title: string;
  /** What happens, and who will read the reason. */
  children: ReactNode;
  label?: string;
  hint?: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks for a required reason (decline, reject): the reason is checked here first and by the API again. */
export function ReasonDialog({ open, title, children, label, hint, confirmLabel, pendingLabel, pending, error, onConfirm, onClose }: ReasonDialogProps) {
  const formId = useId();
  const t = useT();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusReason = () => formRef.current?.querySelector('textarea')?.focus();
  useEffect(() => {
    if (!open) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- each opening of the dialog starts empty, then focuses the box (a DOM effect)
    setReason('');
    setMissing(false);
    // The dialog has just been opened (its own effect runs first): start in the reason box.
    focusReason();
  }, [open]);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" type="submit" form={formId} loading={pending} loadingText={pendingLabel}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = reason.trim();
          if (!trimmed) {
            setMissing(true);
            focusReason();
            return;
          }
          onConfirm(trimmed);
        }}
      >
        <div className="reason-dialog__text">{children}</div>
        {Boolean(error) && <ErrorAlert error={error} title={t('reason.failed')} />}
        <TextAreaField
          label={label ?? t('reason.label')}
          hint={hint ?? t('reason.hint', { max: MAX_REASON })}
          error={missing ? t('reason.missing') : null}
          value={reason}
          maxLength={MAX_REASON}
          rows={4}
          required
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
        />
      </form>
    </Dialog>
  );
}
