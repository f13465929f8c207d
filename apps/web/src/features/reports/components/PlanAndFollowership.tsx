import { ButtonLink } from '@/components/ui';
import { plural } from '@/lib/format';
import type { Report } from '../api/get-report';
import { planPath } from '../api/plans';
import { useReader } from '../hooks/use-reader';
import '../styles/plan.css';

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
    followership.shown && followership.named !== undefined
      ? `${plural(followership.named, 'colleague', 'colleagues')} outside ${reader.your} reporting line named ${reader.self ? 'you' : reader.you} as someone they turn to for advice or support.`
      : null;
  if (!named && !mayPlan) return null;
  return (
    <section className="report-plan-link" aria-label="Followership and development plan">
      {named && <p className="report-followership">{named}</p>}
      {!named && followership.reason === 'fewer_than_threshold' && (
        <p className="muted">
          How many colleagues named {reader.self ? 'you' : reader.you} as someone they turn to is shown only when at least {report.threshold} did, and never
          who.
        </p>
      )}
      {mayPlan && (
        <p className="report-plan-link__action">
          <ButtonLink to={planPath(report.cycle.id)} variant="primary">
            Make a plan
          </ButtonLink>{' '}
          <span className="muted">Pick one to three behaviours to develop; your report suggests where to start.</span>
        </p>
      )}
    </section>
  );
}
