import { Link, useSearchParams } from 'react-router';
import { Alert, Button, useDocumentTitle } from '@/components/ui';
import { useConfirmEmail } from '../api/confirm-email';
import { FormattedMessage } from 'react-intl';
import { useT } from '@/i18n';

/**
 * The page a confirmation link opens. The change waits for a press of the button, so a mail
 * scanner that fetches links cannot make it on the person's behalf.
 */
export default function ConfirmEmailPage() {
  const t = useT();
  useDocumentTitle(t('confirmEmail.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmEmail();

  if (!token) {
    return (
      <div className="public__card">
        <h1 className="public__title">{t('link.invalid')}</h1>
        <Alert tone="danger" className="public__alert">
          {t('confirmEmail.noToken')}
        </Alert>
        <p className="public__footnote">
          <Link to="/account">{t('confirmEmail.toAccount')}</Link>
        </p>
      </div>
    );
  }
  if (confirm.isSuccess) {
    return (
      <div className="public__card">
        <h1 className="public__title">{t('confirmEmail.changed')}</h1>
        <Alert tone="success" className="public__alert">
          <FormattedMessage id="confirmEmail.changedText" values={{ email: confirm.data.email, strong: (chunks) => <strong>{chunks}</strong> }} />
        </Alert>
        <p className="public__footnote">
          <FormattedMessage
            id="confirmEmail.signInOrRipple"
            values={{ login: (chunks) => <Link to="/login">{chunks}</Link>, home: (chunks) => <Link to="/">{chunks}</Link> }}
          />
        </p>
      </div>
    );
  }
  return (
    <div className="public__card">
      <h1 className="public__title">{t('confirmEmail.title')}</h1>
      <p className="public__lead">{t('confirmEmail.lead')}</p>
      {confirm.error && (
        <Alert tone="danger" title={t('confirmEmail.failed')} className="public__alert">
          {confirm.error.message}
        </Alert>
      )}
      <Button
        type="button"
        className="btn--block"
        loading={confirm.isPending}
        loadingText={t('confirmEmail.confirming')}
        onClick={() => confirm.mutate({ token })}
      >
        {t('confirmEmail.submit')}
      </Button>
    </div>
  );
}
