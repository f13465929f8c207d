import { Alert, Badge, Table, type BadgeTone, type Column } from '@/components/ui';
import { msg, useT, type MessageId } from '@/i18n';
import type { ImportLeaver, ImportResult, ImportReturner, ImportRowError } from '../api/import-people';

type Change = ImportResult['changes'][number];

const ACTION: Record<Change['action'], { label: MessageId; tone: BadgeTone; icon: string }> = {
  create: { label: msg('people.import.action.create'), tone: 'success', icon: '+' },
  update: { label: msg('people.import.action.update'), tone: 'info', icon: '~' },
  unchanged: { label: msg('people.import.action.unchanged'), tone: 'neutral', icon: '=' },
};

const FIELD_LABEL: Record<Change['fields'][number]['field'], MessageId> = {
  name: msg('people.import.field.name'),
  title: msg('people.import.field.title'),
  department: msg('people.import.field.department'),
  manager: msg('people.import.field.manager'),
  role: msg('people.import.field.role'),
};

/** Leaving and coming back are listed above with what they do; a row says so beside its other changes. */
type Movement = 'leaves' | 'returns' | undefined;
const MOVEMENT = { leaves: msg('people.import.leavesSeeAbove'), returns: msg('people.import.returnsSeeAbove') } as const;

/** A row's problem in the reader's language: the API sends a code and the values it names (its English message is for other clients). */
const IMPORT_ERROR: Record<ImportRowError['code'], MessageId> = {
  unknown_column: msg('people.importError.unknown_column'),
  duplicate_column: msg('people.importError.duplicate_column'),
  missing_column: msg('people.importError.missing_column'),
  csv_quote_not_closed: msg('people.importError.csv_quote_not_closed'),
  csv_column_count: msg('people.importError.csv_column_count'),
  csv_stray_quote: msg('people.importError.csv_stray_quote'),
  csv_invalid: msg('people.importError.csv_invalid'),
  no_people: msg('people.importError.no_people'),
  too_many_rows: msg('people.importError.too_many_rows'),
  control_character: msg('people.importError.control_character'),
  email_required: msg('people.importError.email_required'),
  email_invalid: msg('people.importError.email_invalid'),
  email_duplicate: msg('people.importError.email_duplicate'),
  name_required: msg('people.importError.name_required'),
  too_long: msg('people.importError.too_long'),
  manager_email_invalid: msg('people.importError.manager_email_invalid'),
  own_manager: msg('people.importError.own_manager'),
  role_invalid: msg('people.importError.role_invalid'),
  active_invalid: msg('people.importError.active_invalid'),
  unknown_manager: msg('people.importError.unknown_manager'),
  manager_loop: msg('people.importError.manager_loop'),
  manager_loop_long: msg('people.importError.manager_loop_long'),
  last_admin: msg('people.importError.last_admin'),
  self_leaving: msg('people.importError.self_leaving'),
};

function FieldChanges({ change, movement }: { change: Change; movement: Movement }) {
  const t = useT();
  const empty = <span className="muted">{t('people.import.empty')}</span>;
  if (movement && change.action === 'unchanged') return <strong>{t(MOVEMENT[movement])}</strong>;
  if (change.action === 'create') return <span className="muted">{change.active ? t('people.import.newPerson') : t('people.import.newPersonLeft')}</span>;
  if (change.action === 'unchanged') return <span className="muted">{t('people.import.alreadyUpToDate')}</span>;
  return (
    <ul className="diff">
      {movement && (
        <li>
          <strong>{t(MOVEMENT[movement])}</strong>
        </li>
      )}
      {change.fields.map((f) => (
        <li key={f.field}>
          <span className="diff__field">{t(FIELD_LABEL[f.field])}:</span> <del className="diff__from">{f.from ?? empty}</del>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden">{t('people.import.becomes')}</span>
          <ins className="diff__to">{f.to ?? empty}</ins>
        </li>
      ))}
    </ul>
  );
}

const PROBLEM = { label: msg('people.import.problem'), tone: 'danger', icon: '!' } as const;

