import { Link, useSearchParams } from 'react-router';
import { Alert, Button, useDocumentTitle } from '@/components/ui';
import { useT } from '@/i18n';
import { useCancelSsoLink, useConfirmSsoLink } from '../api/sso';

/** The API's answer to a link opened in a browser that did not start its sign-in (nothing changed). */
const OTHER_BROWSER = 'sso_link_other_browser';

/**
 * Single sign-on to an account already in use: without a token, where the sign-in lands ("check
 * your mail"); with the mailed link's token, the confirmation. It waits for a press of the button,
 * so a mail scanner that fetches links cannot link the account on the person's behalf, and it
 * confirms only in the browser that started the sign-in. Whoever got a link they did not ask for
 * ends it here with "I did not try to sign in", from any browser.
 */
export default function SsoLinkPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmSsoLink();
  const cancel = useCancelSsoLink();
  useDocumentTitle(!token ? t('ssoLink.sentTitle') : cancel.isSuccess ? t('ssoLink.cancelledTitle') : t('ssoLink.title'));

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
  if (cancel.isSuccess) {
    return (
      <div className="public__card">
        <h1 className="public__title">{t('ssoLink.cancelledTitle')}</h1>
        <p className="public__lead">{t('ssoLink.cancelledText')}</p>
        <Alert tone="warning" title={t('ssoLink.tellSecurityTitle')} className="public__alert">
          {t('ssoLink.tellSecurity')}
        </Alert>
        <p className="public__footnote">
          <Link to="/login">{t('ssoLink.toLogin')}</Link>
        </p>
      </div>
    );
  }
  const otherBrowser = confirm.error?.code === OTHER_BROWSER;
  return (
    <div className="public__card">
      <h1 className="public__title">{t('ssoLink.title')}</h1>
      <p className="public__lead">{t('ssoLink.lead')}</p>
      {otherBrowser ? (
        <Alert tone="warning" title={t('ssoLink.otherBrowserTitle')} className="public__alert">
          {t('ssoLink.otherBrowser')}
        </Alert>
      ) : (
        confirm.error && (
          <Alert tone="danger" title={t('ssoLink.failed')} className="public__alert">
            {confirm.error.message}
          </Alert>
        )
      )}
      {cancel.error && (
        <Alert tone="danger" title={t('ssoLink.cancelFailed')} className="public__alert">
          {cancel.error.message}
        </Alert>
      )}
      {!otherBrowser && (
        <Button
          type="button"
          className="btn--block"
          loading={confirm.isPending || confirm.isSuccess}
          loadingText={t('ssoLink.confirming')}
          disabled={cancel.isPending}
          onClick={() => confirm.mutate(token)}
        >
          {t('ssoLink.submit')}
        </Button>
      )}
      <p className="public__aside">{t('ssoLink.notMe')}</p>
      <Button
        type="button"
        variant={otherBrowser ? 'danger' : 'secondary'}
        className="btn--block"
        loading={cancel.isPending}
        loadingText={t('ssoLink.cancelling')}
        disabled={confirm.isPending || confirm.isSuccess}
        onClick={() => cancel.mutate(token)}
      >
        {t('ssoLink.cancel')}
      </Button>
    </div>
  );
}
