import { useState } from 'react';
import { Alert, Button, Card, Dialog, ErrorAlert, Loading } from '@/components/ui';
import { isApiError } from '@/api/client';
import { formatDateTime, plural } from '@/lib/format';
import type { Cycle } from '../api/get-cycle';
import { useReminderPreview, type ReminderPreview } from '../api/get-reminder-preview';
import { useSendReminders } from '../api/send-reminders';

/** How many names the confirmation lists before "and N more". */
const NAMES_SHOWN = 12;

/** Who the reminder goes to, in words: the count first, then the names (most open requests first). */
function Recipients({ preview }: { preview: ReminderPreview }) {
  if (preview.raterCount === 0) return <p>Nobody needs a reminder: every rater who was invited has answered.</p>;
  const shown = preview.raters.slice(0, NAMES_SHOWN);
  const more = preview.raterCount - shown.length;
  return (
    <>
      <p>
        <strong>{plural(preview.raterCount, 'rater')}</strong> will get one email each, listing every request they still have open:
      </p>
      <ul className="reminders__names">
        {shown.map((r) => (
          <li key={r.raterId}>
            {r.name}
            <span className="muted">
              {' '}
              · {plural(r.openRequests, 'open request')}
              {r.department ? ` · ${r.department}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="muted">…and {plural(more, 'other rater', 'other raters')}.</p>}
    </>
  );
}

/** "Send reminder now", with what the automatic schedule already does; asks first, saying how many people and who. */
export function Reminders({ cycle, pending }: { cycle: Cycle; pending: number }) {
  const send = useSendReminders(cycle.id);
  const [confirming, setConfirming] = useState(false);
  const preview = useReminderPreview(cycle.id, { enabled: confirming });
  const days = cycle.settings.reminderDaysBeforeDeadline;
  const retryAfter = (send.error?.body as { retryAfterMinutes?: unknown } | undefined)?.retryAfterMinutes;
  const data = preview.data;
  const tooSoon = data?.nextAllowedAt ? Date.parse(data.nextAllowedAt) : null;
  return (
    <Card
      title="Reminders"
      description={
        days.length
          ? `Reminders go out automatically ${days.map((d) => (d === 0 ? 'on the day' : `${d}`)).join(', ')}${days.some((d) => d > 0) ? ' days' : ''} before the deadline.`
          : 'No automatic reminders are scheduled for this cycle.'
      }
    >
      <p className="reminders__text">
        {pending > 0
          ? `${plural(pending, 'rater has', 'raters have')} not answered yet. A reminder lists every request they still have open.`
          : 'Everyone who was asked has answered.'}
      </p>
      {send.isSuccess && (
        <Alert tone="success" title="Reminders are on their way">
          {send.data.raterCount > 0
            ? `${plural(send.data.raterCount, 'rater')} will get a reminder by email.`
            : 'Nobody needed one: every invited rater has answered.'}
        </Alert>
      )}
      {isApiError(send.error, 429) && (
        <Alert tone="warning" title="Reminders were sent a few minutes ago">
          To keep inboxes calm, reminders can be sent once every {typeof retryAfter === 'number' ? retryAfter : 10} minutes. Try again later.
        </Alert>
      )}
      {send.isError && !isApiError(send.error, 429) && <ErrorAlert error={send.error} title="No reminders were sent" />}
      <Button variant="secondary" onClick={() => setConfirming(true)} loading={send.isPending} loadingText="Sending…" disabled={pending === 0}>
        Send reminder now…
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Send a reminder now?"
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              disabled={!data || data.raterCount === 0 || tooSoon !== null}
              loading={send.isPending}
              loadingText="Sending…"
              onClick={() => {
                setConfirming(false);
                send.mutate();
              }}
            >
              {data && data.raterCount > 0 ? `Email ${plural(data.raterCount, 'rater')}` : 'Send'}
            </Button>
          </>
        }
      >
        {preview.isPending && <Loading label="Counting who would get one…" />}
        {preview.isError && <ErrorAlert error={preview.error} title="Could not tell who would get a reminder" />}
        {data && <Recipients preview={data} />}
        {data && tooSoon !== null && (
          <Alert tone="warning" title="Reminders were sent a few minutes ago" live={false}>
            {data.lastSentAt ? `The last ones went out ${formatDateTime(data.lastSentAt)}. ` : ''}To keep inboxes calm, the next can go from{' '}
            {formatDateTime(data.nextAllowedAt!)}.
          </Alert>
        )}
      </Dialog>
    </Card>
  );
}
