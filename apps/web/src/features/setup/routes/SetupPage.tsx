import { useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { Alert, Button, ErrorAlert, Loading, TextField, useDocumentTitle } from '@/components/ui';
import { useMe } from '@/lib/auth';
import { useSetupPending } from '@/lib/setup';
import { useCompleteSetup } from '../api/complete-setup';

const MIN_PASSWORD = 10;

interface Values {
  organizationName: string;
  name: string;
  email: string;
  password: string;
  confirm: string;
  code: string;
}

function problemsOf(v: Values): Partial<Record<keyof Values, string>> {
  const problems: Partial<Record<keyof Values, string>> = {};
  if (!v.organizationName.trim()) problems.organizationName = "Enter your organisation's name";
  if (!v.name.trim()) problems.name = 'Enter your name';
  if (!/^\S+@\S+\.\S+$/.test(v.email.trim())) problems.email = 'Enter your work email address';
  if (v.password.length < MIN_PASSWORD) problems.password = `Use at least ${MIN_PASSWORD} characters`;
  else if (v.confirm !== v.password) problems.confirm = 'The two passwords are not the same';
  if (!v.code.trim()) problems.code = 'Enter the set-up code from the server’s console';
  return problems;
}

/**
 * The first run of a fresh Ripple: the organisation and its first HR admin, guarded by the one-time
 * code the server printed on its console. Once set up, this page sends everyone on.
 */
export default function SetupPage() {
  useDocumentTitle('Set up Ripple');
  const status = useSetupPending();
  const { data: me } = useMe();
  const complete = useCompleteSetup();
  const [values, setValues] = useState<Values>({ organizationName: '', name: '', email: '', password: '', confirm: '', code: '' });
  const [touched, setTouched] = useState(false);

  if (me) return <Navigate to="/" replace />;
  if (status.isPending) {
    return (
      <div className="public__card">
        <Loading />
      </div>
    );
  }
  if (status.error) {
    return (
      <div className="public__card">
        <ErrorAlert error={status.error} title="Ripple is not answering" />
      </div>
    );
  }
  if (!status.data) return <Navigate to="/login" replace />;

  const problems = touched ? problemsOf(values) : {};
  const serverErrors = complete.error?.fieldErrors() ?? {};
  const set = (field: keyof Values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problemsOf(values)).length) return;
    complete.mutate({
      organizationName: values.organizationName.trim(),
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
      code: values.code.trim(),
    });
  };
  const error = complete.error;
  const codeRefused = error?.status === 403;

  return (
    <div className="public__card">
      <h1 className="public__title">Set up Ripple</h1>
      <p className="public__lead">Create your organisation and your own HR admin account. You can invite everyone else once you are in.</p>
      {error && !codeRefused && (
        <Alert tone="danger" title="Ripple was not set up" className="public__alert">
          {error.status === 410 ? 'This Ripple has just been set up by someone else. Sign in instead.' : error.message}
        </Alert>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Organisation name"
          name="organizationName"
          autoComplete="organization"
          required
          autoFocus
          maxLength={200}
          value={values.organizationName}
          onChange={set('organizationName')}
          error={problems.organizationName ?? serverErrors.organizationName}
        />
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          maxLength={200}
          value={values.name}
          onChange={set('name')}
          error={problems.name ?? serverErrors.name}
        />
        <TextField
          label="Your work email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          maxLength={254}
          value={values.email}
          onChange={set('email')}
          error={problems.email ?? serverErrors.email}
          hint="You sign in with it. You become the organisation's first HR admin."
        />
        <TextField
          label="Password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          hint={`At least ${MIN_PASSWORD} characters. A few unrelated words make a strong password.`}
          value={values.password}
          onChange={set('password')}
          error={problems.password ?? serverErrors.password}
        />
        <TextField
          label="Confirm password"
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          required
          value={values.confirm}
          onChange={set('confirm')}
          error={problems.confirm}
        />
        <TextField
          label="Set-up code"
          name="setup-code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={40}
          placeholder="XXXX-XXXX-XXXX"
          value={values.code}
          onChange={set('code')}
          error={problems.code ?? (codeRefused ? complete.error?.message : serverErrors.code)}
          hint="Printed in the server's console when Ripple started: “Set up your organisation at … with code …”. It proves you run this server. Restarting the server prints a new one."
        />
        <Button type="submit" className="btn--block" loading={complete.isPending} loadingText="Setting up…">
          Create organisation and sign in
        </Button>
      </form>
    </div>
  );
}
