import { Link } from 'react-router';
import { Badge, Button } from '@/components/ui';
import type { SubjectRequest, SubjectRequests } from '../api/get-subject-requests';
import { RATER_GROUP, raterState, type Relationship } from '../utils/words';
import { PersonLine } from './PersonLine';
import { msg, useT } from '@/i18n';

const ORDER: Relationship[] = ['self', 'manager', 'peer', 'direct_report', 'other'];

interface RaterListProps {
  view: SubjectRequests;
  /** Shown beside declined raters when more people can still be asked. */
  onAskSomeoneElse?: () => void;
  /** Otherwise, why not (shown to the subject beside a declined rater). */
  noMorePeers?: string | null;
  onApprove: (request: SubjectRequest) => void;
  onReject: (request: SubjectRequest) => void;
  onRemove: (request: SubjectRequest) => void;
  busyId: string | null;
}

/** The subject's own self-review, on their own page: its real state, and where to answer it while they still can. */
function SelfReviewNext({ request, view }: { request: SubjectRequest; view: SubjectRequests }) {
  const answering = view.cycleState === 'nominating' || view.cycleState === 'collecting';
  const t = useT();
  if (!answering || (request.state !== 'open' && request.state !== 'in_progress')) return null;
  return (
    <p className="rater__next">
      <Link to={`/feedback/${request.id}`}>
        {request.state === 'open' ? t('raters.answerSelf') : t('raters.finishSelf')}
        <span aria-hidden="true"> →</span>
      </Link>
    </p>
  );
}

function Rater({ request, view, onAskSomeoneElse, noMorePeers, onApprove, onReject, onRemove, busyId }: RaterListProps & { request: SubjectRequest }) {
  const isSelf = request.relationship === 'self';
  const subjectViewer = view.viewer === 'subject';
  // The API shows the viewer their own answer as it is: their self-review is theirs to know.
  const ownSelfReview = isSelf && subjectViewer;
  const t = useT();
  const state =
    ownSelfReview && request.state === 'open'
      ? { label: msg('raters.notAnswered'), tone: 'warning' as const, icon: '○' }
      : raterState(request.state, view.viewer);
  const busy = busyId === request.id;
  return (
    <li className="rater" data-request={request.id}>
      <div className="rater__who">
        <PersonLine person={request.rater} nameAs="p" />
      </div>
      <div className="rater__state">
        <Badge tone={state.tone} icon={state.icon}>
          {t(state.label)}
        </Badge>
        {ownSelfReview && <SelfReviewNext request={request} view={view} />}
        {request.reason && (
          <p className="rater__reason">
            <span className="rater__reason-label">{request.state === 'declined' ? t('raters.theirReason') : t('raters.reason')}</span> “{request.reason}”
          </p>
        )}
        {request.state === 'declined' && subjectViewer && (
          <p className="rater__next">
            {onAskSomeoneElse ? (
              <Button variant="ghost" size="sm" className="rater__ask" onClick={onAskSomeoneElse}>
                {t('raters.askElse')}
                <span aria-hidden="true"> →</span>
              </Button>
            ) : (
              noMorePeers && <span className="muted">{noMorePeers}</span>
            )}
          </p>
        )}
      </div>
      {(request.canDecide || request.canRemove) && (
        <div className="rater__actions">
          {request.canDecide && (
            <>
              <Button size="sm" onClick={() => onApprove(request)} loading={busy} loadingText={t('raters.approving')}>
                {t('raters.approve')}
                <span className="visually-hidden"> {request.rater.name}</span>
              </Button>
              <Button size="sm" variant="secondary" onClick={() => onReject(request)} disabled={busy}>
                {t('raters.reject')}
                <span className="visually-hidden"> {request.rater.name}</span>
              </Button>
            </>
          )}
          {request.canRemove && (
            <Button size="sm" variant="ghost" onClick={() => onRemove(request)} disabled={busy}>
              {subjectViewer ? t('raters.withdraw') : t('raters.remove')}
              <span className="visually-hidden"> {request.rater.name}</span>
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/** Who has been asked about the subject, by relationship. */
export function RaterList(props: RaterListProps) {
  const { view } = props;
  const groups = ORDER.map((relationship) => ({ relationship, items: view.items.filter((r) => r.relationship === relationship) })).filter(
    (g) => g.items.length > 0 || (g.relationship === 'peer' && view.maxPeers > 0),
  );
  const actions = view.items.some((r) => r.canDecide || r.canRemove);
  const t = useT();
  return (
    <div className={actions ? 'rater-groups rater-groups--actions' : 'rater-groups'}>
      {groups.map((group) => (
        <section key={group.relationship} className="rater-group" aria-labelledby={`group-${group.relationship}`}>
          <h3 className="rater-group__title" id={`group-${group.relationship}`} tabIndex={-1}>
            {t(RATER_GROUP[group.relationship])} <span className="rater-group__count">{group.items.length}</span>
          </h3>
          {group.items.length === 0 ? (
            <p className="rater-group__empty muted">{view.viewer === 'subject' ? t('raters.nobodyYou') : t('raters.nobody')}</p>
          ) : (
            <ul className="rater-list">
              {group.items.map((request) => (
                <Rater key={request.id} request={request} {...props} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
