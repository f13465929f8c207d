import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, Dialog, ErrorAlert, Field, Loading, Table, TextField, useToast, type Column } from '@/components/ui';
import { useT } from '@/i18n';
import { formatDateTime } from '@/lib/format';
import { useCreateScimToken, useRevokeScimToken, useScimTokens, type CreatedScimToken, type ScimToken } from '../api/scim-tokens';

/** Copies a value, saying so (or that the browser refused, so the person copies it by hand). */
function CopyButton({ value, label }: { value: string; label: string }) {
  const toast = useToast();
  const t = useT();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast.show(t('scim.copied', { label }));
    } catch {
      toast.show(t('scim.copyFailed', { label }));
    }
  };
  return (
    <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label={t('scim.copyLabel', { label })}>
      {t('scim.copy')}
    </Button>
  );
}

/** A read-only value with its label and a copy button beside the box. */
function CopyableField({ label, name, value, hint }: { label: string; name: string; value: string; hint?: string }) {
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <div className="provisioning__copyable">
          <input className="input" name={name} readOnly value={value} onFocus={(e) => e.currentTarget.select()} {...control} />
          <CopyButton value={value} label={label} />
        </div>
      )}
    </Field>
  );
}

/**
 * HR: let the identity provider (Okta, Entra ID) keep people in sync over SCIM. A token is shown
 * once, when created; the list shows when each was last used, and a revoked one stops working at once.
 */
export function ProvisioningCard() {
  const tokens = useScimTokens();
  const create = useCreateScimToken();
  const revoke = useRevokeScimToken();
  const toast = useToast();
  const t = useT();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedScimToken | null>(null);
  const [revoking, setRevoking] = useState<ScimToken | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setCreated(token);
        setName('');
      },
    });
  };

  const columns: Column<ScimToken>[] = [
    { key: 'name', header: t('scim.name'), cell: (token) => token.name },
    { key: 'created', header: t('scim.created'), cell: (token) => formatDateTime(token.createdAt) },
    { key: 'used', header: t('scim.lastUsed'), cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('scim.never')) },
    {
      key: 'status',
      header: t('scim.status'),
      cell: (token) =>
        token.revokedAt ? (
          <Badge tone="neutral">{t('scim.revokedAt', { date: formatDateTime(token.revokedAt) })}</Badge>
        ) : (
          <Badge tone="success">{t('scim.active')}</Badge>
        ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('scim.actions')}</span>,
      label: t('scim.actions'),
      align: 'end',
      cell: (token) =>
        token.revokedAt ? null : (
          <Button variant="danger" size="sm" onClick={() => setRevoking(token)} aria-label={t('scim.revokeName', { name: token.name })}>
            {t('scim.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Card className="provisioning-card" title={t('scim.title')} description={t('scim.description')}>
      {tokens.error ? (
        <ErrorAlert error={tokens.error} title={t('scim.loadFailed')} />
      ) : !tokens.data ? (
        <Loading />
      ) : (
        <div className="provisioning">
          <CopyableField label={t('scim.baseUrl')} name="scimBaseUrl" value={tokens.data.baseUrl} hint={t('scim.baseUrlHint')} />

          {created && (
            <Alert
              tone="success"
              title={t('scim.tokenCreated', { name: created.name })}
              actions={
                <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
                  {t('scim.done')}
                </Button>
              }
            >
              <p>{t('scim.copyNow')}</p>
              <CopyableField label={t('scim.token')} name="scimToken" value={created.token} />
            </Alert>
          )}

          <form className="provisioning__create" onSubmit={submit} noValidate>
            <TextField
              label={t('scim.newName')}
              name="scimTokenName"
              maxLength={100}
              required
              value={name}
              placeholder={t('scim.newNamePlaceholder')}
              onChange={(e) => setName(e.target.value)}
              error={create.error?.fieldErrors().name ?? (create.error ? create.error.message : undefined)}
            />
            <Button type="submit" loading={create.isPending} loadingText={t('scim.creating')} disabled={!name.trim()}>
              {t('scim.create')}
            </Button>
          </form>

          {tokens.data.items.length ? (
            <Table caption={t('scim.tokens')} columns={columns} rows={tokens.data.items} rowKey={(token) => token.id} />
          ) : (
            <p className="provisioning__empty">{t('scim.noTokens')}</p>
          )}
        </div>
      )}
      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('scim.revokeTitle', { name: revoking?.name ?? '' })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="danger"
              loading={revoke.isPending}
              loadingText={t('scim.revoking')}
              onClick={() =>
                revoking &&
                revoke.mutate(revoking.id, {
                  onSuccess: (token) => {
                    setRevoking(null);
                    toast.show(t('scim.revoked', { name: token.name }));
                  },
                })
              }
            >
              {t('scim.revokeToken')}
            </Button>
          </>
        }
      >
        <p>{t('scim.revokeText')}</p>
        {revoke.error && <ErrorAlert error={revoke.error} title={t('scim.revokeFailed')} />}
      </Dialog>
    </Card>
  );
}
