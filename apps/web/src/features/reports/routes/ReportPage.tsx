import { useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { ButtonLink, EmptyState, ErrorAlert, Loading, NotFound, PageHeader } from '@/components/ui';
import { useReport } from '../api/get-report';
import { AtAGlance } from '../components/AtAGlance';
import { BehavioursSection } from '../components/BehavioursSection';
import { Highlights } from '../components/Highlights';
import { ReportComments } from '../components/ReportComments';
import { ReportFacts, ReportHeader } from '../components/ReportHeader';
import { PoolingNote } from '../components/PooledGroups';
import { PlanAndFollowership } from '../components/PlanAndFollowership';
import { ReportSummary } from '../components/ReportSummary';
import { usePrintEverything } from '../hooks/use-print-everything';
import { ReportTrend } from '../components/ReportTrend';
import '../reports.css';
import { useT } from '@/i18n';

/**
 * One person's 360° report in one cycle, exactly as the API sends it (every number rounded to
 * two decimals, nothing derived that the API did not send). Anyone who may not see it gets the
 * app's not-found page, as from the API: nothing tells them more. Someone who will see it later
 * (the subject before release, HR while it is computed) is told so by the API, and here. Someone
 * whose own answers the report counted as anonymous (and whom their role would otherwise let in)
 * is told why they cannot read it: that keeps every rater's answers anonymous.
 */
export default function ReportPage() {
  const { cycleId = '', subjectId = '' } = useParams();
  const report = useReport(cycleId, subjectId);
  usePrintEverything();
  const t = useT();

  if (report.isPending) return <Loading label={t('report.loading')} />;
  if (isApiError(report.error, 404) && report.error.code === 'report_not_available_yet') return <NotAvailableYet />;
  if (isApiError(report.error, 403) && report.error.code === 'report_rated_anonymously') return <RatedAnonymously />;
  if (isApiError(report.error, 404)) return <NotFound />;
  if (report.isError) return <ErrorAlert error={report.error} title={t('report.loadFailed')} />;

  const r = report.data;
  return (
    <article className="report" aria-label={t('report.label', { name: r.subject.name, cycle: r.cycle.name })}>
      <ReportHeader report={r} />
      <ReportSummary report={r} />
      <PlanAndFollowership report={r} />
      {/* Which groups were combined, and why: right under the summary whose numbers it explains. */}
      <PoolingNote report={r} />
      <ReportFacts report={r} />
      <ReportTrend report={r} />
      <AtAGlance report={r} />
      <Highlights report={r} />
      <BehavioursSection report={r} />
      <ReportComments report={r} />
      <p className="report-footnote muted">{r.viewer === 'subject' ? t('report.footnoteSelf') : t('report.footnote')}</p>
    </article>
  );
}

function NotAvailableYet() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('report.notAvailable')} />
      <EmptyState
        icon="…"
        title={t('report.notReady')}
        action={
          <ButtonLink to="/reports" variant="secondary">
            {t('report.back')}
          </ButtonLink>
        }
      >
        {t('report.notReadyText')}
      </EmptyState>
    </>
  );
}

function RatedAnonymously() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('report.cannotRead')} />
      <EmptyState
        icon="×"
        title={t('report.holdsYours')}
        action={
          <ButtonLink to="/reports" variant="secondary">
            {t('report.back')}
          </ButtonLink>
        }
      >
        {t('reports.ratedAnonymously')} {t('report.holdsYoursText')}
      </EmptyState>
    </>
  );
}
