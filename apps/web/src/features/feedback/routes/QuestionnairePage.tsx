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

const CLOSED_MESSAGE = 'This cycle has closed; your draft is kept but can no longer be sent.';

/** After a submit: the rater's next open request (this cycle's first), as a way straight on. */
function NextRequest({ current }: { current: Questionnaire }) {
  const tasks = useMyTasks();
  const waiting = tasks.data ? waitingTasks(tasks.data).filter((t) => t.id !== current.id) : [];
  const next = waiting.find((t) => tasks.data?.find((c) => c.id === current.cycle.id)?.requests.includes(t)) ?? waiting[0];
  if (!next) return null;
  const name = next.relationship === 'self' ? 'your self-review' : next.subject.name;
  return (
    <ButtonLink to={`/feedback/${next.id}`} size="sm">
      Next: {name} <span aria-hidden="true">→</span>
    </ButtonLink>
  );
}

/** Why the questionnaire is read-only, in words. */
function ReadOnlyNotice({ q, justSubmitted, closedNow }: { q: Questionnaire; justSubmitted: boolean; closedNow: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // After an action the message is where focus goes, so it is read at once.
  useEffect(() => {
    if (justSubmitted || closedNow) ref.current?.focus();
  }, [justSubmitted, closedNow]);
  let notice;
  if (q.withdrawnReason) {
    notice = (
      <Alert
        tone="info"
        title="This request was withdrawn"
        actions={
          <ButtonLink to="/feedback" variant="secondary" size="sm">
            Back to My feedback
          </ButtonLink>
        }
      >
        <p>{q.withdrawnReason}</p>
        {q.savedAt ? (
          <p>
            You had started this (last saved {formatDateTime(q.savedAt)}). It was not submitted and will not be used: nobody else can see it, and no report
            counts it. Copy anything you want to keep — it is deleted when the cycle closes.
          </p>
        ) : (
          <p>Nothing you had started is kept here.</p>
        )}
      </Alert>
    );
  } else if (q.state === 'submitted') {
    notice = (
      <Alert
        tone="success"
        title={justSubmitted ? 'Submitted — thank you' : 'You have submitted this feedback'}
        actions={
          <>
            {justSubmitted && <NextRequest current={q} />}
            <ButtonLink to="/feedback" variant="secondary" size="sm">
              Back to My feedback
            </ButtonLink>
          </>
        }
      >
        {q.submittedAt ? `Sent ${formatDateTime(q.submittedAt)}. ` : ''}Your answers are final; here is what you sent.
      </Alert>
    );
  } else if (q.state === 'declined') {
    notice = (
      <Alert tone="info" title="You declined this request">
        Nothing was sent. {q.subject.name} has been told and can ask someone else.
      </Alert>
    );
  } else {
    notice = (
      <Alert tone="warning" title={CLOSED_MESSAGE}>
        {q.savedAt ? `These are the answers you had saved (last saved ${formatDateTime(q.savedAt)}).` : 'You had not answered anything yet.'}
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

  if (questionnaire.isPending) return <Loading label="Loading the questionnaire…" />;
  if (isApiError(questionnaire.error, 404)) return <NotFound />;
  if (questionnaire.isError) return <ErrorAlert error={questionnaire.error} title="Could not load this questionnaire" />;

  const q = questionnaire.data;
  const self = q.relationship === 'self';
  const due = dueText(q.cycle.responseDeadline);
  const editable = q.canEdit && !closedNow;
  return (
    <div className="q-page">
      <PageHeader
        title={self ? 'Your self-review' : `Feedback for ${q.subject.name}`}
        description={
          <>
            {q.cycle.name}
            {due && editable ? ` · ${capitalise(due)}` : ''}
          </>
        }
        back={{ to: '/feedback', label: 'My feedback' }}
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
            <Link to="/feedback">← Back to My feedback</Link>
          </p>
        </>
      )}
    </div>
  );
}
