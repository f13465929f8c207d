import type { CycleState } from '../api/list-cycles';
import { STATE_INFO } from './cycle-format';
import { useT } from '@/i18n';

const ORDER: CycleState[] = ['draft', 'nominating', 'collecting', 'closed', 'released'];

/** Where the cycle is in its life: done steps ticked, the current one marked in words and with aria-current. */
export function StateSteps({ state, skipsNominating }: { state: CycleState; skipsNominating: boolean }) {
  const t = useT();
  const current = ORDER.indexOf(state);
  const steps = ORDER.filter((s) => !(skipsNominating && s === 'nominating'));
  return (
    <ol className="cy-steps" aria-label={t('cycles.steps.label')}>
      {steps.map((step) => {
        const index = ORDER.indexOf(step);
        const status = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li key={step} className={`cy-steps__item cy-steps__item--${status}`} aria-current={status === 'current' ? 'step' : undefined}>
            <span className="cy-steps__marker" aria-hidden="true">
              {status === 'done' ? '✓' : steps.indexOf(step) + 1}
            </span>
            <span className="cy-steps__label">
              {t(STATE_INFO[step].label)}
              {status === 'done' && <span className="visually-hidden"> {t('cycles.steps.done')}</span>}
              {status === 'current' && <span className="visually-hidden"> {t('cycles.steps.current')}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
