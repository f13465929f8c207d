import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Card, EmptyState, ErrorAlert, Loading, SelectField, Table, type Column } from '@/components/ui';
import { msg, tr, useT, type MessageId } from '@/i18n';
import { formatDate, formatDateTime } from '@/lib/format';
import { useCycle } from '../api/get-cycle';
import { useProgress, type CycleProgress, type PendingRater, type SubjectProgress } from '../api/get-progress';
import type { RequestCounts } from '../api/list-subjects';
import { RELATIONSHIP_LABEL, RUNNING_STATES } from '../components/cycle-format';
import { PeerShortfall } from '../components/PeerShortfall';
import { RateBar } from '../components/RateBar';
import { Reminders } from '../components/Reminders';

type Order = 'rate-asc' | 'rate-desc' | 'name' | 'department';

const ORDERS: [Order, MessageId][] = [
  ['rate-asc', msg('cycles.progress.lowestFirst')],
  ['rate-desc', msg('cycles.progress.highestFirst')],
  ['name', msg('cycles.progress.byName')],
  ['department', msg('cycles.progress.byDepartment')],
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
    { key: 'requested', header: tr('cycles.progress.asked'), align: 'end', cell: (r) => r.requested },
    { key: 'submitted', header: tr('cycles.progress.answered'), align: 'end', cell: (r) => r.submitted },
    { key: 'inProgress', header: tr('cycles.progress.inProgress'), align: 'end', cell: (r) => r.inProgress },
    { key: 'notStarted', header: tr('cycles.progress.notStarted'), align: 'end', cell: (r) => r.notStarted },
    {
      key: 'rate',
      header: tr('cycles.progress.responseRate'),
      className: 'col-rate',
      cell: (r) => <RateBar rate={r.responseRate} label={tr('cycles.progress.responseRateOf', { name: name(r) })} />,
    },
  ];
}

/** For the half-width breakdowns: the rate with its counts, and how many are still waiting. */
function compactColumns<T extends RequestCounts>(name: (row: T) => string): Column<T>[] {
  return [
    {
      key: 'rate',
      header: tr('cycles.progress.answered'),
      className: 'col-rate',
      cell: (r) => (
        <RateBar
          rate={r.responseRate}
          label={tr('cycles.progress.responseRateOf', { name: name(r) })}
          detail={tr('cycles.rate.of', { submitted: r.submitted, requested: r.requested })}
        />
      ),
    },
    { key: 'waiting', header: tr('cycles.progress.waiting'), align: 'end', cell: (r) => r.notStarted + r.inProgress },
  ];
}

function Overall({ progress }: { progress: CycleProgress }) {
  const t = useT();
  const o = progress.overall;
  const stats = [
    { label: t('cycles.progress.answered'), value: o.submitted },
    { label: t('cycles.progress.inProgress'), value: o.inProgress },
    { label: t('cycles.progress.notStarted'), value: o.notStarted },
    { label: t('cycles.progress.awaitingApproval'), value: o.proposed },
  ];
  return (
    <Card
      title={t('cycles.progress.responseRate')}
      description={progress.responseDeadline ? t('cycles.progress.due', { date: formatDate(progress.responseDeadline) }) : undefined}
    >
      <RateBar
        size="lg"
        rate={o.responseRate}
        label={t('cycles.progress.overall')}
        detail={t('cycles.progress.overallDetail', { submitted: o.submitted, requested: o.requested })}
      />
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
          {t('cycles.progress.notCounted', {
            list: [
              o.declined ? t('cycles.progress.declined', { count: o.declined }) : null,
              o.rejected ? t('cycles.progress.rejected', { count: o.rejected }) : null,
            ]
              .filter(Boolean)
              .join(', '),
          })}
        </p>
      )}
    </Card>
  );
}

