import { Alert, Badge, Table, type BadgeTone, type Column } from '@/components/ui';
import { plural } from '@/lib/format';
import type { ImportLeaver, ImportResult, ImportReturner, ImportRowError } from '../api/import-people';

type Change = ImportResult['changes'][number];

const ACTION: Record<Change['action'], { label: string; tone: BadgeTone; icon: string }> = {
  create: { label: 'New', tone: 'success', icon: '+' },
  update: { label: 'Update', tone: 'info', icon: '~' },
  unchanged: { label: 'No change', tone: 'neutral', icon: '=' },
};

const FIELD_LABEL: Record<Change['fields'][number]['field'], string> = {
  name: 'Name',
  title: 'Title',
  department: 'Department',
  manager: 'Manager',
  role: 'Role',
};

const empty = <span className="muted">(empty)</span>;

/** Leaving and coming back are listed above with what they do; a row says so beside its other changes. */
type Movement = 'leaves' | 'returns' | undefined;
const MOVEMENT = { leaves: 'Leaves: see above', returns: 'Comes back: see above' } as const;

function FieldChanges({ change, movement }: { change: Change; movement: Movement }) {
  if (movement && change.action === 'unchanged') return <strong>{MOVEMENT[movement]}</strong>;
  if (change.action === 'create') return <span className="muted">{change.active ? 'New person' : 'New person, recorded as having left'}</span>;
  if (change.action === 'unchanged') return <span className="muted">Already up to date</span>;
  return (
    <ul className="diff">
      {movement && (
        <li>
          <strong>{MOVEMENT[movement]}</strong>
        </li>
      )}
      {change.fields.map((f) => (
        <li key={f.field}>
          <span className="diff__field">{FIELD_LABEL[f.field]}:</span> <del className="diff__from">{f.from ?? empty}</del>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> becomes </span>
          <ins className="diff__to">{f.to ?? empty}</ins>
        </li>
      ))}
    </ul>
  );
}

const PROBLEM = { label: 'Problem', tone: 'danger', icon: '!' } as const;

const changeColumns = (movements: Map<string, Movement>, problemLines: ReadonlySet<number>): Column<Change>[] => [
  { key: 'line', header: 'Line', cell: (c) => c.line, className: 'col-line', align: 'end' },
  {
    key: 'person',
    header: 'Person',
    cell: (c) => (
      <div className="person-cell">
        <span className="person-cell__name">{c.name}</span>
        <span className="person-cell__email">{c.email}</span>
      </div>
    ),
  },
  {
    key: 'action',
    header: 'Change',
    cell: (c) => {
      // A row with a problem changes nothing: the whole file is refused until it is fixed.
      const shown = problemLines.has(c.line) ? PROBLEM : ACTION[c.action];
      return (
        <Badge tone={shown.tone} icon={shown.icon}>
          {shown.label}
        </Badge>
      );
    },
  },
  {
    key: 'details',
    header: 'Details',
    cell: (c) =>
      problemLines.has(c.line) ? <span>Fix line {c.line} (see the problems above)</span> : <FieldChanges change={c} movement={movements.get(c.email)} />,
  },
];

const errorColumns: Column<ImportRowError>[] = [
  { key: 'line', header: 'Line', cell: (e) => e.line, className: 'col-line', align: 'end' },
  { key: 'column', header: 'Column', cell: (e) => (e.column ? <code>{e.column}</code> : <span className="muted">—</span>) },
  { key: 'message', header: 'Problem', cell: (e) => e.message },
];

export function ImportErrors({ errors }: { errors: ImportRowError[] }) {
  return (
    <section className="import-section" aria-labelledby="import-errors-title">
      <Alert tone="danger" title={`${plural(errors.length, 'problem')} to fix`} live={false}>
        Nothing has been imported. Correct these rows in your file, then check it again.
      </Alert>
      <h3 id="import-errors-title" className="visually-hidden">
        Problems in the file
      </h3>
      <Table caption="Problems in the file" columns={errorColumns} rows={errors} rowKey={(e) => `${e.line}:${e.column}:${e.message}`} />
    </section>
  );
}

export function ImportSummary({ summary }: { summary: ImportResult['summary'] }) {
  const stats = [
    ...(summary.withProblems ? [{ label: 'With problems', value: summary.withProblems, tone: 'danger' }] : []),
    { label: 'New', value: summary.created, tone: 'success' },
    { label: 'Updated', value: summary.updated, tone: 'info' },
    { label: 'Unchanged', value: summary.unchanged, tone: 'neutral' },
    ...(summary.deactivated ? [{ label: 'Leaving', value: summary.deactivated, tone: 'warning' }] : []),
    ...(summary.reactivated ? [{ label: 'Coming back', value: summary.reactivated, tone: 'success' }] : []),
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
  const problemLines = new Set(errors.map((e) => e.line));
  const movements = new Map<string, Movement>([...leaving.map((l) => [l.email, 'leaves'] as const), ...returning.map((r) => [r.email, 'returns'] as const)]);
  const order = { create: 0, update: 1, unchanged: 2 } as const;
  const rank = (c: Change) => (problemLines.has(c.line) ? -1 : order[c.action]);
  const sorted = [...changes].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
  return (
    <section className="import-section" aria-labelledby="import-changes-title">
      <h3 id="import-changes-title" className="import-section__title">
        Changes
      </h3>
      <Table caption="Changes in the file" columns={changeColumns(movements, problemLines)} rows={sorted} rowKey={(c) => `${c.line}:${c.email}`} />
    </section>
  );
}
