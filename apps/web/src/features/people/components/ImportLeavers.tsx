import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Alert, Table, type Column } from '@/components/ui';
import { useT } from '@/i18n';
import type { ImportLeaver, ImportReturner } from '../api/import-people';

const person = (p: { name: string; email: string }) => (
  <div className="person-cell">
    <span className="person-cell__name">{p.name}</span>
    <span className="person-cell__email">{p.email}</span>
  </div>
);

const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/** Who leaves, shown apart from the other changes and before anything happens: leaving ends sign-in and mail at once. */
export function ImportLeavers({ leavers, activePeople, applied = false }: { leavers: ImportLeaver[]; activePeople: number; applied?: boolean }) {
  const t = useT();
  const moved = leavers.reduce((n, l) => n + l.directReports, 0);
  const leaverColumns: Column<ImportLeaver>[] = [
    { key: 'person', header: t('people.import.person'), cell: person },
    {
      key: 'why',
      header: t('people.import.why'),
      cell: (l) => (l.line === null ? t('people.import.notInFile') : t('people.import.lineSaysLeft', { line: l.line })),
    },
    {
      key: 'reports',
      header: t('people.import.directReports'),
      cell: (l) =>
        l.directReports === 0 ? (
          <span className="muted">{t('common.none')}</span>
        ) : l.reportsMoveTo ? (
          <FormattedMessage id="people.import.reportsMoveTo" values={{ count: l.directReports, name: l.reportsMoveTo.name, strong }} />
        ) : (
          t('people.import.reportsMoveToNobody', { count: l.directReports })
        ),
    },
    {
      key: 'work',
      header: t('people.import.runningCycles'),
      cell: (l) => {
        const parts = [
          l.requestsInRunningCycles > 0 && t('people.import.askedAbout', { count: l.requestsInRunningCycles }),
          l.subjectOfRunningCycles > 0 && t('people.import.reviewedIn', { count: l.subjectOfRunningCycles }),
        ].filter(Boolean);
        return parts.length ? parts.join(t('people.import.workSeparator')) : <span className="muted">{t('people.import.nothingRunning')}</span>;
      },
    },
  ];
  return (
    <section className="import-section import-leavers" aria-labelledby="import-leavers-title">
      <h3 id="import-leavers-title" className="import-section__title">
        {applied ? t('people.import.deactivated', { count: leavers.length }) : t('people.import.willBeDeactivated', { count: leavers.length })}
      </h3>
      <Alert
        tone="warning"
        title={applied ? t('people.import.theyHaveLeft') : t('people.import.willLeave', { count: leavers.length, active: activePeople })}
        live={false}
      >
        {applied ? t('people.import.leftText', { moved }) : t('people.import.leaveText', { moved })}
      </Alert>
      <Table caption={t('people.import.leaversCaption')} columns={leaverColumns} rows={leavers} rowKey={(l) => l.id} />
    </section>
  );
}

export function ImportReturners({ returners, applied = false }: { returners: ImportReturner[]; applied?: boolean }) {
  const t = useT();
  const returnerColumns: Column<ImportReturner>[] = [
    { key: 'line', header: t('people.import.line'), cell: (r) => r.line, className: 'col-line', align: 'end' },
    { key: 'person', header: t('people.import.person'), cell: person },
  ];
  return (
    <section className="import-section" aria-labelledby="import-returners-title">
      <h3 id="import-returners-title" className="import-section__title">
        {applied ? t('people.import.cameBack', { count: returners.length }) : t('people.import.comingBack', { count: returners.length })}
      </h3>
      <p className="muted">{t('people.import.returnersText')}</p>
      <Table caption={t('people.import.returnersCaption')} columns={returnerColumns} rows={returners} rowKey={(r) => r.id} />
    </section>
  );
}
