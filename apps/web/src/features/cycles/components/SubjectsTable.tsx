import { Link } from 'react-router';
import { Button, Table, type Column } from '@/components/ui';
import { plural } from '@/lib/format';
import type { Cycle } from '../api/get-cycle';
import type { CycleSubject, RequestCounts } from '../api/list-subjects';
import { RateBar } from './RateBar';

const dash = <span className="muted">—</span>;

function Requests({ counts }: { counts: RequestCounts }) {
  const extra = [
    counts.proposed ? `${counts.proposed} awaiting approval` : null,
    counts.declined ? `${counts.declined} declined` : null,
    counts.rejected ? `${counts.rejected} rejected` : null,
  ].filter(Boolean);
  return (
    <div className="requests-cell">
      <span>{plural(counts.requested, 'rater')}</span>
      {extra.length > 0 && <span className="requests-cell__extra">{extra.join(' · ')}</span>}
    </div>
  );
}

interface SubjectsTableProps {
  cycle: Cycle;
  subjects: CycleSubject[];
  busy?: boolean;
  onRemove: (subject: CycleSubject) => void;
  removingId?: string;
}

/** Subjects with their requests. Before launch there are none yet; in draft each can be removed. */
export function SubjectsTable({ cycle, subjects, busy, onRemove, removingId }: SubjectsTableProps) {
  const launched = cycle.state !== 'draft';
  const raters = (s: CycleSubject) => `/cycles/${cycle.id}/subjects/${s.personId}/requests`;
  // Reports exist once the cycle has closed (HR may read them before release).
  const reportable = cycle.state === 'closed' || cycle.state === 'released';
  const columns: Column<CycleSubject>[] = [
    {
      key: 'name',
      header: 'Subject',
      className: 'col-name',
      cell: (s) => (
        <div className="person-cell">
          {launched ? (
            <Link to={raters(s)} className="person-cell__name">
              {s.name}
            </Link>
          ) : (
            <span className="person-cell__name">{s.name}</span>
          )}
          <span className="person-cell__email">{s.title ?? s.email}</span>
        </div>
      ),
    },
    { key: 'department', header: 'Department', cell: (s) => s.department ?? dash },
    { key: 'manager', header: 'Manager', cell: (s) => s.managerName ?? <span className="muted">None</span> },
  ];
  if (launched) {
    columns.push(
      { key: 'requests', header: 'Requests', cell: (s) => <Requests counts={s.requests} /> },
      {
        key: 'rate',
        header: 'Answered',
        className: 'col-rate',
        cell: (s) => <RateBar rate={s.requests.responseRate} label={`Answered for ${s.name}`} detail={`${s.requests.submitted} of ${s.requests.requested}`} />,
      },
      {
        key: 'actions',
        header: <span className="visually-hidden">Actions</span>,
        label: '',
        className: 'col-actions',
        align: 'end',
        cell: (s) => (
          <>
            {reportable && (
              <Link to={`/reports/cycles/${cycle.id}/subjects/${s.personId}`} className="btn btn--ghost btn--sm">
                Report<span className="visually-hidden"> of {s.name}</span>
              </Link>
            )}
            <Link to={raters(s)} className="btn btn--ghost btn--sm">
              Raters<span className="visually-hidden"> of {s.name}</span>
            </Link>
          </>
        ),
      },
    );
  } else {
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      label: '',
      className: 'col-actions',
      align: 'end',
      cell: (s) => (
        <Button variant="ghost" size="sm" onClick={() => onRemove(s)} loading={removingId === s.personId} loadingText="Removing…">
          Remove<span className="visually-hidden"> {s.name}</span>
        </Button>
      ),
    });
  }
  return <Table caption={`Subjects of ${cycle.name}`} columns={columns} rows={subjects} rowKey={(s) => s.personId} busy={busy} />;
}
