import { useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, ButtonLink, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField, useToast } from '@/components/ui';
import { useT } from '@/i18n';
import { useCreateCycle } from '../api/create-cycle';
import { useOrganizationDefaults, type OrganizationDefaults } from '../api/get-organization-defaults';
import { useFrameworkOptions } from '../api/list-framework-options';
import { CycleSettingsFields } from '../components/CycleSettingsFields';
import { defaultSettingsValues, parseSettings, settingErrors, type SettingName, type SettingsValues } from '../components/settings-values';
import '../cycles.css';

/** A draft cycle: name, framework and settings, with the organisation's defaults prefilled. Subjects come next, on the cycle's page. */
export default function NewCyclePage() {
  const t = useT();
  const defaults = useOrganizationDefaults();
  if (defaults.error) return <ErrorAlert error={defaults.error} title={t('cycles.new.defaultsFailed')} />;
  if (!defaults.data) return <Loading />;
  return <NewCycleForm defaults={defaults.data} />;
}

function NewCycleForm({ defaults }: { defaults: OrganizationDefaults }) {
  const t = useT();
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
    if (!name.trim()) local.name = t('cycles.form.nameMissing');
    setLocalErrors(local);
    if (Object.keys(local).length) {
      create.reset();
      return;
    }
    create.mutate(
      { name: name.trim(), ...(chosenFramework ? { frameworkId: chosenFramework } : {}), settings: parsed.settings },
      {
        onSuccess: (cycle) => {
          toast.show(t('cycles.new.created', { name: cycle.name }));
          void navigate(`/cycles/${cycle.id}`);
        },
      },
    );
  };

  const hasErrors = Object.keys(localErrors).length > 0 || create.isError;
  return (
    <>
      <PageHeader title={t('cycles.new.title')} description={t('cycles.new.description')} back={{ to: '/cycles', label: t('cycles.list.title') }} />
      <form className="form cycle-form" onSubmit={submit} noValidate>
        {hasErrors && (
          <Alert tone="danger" title={unplaced ? t('cycles.new.notCreated') : t('cycles.new.correct')}>
            {unplaced ? create.error?.message : t('cycles.new.nothingSaved')}
          </Alert>
        )}
        <Card title={t('cycles.form.basics')}>
          <div className="form__grid">
            <TextField
              label={t('cycles.form.name')}
              name="name"
              required
              maxLength={200}
              placeholder={t('cycles.new.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={localErrors.name ?? apiErrors.name}
            />
            <SelectField
              label={t('cycles.form.framework')}
              name="frameworkId"
              value={chosenFramework}
              onChange={(e) => setFrameworkId(e.target.value)}
              error={apiErrors.frameworkId}
              disabled={!frameworks.data}
              hint={<FormattedMessage id="cycles.new.frameworkHint" values={{ link: (chunks) => <Link to="/admin/frameworks">{chunks}</Link> }} />}
            >
              {!frameworks.data && <option value="">{frameworks.isError ? t('cycles.new.frameworksFailed') : t('common.loading')}</option>}
              {frameworks.data?.items.map((f) => (
                <option key={f.id} value={f.id}>
                  {t('cycles.new.frameworkOption', { name: f.name, version: f.latestVersion })}
                </option>
              ))}
            </SelectField>
          </div>
        </Card>
        <CycleSettingsFields values={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} errors={errors} />
        <div className="form__actions form__actions--sticky">
          <Button type="submit" loading={create.isPending} loadingText={t('cycles.new.creating')}>
            {t('cycles.new.create')}
          </Button>
          <ButtonLink to="/cycles" variant="ghost">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
