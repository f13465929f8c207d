import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Button, TextField, useDocumentTitle } from '@/components/ui';
import { useRequestPasswordReset } from '../api/request-password-reset';
import { FormattedMessage } from 'react-intl';
import { useT } from '@/i18n';

/** "Forgot your password?": asks for a link by mail. The answer is the same for any address. */
export default function ForgotPasswordPage() {
  const t = useT();
  useDocumentTitle(t('forgot.title'));
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!email.trim()) return;
    request.mutate({ email: email.trim() });
  };

  if (request.isSuccess) {
    return (
      <div className="public__card">
        <h1 className="public__title">{t('forgot.checkEmail')}</h1>
        <Alert tone="success" className="public__alert">
          {request.data.message}
        </Alert>
        <p className="public__lead">
          <FormattedMessage id="forgot.sentTo" values={{ email: request.variables.email, strong: (chunks) => <strong>{chunks}</strong> }} />
        </p>
        <p className="public__footnote">
          <Link to="/login">{t('forgot.back')}</Link>
        </p>
      </div>
    );
  }

  const fieldError = request.error?.fieldErrors().email;
  return (
    <div className="public__card">
      <h1 className="public__title">{t('forgot.title')}</h1>
      <p className="public__lead">{t('forgot.lead')}</p>
      {request.error && !fieldError && (
        <Alert tone="danger" title={isApiError(request.error, 429) ? t('forgot.tooMany') : t('forgot.failed')} className="public__alert">
          {request.error.message}
        </Alert>
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
          error={(submitted && !email.trim() ? t('login.enterEmail') : null) ?? fieldError}
        />
        <Button type="submit" className="btn--block" loading={request.isPending} loadingText={t('forgot.sending')}>
          {t('forgot.send')}
        </Button>
      </form>
      <p className="public__footnote">
        <FormattedMessage id="forgot.remembered" values={{ link: (chunks) => <Link to="/login">{chunks}</Link> }} />
      </p>
    </div>
  );
}
