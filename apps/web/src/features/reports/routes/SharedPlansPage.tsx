import { Card, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useSharedPlans, type SharedPlan } from '../api/plans';
import type { Pulse } from '../api/pulse';
import { PulseComparison } from '../components/PulseComparison';
import '../styles/plan.css';
import { msg, useT, type MessageId } from '@/i18n';

/** A shared plan's pulse while there is nothing to compare: where it stands, in words. */
const PULSE_PROGRESS_WORDS: Record<Pulse['progress'], MessageId> = {
  scheduled: msg('reports.shared.scheduled'),
  collecting: msg('reports.shared.collecting'),
  computing: msg('reports.shared.computing'),
  ready: msg('reports.shared.ready'),
  not_started: msg('reports.shared.notStarted'),
};

/** The plans your direct reports shared with you, each with questions for the debrief (never their report). */
export default function SharedPlansPage() {
  const plans = useSharedPlans();
  const t = useT();
  return (
    <>
      <PageHeader title={t('reports.list.sharedPlans')} description={t('reports.shared.description')} />
      {plans.isPending && <Loading label={t('reports.shared.loading')} />}
      {plans.isError && <ErrorAlert error={plans.error} title={t('reports.shared.loadFailed')} />}
      {plans.data && plans.data.items.length === 0 && (
        <EmptyState icon="○" title={t('reports.shared.none')}>
          {t('reports.shared.noneText')}
        </EmptyState>
      )}
      {plans.data?.items.map((p) => (
        <SharedPlanCard key={`${p.cycleId}:${p.subject.id}`} plan={p} />
      ))}
    </>
  );
}

function SharedPlanCard({ plan }: { plan: SharedPlan }) {
  const t = useT();
  return (
    <Card
      title={`${plan.subject.name} · ${plan.cycleName}`}
      description={[plan.subjectTitle, t('reports.shared.sharedOn', { date: formatDate(plan.sharedAt) })].filter(Boolean).join(' · ')}
    >
      <div className="shared-plan">
        <section aria-label={t('reports.shared.plansOf', { name: plan.subject.name })}>
          <h3 className="shared-plan__heading">{t('reports.shared.theirPlan')}</h3>
          <ol className="plan-items">
            {plan.items.map((item) => (
              <li key={item.behaviourKey} className="plan-item plan-item--read">
                <strong>{item.name}</strong>
                <dl>
                  <dt>{t('reports.shared.willDo')}</dt>
                  <dd>{item.action}</dd>
                  <dt>{t('reports.shared.willKnow')}</dt>
                  <dd>{item.evidence}</dd>
                </dl>
              </li>
            ))}
          </ol>
        </section>
        {plan.pulse && (
          <section aria-label={t('reports.pulse.title')}>
            <h3 className="shared-plan__heading">{t('reports.pulse.title')}</h3>
            {plan.pulse.comparison ? (
              <PulseComparison comparison={plan.pulse.comparison} />
            ) : (
              <p className="muted">{t(PULSE_PROGRESS_WORDS[plan.pulse.progress])}</p>
            )}
          </section>
        )}
        <section aria-label={t('reports.shared.guide')}>
          <h3 className="shared-plan__heading">{t('reports.shared.guide')}</h3>
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
