import { Alert, Button, Card, ErrorAlert } from '@/components/ui';
import { isApiError } from '@/api/client';
import { plural } from '@/lib/format';
import type { Cycle } from '../api/get-cycle';
import { useSendReminders } from '../api/send-reminders';

/** "Send reminder now", with what the automatic schedule already does, and a calm word when it was just used. */
export function Reminders({ cycle, pending }: { cycle: Cycle; pending: number }) {
  const send = useSendReminders(cycle.id);
  const days = cycle.settings.reminderDaysBeforeDeadline;
  const retryAfter = (send.error?.body as { retryAfterMinutes?: unknown } | undefined)?.retryAfterMinutes;
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
      <Button variant="secondary" onClick={() => send.mutate()} loading={send.isPending} loadingText="Sending…" disabled={pending === 0}>
        Send reminder now
      </Button>
    </Card>
  );
}
