import type { Questionnaire } from '../api/get-questionnaire';
import { useT } from '@/i18n';

/** The answers as text, read-only: after submission, or when the cycle has closed on a draft. */
export function QuestionnaireAnswers({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const t = useT();
  const ratings = new Map(q.draft.answers.map((a) => [a.questionId.toLowerCase(), a.rating]));
  const comments = new Map(q.draft.comments.map((c) => [c.questionId.toLowerCase(), c.text]));
  const label = (id: string): { text: string; className: string } => {
    if (!ratings.has(id)) return { text: t('answers.none'), className: 'answer answer--none' };
    const rating = ratings.get(id);
    if (rating === null || rating === undefined) return { text: q.scale.notObservedLabel, className: 'answer answer--na' };
    return { text: q.scale.points.find((p) => p.value === rating)?.label ?? String(rating), className: 'answer' };
  };
  // Statements are numbered across behaviours, in order.
  const numbers = new Map(q.behaviours.flatMap((b) => b.statements).map((statement, i) => [statement.id, i + 1]));
  return (
    <div className="questionnaire questionnaire--readonly">
      {q.behaviours.map((behaviour) => (
        <section key={behaviour.id} className="behaviour" aria-labelledby={`behaviour-${behaviour.id}`}>
          <header className="behaviour__header">
            <h2 className="behaviour__name" id={`behaviour-${behaviour.id}`}>
              {behaviour.name}
            </h2>
            {behaviour.description && <p className="behaviour__description">{behaviour.description}</p>}
          </header>
          <dl className="answers">
            {behaviour.statements.map((statement) => {
              const answer = label(statement.id);
              return (
                <div key={statement.id} className="answers__row">
                  <dt>
                    <span className="statement__number">{numbers.get(statement.id)}.</span> {statement.text}
                  </dt>
                  <dd className={answer.className}>{answer.text}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      {q.openQuestions.length > 0 && (
        <section className="behaviour" aria-labelledby="comments-heading">
          <header className="behaviour__header">
            <h2 className="behaviour__name" id="comments-heading">
              {t('form.ownWords')}
            </h2>
          </header>
          <dl className="answers answers--comments">
            {q.openQuestions.map((question) => (
              <div key={question.id} className="answers__row">
                <dt>{question.text}</dt>
                <dd className={comments.get(question.id) ? 'comment-text' : 'answer answer--none'}>{comments.get(question.id) ?? t('answers.noComment')}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
