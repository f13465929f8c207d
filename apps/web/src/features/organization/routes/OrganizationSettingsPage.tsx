import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { API_LIMITS } from '@/api/limits';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField, useToast } from '@/components/ui';
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

const FIELDS = new Set(['name', 'defaultFrameworkId', 'mailSenderName', 'timeZone', 'selfRequestsEnabled', ...NUMBER_FIELDS]);

function numbersOf(settings: OrganizationSettings): Record<NumberField, string> {
  return Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(settings[f])])) as Record<NumberField, string>;
}

/** Every time zone the browser knows, with the saved one kept even if it does not. */
function timeZones(saved: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...known, saved])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/** HR: the organisation's name, the defaults new cycles start with, the mail sender's name and the time zone. */
export default function OrganizationSettingsPage() {
  const organization = useOrganization();
  return (
    <>
      <PageHeader
        title="Organisation"
        description="Settings for everyone in your organisation. New cycles start from these defaults; cycles already created keep their own."
      />
      {organization.error ? (
        <ErrorAlert error={organization.error} title="Could not load the organisation's settings" />
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
  const [localErrors, setLocalErrors] = useState<Partial<Record<NumberField, string>>>({});
  const frameworks = useFrameworkOptions();
  const update = useUpdateOrganization();
  const toast = useToast();
  const zones = useMemo(() => timeZones(saved.timeZone), [saved.timeZone]);

  const fieldErrors = update.error?.fieldErrors() ?? {};
  const unplaced = update.error && !Object.keys(fieldErrors).some((f) => FIELDS.has(f));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const notWhole = Object.fromEntries(NUMBER_FIELDS.filter((f) => !/^\s*\d+\s*$/.test(numbers[f])).map((f) => [f, 'Enter a whole number']));
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
      },
      {
        onSuccess: (settings) => {
          // The server may lift the fewest raters along with k: show what it saved.
          setNumbers(numbersOf(settings));
          toast.show('Organisation settings saved');
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {update.error && (
        <Alert tone="danger" title={unplaced ? 'Could not save' : 'Please correct the marked fields'}>
          {unplaced ? update.error.message : 'Nothing was saved. Each problem is described beside its field.'}
        </Alert>
      )}
      <Card title="Organisation">
        <div className="form__grid">
          <TextField
            label="Name"
            name="name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldErrors.name}
            hint="Shown to everyone in the top bar and in mails."
          />
          <SelectField
            label="Time zone"
            name="timeZone"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            error={fieldErrors.timeZone}
            hint="Deadlines are set and shown on this clock, and reminders go out at 09:00 here."
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <Card title="Defaults for new cycles">
        <div className="form__grid">
          <TextField
            label="Anonymity threshold (k)"
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
            hint={`A group's answers are shown only when at least this many people in it answered. At least ${K.minimum}.`}
          />
          <SelectField
            label="Default framework"
            name="defaultFrameworkId"
            value={frameworkId}
            onChange={(e) => setFrameworkId(e.target.value)}
            error={fieldErrors.defaultFrameworkId}
            disabled={!frameworks.data}
            hint={
              <>
                The behaviours new cycles ask about. <Link to="/admin/frameworks">See the frameworks</Link>
              </>
            }
          >
            {!frameworks.data && <option value="">{frameworks.isError ? 'Could not load frameworks' : 'Loading…'}</option>}
            {frameworks.data && !frameworkId && <option value="">Choose a framework</option>}
            {frameworks.data?.items.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <Card
        title="Feedback anyone can ask for"
        description="Anyone may ask colleagues for feedback on themselves (Ask for feedback in the menu): a small 360 on the behaviours they choose. You see only that it happened, never what it says."
      >
        <EnableOption
          checked={selfRequestsEnabled}
          onChange={setSelfRequestsEnabled}
          error={fieldErrors.selfRequestsEnabled}
          hint="Anyone may start a small 360 on themselves outside HR's cycles. Only they read the result, and whoever they share it with; HR sees only that it happened."
        />
        <SelfRequestActivity />
        <div className="form__grid">
          {(
            [
              ['selfRequestMinRaters', 'Fewest raters', MIN_RATERS, 'Never below the anonymity threshold: raising k raises this along with it.'],
              ['selfRequestMaxBehaviours', 'Most behaviours', MAX_BEHAVIOURS, 'How many behaviours one request, or a follow-up pulse, may ask about.'],
              ['raterOpenRequestCap', 'Open requests per rater', CAP, 'Nobody may be asked once this many requests, in any cycle, wait for their answer.'],
            ] as const
          ).map(([field, label, limits, hint]) => (
            <TextField
              key={field}
              label={label}
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
              hint={`${hint} ${limits.minimum}–${limits.maximum}.`}
            />
          ))}
        </div>
      </Card>
      <Card title="Mail">
        <TextField
          label="Sender name"
          name="mailSenderName"
          labelNote="(optional)"
          maxLength={100}
          value={senderName}
          onChange={(e) => setSenderName(e.target.value)}
          error={fieldErrors.mailSenderName}
          hint="The name invitations and reminders come from, e.g. “Acme People Team”. Leave empty for the server's default."
        />
      </Card>
      <div className="form__actions">
        <Button type="submit" loading={update.isPending} loadingText="Saving…">
          Save settings
        </Button>
      </div>
    </form>
  );
}

/** The on/off switch of self-started feedback: a checkbox with its label beside it and the explanation below. */
function EnableOption({ checked, onChange, hint, error }: { checked: boolean; onChange: (checked: boolean) => void; hint: string; error?: string }) {
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
        <label htmlFor={id}>People may ask for feedback on themselves</label>
        <p className="field__hint" id={`${id}-hint`}>
          {error ?? hint}
        </p>
      </div>
    </div>
  );
}
