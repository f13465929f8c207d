import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, ButtonLink, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField, useToast } from '@/components/ui';
import { useCreateCycle } from '../api/create-cycle';
import { useOrganizationDefaults, type OrganizationDefaults } from '../api/get-organization-defaults';
import { useFrameworkOptions } from '../api/list-framework-options';
import { CycleSettingsFields } from '../components/CycleSettingsFields';
import { defaultSettingsValues, parseSettings, settingErrors, type SettingName, type SettingsValues } from '../components/settings-values';
import '../cycles.css';

/** A draft cycle: name, framework and settings, with the organisation's defaults prefilled. Subjects come next, on the cycle's page. */
export default function NewCyclePage() {
  const defaults = useOrganizationDefaults();
  if (defaults.error) return <ErrorAlert error={defaults.error} title="Could not load the organisation's defaults" />;
  if (!defaults.data) return <Loading />;
  return <NewCycleForm defaults={defaults.data} />;
}

function NewCycleForm({ defaults }: { defaults: OrganizationDefaults }) {
  const [name, setName] = useState('');
  const [frameworkId, setFrameworkId] = useState(defaults.defaultFrameworkId ?? '');
  const [values, setValues] = useState<SettingsValues>(() => defaultSettingsValues(defaults.anonymityThreshold));
  const [localErrors, setLocalErrors] = useState<Partial<Record<SettingName | 'name', string>>>({});
  const frameworks = useFrameworkOptions();
  const create = useCreateCycle();
  const navigate = useNavigate();
  const toast = useToast();

  const chosenFramework = frameworkId || frameworks.data?.items[0]?.id || '';
  const apiErrors = create.error?.fieldErrors() ?? {};
  const errors = { ...settingErrors(apiErrors), ...localErrors };
  const placed = new Set<string>(['name', 'frameworkId', ...Object.keys(settingErrors(apiErrors))]);
  const unplaced = create.error && !Object.keys(apiErrors).some((f) => placed.has(f));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSettings(values);
    const local: typeof localErrors = { ...parsed.errors };
    if (!name.trim()) local.name = 'Give the cycle a name';
    setLocalErrors(local);
    if (Object.keys(local).length) {
      create.reset();
      return;
    }
    create.mutate(
      { name: name.trim(), ...(chosenFramework ? { frameworkId: chosenFramework } : {}), settings: parsed.settings },
      {
        onSuccess: (cycle) => {
          toast.show(`Created “${cycle.name}”. Now add the people to review.`);
          void navigate(`/cycles/${cycle.id}`);
        },
      },
    );
  };

  const hasErrors = Object.keys(localErrors).length > 0 || create.isError;
  return (
    <>
      <PageHeader
        title="New cycle"
        description="Set up a feedback round. It stays a draft until you launch it: nobody is asked anything before then."
        back={{ to: '/cycles', label: 'Cycles' }}
      />
      <form className="form cycle-form" onSubmit={submit} noValidate>
        {hasErrors && (
          <Alert tone="danger" title={unplaced ? 'The cycle was not created' : 'Please correct the marked fields'}>
            {unplaced ? create.error?.message : 'Nothing was saved. Each problem is described beside its field.'}
          </Alert>
        )}
        <Card title="Basics">
          <div className="form__grid">
            <TextField
              label="Name"
              name="name"
              required
              maxLength={200}
              placeholder="e.g. Spring 2026 feedback"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={localErrors.name ?? apiErrors.name}
            />
            <SelectField
              label="Framework"
              name="frameworkId"
              value={chosenFramework}
              onChange={(e) => setFrameworkId(e.target.value)}
              error={apiErrors.frameworkId}
              disabled={!frameworks.data}
              hint={
                <>
                  The behaviours raters are asked about. <Link to="/admin/frameworks">See the frameworks</Link>
                </>
              }
            >
              {!frameworks.data && <option value="">{frameworks.isError ? 'Could not load frameworks' : 'Loading…'}</option>}
              {frameworks.data?.items.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} · version {f.latestVersion}
                </option>
              ))}
            </SelectField>
          </div>
        </Card>
        <CycleSettingsFields values={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} errors={errors} />
        <div className="form__actions form__actions--sticky">
          <Button type="submit" loading={create.isPending} loadingText="Creating…">
            Create draft cycle
          </Button>
          <ButtonLink to="/cycles" variant="ghost">
            Cancel
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
