import { useId, useMemo, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { API_LIMITS } from '@/api/limits';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField, useToast } from '@/components/ui';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, msg, useT } from '@/i18n';
import { useOrganization, type OrganizationSettings } from '../api/get-organization';
import { useFrameworkOptions } from '../api/list-framework-options';
import { useUpdateOrganization } from '../api/update-organization';
import { ProvisioningCard } from '../components/ProvisioningCard';
import { SelfRequestActivity } from '../components/SelfRequestActivity';
import '../organization.css';

/** k's bounds as the API publishes them (libs/common/src/domain/anonymity-threshold.ts). */
const K = API_LIMITS.UpdateOrganizationSettingsDto.anonymityThreshold;
/** The limits of feedback people start on themselves, as the API publishes them. */
const MIN_RATERS = API_LIMITS.UpdateOrganizationSettingsDto.selfRequestMinRaters;
const MAX_BEHAVIOURS = API_LIMITS.UpdateOrganizationSettingsDto.selfRequestMaxBehaviours;
const CAP = API_LIMITS.UpdateOrganizationSettingsDto.raterOpenRequestCap;

const NUMBER_FIELDS = ['anonymityThreshold', 'selfRequestMinRaters', 'selfRequestMaxBehaviours', 'raterOpenRequestCap'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

const FIELDS = new Set(['name', 'defaultFrameworkId', 'mailSenderName', 'timeZone', 'language', 'selfRequestsEnabled', ...NUMBER_FIELDS]);

/** The limits of feedback people start on themselves: field, label, bounds and hint (which ends with the bounds). */
const SELF_REQUEST_FIELDS = [
  ['selfRequestMinRaters', msg('organisation.minRaters'), MIN_RATERS, msg('organisation.minRatersHint')],
  ['selfRequestMaxBehaviours', msg('organisation.maxBehaviours'), MAX_BEHAVIOURS, msg('organisation.maxBehavioursHint')],
  ['raterOpenRequestCap', msg('organisation.openCap'), CAP, msg('organisation.openCapHint')],
] as const;

function numbersOf(settings: OrganizationSettings): Record<NumberField, string> {
  return Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(settings[f])])) as Record<NumberField, string>;
}

/** Every time zone the browser knows, with the saved one kept even if it does not. */
function timeZones(saved: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...known, saved])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/** HR: the organisation's name, the defaults new cycles start with, the mail sender's name, the time zone and the default language. */
export default function OrganizationSettingsPage() {
  const t = useT();
  const organization = useOrganization();
  return (
    <>
      <PageHeader title={t('organisation.title')} description={t('organisation.description')} />
      {organization.error ? (
        <ErrorAlert error={organization.error} title={t('organisation.loadFailed')} />
      ) : organization.data ? (
        <>
          <SettingsForm saved={organization.data} />
          <ProvisioningCard />
        </>
      ) : (
        <Loading />
      )}
    </>
  );
}

