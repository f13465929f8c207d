import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, Dialog, ErrorAlert, Field, Loading, Table, TextField, useToast, type Column } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { useCreateScimToken, useRevokeScimToken, useScimTokens, type CreatedScimToken, type ScimToken } from '../api/scim-tokens';

/** Copies a value, saying so (or that the browser refused, so the person copies it by hand). */
function CopyButton({ value, label }: { value: string; label: string }) {
  const toast = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast.show(`${label} copied`);
    } catch {
      toast.show(`Could not copy: select the ${label.toLowerCase()} and copy it yourself`);
    }
  };
  return (
    <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
      Copy
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
    { key: 'name', header: 'Name', cell: (t) => t.name },
    { key: 'created', header: 'Created', cell: (t) => formatDateTime(t.createdAt) },
    { key: 'used', header: 'Last used', cell: (t) => (t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never') },
    {
      key: 'status',
      header: 'Status',
      cell: (t) => (t.revokedAt ? <Badge tone="neutral">Revoked {formatDateTime(t.revokedAt)}</Badge> : <Badge tone="success">Active</Badge>),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      label: 'Actions',
      align: 'end',
      cell: (t) =>
        t.revokedAt ? null : (
          <Button variant="danger" size="sm" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
            Revoke
          </Button>
        ),
    },
  ];

  return (
    <Card
      className="provisioning-card"
      title="Provisioning (SCIM)"
      description="Let your identity provider (Okta, Microsoft Entra ID) add people, keep their title, department and manager up to date, and deactivate leavers. The same rules apply as on the person page and in CSV imports."
    >
      {tokens.error ? (
        <ErrorAlert error={tokens.error} title="Could not load the provisioning tokens" />
      ) : !tokens.data ? (
        <Loading />
      ) : (
        <div className="provisioning">
          <CopyableField
            label="SCIM base URL"
            name="scimBaseUrl"
            value={tokens.data.baseUrl}
            hint="Okta: SCIM connector base URL (unique identifier field: userName). Entra ID: Tenant URL."
          />

          {created && (
            <Alert
              tone="success"
              title={`Token “${created.name}” created`}
              actions={
                <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
                  Done
                </Button>
              }
            >
              <p>Copy it now and paste it into your identity provider as the bearer token (Entra ID: Secret Token). It is not shown again.</p>
              <CopyableField label="Token" name="scimToken" value={created.token} />
            </Alert>
          )}

          <form className="provisioning__create" onSubmit={submit} noValidate>
            <TextField
              label="New token name"
              name="scimTokenName"
              maxLength={100}
              required
              value={name}
              placeholder="e.g. Okta"
              onChange={(e) => setName(e.target.value)}
              error={create.error?.fieldErrors().name ?? (create.error ? create.error.message : undefined)}
            />
            <Button type="submit" loading={create.isPending} loadingText="Creating…" disabled={!name.trim()}>
              Create token
            </Button>
          </form>

          {tokens.data.items.length ? (
            <Table caption="Provisioning tokens" columns={columns} rows={tokens.data.items} rowKey={(t) => t.id} />
          ) : (
            <p className="provisioning__empty">No tokens yet: create one for your identity provider.</p>
          )}
        </div>
      )}
      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={revoke.isPending}
              loadingText="Revoking…"
              onClick={() =>
                revoking &&
                revoke.mutate(revoking.id, {
                  onSuccess: (token) => {
                    setRevoking(null);
                    toast.show(`Token “${token.name}” revoked`);
                  },
                })
              }
            >
              Revoke token
            </Button>
          </>
        }
      >
        <p>Your identity provider stops reaching Ripple with this token at once. People already provisioned stay as they are.</p>
        {revoke.error && <ErrorAlert error={revoke.error} title="Could not revoke the token" />}
      </Dialog>
    </Card>
  );
}
