import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Loading, useDocumentTitle } from '@/components/ui';
import { isApiError } from '@/api/client';
import {
  getExternalQuestionnaire,
  openExternalLink,
  saveExternalDraft,
  submitExternalAnswers,
  type ExternalAnswers,
  type ExternalQuestionnaire,
} from '../api/external-questionnaire';
import '../external.css';

type Phase = { kind: 'loading' } | { kind: 'closed'; message: string } | { kind: 'open'; questionnaire: ExternalQuestionnaire } | { kind: 'done' };

/**
 * The page an external rater's link opens: no account, no navigation, one questionnaire. The
 * link is spent on first open (the browser keeps an httpOnly credential for this questionnaire
 * alone) and removed from the address bar, so it is not left in history.
 */
export default function ExternalQuestionnairePage() {
  useDocumentTitle('Your feedback');
  const [params, setParams] = useSearchParams();
  const token = params.get('token');
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      if (token) {
        // A spent link is fine when this browser already holds the questionnaire (a reload).
        await openExternalLink(token).catch(() => undefined);
        setParams({}, { replace: true });
      }
      try {
        setPhase({ kind: 'open', questionnaire: await getExternalQuestionnaire() });
      } catch (error) {
        setPhase({
          kind: 'closed',
          message: isApiError(error) ? error.message : 'This questionnaire could not be opened. Ask the person who invited you for a new link.',
        });
      }
    })();
  }, [token, setParams]);

  return (
    <div className="external">
      <main id="main" className="external__main">
        <p className="external__brand">Ripple</p>
        {phase.kind === 'loading' && <Loading label="Opening your questionnaire…" />}
        {phase.kind === 'closed' && (
          <div className="external__card">
            <h1>This link does not open a questionnaire</h1>
            <Alert tone="danger">{phase.message}</Alert>
          </div>
        )}
        {phase.kind === 'done' && (
          <div className="external__card" role="status">
            <h1>Thank you</h1>
            <p>Your answers are in. They are combined with other people’s and never shown with your name. You can close this page.</p>
          </div>
        )}
        {phase.kind === 'open' && <ExternalForm questionnaire={phase.questionnaire} onDone={() => setPhase({ kind: 'done' })} />}
      </main>
    </div>
  );
}

function ExternalForm({ questionnaire, onDone }: { questionnaire: ExternalQuestionnaire; onDone: () => void }) {
  const [ratings, setRatings] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(questionnaire.draft.answers.map((a) => [a.questionId, a.rating ?? null])),
  );
  const [comments, setComments] = useState<Record<string, string>>(() => Object.fromEntries(questionnaire.draft.comments.map((c) => [c.questionId, c.text])));
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const statements = questionnaire.behaviours.flatMap((b) => b.statements);
  const body = (): ExternalAnswers => ({
    answers: statements.filter((s) => s.id in ratings).map((s) => ({ questionId: s.id, rating: ratings[s.id] ?? null })),
    comments: questionnaire.openQuestions.filter((q) => comments[q.id]?.trim()).map((q) => ({ questionId: q.id, text: comments[q.id] ?? '' })),
  });
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ tone: 'danger', text: isApiError(error) ? error.message : 'Something went wrong. Try again.' });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(async () => {
      const saved = await saveExternalDraft(body());
      setMessage({ tone: 'success', text: `Saved: ${saved.progress.answered} of ${saved.progress.total} statements answered.` });
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unanswered = statements.filter((s) => !(s.id in ratings)).map((s) => s.id);
    setMissing(new Set(unanswered));
    if (unanswered.length) {
      setMessage({ tone: 'danger', text: `${unanswered.length} statement${unanswered.length === 1 ? ' is' : 's are'} not answered yet.` });
      document.getElementById(`statement-${unanswered[0]}`)?.querySelector('input')?.focus();
      return;
    }
    void run(async () => {
      await submitExternalAnswers(body());
      onDone();
    });
  };
  const options = [
    ...questionnaire.scale.points.map((p) => ({ label: p.label, rating: p.value })),
    { label: questionnaire.scale.notObservedLabel, rating: null },
  ];

  return (
    <form onSubmit={submit} noValidate>
      <div className="external__card">
        <h1>Feedback for {questionnaire.subjectName}</h1>
        <p>
          Hello {questionnaire.raterName}. {questionnaire.subjectName} at {questionnaire.organizationName} asked for your view of how they work with you (
          {questionnaire.cycleName}). For each statement, choose how often you see it, or “{questionnaire.scale.notObservedLabel}”.
        </p>
        <p>
          Your answers are combined with those of at least {questionnaire.threshold} people and never shown with your name.
          {questionnaire.responseDeadline && ` Please answer by ${new Date(questionnaire.responseDeadline).toLocaleDateString()}.`}
        </p>
      </div>
      {questionnaire.behaviours.map((behaviour) => (
        <section key={behaviour.id} className="external__card" aria-labelledby={`behaviour-${behaviour.id}`}>
          <h2 id={`behaviour-${behaviour.id}`}>{behaviour.name}</h2>
          <p>{behaviour.description}</p>
          {behaviour.statements.map((statement) => (
            <fieldset key={statement.id} id={`statement-${statement.id}`} className="external__statement">
              <legend>{statement.text}</legend>
              <div className="external__scale">
                {options.map((option) => (
                  <label key={option.label} className="external__option">
                    <input
                      type="radio"
                      name={`rating-${statement.id}`}
                      checked={statement.id in ratings && ratings[statement.id] === option.rating}
                      onChange={() => setRatings((r) => ({ ...r, [statement.id]: option.rating }))}
                    />
                    {option.label}
                  </label>
                ))}
              </div>
              {missing.has(statement.id) && !(statement.id in ratings) && <p className="external__missing">Not answered yet.</p>}
            </fieldset>
          ))}
        </section>
      ))}
      <section className="external__card" aria-labelledby="external-comments">
        <h2 id="external-comments">In your own words</h2>
        {questionnaire.openQuestions.map((question) => (
          <div key={question.id} className="field">
            <label className="field__label" htmlFor={`comment-${question.id}`}>
              {question.text} <span className="field__note">(optional)</span>
            </label>
            <textarea
              id={`comment-${question.id}`}
              className="input textarea"
              rows={4}
              maxLength={5000}
              value={comments[question.id] ?? ''}
              onChange={(e) => setComments((c) => ({ ...c, [question.id]: e.target.value }))}
            />
          </div>
        ))}
      </section>
      {message && (
        <Alert tone={message.tone} className="external__message">
          {message.text}
        </Alert>
      )}
      <div className="external__actions">
        <Button type="button" variant="secondary" onClick={() => void save()} disabled={busy}>
          Save and finish later
        </Button>
        <Button type="submit" loading={busy} loadingText="Sending…">
          Send my feedback
        </Button>
      </div>
    </form>
  );
}