/** HR's view of a running cycle: how many answered, by relationship, department and subject, and who has not. */
export default function CycleProgressPage() {
  const t = useT();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const launched = Boolean(cycle.data && cycle.data.state !== 'draft');
  const progress = useProgress(cycleId, { enabled: launched });
  const [order, setOrder] = useState<Order>('rate-asc');

  if (!cycle.data) return null;
  if (!launched) {
    return (
      <Card>
        <EmptyState title={t('cycles.progress.none')} icon="◔">
          {t('cycles.progress.noneText')}
        </EmptyState>
      </Card>
    );
  }
  if (progress.isPending) return <Loading label={t('cycles.progress.loading')} />;
  if (progress.isError) return <ErrorAlert error={progress.error} title={t('cycles.progress.loadFailed')} />;

  const p = progress.data;
  const subjectColumns: Column<SubjectProgress>[] = [
    {
      key: 'name',
      header: t('cycles.progress.subject'),
      className: 'col-name',
      cell: (r) => (
        <div className="person-cell">
          <Link className="person-cell__name" to={`/cycles/${cycleId}/subjects/${r.subjectId}/requests`}>
            {r.name}
          </Link>
          <span className="person-cell__email">{r.department ?? t('cycles.progress.noDepartment')}</span>
          {r.progressHidden && <span className="person-cell__email">{t('cycles.progress.youHidden')}</span>}
        </div>
      ),
    },
    // The viewer's own row counts every request as asked-not-answered (the API hides it): say so.
    ...countColumns<SubjectProgress>((r) => r.name).map((column) =>
      column.key === 'rate'
        ? { ...column, cell: (r: SubjectProgress) => (r.progressHidden ? <span className="muted">{t('cycles.progress.hiddenFromYou')}</span> : column.cell(r)) }
        : column,
    ),
  ];
  const pendingColumns: Column<PendingRater>[] = [
    {
      key: 'name',
      header: t('cycles.progress.rater'),
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
    { key: 'department', header: t('cycles.progress.department'), cell: (r) => r.department ?? <span className="muted">—</span> },
    { key: 'notStarted', header: t('cycles.progress.notStarted'), align: 'end', cell: (r) => r.notStarted },
    { key: 'inProgress', header: t('cycles.progress.inProgress'), align: 'end', cell: (r) => r.inProgress },
  ];

  const nominationDeadline = cycle.data.settings.nominationDeadline;
  const peerReminder = p.state === 'nominating' && nominationDeadline ? t('cycles.progress.peerReminder', { date: formatDateTime(nominationDeadline) }) : null;

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
        <Card className="card--flush" title={t('cycles.progress.byRelationship')} description={t('cycles.progress.byRelationshipText')}>
          <Table
            caption={t('cycles.progress.byRelationshipCaption')}
            columns={[
              { key: 'relationship', header: t('cycles.progress.relationship'), cell: (r) => t(RELATIONSHIP_LABEL[r.relationship]) },
              ...compactColumns<(typeof p.byRelationship)[number]>((r) => t(RELATIONSHIP_LABEL[r.relationship])),
            ]}
            rows={p.byRelationship}
            rowKey={(r) => r.relationship}
          />
        </Card>
        <Card className="card--flush" title={t('cycles.progress.byDepartmentTitle')} description={t('cycles.progress.byDepartmentText')}>
          <Table
            caption={t('cycles.progress.byDepartmentCaption')}
            columns={[
              { key: 'department', header: t('cycles.progress.department'), cell: (r) => r.department ?? t('cycles.progress.noDepartment') },
              ...compactColumns<(typeof p.byDepartment)[number]>((r) => r.department ?? t('cycles.progress.noDepartment')),
            ]}
            rows={p.byDepartment}
            rowKey={(r) => r.department ?? '—'}
          />
        </Card>
      </div>

      <Card
        className="card--flush"
        title={t('cycles.progress.bySubject', { count: p.bySubject.length })}
        actions={
          <SelectField
            label={t('cycles.progress.order')}
            name="order"
            className="order-select"
            value={order}
            onChange={(e) => setOrder(e.target.value as Order)}
          >
            {ORDERS.map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </SelectField>
        }
      >
        <Table caption={t('cycles.progress.bySubjectCaption')} columns={subjectColumns} rows={sortSubjects(p.bySubject, order)} rowKey={(r) => r.subjectId} />
      </Card>

      <Card
        className="card--flush"
        title={t('cycles.progress.pendingTitle', { count: p.pendingRaters.total })}
        description={
          p.pendingRaters.total > p.pendingRaters.items.length
            ? t('cycles.progress.pendingSome', { count: p.pendingRaters.items.length })
            : t('cycles.progress.pendingAll')
        }
      >
        {p.pendingRaters.items.length === 0 ? (
          <EmptyState title={t('cycles.progress.everyoneAnswered')} icon="✓" />
        ) : (
          <Table caption={t('cycles.progress.pendingCaption')} columns={pendingColumns} rows={p.pendingRaters.items} rowKey={(r) => r.raterId} />
        )}
      </Card>
    </div>
  );
}
