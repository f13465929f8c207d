import { Alert, Table, type Column } from '@/components/ui';
import { plural } from '@/lib/format';
import type { ImportLeaver, ImportReturner } from '../api/import-people';

const person = (p: { name: string; email: string }) => (
  <div className="person-cell">
    <span className="person-cell__name">{p.name}</span>
    <span className="person-cell__email">{p.email}</span>
  </div>
);

const leaverColumns: Column<ImportLeaver>[] = [
  { key: 'person', header: 'Person', cell: person },
  { key: 'why', header: 'Why', cell: (l) => (l.line === null ? 'Not in the file' : `Line ${l.line} says they have left`) },
  {
    key: 'reports',
    header: 'Direct reports',
    cell: (l) =>
      l.directReports === 0 ? (
        <span className="muted">None</span>
      ) : (
        <>
          {plural(l.directReports, 'person', 'people')} {l.directReports === 1 ? 'moves' : 'move'} to{' '}
          {l.reportsMoveTo ? <strong>{l.reportsMoveTo.name}</strong> : 'no manager (nobody above them stays)'}
        </>
      ),
  },
  {
    key: 'work',
    header: 'Running cycles',
    cell: (l) => {
      const parts = [
        l.requestsInRunningCycles > 0 && `asked about ${plural(l.requestsInRunningCycles, 'colleague')}: each is told they have left`,
        l.subjectOfRunningCycles > 0 && `reviewed in ${plural(l.subjectOfRunningCycles, 'cycle')}: its requests stay open`,
      ].filter(Boolean);
      return parts.length ? parts.join('; ') : <span className="muted">Nothing running</span>;
    },
  },
];

/** Who leaves, shown apart from the other changes and before anything happens: leaving ends sign-in and mail at once. */
export function ImportLeavers({ leavers, activePeople, applied = false }: { leavers: ImportLeaver[]; activePeople: number; applied?: boolean }) {
  const moved = leavers.reduce((n, l) => n + l.directReports, 0);
  return (
    <section className="import-section import-leavers" aria-labelledby="import-leavers-title">
      <h3 id="import-leavers-title" className="import-section__title">
        {applied ? `${plural(leavers.length, 'person', 'people')} deactivated` : `${plural(leavers.length, 'person', 'people')} will be deactivated`}
      </h3>
      <Alert tone="warning" title={applied ? 'They have left' : `${leavers.length} of ${activePeople} active people will leave`} live={false}>
        {applied ? 'They' : 'On import, they'} can no longer sign in and get no mail
        {moved > 0 && `; ${plural(moved, 'direct report')} ${applied ? 'moved' : moved === 1 ? 'moves' : 'move'} to another manager`}. What they already
        submitted stays in reports, anonymous. You can bring anyone back from their page.
      </Alert>
      <Table caption="People who leave" columns={leaverColumns} rows={leavers} rowKey={(l) => l.id} />
    </section>
  );
}

const returnerColumns: Column<ImportReturner>[] = [
  { key: 'line', header: 'Line', cell: (r) => r.line, className: 'col-line', align: 'end' },
  { key: 'person', header: 'Person', cell: person },
];

export function ImportReturners({ returners, applied = false }: { returners: ImportReturner[]; applied?: boolean }) {
  return (
    <section className="import-section" aria-labelledby="import-returners-title">
      <h3 id="import-returners-title" className="import-section__title">
        {`${plural(returners.length, 'person', 'people')} ${applied ? 'came back' : 'coming back'}`}
      </h3>
      <p className="muted">They had left; they can sign in again with the password they had, and get mail again.</p>
      <Table caption="People who come back" columns={returnerColumns} rows={returners} rowKey={(r) => r.id} />
    </section>
  );
}
