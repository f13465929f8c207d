import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useBlocker } from 'react-router';
import { ApiError, isApiError } from '@/api/client';
import { Alert, Button, Dialog, ErrorAlert } from '@/components/ui';
import { useSignedInUser } from '@/lib/auth';
import { firstName } from '@/lib/format';
import { readUnsavedAnswers } from '@/lib/unsaved-answers';
import type { Questionnaire } from '../api/get-questionnaire';
import type { DraftBody } from '../api/save-draft';
import { useSubmitResponse, type Submission } from '../api/submit-response';
import { useDraftAutosave } from '../hooks/use-draft-autosave';
import { newUuid } from '../utils/uuid';
import type { PersonChoice } from '@/components/ui';
import { CommentQuestion } from './CommentQuestion';
import { FollowershipQuestion } from './FollowershipQuestion';
import { QuestionnaireStatusBar } from './QuestionnaireStatusBar';
import { ScaleQuestion, statementDomId } from './ScaleQuestion';
import { useT } from '@/i18n';

type Answers = Record<string, number | null>;
type Comments = Record<string, string>;

interface QuestionnaireFormProps {
  questionnaire: Questionnaire;
  onSubmitted: (submission: Submission) => void;
  /** The cycle closed while the form was open (a 409 on save or submit). */
  onClosed: (message: string) => void;
}

/** Scrolls a statement to the middle of the screen (clear of the sticky bars) and puts focus on its first option. */
function focusStatement(statementId: string): void {
  const fieldset = document.getElementById(statementDomId(statementId));
  if (!fieldset) return;
  fieldset.scrollIntoView({ block: 'center' });
  fieldset.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
}

/** The statements the API says are missing (422 incomplete_submission: one error per statement, with its questionId). */
function missingFromError(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'incomplete_submission') return [];
  return (error.errors as { questionId?: unknown }[]).flatMap((e) => (typeof e?.questionId === 'string' ? [e.questionId.toLowerCase()] : []));
}

/**
 * The questionnaire being answered: behaviour by behaviour, every statement a radio group, then
 * the comment boxes. Every change is autosaved (the whole draft); Submit checks completeness here
 * first, then sends everything with an Idempotency-Key.
 */
