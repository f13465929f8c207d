import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, ButtonLink, ErrorAlert, Loading, NotFound, PageHeader } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { useQuestionnaire, type Questionnaire } from '../api/get-questionnaire';
import { useMyTasks, waitingTasks } from '../api/list-my-tasks';
import { QuestionnaireAnswers } from '../components/QuestionnaireAnswers';
import { QuestionnaireForm } from '../components/QuestionnaireForm';
import { QuestionnaireIntro } from '../components/QuestionnaireIntro';
import { capitalise, dueText } from '../utils/time';
import '../feedback.css';
import { useT } from '@/i18n';

/** After a submit: the rater's next open request (this cycle's first), as a way straight on. */
function NextRequest({ current }: { current: Questionnaire }) {
  const tasks = useMyTasks();
  const t = useT();
  const waiting = tasks.data ? waitingTasks(tasks.data).filter((task) => task.id !== current.id) : [];
  const next = waiting.find((task) => tasks.data?.find((c) => c.id === current.cycle.id)?.requests.includes(task)) ?? waiting[0];
  if (!next) return null;
  const name = next.relationship === 'self' ? t('task.whoSelf') : next.subject.name;
  return (
    <ButtonLink to={`/feedback/${next.id}`} size="sm">
      {t('questionnaire.next', { name })} <span aria-hidden="true">→</span>
    </ButtonLink>
  );
}

/** Why the questionnaire is read-only, in words. */
function ReadOnlyNotice({ q, justSubmitted, closedNow }: { q: Questionnaire; justSubmitted: boolean; closedNow: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  // After an action the message is where focus goes, so it is read at once.
  useEffect(() => {
    if (justSubmitted || closedNow) ref.current?.focus();
  }, [justSubmitted, closedNow]);
  let notice;
  if (q.withdrawnReason) {
    notice = (
      <Alert
        tone="info"
        title={t('questionnaire.withdrawn')}
        actions={
          <ButtonLink to="/feedback" variant="secondary" size="sm">
            {t('questionnaire.back')}
          </ButtonLink>
        }
      >
        <p>{q.withdrawnReason}</p>
        {q.savedAt ? <p>{t('questionnaire.withdrawnDraft', { saved: formatDateTime(q.savedAt) })}</p> : <p>{t('questionnaire.withdrawnNothing')}</p>}
      </Alert>
    );
  } else if (q.state === 'submitted') {
    notice = (
      <Alert
        tone="success"
        title={justSubmitted ? t('questionnaire.thanks') : t('questionnaire.submitted')}
        actions={
          <>
            {justSubmitted && <NextRequest current={q} />}
            <ButtonLink to="/feedback" variant="secondary" size="sm">
              {t('questionnaire.back')}
            </ButtonLink>
          </>
        }
      >
        {q.submittedAt ? `${t('questionnaire.sent', { date: formatDateTime(q.submittedAt) })} ` : ''}
        {t('questionnaire.final')}
      </Alert>
    );
  } else if (q.state === 'declined') {
    notice = (
      <Alert tone="info" title={t('questionnaire.declined')}>
        {t('questionnaire.declinedText', { name: q.subject.name })}
      </Alert>
    );
  } else {
    notice = (
      <Alert tone="warning" title={t('questionnaire.closed')}>
        {q.savedAt ? t('questionnaire.closedSaved', { saved: formatDateTime(q.savedAt) }) : t('questionnaire.closedNothing')}
      </Alert>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} className="q-notice">
      {notice}
    </div>
  );
}

export default function QuestionnairePage() {
  const { requestId = '' } = useParams();
  const questionnaire = useQuestionnaire(requestId);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const [closedNow, setClosedNow] = useState(false);
  const t = useT();

  if (questionnaire.isPending) return <Loading label={t('questionnaire.loading')} />;
  if (isApiError(questionnaire.error, 404)) return <NotFound />;
  if (questionnaire.isError) return <ErrorAlert error={questionnaire.error} title={t('questionnaire.loadFailed')} />;

  const q = questionnaire.data;
  const self = q.relationship === 'self';
  const due = dueText(q.cycle.responseDeadline, t);
  const editable = q.canEdit && !closedNow;
  return (
    <div className="q-page">
      <PageHeader
        title={self ? t('questionnaire.selfTitle') : t('questionnaire.title', { name: q.subject.name })}
        description={
          <>
            {q.cycle.name}
            {due && editable ? ` · ${capitalise(due)}` : ''}
          </>
        }
        back={{ to: '/feedback', label: t('nav.myFeedback') }}
      />
      {editable ? (
        <>
          <QuestionnaireIntro questionnaire={q} />
          <QuestionnaireForm
            key={q.id}
            questionnaire={q}
            onSubmitted={() => setJustSubmitted(true)}
            onClosed={() => {
              setClosedNow(true);
              void questionnaire.refetch();
            }}
          />
        </>
      ) : (
        <>
          <ReadOnlyNotice q={q} justSubmitted={justSubmitted} closedNow={closedNow} />
          {(!q.withdrawnReason || q.savedAt) && <QuestionnaireAnswers questionnaire={q} />}
          <p className="q-footer">
            <Link to="/feedback">← {t('questionnaire.back')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
