import { Link, useSearchParams } from 'react-router';
import { Alert, Button, useDocumentTitle } from '@/components/ui';
import { useConfirmEmail } from '../api/confirm-email';

/**
 * The page a confirmation link opens. The change waits for a press of the button, so a mail
 * scanner that fetches links cannot make it on the person's behalf.
 */
export default function ConfirmEmailPage() {
  useDocumentTitle('Confirm your new address');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmEmail();

  if (!token) {
    return (
      <div className="public__card">
        <h1 className="public__title">Link not valid</h1>
        <Alert tone="danger" className="public__alert">
          This link has no confirmation token in it.
        </Alert>
        <p className="public__footnote">
          <Link to="/account">Go to your account</Link>
        </p>
      </div>
    );
  }
  if (confirm.isSuccess) {
    return (
      <div className="public__card">
        <h1 className="public__title">Address changed</h1>
        <Alert tone="success" className="public__alert">
          From now on you sign in with <strong>{confirm.data.email}</strong>. You were signed out everywhere else.
        </Alert>
        <p className="public__footnote">
          <Link to="/login">Sign in</Link> or <Link to="/">go to Ripple</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="public__card">
      <h1 className="public__title">Confirm your new address</h1>
      <p className="public__lead">Once confirmed, you sign in to Ripple with the address this link was sent to.</p>
      {confirm.error && (
        <Alert tone="danger" title="Could not change your address" className="public__alert">
          {confirm.error.message}
        </Alert>
      )}
      <Button type="button" className="btn--block" loading={confirm.isPending} loadingText="Confirming…" onClick={() => confirm.mutate({ token })}>
        Confirm my new address
      </Button>
    </div>
  );
}
