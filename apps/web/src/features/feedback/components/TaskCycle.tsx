import { Badge, Button, ButtonLink } from '@/components/ui';
import { firstName, formatDate } from '@/lib/format';
import type { FeedbackTask, FeedbackTaskCycle } from '../api/list-my-tasks';
import { capitalise, dueText, isSoon } from '../utils/time';
import { CYCLE_STATE, SUBJECT_TO_RATER, taskState } from '../utils/words';
import { PersonLine } from './PersonLine';
import { useT } from '@/i18n';

function TaskAction({ task }: { task: FeedbackTask }) {
  const t = useT();
  const who = task.relationship === 'self' ? t('task.whoSelf') : t('task.whoFor', { name: task.subject.name });
  if (task.draftKept) {
    return (
      <ButtonLink to={`/feedback/${task.id}`} variant="secondary" size="sm">
        {t('task.readDraft')}
        <span className="visually-hidden"> {t('task.forName', { name: task.subject.name })}</span>
      </ButtonLink>
    );
  }
  if (task.state === 'declined') return null;
  const label = task.canAnswer ? (task.state === 'open' && task.progress.answered === 0 ? t('task.start') : t('task.continue')) : t('task.view');
  return (
    <ButtonLink to={`/feedback/${task.id}`} variant={task.canAnswer ? 'primary' : 'secondary'} size="sm">
      {label}
      <span className="visually-hidden"> {who}</span>
    </ButtonLink>
  );
}

function Task({ task, onDecline }: { task: FeedbackTask; onDecline: (task: FeedbackTask) => void }) {
  const state = taskState(task.state, task.canAnswer, task.withdrawn);
  const { answered, total } = task.progress;
  const self = task.relationship === 'self';
  const progressId = `task-${task.id}-progress`;
  const t = useT();
  return (
    <li className="task" data-task={task.id}>
      <div className="task__who">
        <PersonLine
          person={task.subject}
          nameAs="h3"
          extra={<p className="task__relation">{self ? t('task.youSelf') : capitalise(t(SUBJECT_TO_RATER[task.relationship]))}</p>}
        />
      </div>
      <div className="task__progress">
        {task.withdrawn ? (
          <p className="task__withdrawn">
            {task.reason}
            {task.draftKept && ` ${t('task.draftKept')}`}
          </p>
        ) : task.state === 'declined' ? (
          <span className="muted">{t('task.youDeclined')}</span>
        ) : (
          <>
            <span id={progressId} className="task__count">
              {t('task.answered', { answered, total })}
            </span>
            <progress className="task__bar" max={total || 1} value={answered} aria-labelledby={progressId} />
          </>
        )}
      </div>
      <div className="task__state">
        <Badge tone={state.tone} icon={state.icon}>
          {t(state.label)}
        </Badge>
      </div>
      <div className="task__actions">
        <TaskAction task={task} />
        {task.canAnswer && !self && (
          <Button variant="ghost" size="sm" onClick={() => onDecline(task)}>
            {t('task.decline')}
            <span className="visually-hidden"> {t('task.declineFor', { name: firstName(task.subject.name) })}</span>
          </Button>
        )}
      </div>
    </li>
  );
}

/** One cycle on My feedback: its deadline and the people I was asked about. */
export function TaskCycle({ cycle, onDecline }: { cycle: FeedbackTaskCycle; onDecline: (task: FeedbackTask) => void }) {
  const t = useT();
  const due = dueText(cycle.responseDeadline, t);
  const open = cycle.requests.filter((r) => r.canAnswer).length;
  const done = cycle.requests.filter((r) => r.state === 'submitted').length;
  const running = cycle.state === 'nominating' || cycle.state === 'collecting';
  const state = CYCLE_STATE[cycle.state];
  // Self-review first, then the API's order (by name).
  const requests = [...cycle.requests].sort((a, b) => Number(b.relationship === 'self') - Number(a.relationship === 'self'));
  // Feedback a colleague asked for themselves: say so, in their name ("Rosa asked you for feedback").
  const asker = cycle.origin !== 'hr' ? cycle.requests[0]?.subject : undefined;
  const title = asker
    ? cycle.requests[0]?.relationship === 'self'
      ? t('selfRequests.youAsked')
      : t('selfRequests.askedYou', { name: firstName(asker.name) })
    : cycle.name;
  return (
    <section className="card task-cycle" aria-labelledby={`cycle-${cycle.id}`}>
      <header className="task-cycle__header">
        <div>
          <h2 className="card__title" id={`cycle-${cycle.id}`}>
            {title}
          </h2>
          <p className="card__description">{running ? t('taskCycle.running', { open, done }) : t('taskCycle.done', { done, total: cycle.requests.length })}</p>
        </div>
        <div className="task-cycle__meta">
          {running && due && cycle.responseDeadline ? (
            <p className={`due${isSoon(cycle.responseDeadline) && open > 0 ? ' due--soon' : ''}`}>
              {isSoon(cycle.responseDeadline) && open > 0 && <span aria-hidden="true">⏰ </span>}
              <strong>{capitalise(due)}</strong>
              <span className="due__date"> · {formatDate(cycle.responseDeadline)}</span>
            </p>
          ) : (
            <Badge tone={state.tone}>{t(state.label)}</Badge>
          )}
        </div>
      </header>
      <ul className="task-list">
        {requests.map((task) => (
          <Task key={task.id} task={task} onDecline={onDecline} />
        ))}
      </ul>
    </section>
  );
}
