import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Card, ErrorAlert, SelectField } from '@/components/ui';
import { msg, useT, type MessageId } from '@/i18n';
import { useAddSubjects } from '../api/add-subjects';
import type { Cycle } from '../api/get-cycle';
import { useDepartments } from '../api/list-departments';
import { PeoplePicker, type PickedPerson } from './PeoplePicker';

type Mode = 'people' | 'department' | 'everyone';

const MODES: [Mode, MessageId, MessageId][] = [
  ['people', msg('cycles.add.people'), msg('cycles.add.peopleText')],
  ['department', msg('cycles.add.department'), msg('cycles.add.departmentText')],
  ['everyone', msg('cycles.add.everyone'), msg('cycles.add.everyoneText')],
];

/** Add subjects three ways. Adding someone already in the cycle is harmless: the result says so. */
export function AddSubjects({ cycle }: { cycle: Cycle }) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('people');
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [department, setDepartment] = useState('');
  const departments = useDepartments();
  const add = useAddSubjects(cycle.id);
  const modeName = useId();
  const launched = cycle.state !== 'draft';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = mode === 'people' ? { personIds: people.map((p) => p.id) } : mode === 'department' ? { department } : { everyone: true as const };
    add.mutate(body, {
      onSuccess: () => {
        if (mode === 'people') setPeople([]);
      },
    });
  };

  const canSubmit = mode === 'people' ? people.length > 0 : mode === 'department' ? department !== '' : true;
  const label =
    mode === 'people'
      ? people.length
        ? t('cycles.add.addCount', { count: people.length })
        : t('cycles.add.addPeople')
      : mode === 'department'
        ? t('cycles.add.addDepartment')
        : t('cycles.add.addEveryone');
  const result = add.data;

  const form = (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="fieldset">
        <legend className="field__label">{t('cycles.add.legend')}</legend>
        <div className="segmented segmented--3">
          {MODES.map(([value, title, text]) => (
            <label key={value} className={`segmented__option${mode === value ? ' is-checked' : ''}`}>
              <input
                type="radio"
                name={modeName}
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value);
                  add.reset();
                }}
              />
              <span className="segmented__label">{t(title)}</span>
              <span className="segmented__text">{t(text)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'people' && <PeoplePicker value={people} onChange={setPeople} />}
      {mode === 'department' && (
        <SelectField
          label={t('cycles.add.departmentLabel')}
          name="department"
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          hint={t('cycles.add.departmentHint')}
        >
          <option value="">{departments.isPending ? t('cycles.add.loading') : t('cycles.add.chooseDepartment')}</option>
          {(departments.data ?? []).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </SelectField>
      )}
      {mode === 'everyone' && <p className="muted">{t('cycles.add.everyoneNote')}</p>}
      {add.isError && <ErrorAlert error={add.error} title={t('cycles.add.failed')} />}
      {result && (
        <Alert tone="success" title={t('cycles.add.added', { count: result.added })}>
          {[
            result.alreadyIncluded > 0 ? t('cycles.add.alreadyIncluded', { count: result.alreadyIncluded }) : null,
            launched ? t('cycles.add.requestsCreated', { count: result.requestsCreated }) : null,
          ]
            .filter(Boolean)
            .join(' ')}
        </Alert>
      )}
      <div className="form__actions">
        <Button type="submit" disabled={!canSubmit} loading={add.isPending} loadingText={t('cycles.add.adding')}>
          {label}
        </Button>
      </div>
    </form>
  );

  // Once the cycle runs, adding people is the exception: folded away until asked for.
  if (launched) {
    return (
      <Card className="card--flush">
        <details className="disclosure cy-add-more">
          <summary>{t('cycles.add.more')}</summary>
          <div className="form">
            <p className="muted">{t('cycles.add.runningNote')}</p>
            {form}
          </div>
        </details>
      </Card>
    );
  }
  return (
    <Card title={t('cycles.add.title')} description={t('cycles.add.description')}>
      {form}
    </Card>
  );
}
