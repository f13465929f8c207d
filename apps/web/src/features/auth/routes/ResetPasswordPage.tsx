import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert, Button, Loading, TextField, useDocumentTitle } from '@/components/ui';
import { usePasswordReset } from '../api/check-password-reset';
import { useCompletePasswordReset } from '../api/complete-password-reset';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';
import { FormattedMessage } from 'react-intl';
import { useT } from '@/i18n';

/** The page a reset link opens: choose a new password, then sign in with it. */
export default function ResetPasswordPage() {
  const t = useT();
  useDocumentTitle(t('reset.title'));
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
        <h1 className="public__title">{t('link.invalid')}</h1>
        <Alert tone="danger" className="public__alert">
          {reset.error?.message ?? t('reset.noToken')}
        </Alert>
        <p className="public__footnote">
          <FormattedMessage
            id="reset.newLinkOrSignIn"
            values={{ forgot: (chunks) => <Link to="/forgot-password">{chunks}</Link>, login: (chunks) => <Link to="/login">{chunks}</Link> }}
          />
        </p>
      </div>
    );
  }
  if (reset.isPending) {
    return (
      <div className="public__card">
        <Loading label={t('reset.checking')} />
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
      <h1 className="public__title">{t('reset.title')}</h1>
      <p className="public__lead">
        <FormattedMessage id="reset.lead" values={{ organization: reset.data.organizationName, strong: (chunks) => <strong>{chunks}</strong> }} />
      </p>
      {complete.error && !serverErrors.password && (
        <Alert tone="danger" title={t('password.setFailed')} className="public__alert">
          {complete.error.message}
        </Alert>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('account.emailAddress')} type="email" name="email" autoComplete="username" value={reset.data.email} readOnly />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          touched={touched}
          serverError={serverErrors.password}
        />
        <Button type="submit" className="btn--block" loading={complete.isPending} loadingText={t('password.setting')}>
          {t('reset.submit')}
        </Button>
      </form>
    </div>
  );
}
