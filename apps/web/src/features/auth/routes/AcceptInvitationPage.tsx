import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert, Button, Loading, TextField, useDocumentTitle } from '@/components/ui';
import { useMe } from '@/lib/auth';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitation } from '../api/get-invitation';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';

export default function AcceptInvitationPage() {
  useDocumentTitle('Accept your invitation');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const { data: me } = useMe();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);

  if (accept.isSuccess && me) return <Navigate to="/" replace />;

  if (!token || invitation.isError) {
    return (
      <div className="public__card">
        <h1 className="public__title">Invitation not valid</h1>
        <Alert tone="danger">
          {invitation.error?.message ?? 'This link has no invitation in it.'} If you already set your password, <Link to="/login">sign in</Link> or{' '}
          <Link to="/forgot-password">reset it</Link>.
        </Alert>
      </div>
    );
  }
  if (invitation.isPending) {
    return (
      <div className="public__card">
        <Loading label="Checking your invitation…" />
      </div>
    );
  }

  const { name, email, organizationName } = invitation.data;
  const { tooShort, mismatch } = newPasswordProblems(password, confirm);
  const serverErrors = accept.error?.fieldErrors() ?? {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (tooShort || mismatch) return;
    accept.mutate({ token, password });
  };

  return (
    <div className="public__card">
      <h1 className="public__title">Welcome, {name}</h1>
      <p className="public__lead">
        You have been invited to <strong>{organizationName}</strong> on Ripple. Choose a password to finish setting up your account.
      </p>
      {accept.error && !serverErrors.password && (
        <Alert tone="danger" title="Could not set your password" className="public__alert">
          {accept.error.message}
        </Alert>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label="Email" type="email" name="email" autoComplete="username" value={email} readOnly />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          touched={touched}
          serverError={serverErrors.password}
        />
        <Button type="submit" className="btn--block" loading={accept.isPending} loadingText="Setting your password…">
          Set password and sign in
        </Button>
      </form>
    </div>
  );
}
