import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { Alert, Badge, Button, Card, Dialog, ErrorAlert, Loading, NotFound, PageHeader, useToast } from '@/components/ui';
import { firstName, formatDateTime } from '@/lib/format';
import { useApproveRequest } from '../api/approve-request';
import { useSubjectRequests, type SubjectRequest, type SubjectRequests } from '../api/get-subject-requests';
import { useRejectRequest } from '../api/reject-request';
import { useRemoveRequest } from '../api/remove-request';
import { ASK_SEARCH_NAME, AskColleagues } from '../components/AskColleagues';
import { ExternalRaters } from '../components/ExternalRaters';
import { RaterList } from '../components/RaterList';
import { ReasonDialog } from '../components/ReasonDialog';
import { CYCLE_STATE, peerCounter } from '../utils/words';
import '../feedback.css';

/** Whether the cycle still takes raters at all (the API's NOMINATION_STATES, less the draft nobody but HR sees). */
const takesRaters = (view: SubjectRequests): boolean => view.cycleState === 'nominating' || view.cycleState === 'collecting';

/**
 * Why the viewer cannot ask another peer now, in their words; null when they can. The API decides
 * (peerRoom); this only names the reason, for a declined rater and for the note under the list.
 */
function whyNoMorePeers(view: SubjectRequests): string | null {
  if (view.canRequest) return null;
  const you = view.viewer === 'subject';
  if (!takesRaters(view)) return 'This cycle no longer takes new raters.';
  if (view.maxPeers === 0) return 'This cycle collects no peer feedback.';
  if (view.activePeers >= view.maxPeers) return `The peer list is full: this cycle allows ${view.maxPeers} peers.`;
  return `Nominations have closed, and every peer who declined or was not approved has been replaced. ${you ? 'If you need another view, HR' : 'HR'} can still add a rater.`;
}

/** The peer counter and what it means for the viewer. */
function PeerSummary({ view }: { view: SubjectRequests }) {
  const { activePeers: active, minPeers: min, maxPeers: max } = view;
  const you = view.viewer === 'subject';
  const name = firstName(view.subject.name);
  let status: { text: string; tone: 'warning' | 'success' | 'neutral' };
  if (active < min && view.canRequest)
    status = { text: you ? `Ask at least ${min - active} more` : `${name} needs at least ${min - active} more`, tone: 'warning' };
  else if (active < min) status = { text: `${min - active} short of the ${min} this cycle asks for`, tone: 'warning' };
  else if (active < max && view.peerRoom > 0) status = { text: `Enough peers · up to ${view.peerRoom} more possible`, tone: 'success' };
  else if (active < max) status = { text: 'Enough peers', tone: 'success' };
  else status = { text: 'The peer list is full', tone: 'success' };
  const percent = max > 0 ? Math.min(100, Math.round((active / max) * 100)) : 0;
  return (
    <div className="peer-summary">
      <p className="peer-summary__count">
        <strong>{peerCounter(active, min, max)}</strong>
      </p>
      <div className="peer-summary__meter" aria-hidden="true">
        <span className="peer-summary__fill" style={{ width: `${percent}%` }} />
        {min > 0 && min < max && <span className="peer-summary__min" style={{ left: `${(min / max) * 100}%` }} />}
      </div>
      <span className="peer-summary__status">
        <Badge tone={status.tone} icon={status.tone === 'warning' ? '!' : '✓'}>
          {status.text}
        </Badge>
      </span>
    </div>
  );
}

function Facts({ view }: { view: SubjectRequests }) {
  const state = CYCLE_STATE[view.cycleState];
  const you = view.viewer === 'subject';
  return (
    <dl className="facts request-facts">
      <div className="facts__row">
        <dt>Cycle</dt>
        <dd>
          {view.cycleName} <Badge tone={state.tone}>{state.label}</Badge>
        </dd>
      </div>
      {view.nominationDeadline && (
        <div className="facts__row">
          {/* eslint-disable-next-line react-hooks/purity -- the deadline passes while the page is open; each render reads the clock on purpose */}
          <dt>{Date.parse(view.nominationDeadline) <= Date.now() ? 'Nominations closed' : 'Choose peers by'}</dt>
          <dd>{formatDateTime(view.nominationDeadline)}</dd>
        </div>
      )}
      <div className="facts__row">
        <dt>Manager approval</dt>
        <dd>{view.managerApprovesPeers ? `Needed for peers ${you ? 'you ask' : 'the subject asks'}` : 'Not needed'}</dd>
      </div>
    </dl>
  );
}

/**
 * A subject's raters in a cycle, for the subject, their manager and HR (the rater's decline mail
 * links here): who has been asked and in what state, the peer counter, and "Ask colleagues".
 * Nothing here tells submitted from open: the API does not say, and the page adds no hints.
 */
