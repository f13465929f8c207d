import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Loading, useDocumentTitle } from '@/components/ui';
import { isApiError } from '@/api/client';
import { LanguageSwitch, tr, useLanguage, useT } from '@/i18n';
import { formatDate } from '@/lib/format';
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

/** What the API refused, in the reader's language (its own message is English). */
const refusal = (error: unknown, fallback: string): string => {
  if (isApiError(error) && error.code === 'external_access_invalid') return tr('externalPage.noAccess');
  if (isApiError(error) && error.code === 'too_many_link_attempts') return tr('externalPage.tooMany');
  return fallback;
};

/**
 * The page an external rater's link opens: no account, no navigation, one questionnaire. The
 * link is spent on first open (the browser keeps an httpOnly credential for this questionnaire
 * alone) and removed from the address bar, so it is not left in history. It speaks the language the
 * rater was invited in (the questionnaire says which), and they can switch: the statements are then
 * read again in that language, by the same ids, so their answers stay where they are.
 */
export default function ExternalQuestionnairePage() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  useDocumentTitle(t('externalPage.documentTitle'));
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
        const questionnaire = await getExternalQuestionnaire();
        setPhase({ kind: 'open', questionnaire });
        setLanguage(questionnaire.language);
      } catch (error) {
        setPhase({ kind: 'closed', message: refusal(error, tr('externalPage.cannotOpen')) });
      }
    })();
  }, [token, setParams, setLanguage]);

  // The rater switched language: the same questionnaire, worded in it.
  const shown = phase.kind === 'open' ? phase.questionnaire.language : null;
  useEffect(() => {
    if (!shown || shown === language) return;
    let current = true;
    getExternalQuestionnaire(language).then(
      (questionnaire) => current && setPhase((p) => (p.kind === 'open' ? { kind: 'open', questionnaire } : p)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [shown, language]);

  return (
    <div className="external">
      <main id="main" className="external__main">
        <div className="external__top">
          <p className="external__brand">Ripple</p> {/* i18n-exempt: the product's name */}
          <LanguageSwitch className="external__language" />
        </div>
        {phase.kind === 'loading' && <Loading label={t('externalPage.opening')} />}
        {phase.kind === 'closed' && (
          <div className="external__card">
            <h1>{t('externalPage.noQuestionnaire')}</h1>
            <Alert tone="danger">{phase.message}</Alert>
          </div>
        )}
        {phase.kind === 'done' && (
          <div className="external__card" role="status">
            <h1>{t('externalPage.thanks')}</h1>
            <p>{t('externalPage.thanksText')}</p>
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
  const t = useT();
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
      setMessage({ tone: 'danger', text: refusal(error, t('externalPage.failed')) });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(async () => {
      const saved = await saveExternalDraft(body());
      setMessage({ tone: 'success', text: t('externalPage.saved', { answered: saved.progress.answered, total: saved.progress.total }) });
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unanswered = statements.filter((s) => !(s.id in ratings)).map((s) => s.id);
    setMissing(new Set(unanswered));
    if (unanswered.length) {
      setMessage({ tone: 'danger', text: t('externalPage.unanswered', { count: unanswered.length }) });
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
        <h1>{t('externalPage.title', { name: questionnaire.subjectName })}</h1>
        <p>
          {t('externalPage.hello', {
            rater: questionnaire.raterName,
            subject: questionnaire.subjectName,
            organization: questionnaire.organizationName,
            cycle: questionnaire.cycleName,
            notObserved: questionnaire.scale.notObservedLabel,
          })}
        </p>
        <p>
          {t('externalPage.combined', { k: questionnaire.threshold })}
          {questionnaire.responseDeadline && ` ${t('externalPage.deadline', { date: formatDate(questionnaire.responseDeadline) })}`}
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
              {missing.has(statement.id) && !(statement.id in ratings) && <p className="external__missing">{t('externalPage.notAnswered')}</p>}
            </fieldset>
          ))}
        </section>
      ))}
      <section className="external__card" aria-labelledby="external-comments">
        <h2 id="external-comments">{t('externalPage.ownWords')}</h2>
        {questionnaire.openQuestions.map((question) => (
          <div key={question.id} className="field">
            <label className="field__label" htmlFor={`comment-${question.id}`}>
              {question.text} <span className="field__note">{t('externalPage.optional')}</span>
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
          {t('externalPage.saveLater')}
        </Button>
        <Button type="submit" loading={busy} loadingText={t('externalPage.sending')}>
          {t('externalPage.send')}
        </Button>
      </div>
    </form>
  );
}
