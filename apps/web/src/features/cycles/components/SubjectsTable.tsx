import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { Button, Table, type Column } from '@/components/ui';
import { useT } from '@/i18n';
import type { Cycle } from '../api/get-cycle';
import type { CycleSubject, RequestCounts } from '../api/list-subjects';
import { RateBar } from './RateBar';

const dash = <span className="muted">—</span>;
const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

function Requests({ counts }: { counts: RequestCounts }) {
  const t = useT();
  const extra = [
    counts.proposed ? t('cycles.subjects.awaitingApproval', { count: counts.proposed }) : null,
    counts.declined ? t('cycles.subjects.declined', { count: counts.declined }) : null,
    counts.rejected ? t('cycles.subjects.rejected', { count: counts.rejected }) : null,
  ].filter(Boolean);
  return (
    <div className="requests-cell">
      <span>{t('cycles.subjects.raters', { count: counts.requested })}</span>
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
  const t = useT();
  const launched = cycle.state !== 'draft';
  const raters = (s: CycleSubject) => `/cycles/${cycle.id}/subjects/${s.personId}/requests`;
  // Reports exist once the cycle has closed (HR may read them before release).
  const reportable = cycle.state === 'closed' || cycle.state === 'released';
  const columns: Column<CycleSubject>[] = [
    {
      key: 'name',
      header: t('cycles.subjects.subject'),
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
    { key: 'department', header: t('cycles.subjects.department'), cell: (s) => s.department ?? dash },
    { key: 'manager', header: t('cycles.subjects.manager'), cell: (s) => s.managerName ?? <span className="muted">{t('cycles.subjects.noManager')}</span> },
  ];
  if (launched) {
    columns.push(
      { key: 'requests', header: t('cycles.subjects.requests'), cell: (s) => <Requests counts={s.requests} /> },
      {
        key: 'rate',
        header: t('cycles.subjects.answered'),
        className: 'col-rate',
        cell: (s) => (
          <RateBar
            rate={s.requests.responseRate}
            label={t('cycles.subjects.answeredFor', { name: s.name })}
            detail={t('cycles.rate.of', { submitted: s.requests.submitted, requested: s.requests.requested })}
          />
        ),
      },
      {
        key: 'actions',
        header: <span className="visually-hidden">{t('cycles.subjects.actions')}</span>,
        label: '',
        className: 'col-actions',
        align: 'end',
        cell: (s) => (
          <>
            {reportable && (
              <Link to={`/reports/cycles/${cycle.id}/subjects/${s.personId}`} className="btn btn--ghost btn--sm">
                <FormattedMessage id="cycles.subjects.report" values={{ name: s.name, hidden }} />
              </Link>
            )}
            <Link to={raters(s)} className="btn btn--ghost btn--sm">
              <FormattedMessage id="cycles.subjects.ratersOf" values={{ name: s.name, hidden }} />
            </Link>
          </>
        ),
      },
    );
  } else {
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">{t('cycles.subjects.actions')}</span>,
      label: '',
      className: 'col-actions',
      align: 'end',
      cell: (s) => (
        <Button variant="ghost" size="sm" onClick={() => onRemove(s)} loading={removingId === s.personId} loadingText={t('cycles.subjects.removing')}>
          <FormattedMessage id="cycles.subjects.remove" values={{ name: s.name, hidden }} />
        </Button>
      ),
    });
  }
  return <Table caption={t('cycles.subjects.caption', { name: cycle.name })} columns={columns} rows={subjects} rowKey={(s) => s.personId} busy={busy} />;
}
