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
import { useT } from '@/i18n';

/** Whether the cycle still takes raters at all (the API's NOMINATION_STATES, less the draft nobody but HR sees). */
const takesRaters = (view: SubjectRequests): boolean => view.cycleState === 'nominating' || view.cycleState === 'collecting';

/**
 * Why the viewer cannot ask another peer now, in their words; null when they can. The API decides
 * (peerRoom); this only names the reason, for a declined rater and for the note under the list.
 */
function whyNoMorePeers(view: SubjectRequests, t: ReturnType<typeof useT>): string | null {
  if (view.canRequest) return null;
  const you = view.viewer === 'subject';
  if (!takesRaters(view)) return t('subject.noNewRaters');
  if (view.maxPeers === 0) return t('subject.noPeerFeedback');
  if (view.activePeers >= view.maxPeers) return t('subject.peerListFull', { max: view.maxPeers });
  return you ? t('subject.allReplacedYou') : t('subject.allReplaced');
}

/** The peer counter and what it means for the viewer. */
function PeerSummary({ view }: { view: SubjectRequests }) {
  const { activePeers: active, minPeers: min, maxPeers: max } = view;
  const you = view.viewer === 'subject';
  const name = firstName(view.subject.name);
  const t = useT();
  let status: { text: string; tone: 'warning' | 'success' | 'neutral' };
  if (active < min && view.canRequest)
    status = { text: you ? t('peers.askMore', { count: min - active }) : t('peers.needsMore', { name, count: min - active }), tone: 'warning' };
  else if (active < min) status = { text: t('peers.short', { count: min - active, min }), tone: 'warning' };
  else if (active < max && view.peerRoom > 0) status = { text: t('peers.enoughRoom', { room: view.peerRoom }), tone: 'success' };
  else if (active < max) status = { text: t('peers.enough'), tone: 'success' };
  else status = { text: t('peers.full'), tone: 'success' };
  const percent = max > 0 ? Math.min(100, Math.round((active / max) * 100)) : 0;
  return (
    <div className="peer-summary">
      <p className="peer-summary__count">
        <strong>{peerCounter(t, active, min, max)}</strong>
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
  const t = useT();
  return (
    <dl className="facts request-facts">
      <div className="facts__row">
        <dt>{t('subject.cycle')}</dt>
        <dd>
          {view.cycleName} <Badge tone={state.tone}>{t(state.label)}</Badge>
        </dd>
      </div>
      {view.nominationDeadline && (
        <div className="facts__row">
          {/* eslint-disable-next-line react-hooks/purity -- the deadline passes while the page is open; each render reads the clock on purpose */}
          <dt>{Date.parse(view.nominationDeadline) <= Date.now() ? t('subject.nominationsClosed') : t('subject.choosePeersBy')}</dt>
          <dd>{formatDateTime(view.nominationDeadline)}</dd>
        </div>
      )}
      <div className="facts__row">
        <dt>{t('subject.managerApproval')}</dt>
        <dd>{view.managerApprovesPeers ? (you ? t('subject.approvalNeededYou') : t('subject.approvalNeeded')) : t('subject.approvalNotNeeded')}</dd>
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
  const t = useT();

  if (requests.isPending) return <Loading label={t('subject.loading')} />;
  if (isApiError(requests.error, 404)) return <NotFound />;
  if (requests.isError) return <ErrorAlert error={requests.error} title={t('subject.loadFailed')} />;

  const view = requests.data;
  const you = view.viewer === 'subject';
  const name = firstName(view.subject.name);
  const focusList = () => requestAnimationFrame(() => listHeading.current?.focus());
  const canAsk = view.canRequest || view.canAddRaters;
  const noMorePeers = whyNoMorePeers(view, t);
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
        title={you ? t('subject.titleYou') : t('subject.title', { name: view.subject.name })}
        documentTitle={you ? t('subject.titleYou') : t('subject.documentTitle', { name: view.subject.name })}
        description={
          you
            ? t('subject.descriptionYou', { cycle: view.cycleName })
            : `${[view.subject.title, view.subject.department].filter(Boolean).join(' · ') || view.subject.name} — ${view.cycleName}`
        }
        back={view.viewer === 'admin' ? { to: `/cycles/${view.cycleId}`, label: view.cycleName } : { to: '/requests', label: t('nav.requests') }}
      />

      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="page-notice">
          <Alert tone="success" title={notice} />
        </div>
      )}
      {actionError && <ErrorAlert error={actionError} title={t('reason.failed')} />}

      <div className="requests-layout">
        <div className="requests-layout__main">
          <Card
            title={
              <span ref={listHeading} tabIndex={-1}>
                {you ? t('subject.whoYou') : t('subject.who', { name })}
              </span>
            }
            description={view.viewer === 'admin' ? t('subject.seeHr') : you ? t('subject.seeYou') : t('subject.seeManager')}
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
                    toast.show(t('subject.approved', { rater: r.rater.name, name }));
                    focusList();
                  },
                })
              }
              onReject={setRejecting}
              onRemove={setRemoving}
            />
          </Card>
        </div>
        <aside className="requests-layout__side" aria-label={t('subject.aboutCycle')}>
          <Card title={t('subject.thisCycle')} level={2}>
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
          <Alert tone="info" title={view.activePeers >= view.maxPeers ? t('peers.full') : t('subject.noMorePeersTitle')}>
            {view.activePeers >= view.maxPeers
              ? you
                ? t('subject.allowsYou', { max: view.maxPeers })
                : t('subject.allows', { max: view.maxPeers })
              : `${view.nominationDeadline ? t('subject.closedOn', { date: formatDateTime(view.nominationDeadline) }) : t('subject.closed')} ${
                  you ? t('subject.canReplaceYou') : t('subject.canReplace', { name: firstName(view.subject.name) })
                }`}
          </Alert>
        )
      )}

      <ExternalRaters cycleId={view.cycleId} subjectId={view.subject.id} subjectName={view.subject.name} viewer={view.viewer} />

      <ReasonDialog
        open={rejecting !== null}
        title={rejecting ? t('reject.title', { name: rejecting.rater.name }) : t('raters.reject')}
        confirmLabel={t('reject.confirm')}
        pendingLabel={t('reject.pending')}
        pending={reject.isPending}
        error={reject.error}
        label={t('reject.label')}
        hint={t('decline.hint', { name })}
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
                focusList();
              },
            },
          )
        }
      >
        <p>{t('reject.text', { rater: rejecting?.rater.name ?? '', name: view.subject.name })}</p>
      </ReasonDialog>

      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? (you ? t('remove.titleYou', { name: removing.rater.name }) : t('remove.title', { name: removing.rater.name })) : t('raters.remove')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRemoving(null)} disabled={remove.isPending}>
              {t('remove.keep')}
            </Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              loadingText={t('remove.pending')}
              onClick={() =>
                removing &&
                remove.mutate(removing.id, {
                  onSuccess: () => {
                    toast.show(you ? t('remove.doneYou', { name: removing.rater.name }) : t('remove.done', { name: removing.rater.name }));
                    setRemoving(null);
                    focusList();
                  },
                  onError: () => setRemoving(null),
                })
              }
            >
              {you ? t('remove.confirmYou') : t('remove.confirm')}
            </Button>
          </>
        }
      >
        <p>{you ? t('remove.textYou') : t('remove.text')}</p>
      </Dialog>
    </>
  );
}
