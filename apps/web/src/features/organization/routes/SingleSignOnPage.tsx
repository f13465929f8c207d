import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, TextField, useToast } from '@/components/ui';
import { useT } from '@/i18n';
import { formatDateTime } from '@/lib/format';
import { useSignedInUser } from '@/lib/auth';
import { useRemoveSsoSettings, useSaveSsoSettings, useSsoSettings, useStartSsoTest, type SsoSettings } from '../api/sso';
import '../sso.css';

const FIELDS = new Set(['displayName', 'issuer', 'clientId', 'clientSecret', 'allowedDomains', 'jitEnabled', 'ssoOnly', 'breakGlassPersonId']);

/** HR: the organisation's OpenID Connect provider, its test sign-in, and SSO-only mode. */
export default function SingleSignOnPage() {
  const t = useT();
  const settings = useSsoSettings();
  return (
    <>
      <PageHeader title={t('sso.title')} description={t('sso.description')} />
      {settings.error ? (
        <ErrorAlert error={settings.error} title={t('sso.loadFailed')} />
      ) : settings.data ? (
        <SsoForm key={settings.data.configured ? 'configured' : 'new'} saved={settings.data} />
      ) : (
        <Loading />
      )}
    </>
  );
}

function CheckBox({
  label,
  hint,
  checked,
  onChange,
  error,
}: {
  label: ReactNode;
  hint: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="sso-check">
      <input
        id={id}
        type="checkbox"
        className="sso-check__input"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
      />
      <div className="sso-check__text">
        <label htmlFor={id} className="sso-check__label">
          {label}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
        {error && (
          <p className="field__error" id={`${id}-error`}>
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

function SsoForm({ saved }: { saved: SsoSettings }) {
  const me = useSignedInUser();
  const [params] = useSearchParams();
  const [displayName, setDisplayName] = useState(saved.displayName ?? '');
  const [issuer, setIssuer] = useState(saved.issuer ?? '');
  const [clientId, setClientId] = useState(saved.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(saved.allowedDomains.join(', '));
  const [jitEnabled, setJitEnabled] = useState(saved.jitEnabled);
  const [ssoOnly, setSsoOnly] = useState(saved.ssoOnly);
  const [breakGlassIsMe, setBreakGlassIsMe] = useState(saved.breakGlassPersonId === me.id || !saved.breakGlassPersonId);
  const save = useSaveSsoSettings();
  const remove = useRemoveSsoSettings();
  const test = useStartSsoTest();
  const toast = useToast();
  const t = useT();

  const fieldErrors = save.error?.fieldErrors() ?? {};
  const unplaced = save.error && !Object.keys(fieldErrors).some((f) => FIELDS.has(f));
  const otherBreakGlass = saved.breakGlassPersonId && saved.breakGlassPersonId !== me.id ? saved.breakGlassPersonId : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        displayName: displayName.trim(),
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        allowedDomains: domains
          .split(/[\s,]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        jitEnabled,
        ssoOnly,
        breakGlassPersonId: breakGlassIsMe ? me.id : otherBreakGlass,
      },
      {
        onSuccess: () => {
          setClientSecret('');
          toast.show(t('sso.saved'));
        },
      },
    );
  };

  const last = saved.lastTest;
  return (
    <div className="sso-page">
      {params.has('tested') && last && (
        <Alert tone={last.ok ? 'success' : 'danger'} title={last.ok ? t('sso.testWorked') : t('sso.testFailed')}>
          {last.message}
        </Alert>
      )}
      <Card title={t('sso.addresses')}>
        <dl className="sso-address">
          <dt>{t('sso.redirectUri')}</dt>
          <dd>
            <code>{saved.redirectUri}</code>
            <p className="field__hint">{t('sso.redirectUriHint')}</p>
          </dd>
          <dt>{t('sso.signInAddress')}</dt>
          <dd>
            <code>{saved.signInUrl}</code>
            <p className="field__hint">{t('sso.signInAddressHint')}</p>
          </dd>
        </dl>
      </Card>
      <form className="form" onSubmit={submit} noValidate>
        {save.error && (
          <Alert tone="danger" title={unplaced ? t('ui.couldNotSave') : t('ui.correctFields')}>
            {unplaced ? save.error.message : t('ui.nothingSaved')}
          </Alert>
        )}
        <Card title={t('sso.provider')}>
          <div className="form__grid">
            <TextField
              label={t('sso.displayName')}
              name="displayName"
              required
              maxLength={60}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              error={fieldErrors.displayName}
              hint={t('sso.displayNameHint')}
            />
            <TextField
              label={t('sso.issuer')}
              name="issuer"
              type="url"
              required
              maxLength={500}
              value={issuer}
              onChange={(e) => setIssuer(e.target.value)}
              error={fieldErrors.issuer}
              hint={t('sso.issuerHint', { tenant: '<tenant>' })}
            />
            <TextField
              label={t('sso.clientId')}
              name="clientId"
              required
              maxLength={300}
              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
              error={fieldErrors.clientId}
            />
            <TextField
              label={t('sso.clientSecret')}
              name="clientSecret"
              type="password"
              autoComplete="off"
              labelNote={saved.clientSecretSet ? t('sso.clientSecretStored') : undefined}
              maxLength={500}
              value={clientSecret}
              onChange={(e) => setClientSecret(e.target.value)}
              error={fieldErrors.clientSecret}
              hint={t('sso.clientSecretHint')}
            />
          </div>
          <TextField
            label={t('sso.domains')}
            name="allowedDomains"
            required
            value={domains}
            onChange={(e) => setDomains(e.target.value)}
            error={fieldErrors.allowedDomains}
            hint={t('sso.domainsHint')}
          />
          <div className="sso-checks">
            <CheckBox label={t('sso.jit')} checked={jitEnabled} onChange={setJitEnabled} error={fieldErrors.jitEnabled} hint={t('sso.jitHint')} />
            <CheckBox label={t('sso.only')} checked={ssoOnly} onChange={setSsoOnly} error={fieldErrors.ssoOnly} hint={t('sso.onlyHint')} />
            <CheckBox
              label={t('sso.breakGlass')}
              checked={breakGlassIsMe}
              onChange={setBreakGlassIsMe}
              error={fieldErrors.breakGlassPersonId}
              hint={otherBreakGlass ? t('sso.breakGlassOther') : t('sso.breakGlassMe')}
            />
          </div>
        </Card>
        <div className="form__actions">
          <Button type="submit" loading={save.isPending} loadingText={t('ui.saving')}>
            {t('ui.saveSettings')}
          </Button>
        </div>
      </form>
      {saved.configured && (
        <Card title={t('sso.test')} description={t('sso.testDescription')}>
          <div className="sso-test">
            <Button variant="secondary" onClick={() => test.mutate()} loading={test.isPending} loadingText={t('sso.opening')}>
              {t('sso.test')}
            </Button>
            <Button variant="danger" onClick={() => remove.mutate(undefined, { onSuccess: () => toast.show(t('sso.removed')) })} loading={remove.isPending}>
              {t('sso.remove')}
            </Button>
          </div>
          {last && !params.has('tested') && (
            <Alert tone={last.ok ? 'success' : 'danger'} title={t('sso.lastTest', { date: formatDateTime(last.at), ok: String(last.ok) })} className="sso-last">
              {last.message}
            </Alert>
          )}
          {!last && <p className="field__hint">{t('sso.notTested')}</p>}
        </Card>
      )}
      <p>
        <Link to="/admin/audit">{t('sso.audit')}</Link>
      </p>
    </div>
  );
}
