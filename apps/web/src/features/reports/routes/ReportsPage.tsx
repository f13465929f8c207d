import type { ReactNode } from 'react';
import { Badge, ButtonLink, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { formatDate, initials } from '@/lib/format';
import { isAdmin, useSignedInUser } from '@/lib/auth';
import { reportPath } from '../api/get-report';
import { useMyReports, type MyReport } from '../api/list-my-reports';
import '../reports.css';
import { FormattedMessage } from 'react-intl';
import { tr, useT } from '@/i18n';

/** "Released 3 Oct 2026", or for a manager reading early, that the person cannot see it yet. */
function availability(item: MyReport): { badge: string; tone: 'success' | 'neutral'; text: string } {
  if (item.cycleState === 'released')
    return {
      badge: tr('reports.list.released'),
      tone: 'success',
      text: item.releasedAt ? tr('reports.list.releasedOn', { date: formatDate(item.releasedAt) }) : tr('reports.list.released'),
    };
  const first = item.subject.name.split(/\s+/)[0] ?? item.subject.name;
  return {
    badge: tr('reports.list.notReleased'),
    tone: 'neutral',
    text: tr('reports.list.cannotSeeYet', {
      closed: item.closedAt ? tr('reports.list.closedOn', { date: formatDate(item.closedAt) }) : tr('reports.list.closed'),
      name: first,
    }),
  };
}

const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

function OwnReport({ item }: { item: MyReport }) {
  return (
    <li className="report-item">
      <div className="report-item__main">
        <h3 className="report-item__title">{item.cycleName}</h3>
        <p className="report-item__meta">{availability(item).text}</p>
      </div>
      <ButtonLink to={reportPath(item.cycleId, item.subject.id)} variant="primary" size="sm">
        <FormattedMessage id="reports.list.open" values={{ cycle: item.cycleName, hidden }} />
      </ButtonLink>
    </li>
  );
}

function TeamReport({ item }: { item: MyReport }) {
  const state = availability(item);
  const about = [item.subject.title, item.subject.department].filter(Boolean).join(' · ');
  return (
    <li className="report-item">
      <span className="avatar" aria-hidden="true">
        {initials(item.subject.name)}
      </span>
      <div className="report-item__main">
        <h3 className="report-item__title">{item.subject.name}</h3>
        <p className="report-item__meta">
          {about && <>{about} · </>}
          {item.cycleName}
        </p>
        <p className="report-item__meta">{state.text}</p>
      </div>
      <div className="report-item__side">
        <Badge tone={state.tone}>{state.badge}</Badge>
        <ButtonLink to={reportPath(item.cycleId, item.subject.id)} variant="secondary" size="sm">
          <FormattedMessage id="reports.list.openOther" values={{ name: item.subject.name, cycle: item.cycleName, hidden }} />
        </ButtonLink>
      </div>
    </li>
  );
}

/** Reports: my own (after release) and my direct reports' (as each cycle allows), newest cycle first. */
export default function ReportsPage() {
  const me = useSignedInUser();
  const reports = useMyReports();
  const own = reports.data?.filter((r) => r.viewer === 'subject') ?? [];
  const team = reports.data?.filter((r) => r.viewer === 'manager') ?? [];
  const shared = reports.data?.filter((r) => r.viewer === 'shared') ?? [];
  const admin = isAdmin(me);
  const t = useT();
  return (
    <>
      <PageHeader
        title={t('nav.reports')}
        description={t('reports.list.description')}
        actions={
          <>
            <ButtonLink to="/team" variant="secondary" size="sm">
              {t('reports.list.team')}
            </ButtonLink>
            <ButtonLink to="/plans/shared" variant="secondary" size="sm">
              {t('reports.list.sharedPlans')}
            </ButtonLink>
          </>
        }
      />
      {reports.isPending && <Loading label={t('reports.list.loading')} />}
      {reports.isError && <ErrorAlert error={reports.error} title={t('reports.list.loadFailed')} />}
      {reports.data && reports.data.length === 0 && (
        <div className="card">
          <EmptyState title={t('reports.list.none')} icon="◔" action={admin ? <ButtonLink to="/cycles">{t('reports.list.goToCycles')}</ButtonLink> : undefined}>
            <p>{t('reports.list.noneText')}</p>
            <p className="muted">{admin ? t('reports.list.hrNote') : t('reports.list.anonymityNote')}</p>
          </EmptyState>
        </div>
      )}
      {reports.data && reports.data.length > 0 && (
        <>
          <section className="card report-group" aria-labelledby="own-reports">
            <h2 className="card__title" id="own-reports">
              {t('reports.list.yours')}
            </h2>
            {own.length === 0 ? (
              <p className="muted report-group__empty">{t('reports.list.noneOwn')}</p>
            ) : (
              <ul className="report-list">
                {own.map((item) => (
                  <OwnReport key={`${item.cycleId}:${item.subject.id}`} item={item} />
                ))}
              </ul>
            )}
          </section>
          {shared.length > 0 && (
            <section className="card report-group" aria-labelledby="shared-reports">
              <h2 className="card__title" id="shared-reports">
                {t('reports.list.shared')}
              </h2>
              <p className="card__description">{t('reports.list.sharedText')}</p>
              <ul className="report-list">
                {shared.map((item) => (
                  <TeamReport key={`${item.cycleId}:${item.subject.id}`} item={item} />
                ))}
              </ul>
            </section>
          )}
          {team.length > 0 && (
            <section className="card report-group" aria-labelledby="team-reports">
              <h2 className="card__title" id="team-reports">
                {t('reports.list.teams')}
              </h2>
              <p className="card__description">{t('reports.list.teamsText')}</p>
              <ul className="report-list">
                {team.map((item) => (
                  <TeamReport key={`${item.cycleId}:${item.subject.id}`} item={item} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {admin && reports.data && reports.data.length > 0 && <p className="muted report-hr-note">{t('reports.list.hrNote')}</p>}
    </>
  );
}
