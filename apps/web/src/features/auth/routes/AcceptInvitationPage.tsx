import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Alert, Button, Loading, TextField, useDocumentTitle } from '@/components/ui';
import { useMe } from '@/lib/auth';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitation } from '../api/get-invitation';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';
import { FormattedMessage } from 'react-intl';
import { useT } from '@/i18n';

export default function AcceptInvitationPage() {
  const t = useT();
  useDocumentTitle(t('invitation.title'));
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
        <h1 className="public__title">{t('invitation.invalid')}</h1>
        <Alert tone="danger">
          {invitation.error?.message ?? t('invitation.noToken')}{' '}
          <FormattedMessage
            id="invitation.alreadySet"
            values={{ login: (chunks) => <Link to="/login">{chunks}</Link>, forgot: (chunks) => <Link to="/forgot-password">{chunks}</Link> }}
          />
        </Alert>
      </div>
    );
  }
  if (invitation.isPending) {
    return (
      <div className="public__card">
        <Loading label={t('invitation.checking')} />
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
      <h1 className="public__title">{t('home.welcome', { name })}</h1>
      <p className="public__lead">
        <FormattedMessage id="invitation.lead" values={{ organization: organizationName, strong: (chunks) => <strong>{chunks}</strong> }} />
      </p>
      {accept.error && !serverErrors.password && (
        <Alert tone="danger" title={t('password.setFailed')} className="public__alert">
          {accept.error.message}
        </Alert>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('account.emailAddress')} type="email" name="email" autoComplete="username" value={email} readOnly />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          touched={touched}
          serverError={serverErrors.password}
        />
        <Button type="submit" className="btn--block" loading={accept.isPending} loadingText={t('password.setting')}>
          {t('invitation.submit')}
        </Button>
      </form>
    </div>
  );
}
