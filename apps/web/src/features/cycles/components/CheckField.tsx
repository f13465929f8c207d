import { useId, type ReactNode } from 'react';
import { sentence } from '@/lib/format';

interface CheckFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | null;
  name?: string;
}

/** A checkbox with its label beside it and a hint below, tied together for screen readers. */
export function CheckField({ label, hint, checked, onChange, error, name }: CheckFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['cy-check', error ? 'cy-check--invalid' : ''].filter(Boolean).join(' ')}>
      <input
        id={id}
        type="checkbox"
        name={name}
        className="cy-check__input"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
      />
      <div className="cy-check__text">
        <label htmlFor={id} className="cy-check__label">
          {label}
        </label>
        {hint && (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        )}
        {error && (
          <p className="field__error" id={errorId}>
            <span aria-hidden="true">⚠ </span>
            {sentence(error)}
          </p>
        )}
      </div>
    </div>
  );
}