const changeColumns = (t: ReturnType<typeof useT>, movements: Map<string, Movement>, problemLines: ReadonlySet<number>): Column<Change>[] => [
  { key: 'line', header: t('people.import.line'), cell: (c) => c.line, className: 'col-line', align: 'end' },
  {
    key: 'person',
    header: t('people.import.person'),
    cell: (c) => (
      <div className="person-cell">
        <span className="person-cell__name">{c.name}</span>
        <span className="person-cell__email">{c.email}</span>
      </div>
    ),
  },
  {
    key: 'action',
    header: t('people.import.change'),
    cell: (c) => {
      // A row with a problem changes nothing: the whole file is refused until it is fixed.
      const shown = problemLines.has(c.line) ? PROBLEM : ACTION[c.action];
      return (
        <Badge tone={shown.tone} icon={shown.icon}>
          {t(shown.label)}
        </Badge>
      );
    },
  },
  {
    key: 'details',
    header: t('people.import.details'),
    cell: (c) =>
      problemLines.has(c.line) ? <span>{t('people.import.fixLine', { line: c.line })}</span> : <FieldChanges change={c} movement={movements.get(c.email)} />,
  },
];

export function ImportErrors({ errors }: { errors: ImportRowError[] }) {
  const t = useT();
  const errorColumns: Column<ImportRowError>[] = [
    { key: 'line', header: t('people.import.line'), cell: (e) => e.line, className: 'col-line', align: 'end' },
    { key: 'column', header: t('people.import.column'), cell: (e) => (e.column ? <code>{e.column}</code> : <span className="muted">—</span>) },
    { key: 'message', header: t('people.import.problem'), cell: (e) => t(IMPORT_ERROR[e.code], e.values) },
  ];
  return (
    <section className="import-section" aria-labelledby="import-errors-title">
      <Alert tone="danger" title={t('people.import.problemsToFix', { count: errors.length })} live={false}>
        {t('people.import.problemsText')}
      </Alert>
      <h3 id="import-errors-title" className="visually-hidden">
        {t('people.import.problemsCaption')}
      </h3>
      <Table caption={t('people.import.problemsCaption')} columns={errorColumns} rows={errors} rowKey={(e) => `${e.line}:${e.column}:${e.message}`} />
    </section>
  );
}

export function ImportSummary({ summary }: { summary: ImportResult['summary'] }) {
  const t = useT();
  const stats = [
    ...(summary.withProblems ? [{ label: t('people.import.stat.withProblems'), value: summary.withProblems, tone: 'danger' }] : []),
    { label: t('people.import.stat.new'), value: summary.created, tone: 'success' },
    { label: t('people.import.stat.updated'), value: summary.updated, tone: 'info' },
    { label: t('people.import.stat.unchanged'), value: summary.unchanged, tone: 'neutral' },
    ...(summary.deactivated ? [{ label: t('people.import.stat.leaving'), value: summary.deactivated, tone: 'warning' }] : []),
    ...(summary.reactivated ? [{ label: t('people.import.stat.comingBack'), value: summary.reactivated, tone: 'success' }] : []),
  ];
  return (
    <dl className="stats">
      {stats.map((s) => (
        <div key={s.label} className={`stat stat--${s.tone}`}>
          <dt className="stat__label">{s.label}</dt>
          <dd className="stat__value">{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What the dry run found: the counts, the rows that will change (with from → to), and unchanged rows last. */
export function ImportChanges({
  changes,
  leaving,
  returning,
  errors,
}: {
  changes: Change[];
  leaving: ImportLeaver[];
  returning: ImportReturner[];
  errors: ImportRowError[];
}) {
  const t = useT();
  const problemLines = new Set(errors.map((e) => e.line));
  const movements = new Map<string, Movement>([...leaving.map((l) => [l.email, 'leaves'] as const), ...returning.map((r) => [r.email, 'returns'] as const)]);
  const order = { create: 0, update: 1, unchanged: 2 } as const;
  const rank = (c: Change) => (problemLines.has(c.line) ? -1 : order[c.action]);
  const sorted = [...changes].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
  return (
    <section className="import-section" aria-labelledby="import-changes-title">
      <h3 id="import-changes-title" className="import-section__title">
        {t('people.import.changes')}
      </h3>
      <Table
        caption={t('people.import.changesCaption')}
        columns={changeColumns(t, movements, problemLines)}
        rows={sorted}
        rowKey={(c) => `${c.line}:${c.email}`}
      />
    </section>
  );
}
