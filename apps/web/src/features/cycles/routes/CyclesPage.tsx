import { Link } from 'react-router';
import { ButtonLink, Card, EmptyState, ErrorAlert, Loading, PageHeader, Table, type Column } from '@/components/ui';
import { useT } from '@/i18n';
import { formatDate } from '@/lib/format';
import { useProgressOf } from '../api/get-progress';
import { useCycles, type CycleListItem } from '../api/list-cycles';
import { RUNNING_STATES } from '../components/cycle-format';
import { RateBar } from '../components/RateBar';
import { StateBadge } from '../components/StateBadge';
import '../cycles.css';

const dash = <span className="muted">—</span>;

function Deadlines({ cycle }: { cycle: CycleListItem }) {
  const t = useT();
  if (!cycle.nominationDeadline && !cycle.responseDeadline) return <span className="muted">{t('common.notSet')}</span>;
  return (
    <dl className="cy-deadlines">
      {cycle.nominationDeadline && (
        <div>
          <dt>{t('cycles.list.nominations')}</dt>
          <dd>{formatDate(cycle.nominationDeadline)}</dd>
        </div>
      )}
      {cycle.responseDeadline && (
        <div>
          <dt>{t('cycles.list.answers')}</dt>
          <dd>{formatDate(cycle.responseDeadline)}</dd>
        </div>
      )}
    </dl>
  );
}

/** Every cycle of the organisation, newest first, with the response rate of those running. */
export default function CyclesPage() {
  const t = useT();
  const cycles = useCycles();
  const items = cycles.data?.items ?? [];
  const running = items.filter((c) => RUNNING_STATES.includes(c.state));
  const progress = useProgressOf(running.map((c) => c.id));
  const rateOf = new Map(running.map((c, i) => [c.id, progress[i]?.data?.overall]));

  const columns: Column<CycleListItem>[] = [
    {
      key: 'name',
      header: t('cycles.list.cycle'),
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
    { key: 'state', header: t('cycles.list.state'), cell: (c) => <StateBadge state={c.state} /> },
    { key: 'deadlines', header: t('cycles.list.deadlines'), cell: (c) => <Deadlines cycle={c} /> },
    { key: 'subjects', header: t('cycles.list.subjects'), align: 'end', cell: (c) => (c.subjectCount === null ? dash : c.subjectCount) },
    {
      key: 'rate',
      header: t('cycles.list.responseRate'),
      className: 'col-rate',
      cell: (c) => {
        if (!RUNNING_STATES.includes(c.state)) return dash;
        const counts = rateOf.get(c.id);
        if (!counts) return <span className="muted">…</span>;
        return (
          <RateBar
            rate={counts.responseRate}
            label={t('cycles.list.responseRateOf', { name: c.name })}
            detail={t('cycles.rate.of', { submitted: counts.submitted, requested: counts.requested })}
          />
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('cycles.list.title')}
        description={cycles.data ? t('cycles.list.description', { count: items.length }) : t('cycles.list.descriptionLoading')}
        actions={
          <>
            <ButtonLink to="/admin/frameworks" variant="secondary">
              {t('cycles.list.frameworks')}
            </ButtonLink>
            <ButtonLink to="/cycles/new" variant="primary">
              {t('cycles.list.new')}
            </ButtonLink>
          </>
        }
      />
      <Card className="card--flush">
        {cycles.isPending && <Loading label={t('cycles.list.loading')} />}
        {cycles.isError && <ErrorAlert error={cycles.error} title={t('cycles.list.loadFailed')} />}
        {cycles.data && items.length === 0 && (
          <EmptyState title={t('cycles.list.empty')} action={<ButtonLink to="/cycles/new">{t('cycles.list.createFirst')}</ButtonLink>}>
            {t('cycles.list.emptyText')}
          </EmptyState>
        )}
        {items.length > 0 && <Table caption={t('cycles.list.caption')} columns={columns} rows={items} rowKey={(c) => c.id} />}
      </Card>
    </>
  );
}
