import { useEffect, useState } from 'react';
import { EmptyState, ErrorAlert, Loading, PageHeader, useToast } from '@/components/ui';
import { firstName, plural } from '@/lib/format';
import { useDeclineRequest } from '../api/decline-request';
import { useMyTasks, waitingTasks, type FeedbackTask } from '../api/list-my-tasks';
import { ReasonDialog } from '../components/ReasonDialog';
import { TaskCycle } from '../components/TaskCycle';
import '../feedback.css';

/** My feedback: the requests put to me as a rater, by cycle, with deadline, progress and what to do next. */
export default function MyFeedbackPage() {
  const tasks = useMyTasks();
  const decline = useDeclineRequest();
  const toast = useToast();
  const [declining, setDeclining] = useState<FeedbackTask | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);

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
        title="My feedback"
        description={
          tasks.data && tasks.data.length > 0
            ? waiting > 0
              ? `${plural(waiting, 'request')} ${waiting === 1 ? 'is' : 'are'} waiting for your feedback.`
              : 'You are all done for now — thank you.'
            : 'The colleagues you have been asked to give feedback on.'
        }
      />
      {tasks.isPending && <Loading label="Loading your requests…" />}
      {tasks.isError && <ErrorAlert error={tasks.error} title="Could not load your requests" />}
      {tasks.data && tasks.data.length === 0 && (
        <div className="card">
          <EmptyState title="Nothing to answer yet" icon="✉">
            <p>
              When HR starts a feedback cycle, or a colleague asks for your view, the people you are asked about appear here — with the deadline, your progress
              and a button to start.
            </p>
            <p className="muted">You will also get an email. Your answers save as you go, so you can stop and come back.</p>
          </EmptyState>
        </div>
      )}
      {tasks.data?.map((cycle) => (
        <TaskCycle key={cycle.id} cycle={cycle} onDecline={setDeclining} />
      ))}

      <ReasonDialog
        open={declining !== null}
        title={declining ? `Decline the request for ${declining.subject.name}?` : 'Decline'}
        confirmLabel="Decline request"
        pendingLabel="Declining…"
        pending={decline.isPending}
        error={decline.error}
        label="Why are you declining?"
        hint={`${declining ? firstName(declining.subject.name) : 'They'} will see this reason and can ask someone else. Required, up to 1000 characters.`}
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
                toast.show(`You declined the request for ${task.subject.name}`);
              },
            },
          );
        }}
      >
        <p>
          If you do not know {declining ? firstName(declining.subject.name) : 'them'} well enough, or cannot answer in time, say so. Declining is final for this
          cycle; nothing you may have drafted is sent.
        </p>
      </ReasonDialog>
    </>
  );
}
