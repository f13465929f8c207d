import { useState, type FormEvent } from 'react';
import { isApiError } from '@/api/client';
import { Alert, Button, Card, PageHeader, SelectField, TextField } from '@/components/ui';
import { useSignedInUser } from '@/lib/auth';
import { useChangeEmail } from '../api/change-email';
import { useChangePassword } from '../api/change-password';
import { NewPasswordFields, newPasswordProblems } from '../components/NewPasswordFields';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, useLanguage, useT } from '@/i18n';

function ChangePassword() {
  const change = useChangePassword();
  const t = useT();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const { tooShort, mismatch } = newPasswordProblems(password, confirm);
  const serverErrors = change.error?.fieldErrors() ?? {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!current || tooShort || mismatch) return;
    change.mutate(
      { currentPassword: current, newPassword: password },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setConfirm('');
          setTouched(false);
        },
      },
    );
  };

  const fieldMessage = serverErrors.currentPassword ?? serverErrors.newPassword;
  return (
    <Card title={t('account.password.title')} description={t('account.password.description')}>
      {change.isSuccess && (
        <Alert tone="success" title={t('account.password.changed')} className="account__alert">
          {t('account.password.changedText')}
        </Alert>
      )}
      {change.error && !fieldMessage && (
        <Alert tone="danger" title={isApiError(change.error, 429) ? t('auth.tooManyAttempts') : t('account.password.failed')} className="account__alert">
          {change.error.message}
        </Alert>
      )}
      <form className="form account__form" onSubmit={submit} noValidate>
        <TextField
          label={t('account.currentPassword')}
          type="password"
          name="current-password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={(touched && !current ? t('account.enterCurrentPassword') : null) ?? serverErrors.currentPassword}
        />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
          touched={touched}
          serverError={serverErrors.newPassword}
        />
        <Button type="submit" loading={change.isPending} loadingText={t('account.password.changing')}>
          {t('account.password.title')}
        </Button>
      </form>
    </Card>
  );
}

function ChangeEmail() {
  const change = useChangeEmail();
  const t = useT();
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const serverErrors = change.error?.fieldErrors() ?? {};
  const emailProblem = !email.trim() ? t('account.email.enterNew') : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? t('account.email.invalid') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!password || emailProblem) return;
    change.mutate(
      { currentPassword: password, newEmail: email.trim() },
      {
        onSuccess: () => {
          setPassword('');
          setTouched(false);
        },
      },
    );
  };

  const fieldMessage = serverErrors.currentPassword ?? serverErrors.newEmail;
  return (
    <Card title={t('account.email.title')} description={t('account.email.description')}>
      {change.isSuccess && (
        <Alert tone="success" title={t('account.email.checkInbox')} className="account__alert">
          {change.data.message}
        </Alert>
      )}
      {change.error && !fieldMessage && (
        <Alert tone="danger" title={isApiError(change.error, 429) ? t('auth.tooManyAttempts') : t('account.email.failed')} className="account__alert">
          {change.error.message}
        </Alert>
      )}
      <form className="form account__form" onSubmit={submit} noValidate>
        <TextField
          label={t('account.email.new')}
          type="email"
          name="new-email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={(touched ? emailProblem : null) ?? serverErrors.newEmail}
        />
        <TextField
          label={t('account.email.password')}
          hint={t('account.email.passwordHint')}
          type="password"
          name="email-current-password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={(touched && !password ? t('account.enterCurrentPassword') : null) ?? serverErrors.currentPassword}
        />
        <Button type="submit" loading={change.isPending} loadingText={t('account.email.sending')}>
          {t('account.email.send')}
        </Button>
      </form>
    </Card>
  );
}

/** The language Ripple speaks to this person: kept in this browser. */
function ChooseLanguage() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <Card title={t('language.label')} description={t('account.language.description')}>
      <form className="form account__form" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('account.language.field')} value={language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </SelectField>
      </form>
    </Card>
  );
}

/** The signed-in person's own account: who they are signed in as, and their password. */
export default function AccountPage() {
  const me = useSignedInUser();
  const t = useT();
  const facts = [
    { label: t('account.name'), value: me.name },
    { label: t('account.emailAddress'), value: me.email },
    { label: t('nav.organisation'), value: me.organizationName },
  ];
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <div className="person-layout">
        <ChooseLanguage />
        <ChangePassword />
        <ChangeEmail />
        <Card title={t('topbar.signedInAs')}>
          <dl className="facts">
            {facts.map((f) => (
              <div key={f.label} className="facts__row">
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
