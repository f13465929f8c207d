import { useState, type FormEvent } from 'react';
import { isApiError } from '@/api/client';
import { API_LIMITS } from '@/api/limits';
import { Alert, Badge, Button, Card, ErrorAlert, Loading, PeopleCombobox, TextField, type PersonChoice } from '@/components/ui';
import { formatDate, plural } from '@/lib/format';
import { useAskPulse, useClosePulse, usePulse, useSearchPeople, type Pulse, type PulsePage } from '../api/pulse';
import { PulseComparison } from './PulseComparison';

const WEEKS = API_LIMITS.AskPulseDto.weeks;
const MAX_ADDED = API_LIMITS.AskPulseDto.addRaterIds.maxItems;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const PROGRESS: Record<Pulse['progress'], { label: string; tone: 'neutral' | 'info' | 'success' | 'warning' }> = {
  scheduled: { label: 'Pulse asked', tone: 'info' },
  collecting: { label: 'Collecting answers', tone: 'info' },
  computing: { label: 'Closed', tone: 'info' },
  ready: { label: 'Then vs now ready', tone: 'success' },
  not_started: { label: 'Could not start', tone: 'warning' },
};

/**
 * The plan's follow-up pulse: ask for it (when, and whom to add), follow its progress, and read
 * then vs now once it is ready. Only for a saved plan: the pulse asks about the plan's behaviours.
 */
export function PulseCard({ cycleId, hasPlan, selfId }: { cycleId: string; hasPlan: boolean; selfId: string }) {
  const pulse = usePulse(cycleId, hasPlan);
  let body;
  if (!hasPlan) body = <p className="muted">Save your plan first; then you can ask for a pulse on its behaviours.</p>;
  else if (pulse.isPending) body = <Loading label="Loading your pulse…" />;
  else if (pulse.isError) body = <ErrorAlert error={pulse.error} title="Could not load your pulse" />;
  else if (!pulse.data.pulse) body = <AskForm page={pulse.data} selfId={selfId} />;
  else body = <PulseState page={pulse.data} pulse={pulse.data.pulse} />;
  return (
    <Card
      title="Follow-up pulse"
      description="Some weeks on, ask the colleagues who rated you (and anyone you add) about just these behaviours, and see then vs now."
    >
      {body}
    </Card>
  );
}

function AskForm({ page, selfId }: { page: PulsePage; selfId: string }) {
  const ask = useAskPulse(page.cycleId);
  const [weeks, setWeeks] = useState(String(page.defaultWeeks));
  const [people, setPeople] = useState<PersonChoice[]>([]);
  const [search, setSearch] = useState('');
  const found = useSearchPeople(search);
  // When the form opened: "starts at once" is decided against it, not re-read on every render.
  const [openedAt] = useState(() => Date.now());
  const n = Number(weeks);
  const startsOn = Number.isInteger(n) && n >= WEEKS.minimum && n <= WEEKS.maximum ? new Date(new Date(page.releasedAt).getTime() + n * WEEK_MS) : null;
  const atOnce = startsOn !== null && startsOn.getTime() <= openedAt;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate({ weeks: n, addRaterIds: people.map((p) => p.id) });
  };
  const fieldErrors = isApiError(ask.error) ? ask.error.fieldErrors() : {};
  return (
    <form onSubmit={submit} noValidate className="pulse-ask">
      <TextField
        label="Weeks after your report"
        type="number"
        inputMode="numeric"
        min={WEEKS.minimum}
        max={WEEKS.maximum}
        value={weeks}
        onChange={(e) => setWeeks(e.target.value)}
        error={fieldErrors.weeks ?? null}
        hint={
          startsOn === null
            ? `From ${WEEKS.minimum} to ${WEEKS.maximum} weeks.`
            : atOnce
              ? 'Those weeks have passed: the pulse starts as soon as you ask.'
              : `The pulse starts on ${formatDate(startsOn.toISOString())}.`
        }
      />
      <PeopleCombobox
        multiple
        label="Colleagues to add (optional)"
        hint={`The colleagues who rated you last time and are still here are asked again — you never learn who they are, or who answered. You may add up to ${MAX_ADDED} more; someone who already has many open requests cannot be added. The pulse needs at least ${page.threshold} colleagues to ask.`}
        placeholder={people.length >= MAX_ADDED ? '' : 'Search colleagues'}
        value={people}
        onChange={(chosen) => setPeople(chosen.slice(0, MAX_ADDED))}
        onSearch={setSearch}
        options={(found.data?.items ?? [])
          .filter((p) => p.id !== selfId)
          .map((p) => ({ id: p.id, name: p.name, detail: [p.title, p.department].filter(Boolean).join(' · ') }))}
        searching={found.isFetching}
        error={fieldErrors.addRaterIds ?? null}
      />
      <p className="muted">
        The same scale and the same anonymity: a number is shown only when at least {page.threshold} colleagues answered it, in your report and in the pulse.
      </p>
      <div className="plan-actions">
        <Button type="submit" loading={ask.isPending} loadingText="Asking…">
          Ask for a pulse
        </Button>
      </div>
      {ask.isError && <ErrorAlert error={ask.error} title="Could not ask for the pulse" />}
    </form>
  );
}

function PulseState({ page, pulse }: { page: PulsePage; pulse: Pulse }) {
  const close = useClosePulse(page.cycleId);
  const progress = PROGRESS[pulse.progress];
  const about = pulse.behaviours.map((b) => b.name).join(', ');
  return (
    <div className="pulse-state">
      <p>
        <Badge tone={progress.tone}>{progress.label}</Badge> On {about}
        {pulse.addedRaters > 0 ? `, with ${plural(pulse.addedRaters, 'colleague')} you added` : ''}.
      </p>
      {pulse.progress === 'scheduled' && <p>It starts on {formatDate(pulse.startsAt)}; your colleagues are asked then.</p>}
      {pulse.progress === 'not_started' && (
        <Alert tone="warning" title="The pulse could not start">
          {pulse.failure}
        </Alert>
      )}
      {pulse.progress === 'collecting' && (
        <>
          <p>Your colleagues are answering. Close it when you are ready to compare; it closes on its own after two weeks.</p>
          <Button variant="secondary" loading={close.isPending} onClick={() => close.mutate(undefined)}>
            Close the pulse and compare
          </Button>
          {close.isError && <ErrorAlert error={close.error} title="Could not close the pulse" />}
        </>
      )}
      {pulse.progress === 'computing' && <p>Answering has ended; then vs now is being worked out. Come back in a minute.</p>}
      {pulse.progress === 'ready' && pulse.comparison && (
        <>
          <h3 className="pulse-state__heading">Then vs now</h3>
          <PulseComparison comparison={pulse.comparison} />
        </>
      )}
    </div>
  );
}
