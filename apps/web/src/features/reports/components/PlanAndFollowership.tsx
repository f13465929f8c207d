import { ButtonLink } from '@/components/ui';
import type { Report } from '../api/get-report';
import { planPath } from '../api/plans';
import { useReader } from '../hooks/use-reader';
import '../styles/plan.css';
import { tr } from '@/i18n';

/**
 * Under the summary: how many colleagues outside the reporting line turn to the person (only as
 * the API shows it: at least k, never who), and, for the subject of a released report, the way on
 * to a development plan.
 */
export function PlanAndFollowership({ report }: { report: Report }) {
  const reader = useReader(report);
  const { followership } = report;
  const mayPlan = report.viewer === 'subject' || (reader.self && report.cycle.state === 'released');
  const named =
    followership.shown && followership.named !== undefined ? tr('reports.followership.named', { ...reader.values, count: followership.named }) : null;
  if (!named && !mayPlan) return null;
  return (
    <section className="report-plan-link" aria-label={tr('reports.followership.label')}>
      {named && <p className="report-followership">{named}</p>}
      {!named && followership.reason === 'fewer_than_threshold' && (
        <p className="muted">{tr('reports.followership.tooFew', { ...reader.values, k: report.threshold })}</p>
      )}
      {mayPlan && (
        <p className="report-plan-link__action">
          <ButtonLink to={planPath(report.cycle.id)} variant="primary">
            {tr('reports.followership.makePlan')}
          </ButtonLink>{' '}
          <span className="muted">{tr('reports.followership.planHint')}</span>
        </p>
      )}
    </section>
  );
}
