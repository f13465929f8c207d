import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Button, TextField, useDocumentTitle } from '@/components/ui';
import { useRequestPasswordReset } from '../api/request-password-reset';

/** "Forgot your password?": asks for a link by mail. The answer is the same for any address. */
export default function ForgotPasswordPage() {
  useDocumentTitle('Reset your password');
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
        <h1 className="public__title">Check your email</h1>
        <Alert tone="success" className="public__alert">
          {request.data.message}
        </Alert>
        <p className="public__lead">
          Sent to <strong>{request.variables.email}</strong>. Nothing arrived after a few minutes? Check your spam folder, or ask HR whether Ripple has your
          current address.
        </p>
        <p className="public__footnote">
          <Link to="/login">Back to sign in</Link>
        </p>
      </div>
    );
  }

  const fieldError = request.error?.fieldErrors().email;
  return (
    <div className="public__card">
      <h1 className="public__title">Reset your password</h1>
      <p className="public__lead">Enter the email address you sign in with. We will send you a link to choose a new password.</p>
      {request.error && !fieldError && (
        <Alert tone="danger" title={isApiError(request.error, 429) ? 'Too many requests' : 'Could not send the link'} className="public__alert">
          {request.error.message}
        </Alert>
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
          error={(submitted && !email.trim() ? 'Enter your email address' : null) ?? fieldError}
        />
        <Button type="submit" className="btn--block" loading={request.isPending} loadingText="Sending…">
          Send me a link
        </Button>
      </form>
      <p className="public__footnote">
        Remembered it? <Link to="/login">Sign in</Link>
      </p>
    </div>
  );
}
