import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, SelectField, TextField, useToast } from '@/components/ui';
import { useT } from '@/i18n';
import type { Cycle } from '../api/get-cycle';
import { useCycle } from '../api/get-cycle';
import { useFrameworkOptions } from '../api/list-framework-options';
import { useUpdateCycle, type UpdateCycleInput } from '../api/update-cycle';
import { CycleSettingsFields } from '../components/CycleSettingsFields';
import { LockedSetting } from '../components/LockedSetting';
import { parseSettings, settingErrors, settingsValuesOf, type ParsedSettings, type SettingName, type SettingsValues } from '../components/settings-values';

function SettingsForm({ cycle }: { cycle: Cycle }) {
  const t = useT();
  const [name, setName] = useState(cycle.name);
  const [frameworkId, setFrameworkId] = useState(cycle.frameworkId);
  const [values, setValues] = useState<SettingsValues>(() => settingsValuesOf(cycle.settings));
  const [localErrors, setLocalErrors] = useState<Partial<Record<SettingName | 'name', string>>>({});
  const update = useUpdateCycle();
  const frameworks = useFrameworkOptions();
  const toast = useToast();
  const draft = cycle.state === 'draft';
  const editable = new Set(cycle.editableSettings);
  const isLocked = (field: SettingName) => !editable.has(field);

  const apiErrors = update.error?.fieldErrors() ?? {};
  const errors = { ...settingErrors(apiErrors), ...localErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSettings(values, cycle.settings);
    const local: typeof localErrors = Object.fromEntries(Object.entries(parsed.errors).filter(([field]) => editable.has(field)));
    if (!name.trim()) local.name = t('cycles.form.nameMissing');
    setLocalErrors(local);
    if (Object.keys(local).length) return update.reset();
    // Only the settings that may change: the API merges them into the rest.
    const changes = Object.fromEntries(Object.entries(parsed.settings).filter(([field]) => editable.has(field))) as Partial<ParsedSettings>;
    update.mutate(
      {
        id: cycle.id,
        name: name.trim(),
        ...(draft && frameworkId !== cycle.frameworkId ? { frameworkId } : {}),
        // The generated type marks every setting required (they have defaults); the API takes a partial patch.
        settings: changes as UpdateCycleInput['settings'],
      },
      {
        onSuccess: (saved) => {
          setValues(settingsValuesOf(saved.settings));
          toast.show(t('cycles.settings.saved'));
        },
      },
    );
  };

  return (
    <form className="form cycle-form" onSubmit={submit} noValidate>
      {!draft && (
        <Alert tone="info" title={editable.size ? t('cycles.settings.someLocked') : t('cycles.settings.allLocked')} live={false}>
          {editable.size ? t('cycles.settings.someLockedText') : t('cycles.settings.allLockedText')}
        </Alert>
      )}
      {(update.isError || Object.keys(localErrors).length > 0) && (
        <Alert tone="danger" title={t('cycles.settings.notSaved')}>
          {update.error && Object.keys(apiErrors).length === 0 ? update.error.message : t('cycles.settings.besideField')}
        </Alert>
      )}
      <Card title={t('cycles.form.basics')}>
        <div className="form__grid">
          <TextField
            label={t('cycles.form.name')}
            name="name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={localErrors.name ?? apiErrors.name}
          />
          {draft ? (
            <SelectField
              label={t('cycles.form.framework')}
              name="frameworkId"
              value={frameworkId}
              onChange={(e) => setFrameworkId(e.target.value)}
              error={apiErrors.frameworkId}
              hint={t('cycles.settings.frameworkHint')}
            >
              {(frameworks.data?.items ?? [{ id: cycle.frameworkId, name: cycle.frameworkName, latestVersion: cycle.frameworkVersion }]).map((f) => (
                <option key={f.id} value={f.id}>
                  {t('cycles.settings.frameworkOption', { name: f.name, version: f.latestVersion })}
                </option>
              ))}
            </SelectField>
          ) : (
            <LockedSetting
              label={t('cycles.form.framework')}
              value={t('cycles.settings.frameworkValue', { name: cycle.frameworkName, version: cycle.frameworkVersion })}
              reason={t('cycles.settings.frameworkFrozen')}
            />
          )}
        </div>
      </Card>
      <CycleSettingsFields
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        errors={errors}
        isLocked={isLocked}
        saved={cycle.settings}
      />
      <div className="form__actions">
        <Button type="submit" loading={update.isPending} loadingText={t('cycles.settings.saving')}>
          {t('cycles.settings.save')}
        </Button>
      </div>
    </form>
  );
}

/** The cycle's settings: everything editable in draft; afterwards, until close, only what exposes nobody (deadlines, reminders, the heatmap's minimum). */
export default function CycleSettingsPage() {
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  if (!cycle.data) return null;
  // Re-mount the form when the state changes, so locks and values follow a launch or a close.
  return (
    <div className="tab-panel">
      <SettingsForm key={`${cycle.data.id}:${cycle.data.state}`} cycle={cycle.data} />
    </div>
  );
}
