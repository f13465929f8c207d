import type { Report } from '../api/get-report';
import { useReader } from '../hooks/use-reader';
import { HowToRead } from './HowToRead';
import { tr } from '@/i18n';

/** The answers to each open question: the subject's own apart, everyone else's unattributed, in the API's order (unrelated to who wrote them). */
export function ReportComments({ report }: { report: Report }) {
  const reader = useReader(report);
  return (
    <section className="report-section" aria-labelledby="comments-title" id="comments">
      <h2 className="report-section__title" id="comments-title">
        {tr('report.comments')}
      </h2>
      <HowToRead>
        <p>{tr('reports.comments.help')}</p>
      </HowToRead>
      {report.comments.length === 0 && <p className="muted">{tr('reports.comments.noQuestions')}</p>}
      {report.comments.map((q) => {
        const titleId = `question-${q.questionId}`;
        return (
          <section key={q.questionId} className="card report-question" aria-labelledby={titleId}>
            <h3 className="card__title" id={titleId}>
              {q.text}
            </h3>
            {q.others.length === 0 && q.self.length === 0 && <p className="muted">{tr('reports.comments.none')}</p>}
            {q.others.length > 0 && (
              <ul className="report-comments" aria-label={tr('report.commentsFrom', { question: q.text })}>
                {q.others.map((text, i) => (
                  <li key={i} className="report-comment">
                    {text}
                  </li>
                ))}
              </ul>
            )}
            {q.self.length > 0 && (
              <div className="report-comment-self">
                <p className="report-comment-self__title">{tr('reports.comments.ownAnswer', reader.values)}</p>
                {q.self.map((text, i) => (
                  <p key={i} className="report-comment report-comment--self">
                    {text}
                  </p>
                ))}
              </div>
            )}
          </section>
        );
      })}
    </section>
  );
}
