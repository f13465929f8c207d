import { Link } from 'react-router';
import { ButtonLink, Card, EmptyState, ErrorAlert, Loading, PageHeader, Table, type Column } from '@/components/ui';
import { formatDate, plural } from '@/lib/format';
import { useProgressOf } from '../api/get-progress';
import { useCycles, type CycleListItem } from '../api/list-cycles';
import { RUNNING_STATES } from '../components/cycle-format';
import { RateBar } from '../components/RateBar';
import { StateBadge } from '../components/StateBadge';
import '../cycles.css';

const dash = <span className="muted">—</span>;

function Deadlines({ cycle }: { cycle: CycleListItem }) {
  if (!cycle.nominationDeadline && !cycle.responseDeadline) return <span className="muted">Not set</span>;
  return (
    <dl className="cy-deadlines">
      {cycle.nominationDeadline && (
        <div>
          <dt>Nominations</dt>
          <dd>{formatDate(cycle.nominationDeadline)}</dd>
        </div>
      )}
      {cycle.responseDeadline && (
        <div>
          <dt>Answers</dt>
          <dd>{formatDate(cycle.responseDeadline)}</dd>
        </div>
      )}
    </dl>
  );
}

/** Every cycle of the organisation, newest first, with the response rate of those running. */
export default function CyclesPage() {
  const cycles = useCycles();
  const items = cycles.data?.items ?? [];
  const running = items.filter((c) => RUNNING_STATES.includes(c.state));
  const progress = useProgressOf(running.map((c) => c.id));
  const rateOf = new Map(running.map((c, i) => [c.id, progress[i]?.data?.overall]));

  const columns: Column<CycleListItem>[] = [
    {
      key: 'name',
      header: 'Cycle',
      className: 'col-name',
      cell: (c) => (
        <div className="person-cell">
          <Link to={`/cycles/${c.id}`} className="person-cell__name">
            {c.name}
          </Link>
          <span className="person-cell__email">{c.frameworkName ?? ''}</span>
        </div>
      ),
    },
    { key: 'state', header: 'State', cell: (c) => <StateBadge state={c.state} /> },
    { key: 'deadlines', header: 'Deadlines', cell: (c) => <Deadlines cycle={c} /> },
    { key: 'subjects', header: 'Subjects', align: 'end', cell: (c) => (c.subjectCount === null ? dash : c.subjectCount) },
    {
      key: 'rate',
      header: 'Response rate',
      className: 'col-rate',
      cell: (c) => {
        if (!RUNNING_STATES.includes(c.state)) return dash;
        const counts = rateOf.get(c.id);
        if (!counts) return <span className="muted">…</span>;
        return <RateBar rate={counts.responseRate} label={`Response rate of ${c.name}`} detail={`${counts.submitted} of ${counts.requested}`} />;
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="Cycles"
        description={
          cycles.data ? `${plural(items.length, 'cycle')} · feedback rounds, from draft to released reports` : 'Feedback rounds, from draft to released reports'
        }
        actions={
          <>
            <ButtonLink to="/admin/frameworks" variant="secondary">
              Frameworks
            </ButtonLink>
            <ButtonLink to="/cycles/new" variant="primary">
              New cycle
            </ButtonLink>
          </>
        }
      />
      <Card className="card--flush">
        {cycles.isPending && <Loading label="Loading cycles…" />}
        {cycles.isError && <ErrorAlert error={cycles.error} title="Could not load cycles" />}
        {cycles.data && items.length === 0 && (
          <EmptyState title="No cycles yet" action={<ButtonLink to="/cycles/new">Create the first cycle</ButtonLink>}>
            A cycle asks colleagues for feedback on the people you choose, then gives each person an anonymous report.
          </EmptyState>
        )}
        {items.length > 0 && <Table caption="Cycles" columns={columns} rows={items} rowKey={(c) => c.id} />}
      </Card>
    </>
  );
}
