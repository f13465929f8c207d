import { Link } from 'react-router';
import { Card } from '@/components/ui';
import { useExternalApprovals } from '../api/list-external-approvals';
import { useMyApprovals } from '../api/list-my-approvals';
import { nominationsOpen, useMySubjectCycles } from '../api/list-my-cycles';
import { useMyTasks, waitingTasks } from '../api/list-my-tasks';
import '../feedback.css';
import { useT } from '@/i18n';

/** Whether I take part in any launched cycle (as a rater or a subject): until then, Home says cycles are still to come. */
export function useInAnyCycle(): boolean | undefined {
  const tasks = useMyTasks();
  const cycles = useMySubjectCycles();
  if (!tasks.data || !cycles.data) return undefined;
  return tasks.data.length > 0 || cycles.data.length > 0;
}

/**
 * Home's "What needs you": feedback waiting for me, peer and external proposals waiting for my approval, and
 * the running cycles I am reviewed in. Rows with nothing to do are left out.
 */
export function WhatNeedsYou() {
  const tasks = useMyTasks();
  const approvals = useMyApprovals();
  const externalApprovals = useExternalApprovals();
  const cycles = useMySubjectCycles();
  const waiting = tasks.data ? waitingTasks(tasks.data).length : 0;
  const pending = approvals.data?.length ?? 0;
  const pendingExternal = externalApprovals.data?.length ?? 0;
  // eslint-disable-next-line react-hooks/purity -- a deadline passes while the page is open; each render reads the clock on purpose
  const running = nominationsOpen(cycles.data ?? [], Date.now());
  const t = useT();
  const loaded = !tasks.isPending && !approvals.isPending && !externalApprovals.isPending && !cycles.isPending;
  const rows = [
    waiting > 0 && { to: '/feedback', count: waiting, text: t('needs.waiting', { count: waiting }), action: t('needs.waitingAction') },
    pending > 0 && { to: '/requests', count: pending, text: t('needs.approvals', { count: pending }), action: t('needs.approvalsAction') },
    pendingExternal > 0 && {
      to: '/requests',
      count: pendingExternal,
      text: t('needs.externalApprovals', { count: pendingExternal }),
      action: t('needs.approvalsAction'),
    },
    running.length > 0 && {
      to: '/requests',
      count: running.length,
      text: t('needs.cycles', { count: running.length }),
      action: t('needs.cyclesAction'),
    },
  ].filter((r): r is { to: string; count: number; text: string; action: string } => Boolean(r));
  return (
    <Card title={t('needs.title')} className="needs-you">
      {!loaded && <p className="muted">{t('needs.checking')}</p>}
      {loaded && rows.length === 0 && <p className="muted">{t('needs.nothing')}</p>}
      {rows.length > 0 && (
        <ul className="needs-you__list">
          {rows.map((row) => (
            <li key={row.text}>
              <Link to={row.to} className="needs-you__row">
                <span className="needs-you__count" aria-hidden="true">
                  {row.count}
                </span>
                <span className="needs-you__text">{row.text}</span>
                <span className="needs-you__action">
                  {row.action}
                  <span aria-hidden="true"> →</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
