import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert, Button, Loading, TextField, useDocumentTitle } from '@/components/ui';
import { usePasswordReset } from '../api/check-password-reset';
import { useCompletePasswordReset } from '../api/complete-password-reset';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';

/** The page a reset link opens: choose a new password, then sign in with it. */
export default function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = usePasswordReset(token);
  const complete = useCompletePasswordReset();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);

  if (complete.isSuccess) return <Navigate to="/login?passwordReset=1" replace />;

  if (!token || reset.isError) {
    return (
      <div className="public__card">
        <h1 className="public__title">Link not valid</h1>
        <Alert tone="danger" className="public__alert">
          {reset.error?.message ?? 'This link has no reset token in it.'}
        </Alert>
        <p className="public__footnote">
          <Link to="/forgot-password">Ask for a new link</Link> or <Link to="/login">sign in</Link>
        </p>
      </div>
    );
  }
  if (reset.isPending) {
    return (
      <div className="public__card">
        <Loading label="Checking your link…" />
      </div>
    );
  }

  const { tooShort, mismatch } = newPasswordProblems(password, confirm);
  const serverErrors = complete.error?.fieldErrors() ?? {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (tooShort || mismatch) return;
    complete.mutate({ token, password });
  };

  return (
    <div className="public__card">
      <h1 className="public__title">Choose a new password</h1>
      <p className="public__lead">
        For your account at <strong>{reset.data.organizationName}</strong>. Once it is set, you are signed out everywhere and sign in again with the new
        password.
      </p>
      {complete.error && !serverErrors.password && (
        <Alert tone="danger" title="Could not set your password" className="public__alert">
          {complete.error.message}
        </Alert>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label="Email" type="email" name="email" autoComplete="username" value={reset.data.email} readOnly />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          touched={touched}
          serverError={serverErrors.password}
        />
        <Button type="submit" className="btn--block" loading={complete.isPending} loadingText="Setting your password…">
          Set new password
        </Button>
      </form>
    </div>
  );
}