export function QuestionnaireForm({ questionnaire: q, onSubmitted, onClosed }: QuestionnaireFormProps) {
  const statements = useMemo(() => q.behaviours.flatMap((b) => b.statements), [q.behaviours]);
  const number = useMemo(() => new Map(statements.map((s, i) => [s.id, i + 1])), [statements]);
  const me = useSignedInUser();
  const t = useT();
  // Answers this browser kept because the server never confirmed them (a save kept failing, then the
  // page was left): offered back when nothing was saved since, else they are older than the server's.
  const [restored] = useState(() => {
    const kept = readUnsavedAnswers<DraftBody>(me.id, q.id);
    return kept && kept.savedAt === q.savedAt ? kept.body : null;
  });
  const draft = restored ?? q.draft;
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries((draft.answers ?? []).filter((a) => number.has(a.questionId.toLowerCase())).map((a) => [a.questionId.toLowerCase(), a.rating])),
  );
  const [comments, setComments] = useState<Comments>(() =>
    Object.fromEntries(
      (draft.comments ?? []).filter((c) => q.openQuestions.some((o) => o.id === c.questionId.toLowerCase())).map((c) => [c.questionId.toLowerCase(), c.text]),
    ),
  );
  const latest = useRef({ answers, comments });
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmNothingObserved, setConfirmNothingObserved] = useState(false);
  const [named, setNamed] = useState<PersonChoice[]>([]);
  const autosave = useDraftAutosave(q.id, q.savedAt, { onClosed, personId: me.id });
  const submit = useSubmitResponse();
  // One Idempotency-Key per submit attempt: a retry of the same answers reuses it.
  const attempt = useRef<{ key: string; body: string } | null>(null);

  const bodyOf = (a: Answers, c: Comments): DraftBody => ({
    answers: statements.filter((s) => s.id in a).map((s) => ({ questionId: s.id, rating: a[s.id] ?? null })),
    comments: q.openQuestions.filter((o) => (c[o.id] ?? '').trim() !== '').map((o) => ({ questionId: o.id, text: c[o.id]! })),
  });

  // Restored answers go to the server at once.
  const { change } = autosave;
  useEffect(() => {
    if (restored) change(bodyOf(latest.current.answers, latest.current.comments));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening the form with restored answers
  }, []);

  // Leaving for another page of the app while saves fail: say so first (the answers stay in this browser either way).
  const troubled = autosave.status.kind === 'retrying' || autosave.status.kind === 'failed';
  const blocker = useBlocker(({ currentLocation, nextLocation }) => troubled && currentLocation.pathname !== nextLocation.pathname);

  const update = (next: { answers?: Answers; comments?: Comments }) => {
    latest.current = { answers: next.answers ?? latest.current.answers, comments: next.comments ?? latest.current.comments };
    if (next.answers) setAnswers(next.answers);
    if (next.comments) setComments(next.comments);
    autosave.change(bodyOf(latest.current.answers, latest.current.comments));
  };

  const answer = (statementId: string, rating: number | null) => {
    update({ answers: { ...latest.current.answers, [statementId]: rating } });
    if (missing.has(statementId)) {
      const rest = new Set(missing);
      rest.delete(statementId);
      setMissing(rest);
      if (rest.size === 0) setProblem(null);
    }
  };

  const showMissing = (ids: string[]) => {
    setMissing(new Set(ids));
    setProblem(t('form.missing', { count: ids.length, notObserved: q.scale.notObservedLabel }));
    const first = statements.find((s) => ids.includes(s.id));
    if (first) requestAnimationFrame(() => focusStatement(first.id));
  };

  const onSubmit = async (event: FormEvent | null, nothingObservedConfirmed = false) => {
    event?.preventDefault();
    if (submit.isPending) return;
    const unanswered = statements.filter((s) => !(s.id in latest.current.answers)).map((s) => s.id);
    if (unanswered.length) {
      showMissing(unanswered);
      return;
    }
    setProblem(null);
    // Every statement "Not observed" and not a word: most likely a slip, and it adds nothing to the report. Ask first.
    const nothingObserved =
      statements.every((s) => latest.current.answers[s.id] === null) && Object.values(latest.current.comments).every((text) => text.trim() === '');
    if (nothingObserved && !nothingObservedConfirmed) {
      setConfirmNothingObserved(true);
      return;
    }
    setConfirmNothingObserved(false);
    const body = { ...bodyOf(latest.current.answers, latest.current.comments), ...(named.length ? { colleaguesNamed: named.map((p) => p.id) } : {}) };
    const serial = JSON.stringify(body);
    if (attempt.current?.body !== serial) attempt.current = { key: newUuid(), body: serial };
    await autosave.hold();
    // mutateAsync, not mutate's callbacks: a successful submit turns this form into the read-only
    // view (the cached questionnaire says so), and callbacks of an unmounted form would never run.
    try {
      const submission = await submit.mutateAsync({ id: q.id, body, idempotencyKey: attempt.current.key });
      autosave.stop();
      attempt.current = null;
      onSubmitted(submission);
    } catch (error) {
      const ids = missingFromError(error);
      if (ids.length) {
        autosave.resume();
        showMissing(ids);
      } else if (isApiError(error, 409) && error.code === 'cycle_not_open') {
        autosave.stop();
        onClosed(error.message);
      } else {
        autosave.resume();
      }
    }
  };

  const answered = statements.filter((s) => s.id in answers).length;
  const complete = answered === statements.length;
  const self = q.relationship === 'self';
  const incompleteError = missingFromError(submit.error).length > 0 || (isApiError(submit.error, 409) && submit.error.code === 'cycle_not_open');

  return (
    <form
      className="questionnaire"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-label={self ? t('questionnaire.selfTitle') : t('questionnaire.title', { name: q.subject.name })}
    >
      <QuestionnaireStatusBar answered={answered} total={statements.length} status={autosave.status} />
      {restored && (
        <Alert tone="info" title={t('form.restored')}>
          {autosave.status.kind === 'saved' ? t('form.restoredSaved') : t('form.restoredSaving')}
        </Alert>
      )}
      {autosave.status.kind === 'retrying' && (
        <Alert tone="warning" title={t('form.notSavedYet')}>
          {t('form.keepsTrying')}
        </Alert>
      )}
      {autosave.status.kind === 'failed' && (
        <Alert tone="danger" title={t('form.couldNotSave')}>
          {autosave.status.message} {t('form.reload')}
        </Alert>
      )}

      {q.behaviours.map((behaviour, index) => (
        <section key={behaviour.id} className="behaviour" aria-labelledby={`behaviour-${behaviour.id}`}>
          <header className="behaviour__header">
            <p className="behaviour__step">{t('form.behaviourStep', { index: index + 1, total: q.behaviours.length })}</p>
            <h2 className="behaviour__name" id={`behaviour-${behaviour.id}`}>
              {behaviour.name}
            </h2>
            {behaviour.description && <p className="behaviour__description">{behaviour.description}</p>}
          </header>
          {behaviour.statements.map((statement) => (
            <ScaleQuestion
              key={statement.id}
              statement={statement}
              number={number.get(statement.id) ?? 0}
              scale={q.scale}
              value={answers[statement.id]}
              missing={missing.has(statement.id)}
              onAnswer={(rating) => answer(statement.id, rating)}
            />
          ))}
        </section>
      ))}

      {q.openQuestions.length > 0 && (
        <section className="behaviour comments" aria-labelledby="comments-heading">
          <header className="behaviour__header">
            <h2 className="behaviour__name" id="comments-heading">
              {t('form.ownWords')}
            </h2>
            <p className="behaviour__description">{self ? t('form.ownWordsSelf') : t('form.ownWordsOther', { name: firstName(q.subject.name) })}</p>
          </header>
          {q.openQuestions.map((question) => (
            <CommentQuestion
              key={question.id}
              question={question}
              value={comments[question.id] ?? ''}
              onChange={(text) => update({ comments: { ...latest.current.comments, [question.id]: text } })}
            />
          ))}
        </section>
      )}

      <FollowershipQuestion value={named} onChange={setNamed} excludeId={me.id} />

      <section className="submit-panel" aria-labelledby="submit-heading">
        <h2 className="submit-panel__title" id="submit-heading">
          {t('form.submitTitle')}
        </h2>
        <p className="submit-panel__text">
          {complete
            ? t('form.complete', { count: statements.length })
            : t('form.incomplete', { answered, total: statements.length, notObserved: q.scale.notObservedLabel })}
        </p>
        {problem && (
          <Alert tone="danger" live={false} title={t('form.notSubmitted')}>
            {problem}
          </Alert>
        )}
        {submit.isError && !incompleteError && <ErrorAlert error={submit.error} title={t('form.submitFailed')} />}
        <div className="form__actions">
          <Button type="submit" loading={submit.isPending} loadingText={t('form.submitting')}>
            {t('form.submit')}
          </Button>
          <span className="muted submit-panel__note">{t('form.draftNote')}</span>
        </div>
      </section>

      <Dialog
        open={confirmNothingObserved}
        onClose={() => setConfirmNothingObserved(false)}
        title={t('form.nothingTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmNothingObserved(false)}>
              {t('form.goBack')}
            </Button>
            <Button onClick={() => void onSubmit(null, true)} loading={submit.isPending} loadingText={t('form.submitting')}>
              {t('form.submitAnyway')}
            </Button>
          </>
        }
      >
        <p>
          {self
            ? t('form.nothingSelf', { notObserved: q.scale.notObservedLabel })
            : t('form.nothingOther', { notObserved: q.scale.notObservedLabel, name: firstName(q.subject.name) })}
        </p>
        {!self && <p className="muted">{t('form.nothingDecline', { name: firstName(q.subject.name) })}</p>}
      </Dialog>

      <Dialog
        open={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('form.notSavedYet')}
        footer={
          <>
            <Button variant="secondary" onClick={() => blocker.reset?.()}>
              {t('form.stay')}
            </Button>
            <Button variant="danger" onClick={() => blocker.proceed?.()}>
              {t('form.leave')}
            </Button>
          </>
        }
      >
        <p>{t('form.leaveText')}</p>
      </Dialog>
    </form>
  );
}
