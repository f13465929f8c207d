import { useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { Alert, Button, ErrorAlert, Loading, TextField, useDocumentTitle } from '@/components/ui';
import { msg, useT, type MessageId } from '@/i18n';
import { useMe } from '@/lib/auth';
import { useSetupPending } from '@/lib/setup';
import { useCompleteSetup } from '../api/complete-setup';

const MIN_PASSWORD = 10;

interface Values {
  organizationName: string;
  name: string;
  email: string;
  password: string;
  confirm: string;
  code: string;
}

/** What is missing or wrong, as catalogue ids (the password's takes the minimum length). */
function problemsOf(v: Values): Partial<Record<keyof Values, MessageId>> {
  const problems: Partial<Record<keyof Values, MessageId>> = {};
  if (!v.organizationName.trim()) problems.organizationName = msg('setup.enterOrganisation');
  if (!v.name.trim()) problems.name = msg('setup.enterName');
  if (!/^\S+@\S+\.\S+$/.test(v.email.trim())) problems.email = msg('setup.enterEmail');
  if (v.password.length < MIN_PASSWORD) problems.password = msg('password.tooShort');
  else if (v.confirm !== v.password) problems.confirm = msg('password.mismatch');
  if (!v.code.trim()) problems.code = msg('setup.enterCode');
  return problems;
}

/**
 * The first run of a fresh Ripple: the organisation and its first HR admin, guarded by the one-time
 * code the server printed on its console. Once set up, this page sends everyone on.
 */
export default function SetupPage() {
  const t = useT();
  useDocumentTitle(t('setup.title'));
  const status = useSetupPending();
  const { data: me } = useMe();
  const complete = useCompleteSetup();
  const [values, setValues] = useState<Values>({ organizationName: '', name: '', email: '', password: '', confirm: '', code: '' });
  const [touched, setTouched] = useState(false);

  if (me) return <Navigate to="/" replace />;
  if (status.isPending) {
    return (
      <div className="public__card">
        <Loading />
      </div>
    );
  }
  if (status.error) {
    return (
      <div className="public__card">
        <ErrorAlert error={status.error} title={t('setup.notAnswering')} />
      </div>
    );
  }
  if (!status.data) return <Navigate to="/login" replace />;

  const problemIds = touched ? problemsOf(values) : {};
  const problems = Object.fromEntries(Object.entries(problemIds).map(([field, id]) => [field, t(id, { min: MIN_PASSWORD })])) as Partial<
    Record<keyof Values, string>
  >;
  const serverErrors = complete.error?.fieldErrors() ?? {};
  const set = (field: keyof Values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problemsOf(values)).length) return;
    complete.mutate({
      organizationName: values.organizationName.trim(),
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
      code: values.code.trim(),
    });
  };
  const error = complete.error;
  const codeRefused = error?.status === 403;

  return (
    <div className="public__card">
      <h1 className="public__title">{t('setup.title')}</h1>
      <p className="public__lead">{t('setup.lead')}</p>
      {error && !codeRefused && (
        <Alert tone="danger" title={t('setup.failed')} className="public__alert">
          {error.status === 410 ? t('setup.alreadyDone') : error.message}
        </Alert>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('setup.organisationName')}
          name="organizationName"
          autoComplete="organization"
          required
          autoFocus
          maxLength={200}
          value={values.organizationName}
          onChange={set('organizationName')}
          error={problems.organizationName ?? serverErrors.organizationName}
        />
        <TextField
          label={t('setup.yourName')}
          name="name"
          autoComplete="name"
          required
          maxLength={200}
          value={values.name}
          onChange={set('name')}
          error={problems.name ?? serverErrors.name}
        />
        <TextField
          label={t('setup.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          maxLength={254}
          value={values.email}
          onChange={set('email')}
          error={problems.email ?? serverErrors.email}
          hint={t('setup.emailHint')}
        />
        <TextField
          label={t('setup.password')}
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          hint={t('password.hint', { min: MIN_PASSWORD })}
          value={values.password}
          onChange={set('password')}
          error={problems.password ?? serverErrors.password}
        />
        <TextField
          label={t('password.confirm')}
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          required
          value={values.confirm}
          onChange={set('confirm')}
          error={problems.confirm}
        />
        <TextField
          label={t('setup.code')}
          name="setup-code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={40}
          placeholder="XXXX-XXXX-XXXX" // i18n-exempt: the code's shape, not words
          value={values.code}
          onChange={set('code')}
          error={problems.code ?? (codeRefused ? complete.error?.message : serverErrors.code)}
          hint={t('setup.codeHint')}
        />
        <Button type="submit" className="btn--block" loading={complete.isPending} loadingText={t('setup.settingUp')}>
          {t('setup.submit')}
        </Button>
      </form>
    </div>
  );
}
