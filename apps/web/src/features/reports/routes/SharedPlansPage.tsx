import { Card, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useSharedPlans, type SharedPlan } from '../api/plans';
import type { Pulse } from '../api/pulse';
import { PulseComparison } from '../components/PulseComparison';
import '../styles/plan.css';

/** A shared plan's pulse while there is nothing to compare: where it stands, in words. */
const PULSE_PROGRESS_WORDS: Record<Pulse['progress'], string> = {
  scheduled: 'A pulse on these behaviours has been asked for and has not started yet.',
  collecting: 'A pulse on these behaviours is collecting answers.',
  computing: 'A pulse on these behaviours has closed; then vs now is being worked out.',
  ready: 'The pulse is done, but it cannot be shown to you: you rated in it or in the report anonymously.',
  not_started: 'A pulse was asked for but could not start.',
};

/** The plans your direct reports shared with you, each with questions for the debrief (never their report). */
export default function SharedPlansPage() {
  const plans = useSharedPlans();
  return (
    <>
      <PageHeader
        title="Plans shared with you"
        description="Development plans your direct reports chose to share, with a short guide for your conversation: questions to ask, not verdicts."
      />
      {plans.isPending && <Loading label="Loading shared plans…" />}
      {plans.isError && <ErrorAlert error={plans.error} title="Could not load the shared plans" />}
      {plans.data && plans.data.items.length === 0 && (
        <EmptyState icon="○" title="No plans shared with you">
          When someone who reports to you shares the plan they made from their report, it appears here. A share ends if they withdraw it or your reporting line
          changes.
        </EmptyState>
      )}
      {plans.data?.items.map((p) => (
        <SharedPlanCard key={`${p.cycleId}:${p.subject.id}`} plan={p} />
      ))}
    </>
  );
}

function SharedPlanCard({ plan }: { plan: SharedPlan }) {
  return (
    <Card
      title={`${plan.subject.name} · ${plan.cycleName}`}
      description={`${plan.subjectTitle ? `${plan.subjectTitle} · ` : ''}Shared ${formatDate(plan.sharedAt)}`}
    >
      <div className="shared-plan">
        <section aria-label={`${plan.subject.name}’s plan`}>
          <h3 className="shared-plan__heading">Their plan</h3>
          <ol className="plan-items">
            {plan.items.map((item) => (
              <li key={item.behaviourKey} className="plan-item plan-item--read">
                <strong>{item.name}</strong>
                <dl>
                  <dt>Will do differently</dt>
                  <dd>{item.action}</dd>
                  <dt>Will know it works when</dt>
                  <dd>{item.evidence}</dd>
                </dl>
              </li>
            ))}
          </ol>
        </section>
        {plan.pulse && (
          <section aria-label="Follow-up pulse">
            <h3 className="shared-plan__heading">Follow-up pulse</h3>
            {plan.pulse.comparison ? (
              <PulseComparison comparison={plan.pulse.comparison} />
            ) : (
              <p className="muted">{PULSE_PROGRESS_WORDS[plan.pulse.progress]}</p>
            )}
          </section>
        )}
        <section aria-label="Conversation guide">
          <h3 className="shared-plan__heading">Conversation guide</h3>
          {plan.guide.map((section) => (
            <div key={section.title} className="guide-section">
              <h4>{section.title}</h4>
              <ul>
                {section.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      </div>
    </Card>
  );
}
