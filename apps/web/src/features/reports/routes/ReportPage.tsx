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

  if (report.isPending) return <Loading label="Loading the report…" />;
  if (isApiError(report.error, 404) && report.error.code === 'report_not_available_yet') return <NotAvailableYet />;
  if (isApiError(report.error, 403) && report.error.code === 'report_rated_anonymously') return <RatedAnonymously message={report.error.message} />;
  if (isApiError(report.error, 404)) return <NotFound />;
  if (report.isError) return <ErrorAlert error={report.error} title="Could not load this report" />;

  const r = report.data;
  return (
    <article className="report" aria-label={`360° feedback report: ${r.subject.name}, ${r.cycle.name}`}>
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
      <p className="report-footnote muted">
        Computed when the cycle closed and fixed since. Confidential: share it only as {r.viewer === 'subject' ? 'you choose' : 'the person would expect'}.
      </p>
    </article>
  );
}

function NotAvailableYet() {
  return (
    <>
      <PageHeader title="Report not available yet" />
      <EmptyState
        icon="…"
        title="This report is not ready for you yet"
        action={
          <ButtonLink to="/reports" variant="secondary">
            Back to reports
          </ButtonLink>
        }
      >
        Reports are computed when the cycle closes and shown to the person once HR releases them. Come back later — you will find it under Reports when it is
        ready.
      </EmptyState>
    </>
  );
}

function RatedAnonymously({ message }: { message: string }) {
  return (
    <>
      <PageHeader title="You cannot read this report" />
      <EmptyState
        icon="×"
        title="This report holds your anonymous answers"
        action={
          <ButtonLink to="/reports" variant="secondary">
            Back to reports
          </ButtonLink>
        }
      >
        {message}. Your answers were counted among the anonymous ones; reading the report would let you take them back out and work out what the others said.
      </EmptyState>
    </>
  );
}
