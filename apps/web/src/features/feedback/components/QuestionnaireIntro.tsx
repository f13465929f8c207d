import { Badge } from '@/components/ui';
import { firstName } from '@/lib/format';
import type { Questionnaire } from '../api/get-questionnaire';
import { SUBJECT_TO_RATER } from '../utils/words';
import { PersonLine } from './PersonLine';

/** Who is being rated, how they relate to me, how the scale works, and who sees my answers in this cycle. */
export function QuestionnaireIntro({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const self = q.relationship === 'self';
  const name = firstName(q.subject.name);
  const relation = self ? 'This is your self-review' : `${name} is ${SUBJECT_TO_RATER[q.relationship]}`;
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
        <p className="muted">There are no right answers: think of what you have seen in the last months, not a single moment. Your answers save as you go.</p>
        <p className="q-intro__audience">
          <strong>Who sees your answers.</strong> {q.answerAudience.explanation}
        </p>
      </div>
    </section>
  );
}
