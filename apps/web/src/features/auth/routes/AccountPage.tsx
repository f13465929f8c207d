import { useState, type FormEvent } from 'react';
import { isApiError } from '@/api/client';
import { Alert, Button, Card, PageHeader, TextField } from '@/components/ui';
import { useSignedInUser } from '@/lib/auth';
import { useChangeEmail } from '../api/change-email';
import { useChangePassword } from '../api/change-password';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';

function ChangePassword() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const { tooShort, mismatch } = newPasswordProblems(password, confirm);
  const serverErrors = change.error?.fieldErrors() ?? {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!current || tooShort || mismatch) return;
    change.mutate(
      { currentPassword: current, newPassword: password },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setConfirm('');
          setTouched(false);
        },
      },
    );
  };

  const fieldMessage = serverErrors.currentPassword ?? serverErrors.newPassword;
  return (
    <Card title="Change password" description="You stay signed in here; every other browser or device where you are signed in is signed out.">
      {change.isSuccess && (
        <Alert tone="success" title="Password changed" className="account__alert">
          Use your new password from now on. You were signed out everywhere else.
        </Alert>
      )}
      {change.error && !fieldMessage && (
        <Alert tone="danger" title={isApiError(change.error, 429) ? 'Too many attempts' : 'Could not change your password'} className="account__alert">
          {change.error.message}
        </Alert>
      )}
      <form className="form account__form" onSubmit={submit} noValidate>
        <TextField
          label="Current password"
          type="password"
          name="current-password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={(touched && !current ? 'Enter your current password' : null) ?? serverErrors.currentPassword}
        />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          touched={touched}
          serverError={serverErrors.newPassword}
        />
        <Button type="submit" loading={change.isPending} loadingText="Changing your password…">
          Change password
        </Button>
      </form>
    </Card>
  );
}

function ChangeEmail() {
  const change = useChangeEmail();
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const serverErrors = change.error?.fieldErrors() ?? {};
  const emailProblem = !email.trim() ? 'Enter your new email address' : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? 'Enter a valid email address' : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!password || emailProblem) return;
    change.mutate(
      { currentPassword: password, newEmail: email.trim() },
      {
        onSuccess: () => {
          setPassword('');
          setTouched(false);
        },
      },
    );
  };

  const fieldMessage = serverErrors.currentPassword ?? serverErrors.newEmail;
  return (
    <Card title="Change email" description="A link goes to the new address; the address you sign in with changes when you open it.">
      {change.isSuccess && (
        <Alert tone="success" title="Check your new inbox" className="account__alert">
          {change.data.message}
        </Alert>
      )}
      {change.error && !fieldMessage && (
        <Alert tone="danger" title={isApiError(change.error, 429) ? 'Too many attempts' : 'Could not change your email'} className="account__alert">
          {change.error.message}
        </Alert>
      )}
      <form className="form account__form" onSubmit={submit} noValidate>
        <TextField
          label="New email address"
          type="email"
          name="new-email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={(touched ? emailProblem : null) ?? serverErrors.newEmail}
        />
        <TextField
          label="Your password"
          hint="To confirm it's you."
          type="password"
          name="email-current-password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={(touched && !password ? 'Enter your current password' : null) ?? serverErrors.currentPassword}
        />
        <Button type="submit" loading={change.isPending} loadingText="Sending the link…">
          Send confirmation link
        </Button>
      </form>
    </Card>
  );
}

/** The signed-in person's own account: who they are signed in as, and their password. */
export default function AccountPage() {
  const me = useSignedInUser();
  const facts = [
    { label: 'Name', value: me.name },
    { label: 'Email', value: me.email },
    { label: 'Organisation', value: me.organizationName },
  ];
  return (
    <>
      <PageHeader title="Your account" description="Your sign-in details. HR keeps your name up to date; you change the address you sign in with." />
      <div className="person-layout">
        <ChangePassword />
        <ChangeEmail />
        <Card title="Signed in as">
          <dl className="facts">
            {facts.map((f) => (
              <div key={f.label} className="facts__row">
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
