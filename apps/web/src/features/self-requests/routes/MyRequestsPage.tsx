import { useState } from 'react';
import { Badge, Button, ButtonLink, Card, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { msg, useT, type MessageId } from '@/i18n';
import { useSignedInUser } from '@/lib/auth';
import { formatDate } from '@/lib/format';
import { useCloseSelfRequest, useMySelfRequests, useSelfRequestOptions, type SelfRequest } from '../api/self-requests';
import { ShareDialog } from '../components/ShareDialog';
import '../self-requests.css';

const STATE_WORDS: Record<string, MessageId> = {
  collecting: msg('selfRequests.state.collecting'),
  closed: msg('selfRequests.state.closed'),
  released: msg('selfRequests.state.released'),
};

/**
 * Feedback you asked for: what you asked, whom (how many), declines (you are told of those
 * anyway), your own self-assessment — never who has answered. Close it, read the report, share it.
 */
export default function MyRequestsPage() {
  const requests = useMySelfRequests();
  const options = useSelfRequestOptions();
  const t = useT();
  return (
    <>
      <PageHeader
        title={t('selfRequests.mine.title')}
        description={t('selfRequests.mine.description')}
        actions={options.data?.enabled ? <ButtonLink to="/ask-for-feedback">{t('selfRequests.mine.ask')}</ButtonLink> : undefined}
      />
      {requests.isPending && <Loading label={t('selfRequests.mine.loading')} />}
      {requests.isError && <ErrorAlert error={requests.error} title={t('selfRequests.mine.loadFailed')} />}
      {requests.data && requests.data.items.length === 0 && (
        <EmptyState icon="○" title={t('selfRequests.mine.empty')}>
          {t('selfRequests.mine.emptyText')}
        </EmptyState>
      )}
      {requests.data?.items.map((r) => (
        <RequestCard key={r.id} request={r} names={new Map(options.data?.behaviours.map((b) => [b.key, b.name]))} />
      ))}
    </>
  );
}

function RequestCard({ request, names }: { request: SelfRequest; names: Map<string, string> }) {
  const me = useSignedInUser();
  const close = useCloseSelfRequest();
  const [sharing, setSharing] = useState(false);
  const t = useT();
  const behaviours = request.behaviourKeys.map((k) => names.get(k) ?? k).join(', ');
  return (
    <Card title={behaviours} description={request.startedAt ? t('selfRequests.mine.askedOn', { date: formatDate(request.startedAt) }) : undefined}>
      <div className="self-request">
        <p>
          <Badge tone={request.state === 'released' ? 'success' : 'neutral'}>
            {request.state in STATE_WORDS ? t(STATE_WORDS[request.state]!) : request.state}
          </Badge>
        </p>
        <dl className="self-request__facts">
          <div>
            <dt>{t('selfRequests.mine.asked')}</dt>
            <dd>{t('selfRequests.mine.askedCount', { count: request.asked })}</dd>
          </div>
          <div>
            <dt>{t('selfRequests.mine.declined')}</dt>
            <dd>{request.declined}</dd>
          </div>
          <div>
            <dt>{t('selfRequests.mine.ownView')}</dt>
            <dd>{request.selfSubmitted ? t('selfRequests.mine.submitted') : t('selfRequests.mine.notYet')}</dd>
          </div>
          {request.responseDeadline && (
            <div>
              <dt>{request.state === 'collecting' ? t('selfRequests.mine.closes') : t('selfRequests.mine.closed')}</dt>
              <dd>{formatDate(request.closedAt ?? request.responseDeadline)}</dd>
            </div>
          )}
        </dl>
        {request.state === 'collecting' && <p className="field__hint">{t('selfRequests.mine.hidden')}</p>}
        <div className="self-request__actions">
          {request.state === 'collecting' && (
            <Button variant="secondary" loading={close.isPending} loadingText={t('selfRequests.mine.closing')} onClick={() => close.mutate(request.id)}>
              {t('selfRequests.mine.closeNow')}
            </Button>
          )}
          {request.reportReady && (
            <>
              <ButtonLink to={`/reports/cycles/${request.id}/subjects/${me.id}`}>{t('selfRequests.mine.read')}</ButtonLink>
              <Button variant="secondary" onClick={() => setSharing(true)}>
                {t('selfRequests.mine.share')}
              </Button>
            </>
          )}
        </div>
        {close.isError && <ErrorAlert error={close.error} title={t('selfRequests.mine.closeFailed')} />}
      </div>
      {request.reportReady && <ShareDialog cycleId={request.id} ownerId={me.id} open={sharing} onClose={() => setSharing(false)} />}
    </Card>
  );
}
