import { useQueries } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Badge, ButtonLink, Card, EmptyState, ErrorAlert, Loading, PageHeader, useToast } from '@/components/ui';
import { useSignedInUser } from '@/lib/auth';
import { firstName, formatDate } from '@/lib/format';
import { useApproveRequest } from '../api/approve-request';
import { subjectRequestsQueryOptions } from '../api/get-subject-requests';
import { useExternalApprovals } from '../api/list-external-approvals';
import { useMyApprovals, type PendingApproval } from '../api/list-my-approvals';
import { useMySubjectCycles, type MyCycle } from '../api/list-my-cycles';
import { useMyTasks } from '../api/list-my-tasks';
import { useRejectRequest } from '../api/reject-request';
import { ApprovalList } from '../components/ApprovalList';
import { ExternalApprovals } from '../components/ExternalApprovals';
import { ReasonDialog } from '../components/ReasonDialog';
import { CYCLE_STATE, peerCounter } from '../utils/words';
import '../feedback.css';
import { useT } from '@/i18n';

const RUNNING = new Set<MyCycle['state']>(['nominating', 'collecting']);

/** The cycles I am reviewed in, with my peer counter for the running ones. */
function MyCycles({ cycles, personId }: { cycles: MyCycle[]; personId: string }) {
  const running = cycles.filter((c) => RUNNING.has(c.state));
  const views = useQueries({ queries: running.map((c) => subjectRequestsQueryOptions(c.id, personId)) });
  const viewOf = new Map(running.map((c, i) => [c.id, views[i]?.data]));
  const t = useT();
  return (
    <ul className="cycle-cards">
      {cycles.map((cycle) => {
        const view = viewOf.get(cycle.id);
        const state = CYCLE_STATE[cycle.state];
        const short = view && view.maxPeers > 0 && view.activePeers < view.minPeers;
        return (
          <li key={cycle.id} className="cycle-card">
            <div className="cycle-card__head">
              <h3 className="cycle-card__name">{cycle.name}</h3>
              <Badge tone={state.tone}>{t(state.label)}</Badge>
            </div>
            {view && view.maxPeers > 0 && (
              <p className={`cycle-card__peers${short ? ' is-short' : ''}`}>
                {short && <span aria-hidden="true">! </span>}
                {peerCounter(t, view.activePeers, view.minPeers, view.maxPeers)}
                {short ? ` — ${t('requests.askMore', { count: view.minPeers - view.activePeers })}` : ''}
              </p>
            )}
            {cycle.nominationDeadline && RUNNING.has(cycle.state) && (
              <p className="muted cycle-card__date">{t('requests.choosePeersBy', { date: formatDate(cycle.nominationDeadline) })}</p>
            )}
            <ButtonLink to={`/cycles/${cycle.id}/subjects/${personId}/requests`} variant={view?.canRequest ? 'primary' : 'secondary'} size="sm">
              {view?.canRequest ? t('ask.title') : t('requests.seeWho')}
              <span className="visually-hidden"> {t('requests.inCycle', { cycle: cycle.name })}</span>
            </ButtonLink>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Requests: where I ask for feedback (the cycles I am reviewed in) and, for managers, the peer
 * proposals waiting for approval and the pages of the people in my team.
 */
export default function RequestsPage() {
  const me = useSignedInUser();
  const cycles = useMySubjectCycles();
  const approvals = useMyApprovals();
  const externalApprovals = useExternalApprovals();
  const tasks = useMyTasks();
  const approve = useApproveRequest();
  const reject = useRejectRequest();
  const toast = useToast();
  const [rejecting, setRejecting] = useState<PendingApproval | null>(null);
  const approvalsHeading = useRef<HTMLHeadingElement>(null);
  const t = useT();

  // My team, as far as the API tells: the people I rate as their manager, and those whose proposals wait for me.
  const team = new Map<string, { cycleId: string; cycleName: string; subject: { id: string; name: string; title: string | null } }>();
  for (const cycle of tasks.data ?? []) {
    if (!RUNNING.has(cycle.state)) continue;
    for (const r of cycle.requests) {
      if (r.relationship === 'manager') team.set(`${cycle.id}:${r.subject.id}`, { cycleId: cycle.id, cycleName: cycle.name, subject: r.subject });
    }
  }
  for (const a of approvals.data ?? []) team.set(`${a.cycleId}:${a.subject.id}`, { cycleId: a.cycleId, cycleName: a.cycleName, subject: a.subject });

  // When the last approval is gone, so is its card: focus falls back to the page.
  const focusApprovals = () => requestAnimationFrame(() => (approvalsHeading.current ?? document.getElementById('main'))?.focus());
  const loading = cycles.isPending || approvals.isPending || tasks.isPending;
  const nothing =
    !loading && (cycles.data?.length ?? 0) === 0 && (approvals.data?.length ?? 0) === 0 && (externalApprovals.data?.length ?? 0) === 0 && team.size === 0;

  return (
    <>
      <PageHeader title={t('nav.requests')} description={t('requests.description')} />
      {loading && <Loading label={t('myFeedback.loading')} />}
      {cycles.isError && <ErrorAlert error={cycles.error} title={t('requests.cyclesFailed')} />}
      {approvals.isError && <ErrorAlert error={approvals.error} title={t('requests.approvalsFailed')} />}
      {approve.isError && <ErrorAlert error={approve.error} title={t('requestState.rejected')} />}

      {nothing && (
        <div className="card">
          <EmptyState title={t('requests.empty')} icon="⇄">
            <p>{t('requests.emptyText')}</p>
          </EmptyState>
        </div>
      )}

      {approvals.data && approvals.data.length > 0 && (
        <Card
          title={
            <span ref={approvalsHeading} tabIndex={-1}>
              {t('requestState.waitingYou')} <Badge tone="warning">{approvals.data.length}</Badge>
            </span>
          }
          description={t('requests.approvalsText')}
        >
          <ApprovalList
            approvals={approvals.data}
            busyId={approve.isPending ? (approve.variables ?? null) : null}
            onApprove={(a) =>
              approve.mutate(a.id, {
                onSuccess: () => {
                  toast.show(t('subject.approved', { rater: a.rater.name, name: a.subject.name }));
                  focusApprovals();
                },
              })
            }
            onReject={setRejecting}
          />
        </Card>
      )}

      {externalApprovals.isError && <ErrorAlert error={externalApprovals.error} title={t('externalRaters.loadFailed')} />}
      {externalApprovals.data && <ExternalApprovals items={externalApprovals.data} />}

      {cycles.data && cycles.data.length > 0 && (
        <Card title={t('requests.onYou')} description={t('requests.onYouText')}>
          <MyCycles cycles={cycles.data} personId={me.id} />
        </Card>
      )}

      {team.size > 0 && (
        <Card title={t('requests.team')} description={t('requests.teamText')}>
          <ul className="team-links">
            {[...team.entries()].map(([key, member]) => (
              <li key={key}>
                <Link to={`/cycles/${member.cycleId}/subjects/${member.subject.id}/requests`} className="team-link">
                  <span className="team-link__name">{member.subject.name}</span>
                  <span className="team-link__meta">{[member.subject.title, member.cycleName].filter(Boolean).join(' · ')}</span>
                  <span className="team-link__arrow" aria-hidden="true">
                    →
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <ReasonDialog
        open={rejecting !== null}
        title={rejecting ? t('reject.title', { name: rejecting.rater.name }) : t('raters.reject')}
        confirmLabel={t('reject.confirm')}
        pendingLabel={t('reject.pending')}
        pending={reject.isPending}
        error={reject.error}
        label={t('reject.label')}
        hint={t('decline.hint', { name: rejecting ? firstName(rejecting.subject.name) : '' })}
        onClose={() => {
          setRejecting(null);
          reject.reset();
        }}
        onConfirm={(reason) =>
          rejecting &&
          reject.mutate(
            { id: rejecting.id, reason },
            {
              onSuccess: () => {
                toast.show(t('reject.done', { name: rejecting.rater.name }));
                setRejecting(null);
                focusApprovals();
              },
            },
          )
        }
      >
        <p>{rejecting ? t('reject.text', { rater: rejecting.rater.name, name: rejecting.subject.name }) : ''}</p>
      </ReasonDialog>
    </>
  );
}
