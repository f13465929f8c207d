import { TextField } from '@/components/ui';

/** The API's rule (auth.dto.ts): at least this many characters. */
export const MIN_PASSWORD = 10;

export interface NewPasswordProblems {
  tooShort: string | null;
  mismatch: string | null;
}

/** What stops a new password being sent: too short, or not typed the same twice. */
export function newPasswordProblems(password: string, confirm: string): NewPasswordProblems {
  return {
    tooShort: password.length < MIN_PASSWORD ? `Use at least ${MIN_PASSWORD} characters` : null,
    mismatch: confirm !== password ? 'The two passwords are not the same' : null,
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
  return (
    <>
      <TextField
        label="New password"
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={`At least ${MIN_PASSWORD} characters. A few unrelated words make a strong password.`}
        error={(touched && tooShort) || serverError}
        value={password}
        onChange={(e) => onPasswordChange(e.target.value)}
      />
      <TextField
        label="Confirm password"
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        error={touched && !tooShort ? mismatch : null}
        value={confirm}
        onChange={(e) => onConfirmChange(e.target.value)}
      />
    </>
  );
}
