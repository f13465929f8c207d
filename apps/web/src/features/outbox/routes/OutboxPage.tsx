import { useState } from 'react';
import { Alert, Badge, Card, Dialog, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { formatDateTime, plural } from '@/lib/format';
import { useOutbox, type OutboxMessage } from '../api/list-outbox';
import { MessageText } from '../components/MessageText';

/** Development mail: with no SMTP server configured, this is where invitations and reminders go. */
export default function OutboxPage() {
  const outbox = useOutbox();
  const [open, setOpen] = useState<OutboxMessage | null>(null);

  return (
    <>
      <PageHeader title="Outbox" description="Emails Ripple would have sent. Mail is kept here because no mail server (SMTP_URL) is configured." />
      {outbox.data?.enabled && (
        <Alert tone="info" live={false} title="Some things are never shown here" className="outbox-note">
          <p>
            Links that sign someone in (invitations, password resets) belong to the person they were sent to, so they appear as <code>[redacted]</code>. Set
            SMTP_URL to deliver them; until then, in development, the server console prints them for whoever runs Ripple.
          </p>
          <p>Mail to people who were asked for feedback about you is not shown to you, so that you never learn here which of them have answered.</p>
        </Alert>
      )}
      {outbox.isPending && <Loading label="Loading messages…" />}
      {outbox.isError && <ErrorAlert error={outbox.error} title="Could not load the outbox" />}
      {outbox.data && !outbox.data.enabled && (
        <Card>
          <EmptyState title="Mail goes out over SMTP" icon="✉">
            A mail server is configured, so messages are delivered to people's inboxes instead of being kept here.
          </EmptyState>
        </Card>
      )}
      {outbox.data?.enabled && outbox.data.items.length === 0 && (
        <Card>
          <EmptyState title="No messages yet" icon="✉">
            Invitations and reminders will appear here as soon as Ripple sends them.
          </EmptyState>
        </Card>
      )}
      {outbox.data?.enabled && outbox.data.items.length > 0 && (
        <Card className="card--flush" title={plural(outbox.data.items.length, 'message')}>
          <ul className="message-list">
            {outbox.data.items.map((m) => (
              <li key={m.id}>
                <button type="button" className="message-list__item" onClick={() => setOpen(m)}>
                  <span className="message-list__subject">{m.subject}</span>
                  <span className="message-list__meta">
                    To {m.recipient} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                  </span>
                  <span className="message-list__preview">{m.text.replace(/\s+/g, ' ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Dialog open={open !== null} onClose={() => setOpen(null)} title={open?.subject ?? ''} variant="drawer">
        {open && (
          <>
            <dl className="message-headers">
              <div>
                <dt>To</dt>
                <dd>{open.recipient}</dd>
              </div>
              <div>
                <dt>Sent</dt>
                <dd>
                  <time dateTime={open.createdAt}>{formatDateTime(open.createdAt)}</time>
                </dd>
              </div>
              <div>
                <dt>Format</dt>
                <dd>{open.html ? <Badge>Text and HTML</Badge> : <Badge>Text</Badge>}</dd>
              </div>
            </dl>
            <MessageText text={open.text} />
          </>
        )}
      </Dialog>
    </>
  );
}