export default function SubjectRequestsPage() {
  const { cycleId = '', subjectId = '' } = useParams();
  const requests = useSubjectRequests(cycleId, subjectId);
  const approve = useApproveRequest();
  const reject = useRejectRequest();
  const remove = useRemoveRequest();
  const toast = useToast();
  const [rejecting, setRejecting] = useState<SubjectRequest | null>(null);
  const [removing, setRemoving] = useState<SubjectRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  if (requests.isPending) return <Loading label="Loading feedback requests…" />;
  if (isApiError(requests.error, 404)) return <NotFound />;
  if (requests.isError) return <ErrorAlert error={requests.error} title="Could not load these feedback requests" />;

  const view = requests.data;
  const you = view.viewer === 'subject';
  const name = firstName(view.subject.name);
  const focusList = () => requestAnimationFrame(() => listHeading.current?.focus());
  const canAsk = view.canRequest || view.canAddRaters;
  const noMorePeers = whyNoMorePeers(view);
  const askSomeoneElse = view.canRequest
    ? () => {
        const input = document.querySelector<HTMLInputElement>(`input[name="${ASK_SEARCH_NAME}"]`);
        input?.scrollIntoView({ block: 'center' });
        input?.focus({ preventScroll: true });
      }
    : undefined;
  const actionError = approve.error ?? remove.error;

  return (
    <>
      <PageHeader
        title={you ? 'Your feedback requests' : `Feedback requests for ${view.subject.name}`}
        documentTitle={you ? 'Your feedback requests' : `Requests for ${view.subject.name}`}
        description={
          you
            ? `Who gives you feedback in ${view.cycleName}. Ask colleagues who see your work, so the picture is complete.`
            : `${[view.subject.title, view.subject.department].filter(Boolean).join(' · ') || view.subject.name} — ${view.cycleName}`
        }
        back={view.viewer === 'admin' ? { to: `/cycles/${view.cycleId}`, label: view.cycleName } : { to: '/requests', label: 'Requests' }}
      />

      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="page-notice">
          <Alert tone="success" title={notice} />
        </div>
      )}
      {actionError && <ErrorAlert error={actionError} title="That did not work" />}

      <div className="requests-layout">
        <div className="requests-layout__main">
          <Card
            title={
              <span ref={listHeading} tabIndex={-1}>
                {you ? 'Who you have asked' : `Who has been asked about ${name}`}
              </span>
            }
            description={
              view.viewer === 'admin'
                ? 'As HR you see progress. The subject and their manager only see who was asked, never who has answered.'
                : `You see who was asked and who declined — never who has answered${you ? '' : ` or what anyone said`}. Answers stay anonymous.`
            }
          >
            {view.maxPeers > 0 && <PeerSummary view={view} />}
            <RaterList
              view={view}
              onAskSomeoneElse={askSomeoneElse}
              noMorePeers={noMorePeers}
              busyId={approve.isPending ? (approve.variables ?? null) : null}
              onApprove={(r) =>
                approve.mutate(r.id, {
                  onSuccess: () => {
                    toast.show(`Approved: ${r.rater.name} will be asked for feedback on ${name}`);
                    focusList();
                  },
                })
              }
              onReject={setRejecting}
              onRemove={setRemoving}
            />
          </Card>
        </div>
        <aside className="requests-layout__side" aria-label="About this cycle">
          <Card title="This cycle" level={2}>
            <Facts view={view} />
          </Card>
        </aside>
      </div>

      {canAsk ? (
        <AskColleagues
          view={view}
          onAsked={(message) => {
            setNotice(message);
            requestAnimationFrame(() => noticeRef.current?.focus());
          }}
        />
      ) : (
        view.maxPeers > 0 &&
        takesRaters(view) && (
          <Alert tone="info" title={view.activePeers >= view.maxPeers ? 'The peer list is full' : 'Peers can no longer be asked'}>
            {view.activePeers >= view.maxPeers
              ? `This cycle allows ${view.maxPeers} peers.${you ? ' Withdraw a request that is still waiting for approval to ask someone else.' : ''}`
              : `Nominations closed${view.nominationDeadline ? ` on ${formatDateTime(view.nominationDeadline)}` : ''}. ${
                  you ? 'You' : `${firstName(view.subject.name)} and you`
                } can still ask someone in place of a peer who declines or is not approved; HR can add a rater at any time until the cycle closes.`}
          </Alert>
        )
      )}

      <ExternalRaters cycleId={view.cycleId} subjectId={view.subject.id} subjectName={view.subject.name} viewer={view.viewer} />

      <ReasonDialog
        open={rejecting !== null}
        title={rejecting ? `Reject ${rejecting.rater.name}?` : 'Reject'}
        confirmLabel="Reject request"
        pendingLabel="Rejecting…"
        pending={reject.isPending}
        error={reject.error}
        label="Why not?"
        hint={`${name} will see this reason and can ask someone else. Required, up to 1000 characters.`}
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
                focusList();
              },
            },
          )
        }
      >
        <p>
          {rejecting?.rater.name} will not be asked for feedback on {view.subject.name}.
        </p>
      </ReasonDialog>

      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? (you ? `Withdraw your request to ${removing.rater.name}?` : `Remove ${removing.rater.name} as a rater?`) : 'Remove'}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRemoving(null)} disabled={remove.isPending}>
              Keep
            </Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              loadingText="Removing…"
              onClick={() =>
                removing &&
                remove.mutate(removing.id, {
                  onSuccess: () => {
                    toast.show(you ? `Withdrawn: ${removing.rater.name} will not be asked` : `Removed ${removing.rater.name}`);
                    setRemoving(null);
                    focusList();
                  },
                  onError: () => setRemoving(null),
                })
              }
            >
              {you ? 'Withdraw request' : 'Remove rater'}
            </Button>
          </>
        }
      >
        <p>
          {you
            ? 'Your manager has not approved it yet, so nothing has been sent. You can ask someone else instead.'
            : 'They will no longer be asked, and anything they had drafted is removed.'}
        </p>
      </Dialog>
    </>
  );
}
