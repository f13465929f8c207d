import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Alert, Badge, Card, Dialog, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { useT } from '@/i18n';
import { formatDateTime } from '@/lib/format';
import { useOutbox, type OutboxMessage } from '../api/list-outbox';
import { MessageText } from '../components/MessageText';

/** Development mail: with no SMTP server configured, this is where invitations and reminders go. */
export default function OutboxPage() {
  const outbox = useOutbox();
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const t = useT();

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      {outbox.data?.enabled && (
        <Alert tone="info" live={false} title={t('outbox.neverShown')} className="outbox-note">
          <p>
            <FormattedMessage id="outbox.redacted" values={{ code: (chunks) => <code>{chunks}</code> }} />
          </p>
          <p>{t('outbox.aboutYou')}</p>
        </Alert>
      )}
      {outbox.isPending && <Loading label={t('outbox.loading')} />}
      {outbox.isError && <ErrorAlert error={outbox.error} title={t('outbox.loadFailed')} />}
      {outbox.data && !outbox.data.enabled && (
        <Card>
          <EmptyState title={t('outbox.smtp')} icon="✉">
            {t('outbox.smtpText')}
          </EmptyState>
        </Card>
      )}
      {outbox.data?.enabled && outbox.data.items.length === 0 && (
        <Card>
          <EmptyState title={t('outbox.empty')} icon="✉">
            {t('outbox.emptyText')}
          </EmptyState>
        </Card>
      )}
      {outbox.data?.enabled && outbox.data.items.length > 0 && (
        <Card className="card--flush" title={t('outbox.count', { count: outbox.data.items.length })}>
          <ul className="message-list">
            {outbox.data.items.map((m) => (
              <li key={m.id}>
                <button type="button" className="message-list__item" onClick={() => setOpen(m)}>
                  <span className="message-list__subject">{m.subject}</span>
                  <span className="message-list__meta">
                    {t('outbox.to', { recipient: m.recipient })} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
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
                <dt>{t('outbox.header.to')}</dt>
                <dd>{open.recipient}</dd>
              </div>
              <div>
                <dt>{t('outbox.header.sent')}</dt>
                <dd>
                  <time dateTime={open.createdAt}>{formatDateTime(open.createdAt)}</time>
                </dd>
              </div>
              <div>
                <dt>{t('outbox.header.format')}</dt>
                <dd>{open.html ? <Badge>{t('outbox.format.both')}</Badge> : <Badge>{t('outbox.format.text')}</Badge>}</dd>
              </div>
            </dl>
            <MessageText text={open.text} />
          </>
        )}
      </Dialog>
    </>
  );
}
