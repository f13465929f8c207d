import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Card, ErrorAlert, SelectField } from '@/components/ui';
import { plural } from '@/lib/format';
import { useAddSubjects } from '../api/add-subjects';
import type { Cycle } from '../api/get-cycle';
import { useDepartments } from '../api/list-departments';
import { PeoplePicker, type PickedPerson } from './PeoplePicker';

type Mode = 'people' | 'department' | 'everyone';

const MODES: [Mode, string, string][] = [
  ['people', 'Chosen people', 'Search and pick'],
  ['department', 'A department', 'Everyone in it'],
  ['everyone', 'Everyone', 'The whole organisation'],
];

/** Add subjects three ways. Adding someone already in the cycle is harmless: the result says so. */
export function AddSubjects({ cycle }: { cycle: Cycle }) {
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
        ? `Add ${plural(people.length, 'person', 'people')}`
        : 'Add people'
      : mode === 'department'
        ? 'Add department'
        : 'Add everyone';
  const result = add.data;

  const form = (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="fieldset">
        <legend className="field__label">Add</legend>
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
              <span className="segmented__label">{title}</span>
              <span className="segmented__text">{text}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'people' && <PeoplePicker value={people} onChange={setPeople} />}
      {mode === 'department' && (
        <SelectField
          label="Department"
          name="department"
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          hint="Adds everyone whose department is exactly this."
        >
          <option value="">{departments.isPending ? 'Loading…' : 'Choose a department'}</option>
          {(departments.data ?? []).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </SelectField>
      )}
      {mode === 'everyone' && (
        <p className="muted">Adds every active person in the organisation, HR included. You can remove people afterwards while the cycle is a draft.</p>
      )}
      {add.isError && <ErrorAlert error={add.error} title="Nobody was added" />}
      {result && (
        <Alert tone="success" title={`${plural(result.added, 'subject')} added`}>
          {[
            result.alreadyIncluded > 0 ? `${plural(result.alreadyIncluded, 'person was', 'people were')} already included.` : null,
            launched ? `${plural(result.requestsCreated, 'feedback request')} created.` : null,
          ]
            .filter(Boolean)
            .join(' ')}
        </Alert>
      )}
      <div className="form__actions">
        <Button type="submit" disabled={!canSubmit} loading={add.isPending} loadingText="Adding…">
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
          <summary>Add more subjects</summary>
          <div className="form">
            <p className="muted">
              The cycle is running: new subjects get their self, manager and direct-report requests at once, and their raters are invited.
            </p>
            {form}
          </div>
        </details>
      </Card>
    );
  }
  return (
    <Card title="Add subjects" description="The people who will receive feedback. You can add and remove them until you launch.">
      {form}
    </Card>
  );
}
