import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Button, TextField, useDocumentTitle } from '@/components/ui';
import { safeNext, useMe } from '@/lib/auth';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useLogin } from '../api/login';
import { SSO_ERRORS, useSsoProvider, useStartSso } from '../api/sso';
import { useT } from '@/i18n';

const LOOKS_LIKE_EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function loginErrorMessage(error: unknown, t: ReturnType<typeof useT>): { title: string; text: string } {
  if (isApiError(error, 429)) return { title: t('auth.tooManyAttempts'), text: error.message };
  if (isApiError(error, 401)) return { title: t('login.failed'), text: error.message };
  if (isApiError(error, 400)) return { title: t('login.checkDetails'), text: error.message };
  if (isApiError(error)) return { title: t('login.failed'), text: error.message };
  return { title: t('login.failed'), text: t('login.unexpected') };
}

export default function LoginPage() {
  const t = useT();
  useDocumentTitle(t('login.title'));
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
    ? loginErrorMessage(login.error, t)
    : startSso.error
      ? loginErrorMessage(startSso.error, t)
      : ssoError
        ? { title: t('login.failed'), text: Object.hasOwn(SSO_ERRORS, ssoError) ? t(SSO_ERRORS[ssoError]!) : t('login.ssoFailed') }
        : null;

  const continueWith = provider?.organization && provider.displayName && (
    <Button
      variant={organization ? 'primary' : 'secondary'}
      className="btn--block"
      onClick={() => startSso.mutate(provider.organization!)}
      loading={startSso.isPending || startSso.isSuccess}
      loadingText={t('login.ssoOpening', { provider: provider.displayName })}
    >
      {t('login.ssoContinue', { provider: provider.displayName })}
    </Button>
  );

  return (
    <div className="public__card">
      <h1 className="public__title">{t('login.title')}</h1>
      <p className="public__lead">{t('login.lead')}</p>
      {params.has('signedOut') && !error && (
        <Alert tone="success" className="public__alert">
          {t('login.signedOut')}
        </Alert>
      )}
      {params.has('passwordReset') && !error && (
        <Alert tone="success" className="public__alert">
          {t('login.passwordReset')}
        </Alert>
      )}
      {next !== '/' && !error && !params.has('signedOut') && !params.has('passwordReset') && (
        <Alert tone="info" className="public__alert">
          {t('login.toContinue')}
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
          <p className="public__aside">{t('login.orPassword')}</p>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('account.emailAddress')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={submitted && !email.trim() ? t('login.enterEmail') : null}
        />
        <TextField
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={submitted && !password ? t('login.enterPassword') : null}
        />
        <Button type="submit" className="btn--block" loading={login.isPending} loadingText={t('login.signingIn')}>
          {t('login.title')}
        </Button>
      </form>
      {/* Found from the email typed: below the form, so that the fields do not move while typing. */}
      {!organization && continueWith && <div className="public__sso public__sso--after">{continueWith}</div>}
      <p className="public__aside">
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <p className="public__footnote">{t('login.newToRipple')}</p>
    </div>
  );
}
