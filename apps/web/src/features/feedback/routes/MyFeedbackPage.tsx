import { useEffect, useState } from 'react';
import { EmptyState, ErrorAlert, Loading, PageHeader, useToast } from '@/components/ui';
import { firstName } from '@/lib/format';
import { useDeclineRequest } from '../api/decline-request';
import { useMyTasks, waitingTasks, type FeedbackTask } from '../api/list-my-tasks';
import { ReasonDialog } from '../components/ReasonDialog';
import { TaskCycle } from '../components/TaskCycle';
import '../feedback.css';
import { useT } from '@/i18n';

/** My feedback: the requests put to me as a rater, by cycle, with deadline, progress and what to do next. */
export default function MyFeedbackPage() {
  const tasks = useMyTasks();
  const decline = useDeclineRequest();
  const toast = useToast();
  const [declining, setDeclining] = useState<FeedbackTask | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);
  const t = useT();

  // The Decline button is gone: put focus on the person's name, where the new state is. In an
  // effect of this page, so it runs after the dialog (a child) has closed and handed focus back
  // to the removed button.
  useEffect(() => {
    if (!refocus || declining) return;
    document.querySelector<HTMLElement>(`[data-task="${refocus}"] .person-line__name`)?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the focus move is a DOM side effect that must run after the dialog closed; then it is done
    setRefocus(null);
  }, [refocus, declining]);

  const waiting = tasks.data ? waitingTasks(tasks.data).length : 0;
  return (
    <>
      <PageHeader
        title={t('nav.myFeedback')}
        description={
          tasks.data && tasks.data.length > 0
            ? waiting > 0
              ? t('myFeedback.waiting', { count: waiting })
              : t('myFeedback.allDone')
            : t('myFeedback.description')
        }
      />
      {tasks.isPending && <Loading label={t('myFeedback.loading')} />}
      {tasks.isError && <ErrorAlert error={tasks.error} title={t('myFeedback.loadFailed')} />}
      {tasks.data && tasks.data.length === 0 && (
        <div className="card">
          <EmptyState title={t('myFeedback.empty')} icon="✉">
            <p>{t('myFeedback.emptyText')}</p>
            <p className="muted">{t('myFeedback.emptyMail')}</p>
          </EmptyState>
        </div>
      )}
      {tasks.data?.map((cycle) => (
        <TaskCycle key={cycle.id} cycle={cycle} onDecline={setDeclining} />
      ))}

      <ReasonDialog
        open={declining !== null}
        title={declining ? t('decline.title', { name: declining.subject.name }) : t('task.decline')}
        confirmLabel={t('decline.confirm')}
        pendingLabel={t('decline.pending')}
        pending={decline.isPending}
        error={decline.error}
        label={t('decline.label')}
        hint={t('decline.hint', { name: declining ? firstName(declining.subject.name) : '' })}
        onClose={() => {
          setDeclining(null);
          decline.reset();
        }}
        onConfirm={(reason) => {
          if (!declining) return;
          const task = declining;
          decline.mutate(
            { id: task.id, reason },
            {
              onSuccess: () => {
                setDeclining(null);
                setRefocus(task.id);
                toast.show(t('decline.done', { name: task.subject.name }));
              },
            },
          );
        }}
      >
        <p>{t('decline.text', { name: declining ? firstName(declining.subject.name) : '' })}</p>
      </ReasonDialog>
    </>
  );
}
