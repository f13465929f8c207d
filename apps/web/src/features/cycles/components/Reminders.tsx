import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Alert, Button, Card, Dialog, ErrorAlert, Loading } from '@/components/ui';
import { isApiError } from '@/api/client';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/i18n';
import type { Cycle } from '../api/get-cycle';
import { useReminderPreview, type ReminderPreview } from '../api/get-reminder-preview';
import { useSendReminders } from '../api/send-reminders';

/** How many names the confirmation lists before "and N more". */
const NAMES_SHOWN = 12;

/** Who the reminder goes to, in words: the count first, then the names (most open requests first). */
function Recipients({ preview }: { preview: ReminderPreview }) {
  const t = useT();
  if (preview.raterCount === 0) return <p>{t('cycles.reminders.nobody')}</p>;
  const shown = preview.raters.slice(0, NAMES_SHOWN);
  const more = preview.raterCount - shown.length;
  return (
    <>
      <p>
        <FormattedMessage id="cycles.reminders.recipients" values={{ count: preview.raterCount, strong: (chunks) => <strong>{chunks}</strong> }} />
      </p>
      <ul className="reminders__names">
        {shown.map((r) => (
          <li key={r.raterId}>
            {r.name}
            <span className="muted">
              {' · '}
              {t('cycles.reminders.openRequests', { count: r.openRequests })}
              {r.department ? ` · ${r.department}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="muted">{t('cycles.reminders.others', { count: more })}</p>}
    </>
  );
}

/** When the automatic reminders go, in words: "7, 2 days before the deadline", "on the day" for 0. */
function schedule(days: readonly number[], t: ReturnType<typeof useT>): string {
  if (days.length === 0) return t('cycles.reminders.none');
  const before = days.filter((d) => d > 0);
  if (before.length === 0) return t('cycles.reminders.scheduleDay');
  // "1 day" alone, "days" after a list or any other number.
  const values = { days: before.join(', '), count: before.length === 1 ? before[0] : before.length };
  return days.includes(0) ? t('cycles.reminders.scheduleAndDay', values) : t('cycles.reminders.schedule', values);
}

/** "Send reminder now", with what the automatic schedule already does; asks first, saying how many people and who. */
export function Reminders({ cycle, pending }: { cycle: Cycle; pending: number }) {
  const t = useT();
  const send = useSendReminders(cycle.id);
  const [confirming, setConfirming] = useState(false);
  const preview = useReminderPreview(cycle.id, { enabled: confirming });
  const days = cycle.settings.reminderDaysBeforeDeadline;
  const retryAfter = (send.error?.body as { retryAfterMinutes?: unknown } | undefined)?.retryAfterMinutes;
  const data = preview.data;
  const tooSoon = data?.nextAllowedAt ? Date.parse(data.nextAllowedAt) : null;
  return (
    <Card title={t('cycles.reminders.title')} description={schedule(days, t)}>
      <p className="reminders__text">{pending > 0 ? t('cycles.reminders.pending', { count: pending }) : t('cycles.reminders.allAnswered')}</p>
      {send.isSuccess && (
        <Alert tone="success" title={t('cycles.reminders.sent')}>
          {send.data.raterCount > 0 ? t('cycles.reminders.sentText', { count: send.data.raterCount }) : t('cycles.reminders.sentNobody')}
        </Alert>
      )}
      {isApiError(send.error, 429) && (
        <Alert tone="warning" title={t('cycles.reminders.tooSoon')}>
          {t('cycles.reminders.tooSoonText', { minutes: typeof retryAfter === 'number' ? retryAfter : 10 })}
        </Alert>
      )}
      {send.isError && !isApiError(send.error, 429) && <ErrorAlert error={send.error} title={t('cycles.reminders.failed')} />}
      <Button
        variant="secondary"
        onClick={() => setConfirming(true)}
        loading={send.isPending}
        loadingText={t('cycles.reminders.sending')}
        disabled={pending === 0}
      >
        {t('cycles.reminders.sendNow')}
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('cycles.reminders.confirmTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!data || data.raterCount === 0 || tooSoon !== null}
              loading={send.isPending}
              loadingText={t('cycles.reminders.sending')}
              onClick={() => {
                setConfirming(false);
                send.mutate();
              }}
            >
              {data && data.raterCount > 0 ? t('cycles.reminders.emailCount', { count: data.raterCount }) : t('cycles.reminders.send')}
            </Button>
          </>
        }
      >
        {preview.isPending && <Loading label={t('cycles.reminders.counting')} />}
        {preview.isError && <ErrorAlert error={preview.error} title={t('cycles.reminders.previewFailed')} />}
        {data && <Recipients preview={data} />}
        {data && tooSoon !== null && (
          <Alert tone="warning" title={t('cycles.reminders.tooSoon')} live={false}>
            {[
              data.lastSentAt ? t('cycles.reminders.lastSent', { date: formatDateTime(data.lastSentAt) }) : null,
              t('cycles.reminders.nextFrom', { date: formatDateTime(data.nextAllowedAt!) }),
            ]
              .filter(Boolean)
              .join(' ')}
          </Alert>
        )}
      </Dialog>
    </Card>
  );
}
