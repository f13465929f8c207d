import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, PeopleCombobox, TextField, type PersonChoice } from '@/components/ui';
import { useT } from '@/i18n';
import { useSignedInUser } from '@/lib/auth';
import { useSearchColleagues, useSelfRequestOptions, useStartSelfRequest, type SelfRequestOptions } from '../api/self-requests';
import '../self-requests.css';

/** The date input's value for `days` from today, on the browser's clock (the API reads it on the organisation's). */
const dayFromNow = (days: number): string => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * "Ask for feedback": anyone starts a small 360 on themselves — the behaviours they want to hear
 * about, the colleagues to ask (within the organisation's limits), a closing date. Only they read
 * the result, and whoever they share it with; HR sees only that it happened.
 */
export default function AskForFeedbackPage() {
  const options = useSelfRequestOptions();
  const t = useT();
  return (
    <>
      <PageHeader title={t('selfRequests.ask.title')} description={t('selfRequests.ask.description')} />
      {options.isPending && <Loading label={t('common.loading')} />}
      {options.isError && <ErrorAlert error={options.error} title={t('selfRequests.ask.loadFailed')} />}
      {options.data && !options.data.enabled && (
        <Alert tone="info" title={t('selfRequests.ask.off')}>
          {t('selfRequests.ask.offText')}
        </Alert>
      )}
      {options.data?.enabled && <AskForm options={options.data} />}
    </>
  );
}

function AskForm({ options }: { options: SelfRequestOptions }) {
  const me = useSignedInUser();
  const navigate = useNavigate();
  const start = useStartSelfRequest();
  const t = useT();
  const [behaviours, setBehaviours] = useState<string[]>([]);
  const [raters, setRaters] = useState<PersonChoice[]>([]);
  const [search, setSearch] = useState('');
  const [closes, setCloses] = useState(dayFromNow(14));
  const people = useSearchColleagues(search);
  const fieldErrors = isApiError(start.error) ? start.error.fieldErrors() : {};
  const full = behaviours.length >= options.maxBehaviours;
  const toggle = (key: string, on: boolean) => setBehaviours((list) => (on ? [...list, key] : list.filter((k) => k !== key)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(
      { behaviourKeys: behaviours, raterIds: raters.map((r) => r.id), responseDeadline: `${closes}T23:59` },
      { onSuccess: () => void navigate('/my-requests') },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Card title={t('selfRequests.ask.what')} description={t('selfRequests.ask.whatText', { count: options.maxBehaviours })}>
        <fieldset className="behaviour-choices" aria-describedby="behaviours-error">
          <legend className="visually-hidden">{t('selfRequests.ask.behaviours')}</legend>
          {options.behaviours.map((b) => {
            const checked = behaviours.includes(b.key);
            const id = `behaviour-${b.key}`;
            return (
              <div key={b.key} className="behaviour-choice">
                <input id={id} type="checkbox" checked={checked} disabled={!checked && full} onChange={(e) => toggle(b.key, e.target.checked)} />
                <div>
                  <label htmlFor={id}>
                    <strong>{b.name}</strong>
                  </label>
                  {b.description && <p>{b.description}</p>}
                </div>
              </div>
            );
          })}
        </fieldset>
        {fieldErrors.behaviourKeys && (
          <p className="field__error" id="behaviours-error" role="alert">
            {fieldErrors.behaviourKeys}
          </p>
        )}
      </Card>
      <Card
        title={t('selfRequests.ask.whom')}
        description={t('selfRequests.ask.whomText', { min: options.minRaters, k: options.anonymityThreshold, cap: options.raterOpenRequestCap })}
      >
        <PeopleCombobox
          multiple
          label={t('selfRequests.ask.colleagues')}
          hint={t('selfRequests.ask.chosen', { count: raters.length, min: options.minRaters })}
          placeholder={t('selfRequests.ask.search')}
          value={raters}
          onChange={setRaters}
          onSearch={setSearch}
          error={fieldErrors.raterIds}
          options={(people.data?.items ?? [])
            .filter((p) => p.id !== me.id)
            .map((p) => ({ id: p.id, name: p.name, detail: [p.title, p.department].filter(Boolean).join(' · ') }))}
          searching={people.isFetching}
        />
      </Card>
      <Card title={t('selfRequests.ask.when')} description={t('selfRequests.ask.whenText', { days: options.maxDays })}>
        <TextField
          label={t('selfRequests.ask.closingDate')}
          name="responseDeadline"
          type="date"
          min={dayFromNow(1)}
          max={dayFromNow(options.maxDays)}
          value={closes}
          onChange={(e) => setCloses(e.target.value)}
          error={fieldErrors.responseDeadline}
        />
      </Card>
      {start.isError && !Object.keys(fieldErrors).length && <ErrorAlert error={start.error} title={t('selfRequests.ask.sendFailed')} />}
      <div className="form__actions">
        <Button type="submit" loading={start.isPending} loadingText={t('selfRequests.ask.sending')}>
          {t('selfRequests.ask.submit')}
        </Button>
      </div>
    </form>
  );
}
