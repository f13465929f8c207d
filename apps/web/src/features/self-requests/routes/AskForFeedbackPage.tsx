import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, PeopleCombobox, TextField, type PersonChoice } from '@/components/ui';
import { useSignedInUser } from '@/lib/auth';
import { plural } from '@/lib/format';
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
  return (
    <>
      <PageHeader
        title="Ask for feedback"
        description="Leadership is a choice anyone can make. Ask colleagues how your influence lands on the behaviours you choose: only you read the result."
      />
      {options.isPending && <Loading label="Loading…" />}
      {options.isError && <ErrorAlert error={options.error} title="Could not load the options" />}
      {options.data && !options.data.enabled && (
        <Alert tone="info" title="Not available in your organisation">
          Your organisation has turned off feedback people ask for themselves. HR can turn it on in the organisation settings.
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
      <Card
        title="What would you like to hear about?"
        description={`Choose up to ${plural(options.maxBehaviours, 'behaviour')}. Your colleagues answer only these statements, and your report shows only these.`}
      >
        <fieldset className="behaviour-choices" aria-describedby="behaviours-error">
          <legend className="visually-hidden">Behaviours</legend>
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
        title="Whom will you ask?"
        description={`Ask at least ${options.minRaters} colleagues: answers are shown only as groups of at least ${options.anonymityThreshold}, never one person's. Your own view is asked too, separately. Nobody can be asked once ${options.raterOpenRequestCap} requests wait for their answer, so nobody is flooded.`}
      >
        <PeopleCombobox
          multiple
          label="Colleagues"
          hint={`${plural(raters.length, 'colleague')} chosen of at least ${options.minRaters}. Type a name, then pick from the list.`}
          placeholder="Search colleagues"
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
      <Card title="When does it close?" description={`Within ${options.maxDays} days. You can close it earlier yourself once enough colleagues have answered.`}>
        <TextField
          label="Closing date"
          name="responseDeadline"
          type="date"
          min={dayFromNow(1)}
          max={dayFromNow(options.maxDays)}
          value={closes}
          onChange={(e) => setCloses(e.target.value)}
          error={fieldErrors.responseDeadline}
        />
      </Card>
      {start.isError && !Object.keys(fieldErrors).length && <ErrorAlert error={start.error} title="Could not send your request" />}
      <div className="form__actions">
        <Button type="submit" loading={start.isPending} loadingText="Sending…">
          Ask for feedback
        </Button>
      </div>
    </form>
  );
}
