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

const RUNNING = new Set<MyCycle['state']>(['nominating', 'collecting']);

/** The cycles I am reviewed in, with my peer counter for the running ones. */
function MyCycles({ cycles, personId }: { cycles: MyCycle[]; personId: string }) {
  const running = cycles.filter((c) => RUNNING.has(c.state));
  const views = useQueries({ queries: running.map((c) => subjectRequestsQueryOptions(c.id, personId)) });
  const viewOf = new Map(running.map((c, i) => [c.id, views[i]?.data]));
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
              <Badge tone={state.tone}>{state.label}</Badge>
            </div>
            {view && view.maxPeers > 0 && (
              <p className={`cycle-card__peers${short ? ' is-short' : ''}`}>
                {short && <span aria-hidden="true">! </span>}
                {peerCounter(view.activePeers, view.minPeers, view.maxPeers)}
                {short ? ` — ask at least ${view.minPeers - view.activePeers} more` : ''}
              </p>
            )}
            {cycle.nominationDeadline && RUNNING.has(cycle.state) && (
              <p className="muted cycle-card__date">Choose peers by {formatDate(cycle.nominationDeadline)}</p>
            )}
            <ButtonLink to={`/cycles/${cycle.id}/subjects/${personId}/requests`} variant={view?.canRequest ? 'primary' : 'secondary'} size="sm">
              {view?.canRequest ? 'Ask colleagues' : 'See who you asked'}
              <span className="visually-hidden"> in {cycle.name}</span>
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
      <PageHeader title="Requests" description="Ask colleagues for feedback on you, and approve the peers the people in your team ask." />
      {loading && <Loading label="Loading your requests…" />}
      {cycles.isError && <ErrorAlert error={cycles.error} title="Could not load your cycles" />}
      {approvals.isError && <ErrorAlert error={approvals.error} title="Could not load your approvals" />}
      {approve.isError && <ErrorAlert error={approve.error} title="Not approved" />}

      {nothing && (
        <div className="card">
          <EmptyState title="No requests for you right now" icon="⇄">
            <p>
              When HR includes you in a feedback cycle, you choose here which colleagues to ask. If you manage people, the peers they propose wait here for your
              approval.
            </p>
          </EmptyState>
        </div>
      )}

      {approvals.data && approvals.data.length > 0 && (
        <Card
          title={
            <span ref={approvalsHeading} tabIndex={-1}>
              Waiting for your approval <Badge tone="warning">{approvals.data.length}</Badge>
            </span>
          }
          description="People in your team proposed these colleagues as peers. Approve to send the request, or reject with a reason they will see."
        >
          <ApprovalList
            approvals={approvals.data}
            busyId={approve.isPending ? (approve.variables ?? null) : null}
            onApprove={(a) =>
              approve.mutate(a.id, {
                onSuccess: () => {
                  toast.show(`Approved: ${a.rater.name} will be asked for feedback on ${a.subject.name}`);
                  focusApprovals();
                },
              })
            }
            onReject={setRejecting}
          />
        </Card>
      )}

      {externalApprovals.isError && <ErrorAlert error={externalApprovals.error} title="Could not load the proposals from outside the organisation" />}
      {externalApprovals.data && <ExternalApprovals items={externalApprovals.data} />}

      {cycles.data && cycles.data.length > 0 && (
        <Card title="Feedback on you" description="The cycles you are reviewed in. Ask colleagues who see your work, so your report is complete.">
          <MyCycles cycles={cycles.data} personId={me.id} />
        </Card>
      )}

      {team.size > 0 && (
        <Card title="Your team" description="Who has been asked about each person you manage. You can ask colleagues on their behalf.">
          <ul className="team-links">
            {[...team.entries()].map(([key, t]) => (
              <li key={key}>
                <Link to={`/cycles/${t.cycleId}/subjects/${t.subject.id}/requests`} className="team-link">
                  <span className="team-link__name">{t.subject.name}</span>
                  <span className="team-link__meta">{[t.subject.title, t.cycleName].filter(Boolean).join(' · ')}</span>
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
        title={rejecting ? `Reject ${rejecting.rater.name}?` : 'Reject'}
        confirmLabel="Reject request"
        pendingLabel="Rejecting…"
        pending={reject.isPending}
        error={reject.error}
        label="Why not?"
        hint={`${rejecting ? firstName(rejecting.subject.name) : 'They'} will see this reason and can ask someone else. Required, up to 1000 characters.`}
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
                toast.show(`Rejected: ${rejecting.rater.name} will not be asked`);
                setRejecting(null);
                focusApprovals();
              },
            },
          )
        }
      >
        <p>{rejecting ? `${rejecting.rater.name} will not be asked for feedback on ${rejecting.subject.name}.` : ''}</p>
      </ReasonDialog>
    </>
  );
}
