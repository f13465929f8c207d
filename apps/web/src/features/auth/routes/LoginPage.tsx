import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Button, TextField, useDocumentTitle } from '@/components/ui';
import { safeNext, useMe } from '@/lib/auth';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useLogin } from '../api/login';
import { SSO_ERRORS, useSsoProvider, useStartSso } from '../api/sso';

const LOOKS_LIKE_EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function loginErrorMessage(error: unknown): { title: string; text: string } {
  if (isApiError(error, 429)) return { title: 'Too many attempts', text: error.message };
  if (isApiError(error, 401)) return { title: 'Could not sign you in', text: error.message };
  if (isApiError(error, 400)) return { title: 'Check your details', text: error.message };
  if (isApiError(error)) return { title: 'Could not sign you in', text: error.message };
  return { title: 'Could not sign you in', text: 'Something unexpected happened. Try again.' };
}

export default function LoginPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { data: me } = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  // The organisation's own sign-in address (?organization=…) or the email's domain finds its provider.
  const organization = params.get('organization') ?? undefined;
  const typed = useDebouncedValue(email.trim().toLowerCase(), 400);
  const byAddress = useSsoProvider({ organization });
  const byEmail = useSsoProvider({ email: !organization && LOOKS_LIKE_EMAIL.test(typed) ? typed : undefined });
  const provider = (organization ? byAddress.data : byEmail.data) ?? null;
  const startSso = useStartSso();
  const ssoError = params.get('sso_error');

  // Already signed in, or just signed in: go where the person was heading.
  if (me) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!email.trim() || !password) return;
    login.mutate({ email: email.trim(), password });
  };
  const error = login.error
    ? loginErrorMessage(login.error)
    : startSso.error
      ? loginErrorMessage(startSso.error)
      : ssoError
        ? { title: 'Could not sign you in', text: SSO_ERRORS[ssoError] ?? 'Single sign-on did not work. Start again.' }
        : null;

  const continueWith = provider?.organization && provider.displayName && (
    <Button
      variant={organization ? 'primary' : 'secondary'}
      className="btn--block"
      onClick={() => startSso.mutate(provider.organization!)}
      loading={startSso.isPending || startSso.isSuccess}
      loadingText={`Opening ${provider.displayName}…`}
    >
      Continue with {provider.displayName}
    </Button>
  );

  return (
    <div className="public__card">
      <h1 className="public__title">Sign in</h1>
      <p className="public__lead">Welcome back. Sign in with your work email.</p>
      {params.has('signedOut') && !error && (
        <Alert tone="success" className="public__alert">
          You are signed out.
        </Alert>
      )}
      {params.has('passwordReset') && !error && (
        <Alert tone="success" className="public__alert">
          Your new password is set. Sign in with it.
        </Alert>
      )}
      {next !== '/' && !error && !params.has('signedOut') && !params.has('passwordReset') && (
        <Alert tone="info" className="public__alert">
          Sign in to continue to that page.
        </Alert>
      )}
      {error && (
        <Alert tone="danger" title={error.title} className="public__alert">
          {error.text}
        </Alert>
      )}
      {organization && continueWith && (
        <div className="public__sso">
          {continueWith}
          <p className="public__aside">or sign in with your password</p>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={submitted && !email.trim() ? 'Enter your email address' : null}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={submitted && !password ? 'Enter your password' : null}
        />
        <Button type="submit" className="btn--block" loading={login.isPending} loadingText="Signing in…">
          Sign in
        </Button>
      </form>
      {/* Found from the email typed: below the form, so that the fields do not move while typing. */}
      {!organization && continueWith && <div className="public__sso public__sso--after">{continueWith}</div>}
      <p className="public__aside">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="public__footnote">New to Ripple? HR sends you an invitation by email to set your password.</p>
    </div>
  );
}
