import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Card, EmptyState, ErrorAlert, Loading, SelectField, Table, type Column } from '@/components/ui';
import { formatDate, formatDateTime, plural } from '@/lib/format';
import { useCycle } from '../api/get-cycle';
import { useProgress, type CycleProgress, type PendingRater, type SubjectProgress } from '../api/get-progress';
import type { RequestCounts } from '../api/list-subjects';
import { RELATIONSHIP_LABEL, RUNNING_STATES } from '../components/cycle-format';
import { PeerShortfall } from '../components/PeerShortfall';
import { RateBar } from '../components/RateBar';
import { Reminders } from '../components/Reminders';

type Order = 'rate-asc' | 'rate-desc' | 'name' | 'department';

const ORDERS: [Order, string][] = [
  ['rate-asc', 'Lowest response rate first'],
  ['rate-desc', 'Highest response rate first'],
  ['name', 'Name (A–Z)'],
  ['department', 'Department (A–Z)'],
];

function sortSubjects(rows: SubjectProgress[], order: Order): SubjectProgress[] {
  const rate = (r: SubjectProgress) => r.responseRate ?? -1;
  const byName = (a: SubjectProgress, b: SubjectProgress) => a.name.localeCompare(b.name);
  const sorted = [...rows];
  if (order === 'rate-asc') sorted.sort((a, b) => rate(a) - rate(b) || byName(a, b));
  if (order === 'rate-desc') sorted.sort((a, b) => rate(b) - rate(a) || byName(a, b));
  if (order === 'name') sorted.sort(byName);
  if (order === 'department') sorted.sort((a, b) => (a.department ?? '\uffff').localeCompare(b.department ?? '\uffff') || byName(a, b));
  return sorted;
}

/** The columns every breakdown shares: asked, answered, in progress, not started, and the rate. */
function countColumns<T extends RequestCounts>(name: (row: T) => string): Column<T>[] {
  return [
    { key: 'requested', header: 'Asked', align: 'end', cell: (r) => r.requested },
    { key: 'submitted', header: 'Answered', align: 'end', cell: (r) => r.submitted },
    { key: 'inProgress', header: 'In progress', align: 'end', cell: (r) => r.inProgress },
    { key: 'notStarted', header: 'Not started', align: 'end', cell: (r) => r.notStarted },
    { key: 'rate', header: 'Response rate', className: 'col-rate', cell: (r) => <RateBar rate={r.responseRate} label={`Response rate, ${name(r)}`} /> },
  ];
}

/** For the half-width breakdowns: the rate with its counts, and how many are still waiting. */
function compactColumns<T extends RequestCounts>(name: (row: T) => string): Column<T>[] {
  return [
    {
      key: 'rate',
      header: 'Answered',
      className: 'col-rate',
      cell: (r) => <RateBar rate={r.responseRate} label={`Response rate, ${name(r)}`} detail={`${r.submitted} of ${r.requested}`} />,
    },
    { key: 'waiting', header: 'Waiting', align: 'end', cell: (r) => r.notStarted + r.inProgress },
  ];
}

function Overall({ progress }: { progress: CycleProgress }) {
  const o = progress.overall;
  const stats = [
    { label: 'Answered', value: o.submitted },
    { label: 'In progress', value: o.inProgress },
    { label: 'Not started', value: o.notStarted },
    { label: 'Awaiting approval', value: o.proposed },
  ];
  return (
    <Card title="Response rate" description={progress.responseDeadline ? `Answers are due ${formatDate(progress.responseDeadline)}.` : undefined}>
      <RateBar size="lg" rate={o.responseRate} label="Overall response rate" detail={`${o.submitted} of ${plural(o.requested, 'request')} answered`} />
      <dl className="stats stats--4">
        {stats.map((s) => (
          <div key={s.label} className="stat">
            <dt className="stat__label">{s.label}</dt>
            <dd className="stat__value">{s.value}</dd>
          </div>
        ))}
      </dl>
      {(o.declined > 0 || o.rejected > 0) && (
        <p className="muted">
          Not counted:{' '}
          {[o.declined ? `${o.declined} declined by the rater` : null, o.rejected ? `${o.rejected} rejected by a manager` : null].filter(Boolean).join(', ')}.
        </p>
      )}
    </Card>
  );
}

