import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { Alert, Button, ButtonLink, Card, ErrorAlert, Field, PageHeader, TextAreaField } from '@/components/ui';
import { plural } from '@/lib/format';
import { importRowErrors, useImportPeople } from '../api/import-people';
import { ImportLeavers, ImportReturners } from '../components/ImportLeavers';
import { ImportOption } from '../components/ImportOption';
import { ImportChanges, ImportErrors, ImportSummary } from '../components/ImportPreview';

const MAX_BYTES = 10 * 1024 * 1024;
const TEMPLATE = 'email,name,title,department,manager_email,role,active\nana@example.org,Ana Lima,Curator,Collections,,member,true\n';

/** Choose or paste a CSV → dry run → preview → import. Changing the CSV throws the preview away. */
export default function ImportPeoplePage() {
  const [csv, setCsv] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [missingHaveLeft, setMissingHaveLeft] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const check = useImportPeople();
  const apply = useImportPeople();
  const templateUrl = useMemo(() => URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv' })), []);
  useEffect(() => () => URL.revokeObjectURL(templateUrl), [templateUrl]);

  const forgetPreview = () => {
    check.reset();
    apply.reset();
    setConfirmed(false);
  };
  const takeCsv = (text: string, from: string | null) => {
    setCsv(text);
    setSource(from);
    forgetPreview();
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError('The file is larger than 10 MB. Split it into smaller files.');
      return;
    }
    takeCsv(await file.text(), file.name);
  };

  const preview = check.data;
  const toWrite = preview ? preview.summary.created + preview.summary.updated + preview.summary.deactivated + preview.summary.reactivated : 0;
  const needsConfirmation = preview?.confirmationRequired ?? false;
  const rowErrors = preview?.errors ?? [];
  const refused = importRowErrors(apply.error);

  if (apply.isSuccess) {
    const { summary, leavers, returners, activePeople } = apply.data;
    return (
      <>
        <PageHeader title="Import people" back={{ to: '/people', label: 'People' }} />
        <Card title="Import complete">
          <Alert
            tone="success"
            title={[
              `${plural(summary.created + summary.updated, 'person', 'people')} imported`,
              summary.deactivated > 0 && `${summary.deactivated} deactivated`,
              summary.reactivated > 0 && `${summary.reactivated} back`,
            ]
              .filter(Boolean)
              .join(', ')}
          >
            {summary.created} added, {summary.updated} updated, {summary.unchanged} already up to date
            {summary.deactivated ? `, ${summary.deactivated} deactivated` : ''}
            {summary.reactivated ? `, ${summary.reactivated} back` : ''}.
          </Alert>
          <ImportSummary summary={summary} />
          {leavers.length > 0 && <ImportLeavers leavers={leavers} activePeople={activePeople} applied />}
          {returners.length > 0 && <ImportReturners returners={returners} applied />}
          <div className="form__actions">
            <ButtonLink to="/people" variant="primary">
              View people
            </ButtonLink>
            <Button variant="secondary" onClick={() => takeCsv('', null)}>
              Import another file
            </Button>
          </div>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Import people"
        description="Add and update many people at once from a CSV file. You see every change before anything is saved."
        back={{ to: '/people', label: 'People' }}
      />
      <div className="import-layout">
        <Card title="1. Choose a file" className="import-source">
          <Field label="CSV file" error={fileError} hint="Up to 10,000 rows. People are matched by email: new emails are added, known ones updated.">
            {(control) => <input {...control} className="input input--file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e)} />}
          </Field>
          <details className="disclosure">
            <summary>Or paste the CSV text</summary>
            <TextAreaField
              label="CSV text"
              rows={8}
              spellCheck={false}
              className="field--mono"
              value={csv}
              onChange={(e) => takeCsv(e.target.value, null)}
              placeholder={TEMPLATE}
            />
          </details>
          {source && (
            <p className="import-source__file">
              Selected: <strong>{source}</strong>
            </p>
          )}
          <ImportOption
            label="People missing from this file have left"
            hint="Use this with a full list of everyone who works here. Every active person who is not in the file, nor named in it as someone's manager, is deactivated, as from their page: they can no longer sign in, get no mail, and their direct reports move to their manager. You yourself never are. You see the list before anything changes."
            checked={missingHaveLeft}
            onChange={(checked) => {
              setMissingHaveLeft(checked);
              forgetPreview();
            }}
          />
          <div className="form__actions">
            <Button
              onClick={() => check.mutate({ csv, dryRun: true, missingHaveLeft })}
              disabled={!csv.trim()}
              loading={check.isPending}
              loadingText="Checking…"
            >
              Check file
            </Button>
          </div>
        </Card>
        <aside className="import-help card" aria-labelledby="import-help-title">
          <h2 id="import-help-title" className="card__title">
            Columns
          </h2>
          <p>The first line names the columns:</p>
          <pre className="code">email,name,title,department,manager_email,role,active</pre>
          <ul className="plain-list">
            <li>
              <strong>email</strong> and <strong>name</strong> are required.
            </li>
            <li>
              <strong>manager_email</strong> must be someone in the file or already in Ripple.
            </li>
            <li>
              <strong>role</strong> is <code>member</code> (the default) or <code>admin</code>.
            </li>
            <li>
              <strong>active</strong> is <code>true</code> or <code>false</code> (<code>yes</code>/<code>no</code> and <code>1</code>/<code>0</code> work too):{' '}
              <code>false</code> deactivates someone, <code>true</code> brings back someone who had left, empty changes nothing. A new person with{' '}
              <code>false</code> is added as having left.
            </li>
            <li>A missing optional column leaves existing values alone.</li>
          </ul>
          <a href={templateUrl} download="ripple-people-template.csv">
            Download a template
          </a>
        </aside>
      </div>

      {check.isError && <ErrorAlert error={check.error} title="The file could not be checked" />}

      {preview && (
        <Card
          title="2. Review the changes"
          description={`${plural(preview.summary.total, 'row')} read${source ? ` from ${source}` : ''}.`}
          className="import-preview"
        >
          <ImportSummary summary={preview.summary} />
          {preview.importerKept && (
            <Alert tone="info" title="You stay" live={false}>
              You are not in this file, but an import never deactivates the person running it.
            </Alert>
          )}
          {rowErrors.length > 0 && <ImportErrors errors={rowErrors} />}
          {rowErrors.length === 0 && preview.leavers.length > 0 && <ImportLeavers leavers={preview.leavers} activePeople={preview.activePeople} />}
          {rowErrors.length === 0 && preview.returners.length > 0 && <ImportReturners returners={preview.returners} />}
          {refused.length > 0 && <ImportErrors errors={refused} />}
          {apply.isError && refused.length === 0 && <ErrorAlert error={apply.error} title="Nothing was imported" />}
          {preview.changes.length > 0 && (
            <ImportChanges changes={preview.changes} leaving={preview.leavers} returning={preview.returners} errors={[...rowErrors, ...refused]} />
          )}
          {rowErrors.length === 0 && (
            <div className="import-confirm">
              {toWrite > 0 ? (
                <>
                  {needsConfirmation && (
                    <ImportOption
                      label={`Yes, these ${preview.leavers.length} people have left`}
                      hint={`That is more than half of the ${preview.activePeople} active people. If the file is only part of your staff list, untick "People missing from this file have left" instead.`}
                      checked={confirmed}
                      onChange={setConfirmed}
                    />
                  )}
                  <Button
                    onClick={() =>
                      apply.mutate({ csv, dryRun: false, missingHaveLeft, confirmLeavers: needsConfirmation ? preview.leavers.length : undefined })
                    }
                    disabled={needsConfirmation && !confirmed}
                    loading={apply.isPending}
                    loadingText="Importing…"
                  >
                    {preview.leavers.length > 0
                      ? `Import and deactivate ${plural(preview.leavers.length, 'person', 'people')}`
                      : `Import ${plural(toWrite, 'person', 'people')}`}
                  </Button>
                  <p className="muted">All rows are saved together, or none are.</p>
                </>
              ) : (
                <Alert tone="info" title="Nothing to import">
                  Everyone in this file is already up to date{missingHaveLeft ? ', and nobody active is missing from it' : ''}.{' '}
                  <Link to="/people">Back to people</Link>
                </Alert>
              )}
            </div>
          )}
        </Card>
      )}
    </>
  );
}
