import { Link, useSearchParams } from 'react-router';
import { Alert, Button, useDocumentTitle } from '@/components/ui';
import { useT } from '@/i18n';
import { useConfirmSsoLink } from '../api/sso';

/**
 * Single sign-on to an account already in use: without a token, where the sign-in lands ("check
 * your mail"); with the mailed link's token, the confirmation. It waits for a press of the button,
 * so a mail scanner that fetches links cannot link the account on the person's behalf.
 */
export default function SsoLinkPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmSsoLink();
  useDocumentTitle(token ? t('ssoLink.title') : t('ssoLink.sentTitle'));

  if (!token) {
    return (
      <div className="public__card">
        <h1 className="public__title">{t('ssoLink.sentTitle')}</h1>
        <p className="public__lead">{t('ssoLink.sentText')}</p>
        <p>{t('ssoLink.notYou')}</p>
        <p className="public__footnote">
          <Link to="/login">{t('ssoLink.toLogin')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="public__card">
      <h1 className="public__title">{t('ssoLink.title')}</h1>
      <p className="public__lead">{t('ssoLink.lead')}</p>
      {confirm.error && (
        <Alert tone="danger" title={t('ssoLink.failed')} className="public__alert">
          {confirm.error.message}
        </Alert>
      )}
      <Button
        type="button"
        className="btn--block"
        loading={confirm.isPending || confirm.isSuccess}
        loadingText={t('ssoLink.confirming')}
        onClick={() => confirm.mutate(token)}
      >
        {t('ssoLink.submit')}
      </Button>
    </div>
  );
}
