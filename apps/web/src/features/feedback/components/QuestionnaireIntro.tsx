import { Badge } from '@/components/ui';
import { firstName } from '@/lib/format';
import type { Questionnaire } from '../api/get-questionnaire';
import { SUBJECT_TO_RATER } from '../utils/words';
import { PersonLine } from './PersonLine';

/** Who is being rated, how they relate to me, and how the scale works. */
export function QuestionnaireIntro({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const self = q.relationship === 'self';
  const name = firstName(q.subject.name);
  const relation = self ? 'This is your self-review' : `${name} is ${SUBJECT_TO_RATER[q.relationship]}`;
  const privacy = self
    ? 'Your self-review is set beside how others see you, to show blind spots and hidden strengths.'
    : q.relationship === 'manager'
      ? `${name} sees an anonymous summary; depending on the cycle, a manager's view may be shown on its own.`
      : `${name} sees only combined results from several people — never who said what.`;
  return (
    <section className="q-intro card" aria-label="About this questionnaire">
      <div className="q-intro__who">
        <PersonLine person={q.subject} />
        <Badge tone="accent">{relation}</Badge>
      </div>
      <div className="q-intro__how">
        <p>
          <strong>Rate how often you see each behaviour.</strong> Choose <em>{q.scale.notObservedLabel}</em> when you have not seen it — it never counts as a
          score.
        </p>
        <p className="muted">
          There are no right answers: think of what you have seen in the last months, not a single moment. {privacy} Your answers save as you go.
        </p>
      </div>
    </section>
  );
}
