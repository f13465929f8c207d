import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { Alert, Button, ButtonLink, Card, ErrorAlert, Field, PageHeader, TextAreaField } from '@/components/ui';
import { plural } from '@/lib/format';
import { importRowErrors, useImportPeople } from '../api/import-people';
import { ImportChanges, ImportErrors, ImportSummary } from '../components/ImportPreview';

const MAX_BYTES = 10 * 1024 * 1024;
const TEMPLATE = 'email,name,title,department,manager_email,role\nana@example.org,Ana Lima,Curator,Collections,,member\n';

/** Choose or paste a CSV → dry run → preview → import. Changing the CSV throws the preview away. */
export default function ImportPeoplePage() {
  const [csv, setCsv] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const check = useImportPeople();
  const apply = useImportPeople();
  const templateUrl = useMemo(() => URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv' })), []);
  useEffect(() => () => URL.revokeObjectURL(templateUrl), [templateUrl]);

  const takeCsv = (text: string, from: string | null) => {
    setCsv(text);
    setSource(from);
    check.reset();
    apply.reset();
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
  const toWrite = preview ? preview.summary.created + preview.summary.updated : 0;
  const rowErrors = preview?.errors ?? [];
  const refused = importRowErrors(apply.error);

  if (apply.isSuccess) {
    const { summary } = apply.data;
    return (
      <>
        <PageHeader title="Import people" back={{ to: '/people', label: 'People' }} />
        <Card title="Import complete">
          <Alert tone="success" title={`${plural(summary.created + summary.updated, 'person', 'people')} imported`}>
            {summary.created} added, {summary.updated} updated, {summary.unchanged} already up to date.
          </Alert>
          <ImportSummary summary={summary} />
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
              Selected: <strong>{source}</strong> ({plural(csv.split(/\r?\n/).filter(Boolean).length - 1, 'row')})
            </p>
          )}
          <div className="form__actions">
            <Button onClick={() => check.mutate({ csv, dryRun: true })} disabled={!csv.trim()} loading={check.isPending} loadingText="Checking…">
              Check file
            </Button>
          </div>
        </Card>
        <aside className="import-help card" aria-labelledby="import-help-title">
          <h2 id="import-help-title" className="card__title">
            Columns
          </h2>
          <p>The first line names the columns:</p>
          <pre className="code">email,name,title,department,manager_email,role</pre>
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
          {rowErrors.length > 0 && <ImportErrors errors={rowErrors} />}
          {refused.length > 0 && <ImportErrors errors={refused} />}
          {apply.isError && refused.length === 0 && <ErrorAlert error={apply.error} title="Nothing was imported" />}
          {preview.changes.length > 0 && <ImportChanges changes={preview.changes} />}
          {rowErrors.length === 0 && (
            <div className="import-confirm">
              {toWrite > 0 ? (
                <>
                  <Button onClick={() => apply.mutate({ csv, dryRun: false })} loading={apply.isPending} loadingText="Importing…">
                    Import {plural(toWrite, 'person', 'people')}
                  </Button>
                  <p className="muted">All rows are saved together, or none are.</p>
                </>
              ) : (
                <Alert tone="info" title="Nothing to import">
                  Everyone in this file is already up to date. <Link to="/people">Back to people</Link>
                </Alert>
              )}
            </div>
          )}
        </Card>
      )}
    </>
  );
}
