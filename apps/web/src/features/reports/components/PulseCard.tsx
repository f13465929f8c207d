import { useState, type FormEvent } from 'react';
import { isApiError } from '@/api/client';
import { API_LIMITS } from '@/api/limits';
import { Alert, Badge, Button, Card, ErrorAlert, Loading, PeopleCombobox, TextField, type PersonChoice } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { msg, useT, type MessageId } from '@/i18n';
import { useAskPulse, useClosePulse, usePulse, useSearchPeople, type Pulse, type PulsePage } from '../api/pulse';
import { PulseComparison } from './PulseComparison';

const WEEKS = API_LIMITS.AskPulseDto.weeks;
const MAX_ADDED = API_LIMITS.AskPulseDto.addRaterIds.maxItems;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const PROGRESS: Record<Pulse['progress'], { label: MessageId; tone: 'neutral' | 'info' | 'success' | 'warning' }> = {
  scheduled: { label: msg('reports.pulse.scheduled'), tone: 'info' },
  collecting: { label: msg('reports.pulse.collecting'), tone: 'info' },
  computing: { label: msg('reports.pulse.computing'), tone: 'info' },
  ready: { label: msg('reports.pulse.ready'), tone: 'success' },
  not_started: { label: msg('reports.pulse.notStarted'), tone: 'warning' },
};

/**
 * The plan's follow-up pulse: ask for it (when, and whom to add), follow its progress, and read
 * then vs now once it is ready. Only for a saved plan: the pulse asks about the plan's behaviours.
 */
export function PulseCard({ cycleId, hasPlan, selfId }: { cycleId: string; hasPlan: boolean; selfId: string }) {
  const pulse = usePulse(cycleId, hasPlan);
  const t = useT();
  let body;
  if (!hasPlan) body = <p className="muted">{t('reports.pulse.saveFirst')}</p>;
  else if (pulse.isPending) body = <Loading label={t('reports.pulse.loading')} />;
  else if (pulse.isError) body = <ErrorAlert error={pulse.error} title={t('reports.pulse.loadFailed')} />;
  else if (!pulse.data.pulse) body = <AskForm page={pulse.data} selfId={selfId} />;
  else body = <PulseState page={pulse.data} pulse={pulse.data.pulse} />;
  return (
    <Card title={t('reports.pulse.title')} description={t('reports.pulse.description')}>
      {body}
    </Card>
  );
}

function AskForm({ page, selfId }: { page: PulsePage; selfId: string }) {
  const ask = useAskPulse(page.cycleId);
  const t = useT();
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
        label={t('reports.pulse.weeks')}
        type="number"
        inputMode="numeric"
        min={WEEKS.minimum}
        max={WEEKS.maximum}
        value={weeks}
        onChange={(e) => setWeeks(e.target.value)}
        error={fieldErrors.weeks ?? null}
        hint={
          startsOn === null
            ? t('reports.pulse.weeksRange', { min: WEEKS.minimum, max: WEEKS.maximum })
            : atOnce
              ? t('reports.pulse.atOnce')
              : t('reports.pulse.startsOn', { date: formatDate(startsOn.toISOString()) })
        }
      />
      <PeopleCombobox
        multiple
        label={t('reports.pulse.addPeople')}
        hint={t('reports.pulse.addPeopleHint', { max: MAX_ADDED, k: page.threshold })}
        placeholder={people.length >= MAX_ADDED ? '' : t('reports.pulse.search')}
        value={people}
        onChange={(chosen) => setPeople(chosen.slice(0, MAX_ADDED))}
        onSearch={setSearch}
        options={(found.data?.items ?? [])
          .filter((p) => p.id !== selfId)
          .map((p) => ({ id: p.id, name: p.name, detail: [p.title, p.department].filter(Boolean).join(' · ') }))}
        searching={found.isFetching}
        error={fieldErrors.addRaterIds ?? null}
      />
      <p className="muted">{t('reports.pulse.sameRules', { k: page.threshold })}</p>
      <div className="plan-actions">
        <Button type="submit" loading={ask.isPending} loadingText={t('reports.pulse.asking')}>
          {t('reports.pulse.ask')}
        </Button>
      </div>
      {ask.isError && <ErrorAlert error={ask.error} title={t('reports.pulse.askFailed')} />}
    </form>
  );
}

function PulseState({ page, pulse }: { page: PulsePage; pulse: Pulse }) {
  const close = useClosePulse(page.cycleId);
  const t = useT();
  const progress = PROGRESS[pulse.progress];
  const about = pulse.behaviours.map((b) => b.name).join(', ');
  return (
    <div className="pulse-state">
      <p>
        <Badge tone={progress.tone}>{t(progress.label)}</Badge>{' '}
        {pulse.addedRaters > 0
          ? t('reports.pulse.aboutAdded', { behaviours: about, count: pulse.addedRaters })
          : t('reports.pulse.about', { behaviours: about })}
      </p>
      {pulse.progress === 'scheduled' && <p>{t('reports.pulse.startsAt', { date: formatDate(pulse.startsAt) })}</p>}
      {pulse.progress === 'not_started' && (
        <Alert tone="warning" title={t('reports.pulse.couldNotStart')}>
          {pulse.failure === 'too_few_raters'
            ? t('reports.pulse.failure.too_few_raters', { k: page.threshold })
            : pulse.failure === 'no_longer_member'
              ? t('reports.pulse.failure.no_longer_member')
              : t('reports.pulse.failure.cannot_start')}
        </Alert>
      )}
      {pulse.progress === 'collecting' && (
        <>
          <p>{t('reports.pulse.answering')}</p>
          <Button variant="secondary" loading={close.isPending} onClick={() => close.mutate(undefined)}>
            {t('reports.pulse.close')}
          </Button>
          {close.isError && <ErrorAlert error={close.error} title={t('reports.pulse.closeFailed')} />}
        </>
      )}
      {pulse.progress === 'computing' && <p>{t('reports.pulse.computingText')}</p>}
      {pulse.progress === 'ready' && pulse.comparison && (
        <>
          <h3 className="pulse-state__heading">{t('reports.pulse.thenVsNow')}</h3>
          <PulseComparison comparison={pulse.comparison} />
        </>
      )}
    </div>
  );
}
