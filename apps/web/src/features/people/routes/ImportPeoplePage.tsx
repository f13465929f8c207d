import { useEffect, useMemo, useState, type ChangeEvent, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { Alert, Button, ButtonLink, Card, ErrorAlert, Field, PageHeader, TextAreaField } from '@/components/ui';
import { useT } from '@/i18n';
import { importRowErrors, useImportPeople } from '../api/import-people';
import { ImportLeavers, ImportReturners } from '../components/ImportLeavers';
import { ImportOption } from '../components/ImportOption';
import { ImportChanges, ImportErrors, ImportSummary } from '../components/ImportPreview';

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 10_000;
const COLUMNS = 'email,name,title,department,manager_email,role,active'; // i18n-exempt: the CSV format's own column names
const TEMPLATE = `${COLUMNS}\nana@example.org,Ana Lima,Curator,Collections,,member,true\n`; // i18n-exempt: an example row
const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
const code = (chunks: ReactNode[]) => <code>{chunks}</code>;

/** Choose or paste a CSV → dry run → preview → import. Changing the CSV throws the preview away. */
export default function ImportPeoplePage() {
  const t = useT();
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
      setFileError(t('people.import.tooLarge'));
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
        <PageHeader title={t('people.import.title')} back={{ to: '/people', label: t('people.title') }} />
        <Card title={t('people.import.complete')}>
          <Alert
            tone="success"
            title={t('people.import.completeTitle', {
              imported: summary.created + summary.updated,
              deactivated: summary.deactivated,
              reactivated: summary.reactivated,
            })}
          >
            {t('people.import.completeText', {
              created: summary.created,
              updated: summary.updated,
              unchanged: summary.unchanged,
              deactivated: summary.deactivated,
              reactivated: summary.reactivated,
            })}
          </Alert>
          <ImportSummary summary={summary} />
          {leavers.length > 0 && <ImportLeavers leavers={leavers} activePeople={activePeople} applied />}
          {returners.length > 0 && <ImportReturners returners={returners} applied />}
          <div className="form__actions">
            <ButtonLink to="/people" variant="primary">
              {t('people.import.viewPeople')}
            </ButtonLink>
            <Button variant="secondary" onClick={() => takeCsv('', null)}>
              {t('people.import.another')}
            </Button>
          </div>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('people.import.title')} description={t('people.import.description')} back={{ to: '/people', label: t('people.title') }} />
      <div className="import-layout">
        <Card title={t('people.import.chooseFile')} className="import-source">
          <Field label={t('people.import.csvFile')} error={fileError} hint={t('people.import.csvFileHint', { max: MAX_ROWS })}>
            {(control) => <input {...control} className="input input--file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e)} />}
          </Field>
          <details className="disclosure">
            <summary>{t('people.import.paste')}</summary>
            <TextAreaField
              label={t('people.import.csvText')}
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
              <FormattedMessage id="people.import.selected" values={{ file: source, strong }} />
            </p>
          )}
          <ImportOption
            label={t('people.import.missingHaveLeft')}
            hint={t('people.import.missingHaveLeftHint')}
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
              loadingText={t('people.import.checking')}
            >
              {t('people.import.check')}
            </Button>
          </div>
        </Card>
        <aside className="import-help card" aria-labelledby="import-help-title">
          <h2 id="import-help-title" className="card__title">
            {t('people.import.columns')}
          </h2>
          <p>{t('people.import.columnsIntro')}</p>
          <pre className="code">{COLUMNS}</pre>
          <ul className="plain-list">
            <li>
              <FormattedMessage id="people.import.help.required" values={{ strong }} />
            </li>
            <li>
              <FormattedMessage id="people.import.help.manager" values={{ strong }} />
            </li>
            <li>
              <FormattedMessage id="people.import.help.role" values={{ strong, code }} />
            </li>
            <li>
              <FormattedMessage id="people.import.help.active" values={{ strong, code }} />
            </li>
            <li>{t('people.import.help.optional')}</li>
          </ul>
          <a href={templateUrl} download="ripple-people-template.csv">
            {t('people.import.template')}
          </a>
        </aside>
      </div>

      {check.isError && <ErrorAlert error={check.error} title={t('people.import.checkFailed')} />}

      {preview && (
        <Card
          title={t('people.import.review')}
          description={
            source
              ? t('people.import.rowsReadFrom', { count: preview.summary.total, file: source })
              : t('people.import.rowsRead', { count: preview.summary.total })
          }
          className="import-preview"
        >
          <ImportSummary summary={preview.summary} />
          {preview.importerKept && (
            <Alert tone="info" title={t('people.import.youStay')} live={false}>
              {t('people.import.youStayText')}
            </Alert>
          )}
          {rowErrors.length > 0 && <ImportErrors errors={rowErrors} />}
          {rowErrors.length === 0 && preview.leavers.length > 0 && <ImportLeavers leavers={preview.leavers} activePeople={preview.activePeople} />}
          {rowErrors.length === 0 && preview.returners.length > 0 && <ImportReturners returners={preview.returners} />}
          {refused.length > 0 && <ImportErrors errors={refused} />}
          {apply.isError && refused.length === 0 && <ErrorAlert error={apply.error} title={t('people.import.nothingImported')} />}
          {preview.changes.length > 0 && (
            <ImportChanges changes={preview.changes} leaving={preview.leavers} returning={preview.returners} errors={[...rowErrors, ...refused]} />
          )}
          {rowErrors.length === 0 && (
            <div className="import-confirm">
              {toWrite > 0 ? (
                <>
                  {needsConfirmation && (
                    <ImportOption
                      label={t('people.import.confirmLeavers', { count: preview.leavers.length })}
                      hint={t('people.import.confirmLeaversHint', { active: preview.activePeople })}
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
                    loadingText={t('people.import.importing')}
                  >
                    {preview.leavers.length > 0
                      ? t('people.import.importAndDeactivate', { count: preview.leavers.length })
                      : t('people.import.import', { count: toWrite })}
                  </Button>
                  <p className="muted">{t('people.import.allOrNothing')}</p>
                </>
              ) : (
                <Alert tone="info" title={t('people.import.nothingToImport')}>
                  {missingHaveLeft ? t('people.import.upToDateNoneMissing') : t('people.import.upToDate')} <Link to="/people">{t('people.import.back')}</Link>
                </Alert>
              )}
            </div>
          )}
        </Card>
      )}
    </>
  );
}
