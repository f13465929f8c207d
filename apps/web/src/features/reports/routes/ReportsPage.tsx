import { Badge, ButtonLink, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { formatDate, initials } from '@/lib/format';
import { isAdmin, useSignedInUser } from '@/lib/auth';
import { reportPath } from '../api/get-report';
import { useMyReports, type MyReport } from '../api/list-my-reports';
import '../reports.css';

/** "Released 3 Oct 2026", or for a manager reading early, that the person cannot see it yet. */
function availability(item: MyReport): { badge: string; tone: 'success' | 'neutral'; text: string } {
  if (item.cycleState === 'released')
    return { badge: 'Released', tone: 'success', text: item.releasedAt ? `Released ${formatDate(item.releasedAt)}` : 'Released' };
  const first = item.subject.name.split(/\s+/)[0] ?? item.subject.name;
  return {
    badge: 'Not released yet',
    tone: 'neutral',
    text: `${item.closedAt ? `Closed ${formatDate(item.closedAt)}` : 'Closed'} · ${first} cannot see it until HR releases it`,
  };
}

function OwnReport({ item }: { item: MyReport }) {
  return (
    <li className="report-item">
      <div className="report-item__main">
        <h3 className="report-item__title">{item.cycleName}</h3>
        <p className="report-item__meta">{availability(item).text}</p>
      </div>
      <ButtonLink to={reportPath(item.cycleId, item.subject.id)} variant="primary" size="sm">
        Open report<span className="visually-hidden"> for {item.cycleName}</span>
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
          Open
          <span className="visually-hidden">
            {' '}
            {item.subject.name}’s report for {item.cycleName}
          </span>
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
  return (
    <>
      <PageHeader
        title="Reports"
        description="Your 360° feedback reports, and those of the people you manage when their cycle lets you see them."
        actions={
          <>
            <ButtonLink to="/team" variant="secondary" size="sm">
              Your team at a glance
            </ButtonLink>
            <ButtonLink to="/plans/shared" variant="secondary" size="sm">
              Plans shared with you
            </ButtonLink>
          </>
        }
      />
      {reports.isPending && <Loading label="Loading your reports…" />}
      {reports.isError && <ErrorAlert error={reports.error} title="Could not load your reports" />}
      {reports.data && reports.data.length === 0 && (
        <div className="card">
          <EmptyState title="No reports yet" icon="◔" action={admin ? <ButtonLink to="/cycles">Go to cycles</ButtonLink> : undefined}>
            <p>
              Your report appears here once a feedback cycle you were reviewed in has closed and HR has released the reports. If you manage people, their
              reports appear here too, as your organisation’s cycle settings allow.
            </p>
            <p className="muted">
              {admin
                ? 'As HR, you can open every report of a closed cycle from the cycle’s Subjects tab.'
                : 'Reports show group averages and unattributed comments; nobody’s individual answers.'}
            </p>
          </EmptyState>
        </div>
      )}
      {reports.data && reports.data.length > 0 && (
        <>
          <section className="card report-group" aria-labelledby="own-reports">
            <h2 className="card__title" id="own-reports">
              Your reports
            </h2>
            {own.length === 0 ? (
              <p className="muted report-group__empty">None released yet. Yours appears here when HR releases a cycle you were reviewed in.</p>
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
                Shared with you
              </h2>
              <p className="card__description">Reports of feedback colleagues asked for themselves, shared with you until they withdraw it.</p>
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
                Your team’s reports
              </h2>
              <p className="card__description">The people who reported to you when each cycle was launched.</p>
              <ul className="report-list">
                {team.map((item) => (
                  <TeamReport key={`${item.cycleId}:${item.subject.id}`} item={item} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {admin && reports.data && reports.data.length > 0 && (
        <p className="muted report-hr-note">As HR, you can open every report of a closed cycle from the cycle’s Subjects tab.</p>
      )}
    </>
  );
}
