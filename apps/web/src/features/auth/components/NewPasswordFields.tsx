import { TextField } from '@/components/ui';
import { useT } from '@/i18n';

/** The API's rule (auth.dto.ts): at least this many characters. */
export const MIN_PASSWORD = 10;

export interface NewPasswordProblems {
  tooShort: boolean;
  mismatch: boolean;
}

/** What stops a new password being sent: too short, or not typed the same twice. */
export function newPasswordProblems(password: string, confirm: string): NewPasswordProblems {
  return {
    tooShort: password.length < MIN_PASSWORD,
    mismatch: confirm !== password,
  };
}

interface NewPasswordFieldsProps {
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  /** Show the problems once the person tried to submit. */
  touched: boolean;
  /** A message from the API about the new password. */
  serverError?: string;
}

/** "New password" and "Confirm password", as every page that sets a password shows them. */
export function NewPasswordFields({ password, confirm, onPasswordChange, onConfirmChange, touched, serverError }: NewPasswordFieldsProps) {
  const { tooShort, mismatch } = newPasswordProblems(password, confirm);
  const t = useT();
  return (
    <>
      <TextField
        label={t('password.new')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={t('password.hint', { min: MIN_PASSWORD })}
        error={(touched && tooShort ? t('password.tooShort', { min: MIN_PASSWORD }) : null) || serverError}
        value={password}
        onChange={(e) => onPasswordChange(e.target.value)}
      />
      <TextField
        label={t('password.confirm')}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        error={touched && !tooShort && mismatch ? t('password.mismatch') : null}
        value={confirm}
        onChange={(e) => onConfirmChange(e.target.value)}
      />
    </>
  );
}