/** HR's view of a running cycle: how many answered, by relationship, department and subject, and who has not. */
export default function CycleProgressPage() {
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const launched = Boolean(cycle.data && cycle.data.state !== 'draft');
  const progress = useProgress(cycleId, { enabled: launched });
  const [order, setOrder] = useState<Order>('rate-asc');

  if (!cycle.data) return null;
  if (!launched) {
    return (
      <Card>
        <EmptyState title="No progress yet" icon="◔">
          Progress appears once the cycle is launched and feedback requests exist.
        </EmptyState>
      </Card>
    );
  }
  if (progress.isPending) return <Loading label="Loading progress…" />;
  if (progress.isError) return <ErrorAlert error={progress.error} title="Could not load progress" />;

  const p = progress.data;
  const subjectColumns: Column<SubjectProgress>[] = [
    {
      key: 'name',
      header: 'Subject',
      className: 'col-name',
      cell: (r) => (
        <div className="person-cell">
          <Link className="person-cell__name" to={`/cycles/${cycleId}/subjects/${r.subjectId}/requests`}>
            {r.name}
          </Link>
          <span className="person-cell__email">{r.department ?? 'No department'}</span>
          {r.progressHidden && <span className="person-cell__email">You: like every subject, you do not see which of your raters have answered</span>}
        </div>
      ),
    },
    // The viewer's own row counts every request as asked-not-answered (the API hides it): say so.
    ...countColumns<SubjectProgress>((r) => r.name).map((column) =>
      column.key === 'rate'
        ? { ...column, cell: (r: SubjectProgress) => (r.progressHidden ? <span className="muted">Hidden from you</span> : column.cell(r)) }
        : column,
    ),
  ];
  const pendingColumns: Column<PendingRater>[] = [
    {
      key: 'name',
      header: 'Rater',
      className: 'col-name',
      cell: (r) => (
        <div className="person-cell">
          <span className="person-cell__name">{r.name}</span>
          <a className="person-cell__email" href={`mailto:${r.email}`}>
            {r.email}
          </a>
        </div>
      ),
    },
    { key: 'department', header: 'Department', cell: (r) => r.department ?? <span className="muted">—</span> },
    { key: 'notStarted', header: 'Not started', align: 'end', cell: (r) => r.notStarted },
    { key: 'inProgress', header: 'In progress', align: 'end', cell: (r) => r.inProgress },
  ];

  const nominationDeadline = cycle.data.settings.nominationDeadline;
  const peerReminder =
    p.state === 'nominating' && nominationDeadline
      ? `They are reminded by email two days before nominations close (${formatDateTime(nominationDeadline)}) and on the day.`
      : null;

  return (
    <div className="tab-panel">
      {RUNNING_STATES.includes(p.state) && p.peerShortfall.subjects.length > 0 && (
        <PeerShortfall cycleId={cycleId} shortfall={p.peerShortfall} reminder={peerReminder} />
      )}
      <div className="progress-top">
        <Overall progress={p} />
        {RUNNING_STATES.includes(p.state) && <Reminders cycle={cycle.data} pending={p.pendingRaters.total} />}
      </div>

      <div className="progress-grid">
        <Card className="card--flush" title="By relationship" description="Waiting: asked, not yet submitted.">
          <Table
            caption="Response rate by relationship"
            columns={[
              { key: 'relationship', header: 'Relationship', cell: (r) => RELATIONSHIP_LABEL[r.relationship] },
              ...compactColumns<(typeof p.byRelationship)[number]>((r) => RELATIONSHIP_LABEL[r.relationship]),
            ]}
            rows={p.byRelationship}
            rowKey={(r) => r.relationship}
          />
        </Card>
        <Card className="card--flush" title="By department" description="The subjects’ departments at launch.">
          <Table
            caption="Response rate by department"
            columns={[
              { key: 'department', header: 'Department', cell: (r) => r.department ?? 'No department' },
              ...compactColumns<(typeof p.byDepartment)[number]>((r) => r.department ?? 'No department'),
            ]}
            rows={p.byDepartment}
            rowKey={(r) => r.department ?? '—'}
          />
        </Card>
      </div>

      <Card
        className="card--flush"
        title={`By subject (${p.bySubject.length})`}
        actions={
          <SelectField label="Order" name="order" className="order-select" value={order} onChange={(e) => setOrder(e.target.value as Order)}>
            {ORDERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        }
      >
        <Table caption="Response rate by subject" columns={subjectColumns} rows={sortSubjects(p.bySubject, order)} rowKey={(r) => r.subjectId} />
      </Card>

      <Card
        className="card--flush"
        title={`Not answered yet (${p.pendingRaters.total})`}
        description={
          p.pendingRaters.total > p.pendingRaters.items.length
            ? `Only HR sees this list. Showing the ${p.pendingRaters.items.length} raters with the most open requests.`
            : 'Only HR sees this list. Raters with requests they have not submitted, most open requests first.'
        }
      >
        {p.pendingRaters.items.length === 0 ? (
          <EmptyState title="Everyone has answered" icon="✓" />
        ) : (
          <Table caption="Raters who have not answered yet" columns={pendingColumns} rows={p.pendingRaters.items} rowKey={(r) => r.raterId} />
        )}
      </Card>
    </div>
  );
}
