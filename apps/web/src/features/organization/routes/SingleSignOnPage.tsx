import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, TextField, useToast } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { useSignedInUser } from '@/lib/auth';
import { useRemoveSsoSettings, useSaveSsoSettings, useSsoSettings, useStartSsoTest, type SsoSettings } from '../api/sso';
import '../sso.css';

const FIELDS = new Set(['displayName', 'issuer', 'clientId', 'clientSecret', 'allowedDomains', 'jitEnabled', 'ssoOnly', 'breakGlassPersonId']);

/** HR: the organisation's OpenID Connect provider, its test sign-in, and SSO-only mode. */
export default function SingleSignOnPage() {
  const settings = useSsoSettings();
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="People of your organisation sign in through your identity provider (Okta, Microsoft Entra ID, Google Workspace, Keycloak or any OpenID Connect provider)."
      />
      {settings.error ? (
        <ErrorAlert error={settings.error} title="Could not load the single sign-on settings" />
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
          toast.show('Single sign-on settings saved');
        },
      },
    );
  };

  const last = saved.lastTest;
  return (
    <div className="sso-page">
      {params.has('tested') && last && (
        <Alert tone={last.ok ? 'success' : 'danger'} title={last.ok ? 'The test sign-in worked' : 'The test sign-in failed'}>
          {last.message}
        </Alert>
      )}
      <Card title="Give your provider these addresses">
        <dl className="sso-address">
          <dt>Redirect URI</dt>
          <dd>
            <code>{saved.redirectUri}</code>
            <p className="field__hint">Register it exactly, in your provider&apos;s settings for Ripple&apos;s client (a web application).</p>
          </dd>
          <dt>Your organisation&apos;s sign-in address</dt>
          <dd>
            <code>{saved.signInUrl}</code>
            <p className="field__hint">Opens the sign-in page with &ldquo;Continue with&nbsp;…&rdquo; for your organisation.</p>
          </dd>
        </dl>
      </Card>
      <form className="form" onSubmit={submit} noValidate>
        {save.error && (
          <Alert tone="danger" title={unplaced ? 'Could not save' : 'Please correct the marked fields'}>
            {unplaced ? save.error.message : 'Nothing was saved. Each problem is described beside its field.'}
          </Alert>
        )}
        <Card title="Identity provider">
          <div className="form__grid">
            <TextField
              label="Name on the sign-in button"
              name="displayName"
              required
              maxLength={60}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              error={fieldErrors.displayName}
              hint="People see “Continue with” and this name, e.g. Okta."
            />
            <TextField
              label="Issuer URL"
              name="issuer"
              type="url"
              required
              maxLength={500}
              value={issuer}
              onChange={(e) => setIssuer(e.target.value)}
              error={fieldErrors.issuer}
              hint="Your provider's issuer, e.g. https://acme.okta.com or https://login.microsoftonline.com/<tenant>/v2.0."
            />
            <TextField
              label="Client ID"
              name="clientId"
              required
              maxLength={300}
              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
              error={fieldErrors.clientId}
            />
            <TextField
              label="Client secret"
              name="clientSecret"
              type="password"
              autoComplete="off"
              labelNote={saved.clientSecretSet ? '(stored; leave empty to keep it)' : undefined}
              maxLength={500}
              value={clientSecret}
              onChange={(e) => setClientSecret(e.target.value)}
              error={fieldErrors.clientSecret}
              hint="Stored encrypted and never shown again."
            />
          </div>
          <TextField
            label="Allowed email domains"
            name="allowedDomains"
            required
            value={domains}
            onChange={(e) => setDomains(e.target.value)}
            error={fieldErrors.allowedDomains}
            hint="Separated by commas, e.g. acme.com, acme.co.uk. Only verified addresses of these domains may sign in."
          />
          <div className="sso-checks">
            <CheckBox
              label="Create accounts at first sign-in"
              checked={jitEnabled}
              onChange={setJitEnabled}
              error={fieldErrors.jitEnabled}
              hint="An address of an allowed domain that has no account yet gets one (as a member). Off: people you have not added are refused."
            />
            <CheckBox
              label="Single sign-on only"
              checked={ssoOnly}
              onChange={setSsoOnly}
              error={fieldErrors.ssoOnly}
              hint="Passwords stop working for everyone in your organisation but the break-glass admin below."
            />
            <CheckBox
              label="Keep my password as the break-glass sign-in"
              checked={breakGlassIsMe}
              onChange={setBreakGlassIsMe}
              error={fieldErrors.breakGlassPersonId}
              hint={
                otherBreakGlass
                  ? 'Another HR admin is the break-glass sign-in; tick this to make it you. Every break-glass sign-in is in the audit trail.'
                  : 'If the provider is down, you can still sign in with your password. Every break-glass sign-in is in the audit trail.'
              }
            />
          </div>
        </Card>
        <div className="form__actions">
          <Button type="submit" loading={save.isPending} loadingText="Saving…">
            Save settings
          </Button>
        </div>
      </form>
      {saved.configured && (
        <Card title="Test sign-in" description="Signs you in at your provider and reports here what happened, without signing you in to Ripple.">
          <div className="sso-test">
            <Button variant="secondary" onClick={() => test.mutate()} loading={test.isPending} loadingText="Opening your provider…">
              Test sign-in
            </Button>
            <Button
              variant="danger"
              onClick={() => remove.mutate(undefined, { onSuccess: () => toast.show('Single sign-on removed') })}
              loading={remove.isPending}
            >
              Remove single sign-on
            </Button>
          </div>
          {last && !params.has('tested') && (
            <Alert
              tone={last.ok ? 'success' : 'danger'}
              title={`Last test, ${formatDateTime(last.at)}: ${last.ok ? 'it worked' : 'it failed'}`}
              className="sso-last"
            >
              {last.message}
            </Alert>
          )}
          {!last && <p className="field__hint">Not tested yet. If your provider shows an error about the redirect URI, register the one above exactly.</p>}
        </Card>
      )}
      <p>
        <Link to="/admin/audit">Changes to these settings are in the audit trail.</Link>
      </p>
    </div>
  );
}