function SettingsForm({ saved }: { saved: OrganizationSettings }) {
  const [name, setName] = useState(saved.name);
  const [numbers, setNumbers] = useState(() => numbersOf(saved));
  const [selfRequestsEnabled, setSelfRequestsEnabled] = useState(saved.selfRequestsEnabled);
  const [frameworkId, setFrameworkId] = useState(saved.defaultFrameworkId ?? '');
  const [senderName, setSenderName] = useState(saved.mailSenderName ?? '');
  const [timeZone, setTimeZone] = useState(saved.timeZone);
  const [language, setLanguage] = useState(saved.language);
  const [localErrors, setLocalErrors] = useState<Partial<Record<NumberField, string>>>({});
  const frameworks = useFrameworkOptions();
  const update = useUpdateOrganization();
  const toast = useToast();
  const t = useT();
  const zones = useMemo(() => timeZones(saved.timeZone), [saved.timeZone]);

  const fieldErrors = update.error?.fieldErrors() ?? {};
  const unplaced = update.error && !Object.keys(fieldErrors).some((f) => FIELDS.has(f));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const notWhole = Object.fromEntries(NUMBER_FIELDS.filter((f) => !/^\s*\d+\s*$/.test(numbers[f])).map((f) => [f, t('organisation.wholeNumber')]));
    setLocalErrors(notWhole);
    if (Object.keys(notWhole).length > 0) return;
    update.mutate(
      {
        name: name.trim(),
        anonymityThreshold: Number(numbers.anonymityThreshold),
        selfRequestsEnabled,
        selfRequestMinRaters: Number(numbers.selfRequestMinRaters),
        selfRequestMaxBehaviours: Number(numbers.selfRequestMaxBehaviours),
        raterOpenRequestCap: Number(numbers.raterOpenRequestCap),
        ...(frameworkId ? { defaultFrameworkId: frameworkId } : {}),
        mailSenderName: senderName.trim() || null,
        timeZone,
        language,
      },
      {
        onSuccess: (settings) => {
          // The server may lift the fewest raters along with k: show what it saved.
          setNumbers(numbersOf(settings));
          toast.show(t('organisation.saved'));
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {update.error && (
        <Alert tone="danger" title={unplaced ? t('ui.couldNotSave') : t('ui.correctFields')}>
          {unplaced ? update.error.message : t('ui.nothingSaved')}
        </Alert>
      )}
      <Card title={t('organisation.title')}>
        <div className="form__grid">
          <TextField
            label={t('organisation.name')}
            name="name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldErrors.name}
            hint={t('organisation.nameHint')}
          />
          <SelectField
            label={t('organisation.timeZone')}
            name="timeZone"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            error={fieldErrors.timeZone}
            hint={t('organisation.timeZoneHint')}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('organisation.language')}
            name="language"
            value={language}
            onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
            error={fieldErrors.language}
            hint={t('organisation.languageHint')}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <Card title={t('organisation.defaults')}>
        <div className="form__grid">
          <TextField
            label={t('organisation.k')}
            name="anonymityThreshold"
            type="number"
            inputMode="numeric"
            min={K.minimum}
            max={K.maximum}
            step={1}
            required
            value={numbers.anonymityThreshold}
            onChange={(e) => setNumbers({ ...numbers, anonymityThreshold: e.target.value })}
            error={localErrors.anonymityThreshold ?? fieldErrors.anonymityThreshold}
            hint={t('organisation.kHint', { min: K.minimum })}
          />
          <SelectField
            label={t('organisation.framework')}
            name="defaultFrameworkId"
            value={frameworkId}
            onChange={(e) => setFrameworkId(e.target.value)}
            error={fieldErrors.defaultFrameworkId}
            disabled={!frameworks.data}
            hint={<FormattedMessage id="organisation.frameworkHint" values={{ link: (chunks) => <Link to="/admin/frameworks">{chunks}</Link> }} />}
          >
            {!frameworks.data && <option value="">{frameworks.isError ? t('organisation.frameworksFailed') : t('common.loading')}</option>}
            {frameworks.data && !frameworkId && <option value="">{t('organisation.chooseFramework')}</option>}
            {frameworks.data?.items.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <Card title={t('organisation.selfRequests.title')} description={t('organisation.selfRequests.description')}>
        <EnableOption
          checked={selfRequestsEnabled}
          onChange={setSelfRequestsEnabled}
          error={fieldErrors.selfRequestsEnabled}
          hint={t('organisation.selfRequests.enableHint')}
        />
        <SelfRequestActivity />
        <div className="form__grid">
          {SELF_REQUEST_FIELDS.map(([field, label, limits, hint]) => (
            <TextField
              key={field}
              label={t(label)}
              name={field}
              type="number"
              inputMode="numeric"
              min={limits.minimum}
              max={limits.maximum}
              step={1}
              required
              value={numbers[field]}
              onChange={(e) => setNumbers({ ...numbers, [field]: e.target.value })}
              error={localErrors[field] ?? fieldErrors[field]}
              hint={t(hint, { min: limits.minimum, max: limits.maximum })}
            />
          ))}
        </div>
      </Card>
      <Card title={t('organisation.mail')}>
        <TextField
          label={t('organisation.sender')}
          name="mailSenderName"
          labelNote={t('ui.optional')}
          maxLength={100}
          value={senderName}
          onChange={(e) => setSenderName(e.target.value)}
          error={fieldErrors.mailSenderName}
          hint={t('organisation.senderHint')}
        />
      </Card>
      <div className="form__actions">
        <Button type="submit" loading={update.isPending} loadingText={t('ui.saving')}>
          {t('ui.saveSettings')}
        </Button>
      </div>
    </form>
  );
}

/** The on/off switch of self-started feedback: a checkbox with its label beside it and the explanation below. */
function EnableOption({ checked, onChange, hint, error }: { checked: boolean; onChange: (checked: boolean) => void; hint: string; error?: string }) {
  const t = useT();
  const id = useId();
  return (
    <div className="import-option settings-switch">
      <input
        id={id}
        type="checkbox"
        name="selfRequestsEnabled"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
      <div>
        <label htmlFor={id}>{t('organisation.selfRequests.enable')}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {error ?? hint}
        </p>
      </div>
    </div>
  );
}
